use super::close_step::CloseStep;
use crate::log::log;
use crate::GarchParams;

/// One row of the original `garch_volatility`: **the batch `garch_volatility_unchecked`
/// (`src/garch_volatility.rs`) row by row, operation for operation**: the scaled return, the
/// start estimate at the first non-NaN return, the variance recursion (a non-finite return
/// carries the variance forward) and `sigma = sqrt(var) / scale` from row `first + min_periods`.
/// All NaN when `alpha + beta >= 1`.
#[derive(Clone, Copy)]
pub(crate) struct Garch {
    p: GarchParams,
    floor_sq: f64,
    /// The previous close (log returns) or the previous forward-filled close (`pct_change`).
    prev: f64,
    /// The row of the first non-NaN return and its state, once there is one.
    first: Option<usize>,
    mu: f64,
    w: f64,
    eps2: f64,
    var_prev: f64,
}

impl Garch {
    /// Before any close; `p` is valid (checked by the caller).
    pub(crate) fn new(p: &GarchParams) -> Self {
        Self {
            p: *p,
            floor_sq: p.sigma_floor * p.sigma_floor,
            prev: f64::NAN,
            first: None,
            mu: f64::NAN,
            w: f64::NAN,
            eps2: f64::NAN,
            var_prev: f64::NAN,
        }
    }

    /// The scaled return of row `row` with close `c` (NaN on row 0).
    fn scaled_return(&mut self, row: usize, c: f64) -> f64 {
        let scale = self.p.scale;
        if row == 0 {
            self.prev = c;
            return f64::NAN;
        }
        if self.p.use_log_returns {
            let r = log(c / self.prev) * scale;
            self.prev = c;
            r
        } else {
            let d = if c.is_nan() { self.prev } else { c }; // fillna(method='pad')
            let r = (d / self.prev - 1.0) * scale;
            self.prev = d;
            r
        }
    }

    /// The variance at the first return `x` (the original's degenerate start estimate).
    fn start(&mut self, x: f64) -> f64 {
        let mu = x;
        let dev = x - mu;
        let mut lr_var = dev * dev;
        if !lr_var.is_finite() || lr_var <= 0.0 {
            lr_var = 1e-6;
        }
        let mut w = if self.p.omega < 0.0 {
            let rest = 1.0 - self.p.alpha - self.p.beta;
            lr_var * (if rest > 1e-6 { rest } else { 1e-6 })
        } else {
            self.p.omega
        };
        if 0.0 > w {
            w = 0.0;
        }
        let eps2 = dev * dev;
        let mut var_prev = lr_var;
        if eps2 > var_prev {
            var_prev = eps2;
        }
        if self.floor_sq > var_prev {
            var_prev = self.floor_sq;
        }
        self.mu = mu;
        self.w = w;
        self.eps2 = eps2;
        self.var_prev = var_prev;
        var_prev
    }

    /// Feeds row `row`'s close and returns the return-unit sigma.
    #[inline]
    pub(crate) fn step(&mut self, row: usize, c: f64) -> f64 {
        if self.p.alpha + self.p.beta >= 1.0 {
            return f64::NAN;
        }
        let rt = self.scaled_return(row, c);
        let first = match self.first {
            Some(first) => {
                if rt.is_finite() {
                    let mut v = self.w + self.p.alpha * self.eps2 + self.p.beta * self.var_prev;
                    if self.floor_sq > v {
                        v = self.floor_sq;
                    }
                    let d = rt - self.mu;
                    self.eps2 = d * d;
                    self.var_prev = v;
                }
                first
            }
            None if rt.is_nan() => return f64::NAN,
            None => {
                self.first = Some(row);
                self.start(rt);
                row
            }
        };
        if row >= first.saturating_add(self.p.min_periods) {
            self.var_prev.sqrt() / self.p.scale
        } else {
            f64::NAN
        }
    }
}

/// The GARCH sigma of the closes' returns (`garch_volatility`).
impl CloseStep for Garch {
    type Saved = Garch;

    fn save(&self) -> Garch {
        *self
    }

    fn restore(&mut self, saved: Garch) {
        *self = saved;
    }

    fn close_row(&mut self, row: usize, close: f64) -> f64 {
        self.step(row, close)
    }
}

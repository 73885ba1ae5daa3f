use crate::observed;

/// One row of pandas 1.5.3 `rolling(window, min_periods=window).sum()`: **the loop body of the
/// batch `rolling_sum` (`src/rolling.rs`), operation for operation** (Kahan-compensated running
/// sum, `last * nobs` on equal values). The caller keeps the window's values and passes the one
/// leaving it.
#[derive(Clone, Copy)]
pub(crate) struct RollingSum {
    window: usize,
    nobs: usize,
    sum: f64,
    comp_add: f64,
    comp_remove: f64,
    same_run: usize,
    last: f64,
}

impl RollingSum {
    /// An empty window of `window >= 2` rows.
    pub(crate) fn new(window: usize) -> Self {
        Self {
            window,
            nobs: 0,
            sum: 0.0,
            comp_add: 0.0,
            comp_remove: 0.0,
            same_run: 0,
            last: f64::NAN,
        }
    }

    /// Removes `leaving` (the value `window` rows back, `None` during the first `window` rows),
    /// adds `v` (non-finite = missing) and returns the sum, NaN unless all `window` values are
    /// observed.
    #[inline]
    pub(crate) fn step(&mut self, leaving: Option<f64>, v: f64) -> f64 {
        if let Some(leaving) = leaving.filter(|&x| observed(x)) {
            self.nobs -= 1;
            let y = -leaving - self.comp_remove;
            let t = self.sum + y;
            self.comp_remove = t - self.sum - y;
            self.sum = t;
        }
        if observed(v) {
            self.nobs += 1;
            let y = v - self.comp_add;
            let t = self.sum + y;
            self.comp_add = t - self.sum - y;
            self.sum = t;
            #[allow(
                clippy::float_cmp,
                reason = "pandas' consecutive-equal-values rule compares observations exactly"
            )]
            let repeated = v == self.last;
            self.same_run = if repeated { self.same_run + 1 } else { 1 };
            self.last = v;
        }
        if self.nobs < self.window {
            f64::NAN
        } else if self.same_run >= self.nobs {
            #[allow(
                clippy::cast_precision_loss,
                reason = "nobs <= window <= PERIOD_MAX < 2^53, so the conversion is exact"
            )]
            let count = self.nobs as f64;
            self.last * count
        } else {
            self.sum
        }
    }
}

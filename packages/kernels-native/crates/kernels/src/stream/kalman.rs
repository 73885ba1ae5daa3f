use super::close_step::CloseStep;

/// One row of the original `kalman_mean` loop: **the loop of the batch `kalman_mean`
/// (`src/kalman_mean.rs`), operation for operation**. NaN before the first non-NaN close, and
/// (the original's defect) from the first NaN close after it on.
#[derive(Clone, Copy)]
pub(crate) struct Kalman {
    r: f64,
    q: f64,
    started: bool,
    xhat: f64,
    p: f64,
}

impl Kalman {
    /// The filter with measurement variance `r` and process variance `q`, before any close.
    pub(crate) fn new(r: f64, q: f64) -> Self {
        Self {
            r,
            q,
            started: false,
            xhat: f64::NAN,
            p: f64::NAN,
        }
    }

    /// Feeds one close (only NaN is missing) and returns the filtered mean.
    #[inline]
    pub(crate) fn step(&mut self, m: f64) -> f64 {
        if !self.started {
            if !m.is_nan() {
                self.started = true;
                self.xhat = m;
                self.p = self.r;
            }
            return self.xhat;
        }
        let p_minus = (if self.p.is_nan() { self.r } else { self.p }) + self.q;
        if m.is_nan() {
            self.xhat = f64::NAN;
            self.p = f64::NAN;
        } else {
            let k = p_minus / (p_minus + self.r);
            self.xhat = self.xhat + k * (m - self.xhat);
            self.p = (1.0 - k) * p_minus;
        }
        self.xhat
    }
}

/// The filtered mean of the closes (`kalman_mean`, and the mean of `kalman_zscore`).
impl CloseStep for Kalman {
    type Saved = Kalman;

    fn save(&self) -> Kalman {
        *self
    }

    fn restore(&mut self, saved: Kalman) {
        *self = saved;
    }

    fn close_row(&mut self, _row: usize, close: f64) -> f64 {
        self.step(close)
    }
}

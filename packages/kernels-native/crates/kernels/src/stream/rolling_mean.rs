use crate::observed;

/// One row of pandas 1.5.3 `rolling(window, min_periods=window).mean()`: **the loop body of the
/// batch `sma` (`src/sma.rs`), operation for operation** (Kahan-compensated running sum with
/// separate compensations for added and removed values, the consecutive-equal-values rule and the
/// sign clamp). The caller keeps the window's values and passes the one leaving it.
#[derive(Clone, Copy)]
pub(crate) struct RollingMean {
    window: usize,
    nobs: usize,
    sum: f64,
    comp_add: f64,
    comp_remove: f64,
    negatives: usize,
    same_run: usize,
    last: f64,
}

impl RollingMean {
    /// An empty window of `window >= 1` rows.
    pub(crate) fn new(window: usize) -> Self {
        Self {
            window,
            nobs: 0,
            sum: 0.0,
            comp_add: 0.0,
            comp_remove: 0.0,
            negatives: 0,
            same_run: 0,
            last: f64::NAN,
        }
    }

    /// Removes `leaving` (the value `window` rows back, `None` during the first `window` rows),
    /// adds `v` (non-finite = missing) and returns the mean, NaN unless all `window` values are
    /// observed.
    #[inline]
    pub(crate) fn step(&mut self, leaving: Option<f64>, v: f64) -> f64 {
        if let Some(leaving) = leaving.filter(|&x| observed(x)) {
            self.nobs -= 1;
            let y = -leaving - self.comp_remove;
            let t = self.sum + y;
            self.comp_remove = t - self.sum - y;
            self.sum = t;
            if leaving.is_sign_negative() {
                self.negatives -= 1;
            }
        }
        if observed(v) {
            self.nobs += 1;
            let y = v - self.comp_add;
            let t = self.sum + y;
            self.comp_add = t - self.sum - y;
            self.sum = t;
            if v.is_sign_negative() {
                self.negatives += 1;
            }
            #[allow(
                clippy::float_cmp,
                reason = "pandas' consecutive-equal-values rule compares observations exactly"
            )]
            let repeated = v == self.last;
            self.same_run = if repeated { self.same_run + 1 } else { 1 };
            self.last = v;
        }
        let mut mean = f64::NAN;
        if self.nobs >= self.window {
            #[allow(
                clippy::cast_precision_loss,
                reason = "nobs <= window <= PERIOD_MAX < 2^53, so the conversion is exact"
            )]
            let count = self.nobs as f64;
            mean = self.sum / count;
            if self.same_run >= self.nobs {
                mean = self.last;
            } else if (self.negatives == 0 && mean < 0.0)
                || (self.negatives == self.nobs && mean > 0.0)
            {
                mean = 0.0;
            }
        }
        mean
    }
}

use super::equal_run::EqualRun;
use crate::observed;
use crate::rolling_var::as_f64;

/// One row of pandas 1.5.3 `rolling(window, min_periods=window).var()` (ddof=1): **the loop body
/// of the batch `rolling_var` (`src/rolling_var.rs`), operation for operation** (Welford with
/// compensated mean updates, separate compensations for adds and removes, exactly 0 on equal
/// values). The caller keeps the window's values and passes the one leaving it.
#[derive(Clone, Copy)]
pub(crate) struct RollingVar {
    window: usize,
    nobs: usize,
    mean: f64,
    ssqdm: f64,
    comp_add: f64,
    comp_remove: f64,
    run: EqualRun,
}

impl RollingVar {
    /// An empty window of `window >= 2` rows.
    pub(crate) fn new(window: usize) -> Self {
        Self {
            window,
            nobs: 0,
            mean: 0.0,
            ssqdm: 0.0,
            comp_add: 0.0,
            comp_remove: 0.0,
            run: EqualRun::new(),
        }
    }

    /// Removes `leaving` (the value `window` rows back, `None` during the first `window` rows),
    /// adds `v` (non-finite = missing) and returns the sample variance, NaN unless all `window`
    /// values are observed.
    #[inline]
    pub(crate) fn step(&mut self, leaving: Option<f64>, v: f64) -> f64 {
        if let Some(leaving) = leaving.filter(|&x| observed(x)) {
            self.nobs -= 1;
            if self.nobs == 0 {
                self.mean = 0.0;
                self.ssqdm = 0.0;
            } else {
                let count = as_f64(self.nobs);
                let prev_mean = self.mean - self.comp_remove;
                let y = leaving - self.comp_remove;
                let t = y - self.mean;
                self.comp_remove = t + self.mean - y;
                self.mean -= t / count;
                self.ssqdm -= (leaving - prev_mean) * (leaving - self.mean);
            }
        }
        if observed(v) {
            self.nobs += 1;
            self.run.observe(v);
            let count = as_f64(self.nobs);
            let prev_mean = self.mean - self.comp_add;
            let y = v - self.comp_add;
            let t = y - self.mean;
            self.comp_add = t + self.mean - y;
            self.mean += t / count;
            self.ssqdm += (v - prev_mean) * (v - self.mean);
        }
        let mut variance = f64::NAN;
        if self.nobs >= self.window && self.nobs > 1 {
            variance = if self.run.len >= self.nobs {
                0.0
            } else {
                self.ssqdm / (as_f64(self.nobs) - 1.0)
            };
        }
        variance
    }

    /// [`RollingVar::step`] as a standard deviation, with pandas' `zsqrt` (a negative rounding
    /// residue gives `+0.0`), as the batch `rolling_std`.
    #[inline]
    pub(crate) fn step_std(&mut self, leaving: Option<f64>, v: f64) -> f64 {
        let variance = self.step(leaving, v);
        if variance < 0.0 {
            0.0
        } else {
            variance.sqrt()
        }
    }
}

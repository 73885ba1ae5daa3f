use super::equal_run::EqualRun;
use crate::observed;
use crate::rolling_var::as_f64;

/// One row of pandas 1.5.3 `rolling(window, min_periods=window).sum()`: **the loop body of the
/// batch `rolling_sum` (`src/rolling.rs`), operation for operation** (Kahan-compensated running
/// sum with separate compensations for added and removed values, remove before add, `last * nobs`
/// on equal values). Also the running sum of [`super::rolling_mean::RollingMean`], whose batch
/// kernel (`src/sma.rs`) runs the same updates. The caller keeps the window's values and passes
/// the one leaving it.
#[derive(Clone, Copy)]
pub(crate) struct RollingSum {
    window: usize,
    /// Observations in the window.
    pub(super) nobs: usize,
    /// The compensated running sum.
    pub(super) sum: f64,
    comp_add: f64,
    comp_remove: f64,
    /// The run of equal observations ending with the latest one.
    pub(super) run: EqualRun,
}

impl RollingSum {
    /// An empty window of `window >= 1` rows.
    pub(crate) fn new(window: usize) -> Self {
        Self {
            window,
            nobs: 0,
            sum: 0.0,
            comp_add: 0.0,
            comp_remove: 0.0,
            run: EqualRun::new(),
        }
    }

    /// Removes `leaving` (the value `window` rows back, `None` during the first `window` rows)
    /// and adds `v`; non-finite values are missing.
    #[inline]
    pub(super) fn push(&mut self, leaving: Option<f64>, v: f64) {
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
            self.run.observe(v);
        }
    }

    /// True when all `window` values are observed.
    #[inline]
    pub(super) fn full(&self) -> bool {
        self.nobs >= self.window
    }

    /// [`RollingSum::push`], then the sum: NaN unless all `window` values are observed.
    #[inline]
    pub(crate) fn step(&mut self, leaving: Option<f64>, v: f64) -> f64 {
        self.push(leaving, v);
        if !self.full() {
            f64::NAN
        } else if self.run.len >= self.nobs {
            self.run.last * as_f64(self.nobs)
        } else {
            self.sum
        }
    }
}

use super::equal_run::EqualRun;
use crate::observed;
use crate::rolling_var::Welford;

/// One row of pandas 1.5.3 `rolling(window, min_periods=window).var()` (ddof=1): **the loop body
/// of the batch `rolling_var` (`src/rolling_var.rs`), operation for operation**, on the same
/// `Welford` state (compensated mean updates, separate compensations for adds and removes,
/// exactly 0 on equal values). The caller keeps the window's values and passes the one leaving it.
#[derive(Clone, Copy)]
pub(crate) struct RollingVar {
    window: usize,
    nobs: usize,
    welford: Welford,
    run: EqualRun,
}

impl RollingVar {
    /// An empty window of `window >= 2` rows.
    pub(crate) fn new(window: usize) -> Self {
        Self {
            window,
            nobs: 0,
            welford: Welford::EMPTY,
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
            self.welford.remove(leaving, self.nobs);
        }
        if observed(v) {
            self.nobs += 1;
            self.run.observe(v);
            self.welford.add(v, self.nobs);
        }
        if self.nobs >= self.window && self.nobs > 1 {
            self.welford.variance(self.nobs, self.run.len)
        } else {
            f64::NAN
        }
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

use super::close_step::CloseStep;
use super::ring::Ring;
use super::rolling_sum::RollingSum;
use crate::observed;
use crate::rolling_var::as_f64;

/// One row of pandas 1.5.3 `rolling(window, min_periods=window).mean()`: **the loop body of the
/// batch `sma` (`src/sma.rs`), operation for operation**: the running sum of [`RollingSum`], then
/// `sum / nobs`, the last value when the last `nobs` observations are equal, and `+0.0` when the
/// sign contradicts every value of the window. The caller keeps the window's values and passes
/// the one leaving it.
#[derive(Clone, Copy)]
pub(crate) struct RollingMean {
    sum: RollingSum,
    negatives: usize,
}

impl RollingMean {
    /// An empty window of `window >= 1` rows.
    pub(crate) fn new(window: usize) -> Self {
        Self {
            sum: RollingSum::new(window),
            negatives: 0,
        }
    }

    /// Removes `leaving` (the value `window` rows back, `None` during the first `window` rows),
    /// adds `v` (non-finite = missing) and returns the mean, NaN unless all `window` values are
    /// observed.
    #[inline]
    pub(crate) fn step(&mut self, leaving: Option<f64>, v: f64) -> f64 {
        if leaving.is_some_and(|x| observed(x) && x.is_sign_negative()) {
            self.negatives -= 1;
        }
        if observed(v) && v.is_sign_negative() {
            self.negatives += 1;
        }
        self.sum.push(leaving, v);
        let s = &self.sum;
        if !s.full() {
            return f64::NAN;
        }
        let mean = s.sum / as_f64(s.nobs);
        if s.run.len >= s.nobs {
            s.run.last
        } else if (self.negatives == 0 && mean < 0.0) || (self.negatives == s.nobs && mean > 0.0) {
            0.0
        } else {
            mean
        }
    }
}

/// The rolling mean of the closes with its window of the last `window + 1` closes (sma, and the
/// mean of `zscore`).
pub(crate) struct WindowMean {
    window: usize,
    closes: Ring<f64>,
    mean: RollingMean,
}

impl WindowMean {
    /// Before any close; `window >= 1`.
    pub(crate) fn new(window: usize) -> Self {
        Self {
            window,
            closes: Ring::new(window + 1),
            mean: RollingMean::new(window),
        }
    }
}

impl CloseStep for WindowMean {
    /// Rewriting the latest close in the ring is idempotent; only the sums need restoring.
    type Saved = RollingMean;

    fn save(&self) -> RollingMean {
        self.mean
    }

    fn restore(&mut self, saved: RollingMean) {
        self.mean = saved;
    }

    fn close_row(&mut self, row: usize, close: f64) -> f64 {
        let leaving = row.checked_sub(self.window).map(|t| self.closes.get(t));
        self.closes.set(row, close);
        self.mean.step(leaving, close)
    }
}

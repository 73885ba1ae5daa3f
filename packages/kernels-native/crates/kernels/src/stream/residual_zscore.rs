use super::close_step::CloseStep;
use super::ring::Ring;
use super::rolling_var::RollingVar;
use super::{one, Bar, Row, Step};

/// The z-score of the closes against the mean `M`: **the batch `residual_zscore`
/// (`src/residual_zscore.rs`) row by row**: `resid = close - mean`, its rolling standard deviation
/// over `window` rows (non-finite residuals missing), `resid / std`. `zscore` (rolling mean),
/// `zscore_ema` (ewm) and `kalman_zscore` (Kalman mean). Keeps the last `window + 1` residuals.
pub(crate) struct ResidualZscore<M> {
    mean: M,
    window: usize,
    residuals: Ring<f64>,
    std: RollingVar,
}

impl<M: CloseStep> ResidualZscore<M> {
    /// Before any row; `window >= 2`.
    pub(crate) fn new(mean: M, window: usize) -> Self {
        Self {
            mean,
            window,
            residuals: Ring::new(window + 1),
            std: RollingVar::new(window),
        }
    }
}

impl<M: CloseStep> Step for ResidualZscore<M> {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    /// The ring is rewritten by the row; the mean and the variance sums need restoring.
    type Saved = (M::Saved, RollingVar);

    fn save(&self) -> Self::Saved {
        (self.mean.save(), self.std)
    }

    fn restore(&mut self, (mean, std): Self::Saved) {
        self.mean.restore(mean);
        self.std = std;
    }

    fn step(&mut self, row: usize, [close, ..]: Bar) -> Row {
        let resid = close - self.mean.close_row(row, close);
        let leaving = row
            .checked_sub(self.window)
            .map(|back| self.residuals.get(back));
        self.residuals.set(row, resid);
        one(resid / self.std.step_std(leaving, resid))
    }
}

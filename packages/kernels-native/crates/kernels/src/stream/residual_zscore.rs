use super::ring::Ring;
use super::rolling_var::RollingVar;

/// One row of the z-score step shared by `zscore`, `zscore_ema` and `kalman_zscore`: **the batch
/// `residual_zscore` (`src/residual_zscore.rs`) row by row**: `resid = close - mean`, its rolling
/// standard deviation over `window` rows (non-finite residuals missing), `resid / std`.
pub(crate) struct ResidualZscore {
    window: usize,
    residuals: Ring<f64>,
    std: RollingVar,
}

impl ResidualZscore {
    /// Before any row; `window >= 2`.
    pub(crate) fn new(window: usize) -> Self {
        Self {
            window,
            residuals: Ring::new(window + 1),
            std: RollingVar::new(window),
        }
    }

    /// The state to restore when the latest row is undone (the ring is rewritten by the row).
    pub(crate) fn save(&self) -> RollingVar {
        self.std
    }

    /// Undoes the latest row, given the snapshot taken before it.
    pub(crate) fn restore(&mut self, saved: RollingVar) {
        self.std = saved;
    }

    /// The z-score of row `row` with close `close` and mean `mean`.
    #[inline]
    pub(crate) fn step(&mut self, row: usize, close: f64, mean: f64) -> f64 {
        let resid = close - mean;
        let leaving = row
            .checked_sub(self.window)
            .map(|back| self.residuals.get(back));
        self.residuals.set(row, resid);
        resid / self.std.step_std(leaving, resid)
    }
}

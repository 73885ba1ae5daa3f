//! The batch kernels' own ewm state ([`EwmMean`], pandas `ewm(adjust=False).mean()` one
//! observation at a time) in the forms the streams create it, and as a [`CloseStep`].

use super::close_step::CloseStep;
use crate::ewm::EwmMean;

/// pandas' span form, `com = (span - 1) / 2` (ema, macd, the mean of `zscore_ema`).
pub(crate) fn span(span: u32) -> EwmMean {
    EwmMean::new((f64::from(span) - 1.0) / 2.0)
}

/// pandas' `alpha = 1 / period` form, `com = (1 - alpha) / alpha` as pandas computes it (Wilder
/// smoothing: rsi, dmi).
pub(crate) fn wilder(period: u32) -> EwmMean {
    let alpha = 1.0 / f64::from(period);
    EwmMean::new((1.0 - alpha) / alpha)
}

/// The average of the closes (ema, and the mean of `zscore_ema`).
impl CloseStep for EwmMean {
    type Saved = EwmMean;

    fn save(&self) -> EwmMean {
        *self
    }

    fn restore(&mut self, saved: EwmMean) {
        *self = saved;
    }

    fn close_row(&mut self, _row: usize, close: f64) -> f64 {
        self.push(close)
    }
}

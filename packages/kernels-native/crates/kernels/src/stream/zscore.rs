use super::ewm::Ewm;
use super::residual_zscore::ResidualZscore;
use super::ring::Ring;
use super::rolling_mean::RollingMean;
use super::rolling_var::RollingVar;
use super::{boxed, one, Bar, Row, Step, Stream};
use crate::{check_int_param, check_zscore_window, KernelError};

/// Streaming [`crate::zscore`] (input `close`, output `zscore`): the residual against the rolling
/// mean over the residuals' rolling standard deviation, bit for bit the batch kernel at every row.
/// Warm-up `2 * (window - 1)` rows. Keeps the last `window + 1` closes and residuals.
///
/// # Errors
///
/// [`KernelError::InvalidParam`] unless `2 <= window <= PERIOD_MAX` (as the batch kernel).
pub fn zscore(window: usize) -> Result<Box<dyn Stream>, KernelError> {
    check_zscore_window(window)?;
    Ok(boxed(Zscore {
        window,
        closes: Ring::new(window + 1),
        mean: RollingMean::new(window),
        z: ResidualZscore::new(window),
    }))
}

struct Zscore {
    window: usize,
    closes: Ring<f64>,
    mean: RollingMean,
    z: ResidualZscore,
}

impl Step for Zscore {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    type Saved = (RollingMean, RollingVar);

    fn save(&self) -> Self::Saved {
        (self.mean, self.z.save())
    }

    fn restore(&mut self, (mean, z): Self::Saved) {
        self.mean = mean;
        self.z.restore(z);
    }

    fn step(&mut self, row: usize, [close, ..]: Bar) -> Row {
        let leaving = row.checked_sub(self.window).map(|t| self.closes.get(t));
        self.closes.set(row, close);
        let mean = self.mean.step(leaving, close);
        one(self.z.step(row, close, mean))
    }
}

/// Streaming [`crate::zscore_ema`] (input `close`, output `zscore`): the residual against the span
/// `ema_period` EMA over its rolling standard deviation, bit for bit the batch kernel at every
/// row. Warm-up `window - 1` rows. Keeps the last `window + 1` residuals.
///
/// # Errors
///
/// [`KernelError::InvalidParam`] unless `2 <= window <= PERIOD_MAX`;
/// [`KernelError::InvalidIntParam`] unless `1 <= ema_period <= PERIOD_MAX` (as the batch kernel).
pub fn zscore_ema(window: usize, ema_period: usize) -> Result<Box<dyn Stream>, KernelError> {
    check_zscore_window(window)?;
    let span = check_int_param("ema_period", ema_period)?;
    Ok(boxed(ZscoreEma {
        mean: Ewm::with_span(span),
        z: ResidualZscore::new(window),
    }))
}

struct ZscoreEma {
    mean: Ewm,
    z: ResidualZscore,
}

impl Step for ZscoreEma {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    type Saved = (Ewm, RollingVar);

    fn save(&self) -> Self::Saved {
        (self.mean, self.z.save())
    }

    fn restore(&mut self, (mean, z): Self::Saved) {
        self.mean = mean;
        self.z.restore(z);
    }

    fn step(&mut self, row: usize, [close, ..]: Bar) -> Row {
        let mean = self.mean.step(close);
        one(self.z.step(row, close, mean))
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{check_close_stream, series};

    #[test]
    fn zscore_equals_the_batch_kernel() {
        for (seed, window) in [(1, 2), (2, 3), (3, 20), (4, 150)] {
            let close = series(seed, 400);
            check_close_stream(
                &close,
                || super::zscore(window),
                |x, out| crate::zscore(x, window, out),
            );
        }
    }

    #[test]
    fn zscore_ema_equals_the_batch_kernel() {
        for (seed, window, span) in [(1, 2, 1), (2, 3, 5), (3, 20, 20), (4, 150, 3)] {
            let close = series(seed, 400);
            check_close_stream(
                &close,
                || super::zscore_ema(window, span),
                |x, out| crate::zscore_ema(x, window, span, out),
            );
        }
    }

    #[test]
    fn rejects_what_the_batch_kernels_reject() {
        assert_eq!(super::zscore(1).err(), crate::zscore(&[], 1, &mut []).err());
        for (window, span) in [(1, 5), (5, 0)] {
            assert_eq!(
                super::zscore_ema(window, span).err(),
                crate::zscore_ema(&[], window, span, &mut []).err()
            );
        }
    }
}

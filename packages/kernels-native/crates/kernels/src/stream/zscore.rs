use super::ewm;
use super::residual_zscore::ResidualZscore;
use super::rolling_mean::WindowMean;
use super::{boxed, Stream};
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
    Ok(boxed(ResidualZscore::new(WindowMean::new(window), window)))
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
    Ok(boxed(ResidualZscore::new(ewm::span(span), window)))
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

use super::kalman::Kalman;
use super::residual_zscore::ResidualZscore;
use super::{boxed, Stream};
use crate::{check_kalman_params, check_zscore_window, KernelError};

/// Streaming [`crate::kalman_zscore`] (input `close`, output `kalman_zscore`): the residual
/// against the Kalman mean over its rolling standard deviation, bit for bit the batch kernel at
/// every row. Warm-up `window - 1` rows. Keeps the last `window + 1` residuals.
///
/// # Errors
///
/// [`KernelError::InvalidParam`] unless `2 <= window <= PERIOD_MAX`, `0 < r <= 1e300` and
/// `0 <= q <= 1e300` (as the batch kernel).
pub fn kalman_zscore(window: usize, r: f64, q: f64) -> Result<Box<dyn Stream>, KernelError> {
    check_zscore_window(window)?;
    check_kalman_params(r, q)?;
    Ok(boxed(ResidualZscore::new(Kalman::new(r, q), window)))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{check_close_stream, series};

    #[test]
    fn equals_the_batch_kernel() {
        for (seed, window, r, q) in [(1, 2, 0.01, 1.0), (2, 20, 1.0, 0.0), (3, 100, 0.5, 0.1)] {
            let mut close = series(seed, 300);
            for v in &mut close[..250] {
                if v.is_nan() {
                    *v = 100.0;
                }
            }
            check_close_stream(
                &close,
                || super::kalman_zscore(window, r, q),
                |x, out| crate::kalman_zscore(x, window, r, q, out),
            );
        }
    }

    #[test]
    fn rejects_what_the_batch_kernel_rejects() {
        for (window, r, q) in [(1, 1.0, 1.0), (5, 0.0, 1.0), (5, 1.0, f64::INFINITY)] {
            assert_eq!(
                super::kalman_zscore(window, r, q).err(),
                crate::kalman_zscore(&[], window, r, q, &mut []).err()
            );
        }
    }
}

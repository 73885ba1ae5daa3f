use super::close_step::OfCloses;
use super::kalman::Kalman;
use super::{boxed, Stream};
use crate::{check_kalman_params, KernelError};

/// Streaming [`crate::kalman_mean`] (input `close`, output `kalman_mean`): the original's 1-D
/// random-walk Kalman filter, bit for bit the batch kernel at every row (including NaN from the
/// first missing close on). No warm-up.
///
/// # Errors
///
/// [`KernelError::InvalidParam`] unless `0 < r <= 1e300` and `0 <= q <= 1e300` (as the batch
/// kernel).
pub fn kalman_mean(r: f64, q: f64) -> Result<Box<dyn Stream>, KernelError> {
    check_kalman_params(r, q)?;
    Ok(boxed(OfCloses(Kalman::new(r, q))))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{check_close_stream, series};

    #[test]
    fn equals_the_batch_kernel() {
        for (seed, r, q) in [(1, 0.01, 1.0), (2, 1.0, 0.0), (3, 1e-300, 1e300)] {
            // Gaps end the filter, so test both a gap-free prefix and the full series.
            let mut close = series(seed, 300);
            for v in &mut close[..200] {
                if v.is_nan() {
                    *v = 100.0;
                }
            }
            check_close_stream(
                &close,
                || super::kalman_mean(r, q),
                |x, out| crate::kalman_mean(x, r, q, out),
            );
        }
    }

    #[test]
    fn rejects_what_the_batch_kernel_rejects() {
        for (r, q) in [(0.0, 1.0), (1.0, -1.0), (f64::NAN, 1.0)] {
            assert_eq!(
                super::kalman_mean(r, q).err(),
                crate::kalman_mean(&[], r, q, &mut []).err()
            );
        }
    }
}

use super::close_step::CopyStep;
use super::garch::Garch;
use super::kalman::Kalman;
use super::{boxed, one, Bar, Row, Stream};
use crate::{check_garch_params, check_kalman_params, GarchParams, KernelError};

/// Streaming [`crate::kalman_garch_zscore`] (input `close`, output `kalman_garch_zscore`):
/// `(close - kalman_mean) / (|close| * garch sigma)` with a zero price sigma as NaN, bit for bit
/// the batch kernel at every row. Warm-up `1 + min_periods` rows (all NaN when
/// `alpha + beta >= 1`).
///
/// # Errors
///
/// [`KernelError::InvalidParam`] for `r`, `q` or GARCH parameters outside the contract (as the
/// batch kernel).
pub fn kalman_garch_zscore(
    r: f64,
    q: f64,
    p: &GarchParams,
) -> Result<Box<dyn Stream>, KernelError> {
    check_kalman_params(r, q)?;
    check_garch_params(p)?;
    Ok(boxed(KalmanGarchZscore {
        mean: Kalman::new(r, q),
        sigma: Garch::new(p),
    }))
}

#[derive(Clone, Copy)]
struct KalmanGarchZscore {
    mean: Kalman,
    sigma: Garch,
}

impl CopyStep for KalmanGarchZscore {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;

    fn next_row(&mut self, row: usize, [close, ..]: Bar) -> Row {
        let mean = self.mean.step(close);
        let mut sigma_price = close.abs() * self.sigma.step(row, close);
        if sigma_price == 0.0 {
            sigma_price = f64::NAN;
        }
        one((close - mean) / sigma_price)
    }
}

#[cfg(test)]
mod tests {
    use super::super::garch_volatility::tests::garch_cases;
    use super::super::test_support::{check_close_stream, series};

    #[test]
    fn equals_the_batch_kernel() {
        for (seed, p) in garch_cases().into_iter().enumerate() {
            let mut close = series(seed as u64 + 11, 300);
            for v in &mut close[..200] {
                if v.is_nan() {
                    *v = 50.0;
                }
            }
            for (r, q) in [(0.01, 1.0), (1.0, 0.0)] {
                check_close_stream(
                    &close,
                    || super::kalman_garch_zscore(r, q, &p),
                    |x, out| crate::kalman_garch_zscore(x, r, q, &p, out),
                );
            }
        }
    }

    #[test]
    fn rejects_what_the_batch_kernel_rejects() {
        let d = crate::GarchParams::default();
        for (r, p) in [(0.0, d), (1.0, crate::GarchParams { beta: -0.1, ..d })] {
            assert_eq!(
                super::kalman_garch_zscore(r, 1.0, &p).err(),
                crate::kalman_garch_zscore(&[], r, 1.0, &p, &mut []).err()
            );
        }
    }
}

use crate::residual_zscore::residual_zscore;
use crate::{check_kalman_params, check_lengths, kalman_mean, KernelError, PERIOD_MAX};

/// Checks a z-score `window` against the contract's range `2..=PERIOD_MAX` (a one-row window has
/// no sample standard deviation).
///
/// # Errors
///
/// [`KernelError::InvalidParam`] naming `window` otherwise.
pub fn check_zscore_window(window: usize) -> Result<(), KernelError> {
    if (2..=PERIOD_MAX).contains(&window) {
        Ok(())
    } else {
        Err(KernelError::InvalidParam {
            name: "window",
            expected: "an integer in [2, 2147483647]",
        })
    }
}

/// The original `IndicatorCache.kalman_zscore` of `close` into `out`, bit for bit its pandas
/// 1.5.3 expression `resid = close - kalman_mean; std = resid.rolling(window).std();
/// z = resid / std` (`z[std.isna()] = NaN` changes nothing bitwise), and **the same algorithm as
/// `kalmanZscoreInto` in `@omega-ta/kernels-ts` (`packages/kernels-ts/src/kalman-zscore.ts`),
/// operation for operation and in the same order**: [`kalman_mean`] into `out`, then
/// `out = close - out`, the rolling standard deviation (pandas `roll_var` + `zsqrt`, non-finite
/// residuals missing) into a scratch buffer, then `out = out / std` (the shared `residual_zscore`).
///
/// Output: indices `0..window-1` are NaN; every row after the first missing close is NaN.
///
/// # Errors
///
/// [`KernelError::InvalidParam`] unless `2 <= window <= PERIOD_MAX`, `0 < r <= 1e300` and
/// `0 <= q <= 1e300`; [`KernelError::LengthMismatch`] unless `out.len() == close.len()`.
/// Nothing is written then.
pub fn kalman_zscore(
    close: &[f64],
    window: usize,
    r: f64,
    q: f64,
    out: &mut [f64],
) -> Result<(), KernelError> {
    check_zscore_window(window)?;
    check_kalman_params(r, q)?;
    check_lengths(close, out)?;
    kalman_mean(close, r, q, out)?;
    residual_zscore(close, window, out);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::kalman_zscore;
    use crate::KernelError;
    use core::f64::consts::SQRT_2;

    const NAN: f64 = f64::NAN;
    const INF: f64 = f64::INFINITY;

    fn run(x: &[f64], window: usize, r: f64, q: f64) -> Vec<f64> {
        let mut out = vec![-1.0; x.len()];
        kalman_zscore(x, window, r, q, &mut out).expect("valid arguments");
        out
    }

    fn assert_bits(actual: &[f64], expected: &[f64]) {
        assert_eq!(actual.len(), expected.len());
        for (i, (a, e)) in actual.iter().zip(expected).enumerate() {
            assert!(
                a.to_bits() == e.to_bits() || (a.is_nan() && e.is_nan()),
                "index {i}: got {a:?}, expected {e:?}"
            );
        }
    }

    // Expected values printed by the original's expression under pandas 1.5.3.
    #[test]
    fn matches_values_printed_by_the_original() {
        assert_bits(
            &run(&[1.0, 2.0, 4.0, 3.0, 5.0], 2, 0.01, 1.0),
            &[
                NAN,
                SQRT_2,
                2.814_429_008_206_05,
                -0.463_645_423_525_939_3,
                0.947_537_881_422_662_2,
            ],
        );
        assert_bits(
            &run(&[1.0, 2.0, 4.0, 3.0, 5.0, 4.5], 3, 0.5, 0.05),
            &[
                NAN,
                NAN,
                1.954_604_185_859_660_6,
                0.549_394_012_337_528_2,
                2.307_589_284_596_571_8,
                1.252_479_031_481_082,
            ],
        );
    }

    #[test]
    fn is_nan_for_flat_closes_and_after_infinity_or_a_gap() {
        assert_bits(&run(&[1.0; 4], 2, 0.01, 1.0), &[NAN; 4]);
        assert_bits(
            &run(&[1.0, 2.0, INF, 3.0, 4.0], 2, 0.01, 1.0),
            &[NAN, SQRT_2, NAN, NAN, NAN],
        );
        assert_bits(
            &run(&[1.0, 2.0, NAN, 3.0], 2, 0.01, 1.0),
            &[NAN, SQRT_2, NAN, NAN],
        );
        assert!(run(&[], 2, 0.01, 1.0).is_empty());
    }

    #[test]
    fn rejects_bad_arguments_without_writing() {
        let mut out = [5.0; 2];
        for (window, r, q, name) in [
            (1, 0.01, 1.0, "window"),
            (0, 0.01, 1.0, "window"),
            (2, 0.0, 1.0, "R"),
            (2, 0.01, -1.0, "Q"),
        ] {
            assert!(
                matches!(kalman_zscore(&[1.0, 2.0], window, r, q, &mut out), Err(KernelError::InvalidParam { name: n, .. }) if n == name)
            );
        }
        assert_eq!(
            kalman_zscore(&[1.0], 2, 0.01, 1.0, &mut out),
            Err(KernelError::LengthMismatch {
                input: 1,
                output: 2
            })
        );
        assert_bits(&out, &[5.0; 2]);
    }
}

use crate::residual_zscore::residual_zscore;
use crate::{check_int_param, check_lengths, check_zscore_window, ema, sma, KernelError};

/// The original `IndicatorCache.zscore(window, mean_source="rolling")` of `close` into `out`,
/// bit for bit its pandas 1.5.3 expression
/// `mean = close.rolling(window).mean(); z = (close - mean) / (close - mean).rolling(window).std()`,
/// and **the same algorithm as `zscoreInto` in `@omega-ta/kernels-ts`
/// (`packages/kernels-ts/src/zscore.ts`), operation for operation and in the same order**:
/// [`sma`] into `out`, then the shared residual z-score step.
///
/// Output: indices `0..2 * (window - 1)` are NaN; a flat window gives 0/0 = NaN.
///
/// # Errors
///
/// [`KernelError::InvalidParam`] unless `2 <= window <= PERIOD_MAX`;
/// [`KernelError::LengthMismatch`] unless `out.len() == close.len()`. Nothing is written then.
pub fn zscore(close: &[f64], window: usize, out: &mut [f64]) -> Result<(), KernelError> {
    check_zscore_window(window)?;
    check_lengths(close, out)?;
    sma(close, window, out)?;
    residual_zscore(close, window, out);
    Ok(())
}

/// The original `IndicatorCache.zscore(window, mean_source="ema", ema_period)` of `close` into
/// `out`, bit for bit, and **the same algorithm as `zscoreEmaInto` in `@omega-ta/kernels-ts`**:
/// [`ema`] (pandas `ewm(span=ema_period, adjust=False).mean()`) into `out`, then the shared
/// residual z-score step.
///
/// Output: indices `0..window - 1` are NaN.
///
/// # Errors
///
/// [`KernelError::InvalidParam`] unless `2 <= window <= PERIOD_MAX`;
/// [`KernelError::InvalidIntParam`] unless `1 <= ema_period <= PERIOD_MAX`;
/// [`KernelError::LengthMismatch`] unless `out.len() == close.len()`. Nothing is written then.
pub fn zscore_ema(
    close: &[f64],
    window: usize,
    ema_period: usize,
    out: &mut [f64],
) -> Result<(), KernelError> {
    check_zscore_window(window)?;
    check_int_param("ema_period", ema_period)?;
    check_lengths(close, out)?;
    ema(close, ema_period, out)?;
    residual_zscore(close, window, out);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{zscore, zscore_ema};
    use crate::test_support::{assert_bits, run_series};
    use crate::KernelError;

    const NAN: f64 = f64::NAN;

    fn run(x: &[f64], window: usize) -> Vec<f64> {
        run_series(zscore, x, window)
    }

    fn run_ema(x: &[f64], window: usize, ema_period: usize) -> Vec<f64> {
        let mut out = vec![-1.0; x.len()];
        zscore_ema(x, window, ema_period, &mut out).expect("valid arguments");
        out
    }

    // Expected values printed by the original's expression under pandas 1.5.3.
    #[test]
    fn rolling_matches_values_printed_by_pandas() {
        let x = [1.0, 2.0, 4.0, 3.0, 5.0, 4.0];
        assert_bits(
            &run(&x, 2),
            &[
                NAN,
                NAN,
                2.828_427_124_746_19,
                -0.471_404_520_791_031_73,
                0.942_809_041_582_063_5,
                -0.471_404_520_791_031_73,
            ],
        );
        assert_bits(
            &run(&x, 3),
            &[NAN, NAN, NAN, NAN, 1.192_079_121_358_539_6, 0.0],
        );
        assert_bits(&run(&[2.0; 4], 2), &[NAN; 4]);
    }

    #[test]
    #[allow(
        clippy::approx_constant,
        reason = "1.414213562373095 is what pandas gives, one ulp below sqrt(2)"
    )]
    fn ema_matches_values_printed_by_pandas() {
        assert_bits(
            &run_ema(&[1.0, 2.0, NAN, 4.0, 3.0, 5.0, 4.0], 2, 3),
            &[
                NAN,
                1.414_213_562_373_095,
                NAN,
                NAN,
                -0.128_564_869_306_644_57,
                1.301_076_477_383_247_7,
                -0.030_089_650_263_256_905,
            ],
        );
        assert_bits(&run_ema(&[2.0, 2.0, 2.0, 5.0], 2, 1), &[NAN; 4]);
    }

    #[test]
    fn rejects_bad_arguments_without_writing() {
        let mut out = [5.0; 2];
        assert!(matches!(
            zscore(&[1.0, 2.0], 1, &mut out),
            Err(KernelError::InvalidParam { name: "window", .. })
        ));
        assert!(matches!(
            zscore_ema(&[1.0, 2.0], 2, 0, &mut out),
            Err(KernelError::InvalidIntParam {
                name: "ema_period",
                ..
            })
        ));
        assert_eq!(
            zscore(&[1.0], 2, &mut out),
            Err(KernelError::LengthMismatch {
                input: 1,
                output: 2
            })
        );
        assert_bits(&out, &[5.0; 2]);
    }
}

use crate::garch_volatility::{check_garch_params, garch_volatility_unchecked, GarchParams};
use crate::{check_kalman_params, check_lengths, kalman_mean, KernelError};

/// The original `IndicatorCache.kalman_garch_zscore` of `close` into `out`, bit for bit its
/// pandas 1.5.3 expression `resid = close - kalman_mean; sigma_price = (|close| *
/// garch_volatility).replace(0.0, NaN); z = resid / sigma_price` (its final NaN mask changes
/// nothing bitwise), and **the same algorithm as `kalmanGarchZscoreInto` in
/// `@omega-ta/kernels-ts` (`packages/kernels-ts/src/kalman-garch-zscore.ts`), operation for
/// operation**: [`kalman_mean`] into a scratch buffer, the GARCH sigma
/// ([`crate::garch_volatility`]) into `out`, then per row `sigma_price = |close| * sigma` (NaN
/// when it is ±0) and `out = (close - mean) / sigma_price`.
///
/// # Errors
///
/// [`KernelError::InvalidParam`] for `r`/`q` or GARCH parameters outside the contract;
/// [`KernelError::LengthMismatch`] unless `out.len() == close.len()`. Nothing is written then.
pub fn kalman_garch_zscore(
    close: &[f64],
    r: f64,
    q: f64,
    p: &GarchParams,
    out: &mut [f64],
) -> Result<(), KernelError> {
    check_kalman_params(r, q)?;
    check_garch_params(p)?;
    check_lengths(close, out)?;
    let mut mean = vec![0.0; close.len()];
    kalman_mean(close, r, q, &mut mean)?;
    garch_volatility_unchecked(close, p, out);
    for ((o, &c), &m) in out.iter_mut().zip(close).zip(&mean) {
        let mut sigma_price = c.abs() * *o;
        if sigma_price == 0.0 {
            sigma_price = f64::NAN;
        }
        *o = (c - m) / sigma_price;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::kalman_garch_zscore;
    use crate::{GarchParams, KernelError};

    fn run(x: &[f64], r: f64, q: f64, p: &GarchParams) -> Vec<u64> {
        let mut out = vec![-1.0; x.len()];
        kalman_garch_zscore(x, r, q, p, &mut out).unwrap();
        out.iter().map(|v| v.to_bits()).collect()
    }

    fn bits(v: &[f64]) -> Vec<u64> {
        v.iter().map(|x| x.to_bits()).collect()
    }

    #[test]
    fn matches_values_printed_by_pandas() {
        // The original's kalman_garch_zscore under pandas 1.5.3 / numpy 1.24.2 (log case: ratios
        // that are powers of 2, whose logs numpy and fdlibm round alike).
        let doubling = [100.0, 200.0, 100.0, 400.0, 200.0, 100.0];
        let p = GarchParams {
            min_periods: 1,
            ..GarchParams::default()
        };
        assert_eq!(
            run(&doubling, 0.01, 1.0, &p),
            bits(&[
                f64::NAN,
                f64::NAN,
                -996.095_487_461_312_4,
                0.023_645_833_034_922_54,
                -0.029_062_866_288_368_162,
                -0.022_601_143_775_939_837
            ])
        );
        let close = [100.0, 101.0, 99.5, 102.0, 101.0, 103.0];
        let p = GarchParams {
            alpha: 0.08,
            omega: 1e-5,
            use_log_returns: false,
            min_periods: 2,
            sigma_floor: 0.001,
            ..GarchParams::default()
        };
        assert_eq!(
            run(&close, 0.5, 0.05, &p),
            bits(&[
                f64::NAN,
                f64::NAN,
                f64::NAN,
                1.756_861_931_749_679_2,
                0.227_492_156_180_276_68,
                1.615_589_951_088_809
            ])
        );
    }

    #[test]
    fn rejects_parameters_outside_the_contract() {
        let mut out = [0.0; 2];
        assert!(matches!(
            kalman_garch_zscore(&[1.0, 2.0], 0.0, 1.0, &GarchParams::default(), &mut out),
            Err(KernelError::InvalidParam { .. })
        ));
        let p = GarchParams {
            beta: 2.0,
            ..GarchParams::default()
        };
        assert!(matches!(
            kalman_garch_zscore(&[1.0, 2.0], 0.01, 1.0, &p, &mut out),
            Err(KernelError::InvalidParam { .. })
        ));
    }
}

use crate::rolling_var::rolling_std;
use crate::{check_lengths, sma, KernelError, PERIOD_MAX};

/// Bollinger Bands of `close` into `upper`, `mid` and `lower`: the original `IndicatorCache`'s
/// pandas 1.5.3 expression
///
/// ```text
/// mid = close.rolling(period, min_periods=period).mean()
/// std = close.rolling(period, min_periods=period).std()          # ddof=1
/// upper, lower = mid + std_factor * std, mid - std_factor * std
/// ```
///
/// bit for bit, and **the same algorithm as `bollingerInto` in `@omega-ta/kernels-ts`
/// (`packages/kernels-ts/src/bollinger.ts`), operation for operation and in the same order**:
/// `mid` is [`sma`], `std` is the rolling standard deviation (pandas `roll_var` + `zsqrt`),
/// computed into `upper` as scratch; then per row `d = std_factor * std`, `upper = mid + d`,
/// `lower = mid - d` (no fused multiply-add). Non-finite inputs are missing; rows whose window
/// holds fewer than `period` observations are NaN in all three outputs.
///
/// Output: indices `0..period-1` are NaN.
///
/// # Errors
///
/// [`KernelError::InvalidParam`] unless `2 <= period <= PERIOD_MAX` and `std_factor` is a finite
/// number `>= 0`; [`KernelError::LengthMismatch`] unless every output has the length of `close`.
/// Nothing is written then.
pub fn bollinger(
    close: &[f64],
    period: usize,
    std_factor: f64,
    upper: &mut [f64],
    mid: &mut [f64],
    lower: &mut [f64],
) -> Result<(), KernelError> {
    if !(2..=PERIOD_MAX).contains(&period) {
        return Err(KernelError::InvalidParam {
            name: "period",
            expected: "an integer in [2, 2147483647]",
        });
    }
    if !(std_factor.is_finite() && std_factor >= 0.0) {
        return Err(KernelError::InvalidParam {
            name: "std_factor",
            expected: "a finite number >= 0",
        });
    }
    check_lengths(close, upper)?;
    check_lengths(close, mid)?;
    check_lengths(close, lower)?;
    sma(close, period, mid)?;
    rolling_std(close, period, upper);
    for ((u, &m), l) in upper.iter_mut().zip(mid.iter()).zip(lower.iter_mut()) {
        let d = std_factor * *u;
        *u = m + d;
        *l = m - d;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::bollinger;
    use crate::test_support::assert_bits;
    use crate::KernelError;

    const NAN: f64 = f64::NAN;
    const INF: f64 = f64::INFINITY;

    type Bands = (Vec<f64>, Vec<f64>, Vec<f64>);

    fn run(x: &[f64], period: usize, std_factor: f64) -> Bands {
        let (mut u, mut m, mut l) = (
            vec![-1.0; x.len()],
            vec![-1.0; x.len()],
            vec![-1.0; x.len()],
        );
        bollinger(x, period, std_factor, &mut u, &mut m, &mut l).expect("valid arguments");
        (u, m, l)
    }

    // Expected values printed by pandas 1.5.3 with the original's expression.
    #[test]
    fn is_mid_plus_minus_k_std() {
        let (u, m, l) = run(&[1.0, 2.0, 3.0, 4.0, 6.0], 3, 2.0);
        assert_bits(&u, &[NAN, NAN, 4.0, 5.0, 7.388_383_796_637_226_6]);
        assert_bits(&m, &[NAN, NAN, 2.0, 3.0, 4.333_333_333_333_333]);
        assert_bits(&l, &[NAN, NAN, 0.0, 1.0, 1.278_282_870_029_439_5]);
    }

    #[test]
    fn is_nan_while_the_window_holds_a_gap() {
        let (u, m, l) = run(&[1.0, 2.0, NAN, 4.0, 5.0, 6.0, INF, 8.0], 2, 2.0);
        assert_bits(
            &u,
            &[
                NAN,
                2.914_213_562_373_095,
                NAN,
                NAN,
                5.914_213_562_373_095,
                6.914_213_562_373_095,
                NAN,
                NAN,
            ],
        );
        assert_bits(&m, &[NAN, 1.5, NAN, NAN, 4.5, 5.5, NAN, NAN]);
        assert_bits(
            &l,
            &[
                NAN,
                0.085_786_437_626_904_85,
                NAN,
                NAN,
                3.085_786_437_626_905,
                4.085_786_437_626_905,
                NAN,
                NAN,
            ],
        );
    }

    #[test]
    fn collapses_on_constant_windows() {
        let (u, m, l) = run(&[0.1, 0.1, 0.1, 0.1, 0.3], 3, 2.0);
        assert_bits(&u, &[NAN, NAN, 0.1, 0.1, 0.397_606_774_342_516_9]);
        assert_bits(&m, &[NAN, NAN, 0.1, 0.1, 0.166_666_666_666_666_66]);
        assert_bits(&l, &[NAN, NAN, 0.1, 0.1, -0.064_273_441_009_183_61]);
    }

    #[test]
    fn rejects_bad_arguments_without_writing() {
        let mut a = [5.0; 2];
        let mut b = [5.0; 2];
        let mut c = [5.0; 2];
        for period in [0, 1, usize::MAX] {
            assert!(matches!(
                bollinger(&[1.0, 2.0], period, 2.0, &mut a, &mut b, &mut c),
                Err(KernelError::InvalidParam { name: "period", .. })
            ));
        }
        for k in [-0.5, NAN, INF] {
            assert!(matches!(
                bollinger(&[1.0, 2.0], 2, k, &mut a, &mut b, &mut c),
                Err(KernelError::InvalidParam {
                    name: "std_factor",
                    ..
                })
            ));
        }
        assert_eq!(
            bollinger(&[1.0], 2, 2.0, &mut a, &mut b, &mut c),
            Err(KernelError::LengthMismatch {
                input: 1,
                output: 2
            })
        );
        for out in [a, b, c] {
            assert_bits(&out, &[5.0; 2]);
        }
    }
}

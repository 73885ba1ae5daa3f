use crate::rolling_var::{equal_run_after, zsqrt, DeferredVariance, Welford};
use crate::sma::KahanWindowSum;
use crate::{check_lengths, observed, KernelError, PERIOD_MAX};

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
/// one loop over the rows that advances both window states side by side, sharing the observation
/// count and the equal-values run: `mid` is [`sma`](crate::sma())'s running sum and mean
/// (`KahanWindowSum`, pandas `roll_mean`), `std` the rolling standard deviation (`Welford`,
/// pandas `roll_var`, then `zsqrt`); then `d = std_factor * std`, `upper = mid + d`,
/// `lower = mid - d` (no fused multiply-add). The two states share no arithmetic, so their
/// updates give the bits of the separate passes; run together, the short Kahan chain overlaps the
/// long Welford chain (two divisions on the loop-carried mean per row), and each row's bands are
/// written one row late (`DeferredVariance`), so its division and square root queue behind the
/// chain's divisions. Non-finite inputs are missing; rows whose window holds fewer than `period` observations are NaN in all three outputs.
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
    let mut nobs: usize = 0;
    let mut sum = KahanWindowSum::EMPTY;
    let mut welford = Welford::EMPTY;
    let mut same_run: usize = 0;
    let mut last = f64::NAN;
    // Row i is written after row i + 1's updates (see `DeferredVariance`).
    let mut held: Option<(f64, DeferredVariance)> = None;
    let mut write = |row: usize, held: Option<(f64, DeferredVariance)>| {
        let (u, m, l) = bands(held, std_factor);
        upper[row] = u;
        mid[row] = m;
        lower[row] = l;
    };
    for (i, &v) in close.iter().enumerate() {
        if i >= period {
            let leaving = close[i - period];
            if observed(leaving) {
                nobs -= 1;
                sum.remove(leaving);
                welford.remove(leaving, nobs);
            }
        }
        if observed(v) {
            nobs += 1;
            sum.add(v);
            welford.add(v, nobs);
            same_run = equal_run_after(v, last, same_run);
            last = v;
        }
        if i > 0 {
            write(i - 1, held);
        }
        held = (nobs >= period).then(|| {
            let variance = DeferredVariance {
                welford,
                nobs,
                same_run,
            };
            (sum.mean(nobs, same_run, last), variance)
        });
    }
    if !close.is_empty() {
        write(close.len() - 1, held);
    }
    Ok(())
}

/// `(upper, mid, lower)` of a row: `mid ± std_factor * zsqrt(variance)`, NaN for a row whose
/// window is not full (`None`).
#[inline]
fn bands(row: Option<(f64, DeferredVariance)>, std_factor: f64) -> (f64, f64, f64) {
    let Some((mid, held)) = row else {
        return (f64::NAN, f64::NAN, f64::NAN);
    };
    let d = std_factor * zsqrt(held.variance());
    (mid + d, mid, mid - d)
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

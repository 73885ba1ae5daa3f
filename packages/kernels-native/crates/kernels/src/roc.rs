use crate::{check_lengths, check_period, KernelError};

/// Rate of change of `close` over `period` bars, in percent, written into `out`.
///
/// Bit for bit the original's pandas 1.5.3 expression
/// `prev = close.shift(period); (close - prev) / prev * 100.0`, and **the same algorithm as
/// `rocInto` in `@omega-ta/kernels-ts` (`packages/kernels-ts/src/roc.ts`), operation for operation
/// and in the same order**, so both backends produce identical bits. Keep the two in step.
///
/// - rows `0..period` are NaN (the shift has no earlier close);
/// - then `((x[t] - x[t-period]) / x[t-period]) * 100.0` in exactly that order, plain IEEE
///   arithmetic: a zero earlier close gives ±inf (NaN for 0 / 0), non-finite closes propagate.
///   Nothing is skipped or held.
///
/// # Errors
///
/// [`KernelError::InvalidPeriod`] unless `1 <= period <= PERIOD_MAX` (the original's `shift(0)`
/// and look-ahead `shift(-k)` are not reproduced);
/// [`KernelError::LengthMismatch`] unless `out.len() == close.len()`. Nothing is written then.
pub fn roc(close: &[f64], period: usize, out: &mut [f64]) -> Result<(), KernelError> {
    check_period(period)?;
    check_lengths(close, out)?;
    let warm = period.min(close.len());
    out[..warm].fill(f64::NAN);
    for ((slot, &x), &prev) in out[warm..].iter_mut().zip(&close[warm..]).zip(close.iter()) {
        *slot = (x - prev) / prev * 100.0;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::roc;
    use crate::test_support::{assert_bits, assert_rejects_bad_arguments, run_series};

    const NAN: f64 = f64::NAN;
    const INF: f64 = f64::INFINITY;

    fn run(x: &[f64], period: usize) -> Vec<f64> {
        run_series(roc, x, period)
    }

    #[test]
    fn matches_values_printed_by_pandas() {
        assert_bits(
            &run(&[100.0, 101.0, 99.0, 103.0], 2),
            &[NAN, NAN, -1.0, 1.980_198_019_801_980_2],
        );
        // pandas 1.5.3: operation order kept (10.000000000000009), IEEE division by zero.
        assert_bits(
            &run(&[1.0, 1.1, 0.0, 2.0, 0.0, -0.0, INF, 3.0, NAN, 4.0], 1),
            &[
                NAN,
                10.000_000_000_000_009,
                -100.0,
                INF,
                -100.0,
                NAN,
                -INF,
                NAN,
                NAN,
                NAN,
            ],
        );
    }

    #[test]
    fn is_nan_when_the_series_is_not_longer_than_the_period() {
        assert_bits(&run(&[1.0, 2.0, 3.0], 3), &[NAN; 3]);
        assert_bits(&run(&[1.0, 2.0], crate::PERIOD_MAX), &[NAN; 2]);
        assert!(run(&[], 14).is_empty());
    }

    #[test]
    fn rejects_bad_arguments_without_writing() {
        assert_rejects_bad_arguments(roc);
    }
}

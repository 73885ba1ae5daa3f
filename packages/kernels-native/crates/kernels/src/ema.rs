use crate::ewm::ewm_mean;
use crate::{check_lengths, check_period, KernelError};

/// Exponential moving average of `close` with span `period`, written into `out`.
///
/// Bit for bit pandas 1.5.3 `Series.ewm(span=period, adjust=False).mean()` (aggregations.pyx
/// `ewm`, `adjust=False`, `ignore_na=False`, `min_periods=1`), and **the same algorithm as
/// `emaInto` in `@omega-ta/kernels-ts` (`packages/kernels-ts/src/ema.ts`), operation for
/// operation and in the same order**, so both backends produce identical bits. Keep the two in
/// step: any change here must be made there too (the vitest suite of `@omega-ta/kernels-native`
/// compares them bitwise on random series).
///
/// pandas turns the span into `com = (span - 1) / 2` and runs its ewm kernel (`ewm_mean`).
///
/// Output: NaN until the first finite input, then always defined (held across gaps).
///
/// # Errors
///
/// [`KernelError::InvalidPeriod`] unless `1 <= period <= PERIOD_MAX`;
/// [`KernelError::LengthMismatch`] unless `out.len() == close.len()`. Nothing is written then.
pub fn ema(close: &[f64], period: usize, out: &mut [f64]) -> Result<(), KernelError> {
    let period = check_period(period)?;
    check_lengths(close, out)?;
    ewm_mean(close, (f64::from(period) - 1.0) / 2.0, out);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::ema;
    use crate::test_support::{assert_bits, assert_rejects_bad_arguments, run_series};

    const NAN: f64 = f64::NAN;
    const INF: f64 = f64::INFINITY;

    fn run(x: &[f64], period: usize) -> Vec<f64> {
        run_series(ema, x, period)
    }

    #[test]
    fn follows_the_adjust_false_recursion() {
        // span 3: alpha = 0.5; after a one-row gap the old value weighs 0.5^2 = 0.25:
        // (0.25 * 1.5 + 0.5 * 4) / 0.75 = 19/6.
        assert_bits(&run(&[1.0, 2.0, NAN, 4.0], 3), &[1.0, 1.5, 1.5, 19.0 / 6.0]);
    }

    #[test]
    fn matches_values_printed_by_pandas() {
        // pd.Series([1.0, inf, 2.0, 3.0, nan, nan, 5.0]).ewm(span=3, adjust=False).mean()
        assert_bits(
            &run(&[1.0, INF, 2.0, 3.0, NAN, NAN, 5.0], 3),
            &[
                1.0,
                1.0,
                1.666_666_666_666_666_7,
                2.333_333_333_333_333_5,
                2.333_333_333_333_333_5,
                2.333_333_333_333_333_5,
                4.466_666_666_666_667,
            ],
        );
    }

    #[test]
    fn is_nan_until_the_first_observation() {
        assert_bits(&run(&[NAN, -INF, 7.0, 7.0], 5), &[NAN, NAN, 7.0, 7.0]);
    }

    #[test]
    fn is_the_input_for_period_one() {
        // alpha = 1, so the old average's weight decays to 0: (0 * ema + 1 * x) / (0 + 1) = x,
        // except for the sign of zero: 0 * 1e-9 + -0.0 is +0.0.
        let x = [3.5, -2.0, 0.0, 1e12, 1e-9, -0.0];
        assert_bits(&run(&x, 1), &[3.5, -2.0, 0.0, 1e12, 1e-9, 0.0]);
    }

    #[test]
    fn keeps_the_average_when_the_input_equals_it() {
        // -0.0 == 0.0, so the update is skipped and the sign of the held value is kept.
        let out = run(&[0.0, -0.0], 4);
        assert_eq!(out[1].to_bits(), 0.0_f64.to_bits());
    }

    #[test]
    fn handles_an_empty_series() {
        assert!(run(&[], 10).is_empty());
    }

    #[test]
    fn rejects_bad_arguments_without_writing() {
        assert_rejects_bad_arguments(ema);
    }

    #[test]
    fn stays_within_the_range_of_the_inputs() {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut x = Vec::with_capacity(500);
        for _ in 0..500 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            x.push(f64::from(u32::try_from(state >> 40).unwrap()) / 1e3 - 8e3);
        }
        let (lo, hi) = x
            .iter()
            .fold((INF, -INF), |(lo, hi), &v| (lo.min(v), hi.max(v)));
        for period in [1, 2, 9, 50, 499, 10_000] {
            for v in run(&x, period) {
                assert!(v >= lo - 1e-6 && v <= hi + 1e-6, "{v} outside [{lo}, {hi}]");
            }
        }
    }
}

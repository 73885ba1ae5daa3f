use crate::rolling_var::{as_f64, equal_run_after};
use crate::{check_lengths, check_period, observed, KernelError};

/// Simple moving average of `close` over `period` bars, written into `out`.
///
/// Bit for bit pandas 1.5.3 `Series.rolling(period, min_periods=period).mean()` (aggregations.pyx
/// `roll_mean` over a fixed window), and **the same algorithm as `smaInto` in
/// `@omega-ta/kernels-ts` (`packages/kernels-ts/src/sma.ts`), operation for operation and in the
/// same order**, so both backends produce identical bits. Keep the two in step: any change here
/// must be made there too (the vitest suite of `@omega-ta/kernels-native` compares them bitwise on
/// random series).
///
/// - the window sum is a Kahan-compensated running sum with separate compensations for added and
///   removed values, updated in pandas' order (remove the leaving value, then add the new one);
///   `t - sum - y` is `(t - sum) - y`, never reassociated;
/// - the mean is `sum / nobs`, replaced by the last value when the last `nobs` observations are
///   all equal (IEEE equality, consecutive-equal-values rule), and clamped to `+0.0` when its sign
///   contradicts every value of the window (sign taken with `signbit` semantics, so `-0.0` counts
///   as negative);
/// - non-finite inputs (NaN, ±Infinity) are missing; a window with fewer than `period`
///   observations is NaN.
///
/// Output: indices `0..period-1` are NaN; later outputs are NaN while the window holds a gap.
///
/// # Errors
///
/// [`KernelError::InvalidPeriod`] unless `1 <= period <= PERIOD_MAX`;
/// [`KernelError::LengthMismatch`] unless `out.len() == close.len()`. Nothing is written then.
pub fn sma(close: &[f64], period: usize, out: &mut [f64]) -> Result<(), KernelError> {
    check_period(period)?;
    check_lengths(close, out)?;
    let mut nobs: usize = 0;
    let mut sum = KahanWindowSum::EMPTY;
    let mut same_run: usize = 0;
    let mut last = f64::NAN;
    for (i, (&v, slot)) in close.iter().zip(out.iter_mut()).enumerate() {
        if i >= period {
            let leaving = close[i - period];
            if observed(leaving) {
                nobs -= 1;
                sum.remove(leaving);
            }
        }
        if observed(v) {
            nobs += 1;
            sum.add(v);
            same_run = equal_run_after(v, last, same_run);
            last = v;
        }
        let mut mean = f64::NAN;
        if nobs >= period {
            mean = sum.mean(nobs, same_run, last);
        }
        *slot = mean;
    }
    Ok(())
}

/// The running state of [`sma`] besides the counts: pandas' Kahan-compensated window sum (one
/// compensation for added values, one for removed ones) and the number of negative observations
/// in the window. Shared by every batch kernel built on pandas' `roll_mean` (a struct of locals:
/// the compiler keeps the fields in registers).
#[derive(Clone, Copy)]
pub(crate) struct KahanWindowSum {
    sum: f64,
    comp_add: f64,
    comp_remove: f64,
    negatives: usize,
}

impl KahanWindowSum {
    /// An empty window.
    pub(crate) const EMPTY: Self = Self {
        sum: 0.0,
        comp_add: 0.0,
        comp_remove: 0.0,
        negatives: 0,
    };

    /// Removes the observation `x`.
    #[inline]
    pub(crate) fn remove(&mut self, x: f64) {
        let y = -x - self.comp_remove;
        let t = self.sum + y;
        self.comp_remove = t - self.sum - y;
        self.sum = t;
        if x.is_sign_negative() {
            self.negatives -= 1;
        }
    }

    /// Adds the observation `x`.
    #[inline]
    pub(crate) fn add(&mut self, x: f64) {
        let y = x - self.comp_add;
        let t = self.sum + y;
        self.comp_add = t - self.sum - y;
        self.sum = t;
        if x.is_sign_negative() {
            self.negatives += 1;
        }
    }

    /// The mean of `nobs >= 1` observations whose last `same_run` are equal, the latest being
    /// `last`: `sum / nobs`, `last` itself when they are all equal, `+0.0` when the sign of the
    /// quotient contradicts every observation.
    #[inline]
    pub(crate) fn mean(&self, nobs: usize, same_run: usize, last: f64) -> f64 {
        let mut mean = self.sum / as_f64(nobs);
        if same_run >= nobs {
            mean = last;
        } else if (self.negatives == 0 && mean < 0.0) || (self.negatives == nobs && mean > 0.0) {
            // The TS code has two `else if` branches with the same body; one condition is
            // the same test (comparisons have no side effects).
            mean = 0.0;
        }
        mean
    }
}

#[cfg(test)]
mod tests {
    use super::sma;
    use crate::test_support::{assert_bits, assert_rejects_bad_arguments, run_series};

    const NAN: f64 = f64::NAN;
    const INF: f64 = f64::INFINITY;

    fn run(x: &[f64], period: usize) -> Vec<f64> {
        run_series(sma, x, period)
    }

    #[test]
    fn averages_full_windows_only() {
        assert_bits(
            &run(&[1.0, 2.0, 3.0, 4.0, 5.0], 3),
            &[NAN, NAN, 2.0, 3.0, 4.0],
        );
    }

    #[test]
    fn is_nan_while_the_window_holds_a_gap() {
        assert_bits(
            &run(&[1.0, 2.0, NAN, 4.0, 5.0, 6.0, -INF, 8.0], 2),
            &[NAN, 1.5, NAN, NAN, 4.5, 5.5, NAN, NAN],
        );
    }

    #[test]
    fn is_exact_on_constant_windows() {
        // 0.1 + 0.1 + 0.1 = 0.30000000000000004; the equal-values rule returns 0.1 itself.
        assert_bits(&run(&[0.1, 0.1, 0.1, 0.1], 3), &[NAN, NAN, 0.1, 0.1]);
    }

    #[test]
    fn clamps_a_mean_whose_sign_contradicts_the_window() {
        // The Kahan residue of the huge values leaves the running sum at -0.75 for the window
        // [0.25, 1]; the mean -0.375 of a window without negatives is clamped to +0.0.
        let x = [
            -1_203_128_419_911_083_000.0,
            1.0,
            1.0,
            13_141_250_765_482_546.0,
            0.25,
            1.0,
        ];
        assert_bits(
            &run(&x, 2),
            &[
                NAN,
                -601_564_209_955_541_500.0,
                1.0,
                6_570_625_382_741_274.0,
                6_570_625_382_741_273.0,
                0.0,
            ],
        );
        // A window of -0.0 only: the equal-values rule returns -0.0 itself.
        let out = run(&[-0.0, -0.0], 2);
        assert_eq!(out[1].to_bits(), (-0.0_f64).to_bits());
    }

    #[test]
    fn is_the_input_for_period_one() {
        let x = [3.5, -2.0, 0.0, 1e12, 1e-9, -0.0];
        assert_bits(&run(&x, 1), &x);
    }

    #[test]
    fn handles_empty_and_short_series() {
        assert!(run(&[], 3).is_empty());
        assert_bits(&run(&[1.0, 2.0], 3), &[NAN, NAN]);
    }

    #[test]
    fn agrees_with_a_naive_mean() {
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut x = Vec::with_capacity(1000);
        for i in 0..1000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let v = f64::from(u32::try_from(state >> 40).unwrap()) / 1e4 - 800.0;
            x.push(if i % 97 == 5 { NAN } else { v });
        }
        for period in [1_usize, 2, 7, 30, 200] {
            let out = run(&x, period);
            for (i, &got) in out.iter().enumerate() {
                let window = &x[(i + 1).saturating_sub(period)..=i];
                if window.len() < period || window.iter().any(|v| v.is_nan()) {
                    assert!(got.is_nan(), "index {i} period {period}: {got}");
                } else {
                    let naive =
                        window.iter().sum::<f64>() / f64::from(u32::try_from(period).unwrap());
                    assert!(
                        (got - naive).abs() <= 1e-9 * (1.0 + naive.abs()),
                        "index {i}: {got} vs {naive}"
                    );
                }
            }
        }
    }

    #[test]
    fn rejects_bad_arguments_without_writing() {
        assert_rejects_bad_arguments(sma);
    }
}

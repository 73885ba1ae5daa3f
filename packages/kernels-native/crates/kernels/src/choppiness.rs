use crate::log10::log10;
use crate::rolling::{rolling_extreme, rolling_sum};
use crate::true_range::true_range;
use crate::{check_lengths, check_period, KernelError};

/// The smallest period `choppiness` accepts: `log10(1) = 0` makes period 1 a division by zero.
pub const CHOPPINESS_MIN_PERIOD: usize = 2;

/// Choppiness index of `high`, `low`, `close` over `period` bars, written into `out`.
///
/// Bit for bit the original `IndicatorCache.choppiness` (pandas 1.5.3) except for the last bits of
/// log10, and **the same algorithm as `choppinessInto` in `@omega-ta/kernels-ts`
/// (`packages/kernels-ts/src/choppiness.ts`), operation for operation and in the same order**:
///
/// - `atr_sum` = pandas' rolling sum (`min_periods = period`) of the true range (an infinite true
///   range counts as missing there);
/// - `range` = rolling max of `high` - rolling min of `low`, with `±0` replaced by NaN;
/// - `chop = (100 * log10(atr_sum / range)) / log10(period)` with the shared fdlibm `log10`.
///
/// Output: `period - 1` warm-up rows; NaN while the window holds a missing bar and on flat
/// windows.
///
/// # Errors
///
/// [`KernelError::PeriodBelowMinimum`] unless `2 <= period`; [`KernelError::InvalidPeriod`] above
/// `PERIOD_MAX`; [`KernelError::LengthMismatch`] unless every series has the length of `high`.
/// Nothing is written then.
pub fn choppiness(
    high: &[f64],
    low: &[f64],
    close: &[f64],
    period: usize,
    out: &mut [f64],
) -> Result<(), KernelError> {
    let p = check_period(period)?;
    if period < CHOPPINESS_MIN_PERIOD {
        return Err(KernelError::PeriodBelowMinimum {
            period,
            min: CHOPPINESS_MIN_PERIOD,
        });
    }
    check_lengths(high, low)?;
    check_lengths(high, close)?;
    check_lengths(high, out)?;
    let n = high.len();
    let mut tr = vec![0.0; n];
    true_range(high, low, close, &mut tr);
    let mut sum = vec![0.0; n];
    rolling_sum(&tr, period, &mut sum);
    let high_max = &mut tr; // the true range is no longer needed
    rolling_extreme(high, period, true, high_max);
    rolling_extreme(low, period, false, out); // low min, replaced row by row below
    let log_period = log10(f64::from(p));
    for ((slot, &hi), &s) in out.iter_mut().zip(high_max.iter()).zip(&sum) {
        let mut range = hi - *slot;
        if range == 0.0 {
            range = f64::NAN;
        }
        *slot = (100.0 * log10(s / range)) / log_period;
    }
    Ok(())
}

#[cfg(test)]
#[allow(
    clippy::many_single_char_names,
    clippy::float_cmp,
    reason = "tests compare exact bits and name high/low/close h/l/c"
)]
mod tests {
    use super::choppiness;
    use crate::KernelError;

    const NAN: f64 = f64::NAN;

    fn run(h: &[f64], l: &[f64], c: &[f64], period: usize) -> Vec<f64> {
        let mut out = vec![-1.0; h.len()];
        choppiness(h, l, c, period, &mut out).expect("valid arguments");
        out
    }

    #[test]
    fn matches_values_printed_by_pandas() {
        // The original's choppiness(period=3) on these bars, printed by pandas 1.5.3 / numpy
        // 1.24.2. Row 3 differs in the last bit (46.49735207179271): numpy's log10 (SVML on this
        // AVX-512 machine) and the shared fdlibm log10 round log10(atr_sum / range) differently.
        let h = [10.0, 11.0, 10.5, 12.0, 12.5, 11.0];
        let l = [9.0, 9.5, 9.0, 10.5, 11.0, 10.0];
        let c = [9.5, 10.5, 10.0, 11.5, 12.0, 10.5];
        let out = run(&h, &l, &c, 3);
        let expected = [
            NAN,
            NAN,
            63.092_975_357_145_74,
            46.497_352_071_792_726,
            32.465_952_512_796_235,
            71.768_481_792_621_1,
        ];
        for (i, (a, e)) in out.iter().zip(expected).enumerate() {
            assert!(
                (a - e).abs() <= 4.0 * f64::EPSILON * e.abs() || (a.is_nan() && e.is_nan()),
                "index {i}: got {a:?}, expected {e:?}"
            );
        }
    }

    #[test]
    fn is_nan_on_flat_windows() {
        let x = [2.0; 4];
        assert!(run(&x, &x, &x, 2).iter().all(|v| v.is_nan()));
    }

    #[test]
    fn rejects_period_one() {
        let mut out = [5.0; 2];
        assert_eq!(
            choppiness(&[1.0; 2], &[1.0; 2], &[1.0; 2], 1, &mut out),
            Err(KernelError::PeriodBelowMinimum { period: 1, min: 2 })
        );
        assert_eq!(out, [5.0; 2]);
    }
}

use crate::pairwise_sum::pairwise_sum;
use crate::true_range::bar_true_range;
use crate::{check_lengths, check_period, KernelError};

/// Wilder's average true range of `high`, `low`, `close` over `period` bars, written into `out`.
///
/// Bit for bit the original `IndicatorCache.atr` (a Python loop over the pandas 1.5.3 true range),
/// and **the same algorithm as `atrInto` in `@omega-ta/kernels-ts`
/// (`packages/kernels-ts/src/atr.ts`), operation for operation and in the same order**:
///
/// - `first` = the first row whose true range is not NaN (0 when there is none, like numpy's
///   `argmax` of an all-false mask);
/// - when the `period` true ranges from `first` are all finite, the seed `np.mean` of them
///   (numpy's pairwise sum / period) is written at row `first + period - 1`; otherwise the output
///   is all NaN;
/// - every later row: `atr = (atr * (period - 1) + tr) / period` (no fused multiply-add); a NaN
///   true range repeats the previous output without updating `atr`. An infinite true range is not
///   missing (the original only skips NaN): the average becomes infinite (NaN for period 1).
///
/// Output: rows before `first + period - 1` are NaN (`period - 1` rows on gap-free input).
///
/// # Errors
///
/// [`KernelError::InvalidPeriod`] unless `1 <= period <= PERIOD_MAX`;
/// [`KernelError::LengthMismatch`] unless every series has the length of `high`. Nothing is
/// written then.
pub fn atr(
    high: &[f64],
    low: &[f64],
    close: &[f64],
    period: usize,
    out: &mut [f64],
) -> Result<(), KernelError> {
    let p = check_period(period)?;
    check_lengths(high, low)?;
    check_lengths(high, close)?;
    check_lengths(high, out)?;
    let n = out.len();
    // One pass. Until the seed window is complete, `out` holds the true ranges (the seed's input).
    let mut first = None; // the first row with a defined true range
    let mut end = n;
    let mut prev_close = f64::NAN;
    let mut i = 0;
    while i < end {
        let tr = bar_true_range(high[i], low[i], prev_close);
        prev_close = close[i];
        out[i] = tr;
        if first.is_none() && !tr.is_nan() {
            first = Some(i);
            end = n.min(i + period);
        }
        i += 1;
    }
    let seed_end = match first {
        Some(first)
            if first + period <= n && out[first..first + period].iter().all(|v| v.is_finite()) =>
        {
            first + period
        }
        _ => {
            out.fill(f64::NAN);
            return Ok(());
        }
    };
    let divisor = f64::from(p);
    let keep = f64::from(p - 1);
    let mut avg = pairwise_sum(&out[seed_end - period..seed_end]) / divisor;
    out[..seed_end - 1].fill(f64::NAN);
    out[seed_end - 1] = avg;
    for i in seed_end..n {
        let tr = bar_true_range(high[i], low[i], close[i - 1]);
        // A NaN true range repeats the previous output, which is `avg`.
        if !tr.is_nan() {
            avg = (avg * keep + tr) / divisor;
        }
        out[i] = avg;
    }
    Ok(())
}

#[cfg(test)]
#[allow(
    clippy::many_single_char_names,
    reason = "tests compare exact bits and name high/low/close h/l/c"
)]
mod tests {
    use super::atr;
    use crate::test_support::assert_bits;
    use crate::KernelError;

    const NAN: f64 = f64::NAN;

    fn run(h: &[f64], l: &[f64], c: &[f64], period: usize) -> Vec<f64> {
        let mut out = vec![-1.0; h.len()];
        atr(h, l, c, period, &mut out).expect("valid arguments");
        out
    }

    #[test]
    fn seeds_with_the_mean_then_smooths() {
        // tr = [2, 2, 3, 1, NaN, 2]: seed mean(2, 2) = 2 at row 1; (2 * 1 + 3) / 2 = 2.5;
        // (2.5 + 1) / 2 = 1.75; the missing bar repeats it; (1.75 + 2) / 2 = 1.875 (as pandas
        // 1.5.3 / the original print).
        let h = [3.0, 4.0, 6.0, 5.0, NAN, 8.0];
        let l = [1.0, 2.0, 3.0, 4.0, NAN, 6.0];
        let c = [2.0, 3.0, 5.0, 4.5, NAN, 7.0];
        assert_bits(&run(&h, &l, &c, 2), &[NAN, 2.0, 2.5, 1.75, 1.75, 1.875]);
    }

    #[test]
    fn is_all_nan_without_a_full_finite_seed_window() {
        let h = [NAN, 2.0, NAN, 3.0];
        let l = [NAN, 1.0, NAN, 1.0];
        let c = [NAN, 1.5, NAN, 2.0];
        assert_bits(&run(&h, &l, &c, 2), &[NAN; 4]);
        assert_bits(&run(&[NAN; 3], &[NAN; 3], &[NAN; 3], 1), &[NAN; 3]);
        assert!(run(&[], &[], &[], 14).is_empty());
    }

    #[test]
    fn rejects_bad_arguments_without_writing() {
        let mut out = [5.0; 2];
        assert_eq!(
            atr(&[1.0; 2], &[1.0; 2], &[1.0; 2], 0, &mut out),
            Err(KernelError::InvalidPeriod { period: 0 })
        );
        assert_eq!(
            atr(&[1.0; 2], &[1.0; 3], &[1.0; 2], 1, &mut out),
            Err(KernelError::LengthMismatch {
                input: 2,
                output: 3
            })
        );
        assert_bits(&out, &[5.0; 2]);
    }
}

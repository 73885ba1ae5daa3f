use crate::ewm::ewm_mean;
use crate::{check_lengths, check_period, KernelError};

/// pandas `Series.clip(lower=0)` of one value: NaN stays NaN, `-0.0` stays `-0.0`
/// (`-0.0 >= 0.0`), anything below 0 (including `-inf`) becomes `+0.0`.
#[inline]
pub(crate) fn clip_lower_zero(v: f64) -> f64 {
    if v >= 0.0 || v.is_nan() {
        v
    } else {
        0.0
    }
}

/// Relative strength index of `close` over `period` bars (Wilder smoothing), written into `out`.
///
/// Bit for bit the original's pandas 1.5.3 expression
/// `delta = close.diff(); gain = delta.clip(lower=0); loss = (-delta).clip(lower=0);
/// avg = ….ewm(alpha=1/period, adjust=False).mean(); 100 - 100 / (1 + avg_gain / avg_loss)`,
/// and **the same algorithm as `rsiInto` in `@omega-ta/kernels-ts`
/// (`packages/kernels-ts/src/rsi.ts`), operation for operation and in the same order**, so both
/// backends produce identical bits. Keep the two in step.
///
/// - `delta[t] = close[t] - close[t-1]` (NaN at row 0 and next to a missing close); the
///   difference, the clipping and the divisions keep ±inf, only the ewm treats a non-finite gain
///   or loss as missing;
/// - pandas turns `alpha = 1 / period` into `com = (1 - alpha) / alpha` and its kernel rebuilds
///   `alpha = 1 / (1 + com)` (`ewm_mean`);
/// - `avg_gain / avg_loss` is IEEE division: a zero average loss gives `rs = inf` and 100, 0 / 0
///   gives NaN (a flat start).
///
/// Output: row 0 is NaN; later rows are defined once a difference was observed and hold across
/// gaps. Every value lies in `[0, 100]`.
///
/// # Errors
///
/// [`KernelError::InvalidPeriod`] unless `1 <= period <= PERIOD_MAX`;
/// [`KernelError::LengthMismatch`] unless `out.len() == close.len()`. Nothing is written then.
pub fn rsi(close: &[f64], period: usize, out: &mut [f64]) -> Result<(), KernelError> {
    let period = check_period(period)?;
    check_lengths(close, out)?;
    let n = close.len();
    let mut gain = vec![0.0_f64; n];
    let mut loss = vec![0.0_f64; n];
    for (i, (g, l)) in gain.iter_mut().zip(loss.iter_mut()).enumerate() {
        let delta = if i == 0 {
            f64::NAN
        } else {
            close[i] - close[i - 1]
        };
        *g = clip_lower_zero(delta);
        *l = clip_lower_zero(-delta);
    }
    let alpha = 1.0 / f64::from(period);
    let com = (1.0 - alpha) / alpha;
    ewm_mean(&gain, com, out); // avg_gain
    let mut avg_loss = gain; // the gains are no longer needed: reuse their buffer
    ewm_mean(&loss, com, &mut avg_loss);
    for (slot, &l) in out.iter_mut().zip(&avg_loss) {
        let rs = *slot / l;
        *slot = 100.0 - 100.0 / (1.0 + rs);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::rsi;
    use crate::test_support::assert_bits;
    use crate::KernelError;

    const NAN: f64 = f64::NAN;
    const INF: f64 = f64::INFINITY;

    fn run(x: &[f64], period: usize) -> Vec<f64> {
        let mut out = vec![-1.0; x.len()];
        rsi(x, period, &mut out).expect("valid arguments");
        out
    }

    #[test]
    fn is_wilder_smoothing_of_gains_and_losses() {
        // Hand-derived, period 2 (alpha 1/2): avg_gain 1, 0.5; avg_loss 0, 0.5 -> 100, 50.
        assert_bits(&run(&[1.0, 2.0, 1.0], 2), &[NAN, 100.0, 50.0]);
    }

    #[test]
    fn matches_values_printed_by_pandas() {
        // pandas 1.5.3: the average holds across the gap.
        assert_bits(
            &run(&[1.0, 2.0, 1.5, 1.5, NAN, 3.0, 2.0, 2.5], 3),
            &[
                NAN,
                100.0,
                80.0,
                80.0,
                80.0,
                80.0,
                26.446_280_991_735_55,
                44.113_029_827_315_55,
            ],
        );
        // pandas 1.5.3: ±inf survives diff and clip; only the ewm skips it.
        assert_bits(
            &run(&[1.0, 2.0, INF, 3.0, 1.0, 2.0], 2),
            &[
                NAN,
                100.0,
                100.0,
                100.0,
                11.111_111_111_111_114,
                46.666_666_666_666_664,
            ],
        );
    }

    #[test]
    fn is_nan_on_zero_over_zero() {
        // pandas 1.5.3: flat start 0 / 0 -> NaN; no loss -> 100; period 1 repeats 0 / 0.
        assert_bits(
            &run(&[5.0, 5.0, 5.0, 6.0, 6.0], 14),
            &[NAN, NAN, NAN, 100.0, 100.0],
        );
        assert_bits(
            &run(&[1.0, 2.0, 1.0, 1.0, 3.0], 1),
            &[NAN, 100.0, 0.0, NAN, 100.0],
        );
    }

    #[test]
    fn handles_an_empty_series() {
        assert!(run(&[], 14).is_empty());
    }

    #[test]
    fn rejects_bad_arguments_without_writing() {
        let mut out = [5.0; 2];
        assert_eq!(
            rsi(&[1.0, 2.0], 0, &mut out),
            Err(KernelError::InvalidPeriod { period: 0 })
        );
        assert_eq!(
            rsi(&[1.0], 2, &mut out),
            Err(KernelError::LengthMismatch {
                input: 1,
                output: 2
            })
        );
        assert_bits(&out, &[5.0; 2]);
    }
}

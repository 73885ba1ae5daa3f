use crate::ewm::EwmMean;
use crate::{check_lengths, check_period, KernelError};

/// pandas `Series.clip(lower=0)` of one value: NaN stays NaN, `-0.0` stays `-0.0`
/// (`-0.0 >= 0.0`), anything below 0 (including `-inf`) becomes `+0.0`. As `clipLowerZero` in
/// `packages/kernels-ts/src/rsi.ts`: for a non-zero `|v| < 2^1023` it is `(v + |v|) * 0.5`, which
/// is exact (`2v` and its half are representable, `v + -v` is `+0.0`) and branch-free, as the
/// sign of a price difference is random.
#[inline]
pub(crate) fn clip_lower_zero(v: f64) -> f64 {
    let magnitude = v.abs();
    if magnitude > 0.0 && magnitude < HALF_OVERFLOW {
        (v + magnitude) * 0.5
    } else if v >= 0.0 || v.is_nan() {
        v
    } else {
        0.0
    }
}

/// 2^1023: below it, `v + |v|` cannot overflow.
const HALF_OVERFLOW: f64 = f64::from_bits(0x7fe0_0000_0000_0000);

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
///   `alpha = 1 / (1 + com)` (`EwmMean`);
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
    let alpha = 1.0 / f64::from(period);
    let com = (1.0 - alpha) / alpha;
    let mut avg_gain = EwmMean::new(com);
    let mut avg_loss = EwmMean::new(com);
    // One pass (diff, clip, both averages, pandas' divisions), two rows per iteration: the same
    // operations in the same order per row, but the two rows' divisions, which do not depend on
    // each other, issue side by side (`cargo bench -p omega-ta-kernels -- rsi`: 2.9 -> 2.65
    // ns/bar). close[0] - NaN is row 0's NaN.
    let mut previous = f64::NAN;
    let mut closes = close.chunks_exact(2);
    let mut outs = out.chunks_exact_mut(2);
    for (v, slots) in (&mut closes).zip(&mut outs) {
        let (g0, l0) = rsi_averages(&mut avg_gain, &mut avg_loss, v[0] - previous);
        let (g1, l1) = rsi_averages(&mut avg_gain, &mut avg_loss, v[1] - v[0]);
        previous = v[1];
        slots[0] = rsi_of(g0, l0);
        slots[1] = rsi_of(g1, l1);
    }
    for (&v, slot) in closes.remainder().iter().zip(outs.into_remainder()) {
        let (g, l) = rsi_averages(&mut avg_gain, &mut avg_loss, v - previous);
        *slot = rsi_of(g, l);
    }
    Ok(())
}

/// The average gain and loss after a close-to-close difference `delta`.
#[allow(
    clippy::inline_always,
    reason = "a plain #[inline] was not inlined into the two-row loop, which kept the averages in memory (cargo bench: macd 2.5 -> 5.1 ns/bar)"
)]
#[inline(always)]
fn rsi_averages(avg_gain: &mut EwmMean, avg_loss: &mut EwmMean, delta: f64) -> (f64, f64) {
    (
        avg_gain.push(clip_lower_zero(delta)),
        avg_loss.push(clip_lower_zero(-delta)),
    )
}

/// pandas' `100 - 100 / (1 + avg_gain / avg_loss)`.
#[allow(
    clippy::inline_always,
    reason = "a plain #[inline] was not inlined into the two-row loop, which kept the averages in memory (cargo bench: macd 2.5 -> 5.1 ns/bar)"
)]
#[inline(always)]
fn rsi_of(avg_gain: f64, avg_loss: f64) -> f64 {
    100.0 - 100.0 / (1.0 + avg_gain / avg_loss)
}

#[cfg(test)]
mod tests {
    use super::rsi;
    use crate::test_support::{assert_bits, assert_rejects_bad_arguments, run_series};

    const NAN: f64 = f64::NAN;
    const INF: f64 = f64::INFINITY;

    fn run(x: &[f64], period: usize) -> Vec<f64> {
        run_series(rsi, x, period)
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
    fn clips_huge_subnormal_and_signed_zero_differences_like_pandas() {
        // pandas 1.5.3: |delta| = 1e308 >= 2^1023 and 2e308 -> inf take the exact fallback of the
        // clip; 5e-324 is subnormal.
        assert_bits(
            &run(&[0.0, 1e308, 0.0, -1e308, 5e-324, 0.0, 3.0], 2),
            &[
                NAN,
                100.0,
                50.0,
                25.0,
                62.500_000_000_000_01,
                62.500_000_000_000_01,
                62.500_000_000_000_01,
            ],
        );
        assert_bits(
            &run(&[0.0, -0.0, 0.0, 2.0, -0.0, 1.0], 3),
            &[NAN, NAN, NAN, 100.0, 40.0, 58.620_689_655_172_41],
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
        assert_rejects_bad_arguments(rsi);
    }
}

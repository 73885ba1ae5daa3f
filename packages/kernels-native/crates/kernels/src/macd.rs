use crate::ewm::EwmMean;
use crate::{check_int_param, check_lengths, KernelError};

/// MACD line, signal line and histogram of `close`, written into `macd`, `signal` and
/// `histogram`.
///
/// Bit for bit the original's pandas 1.5.3 expression
/// `macd = close.ewm(span=fast).mean() - close.ewm(span=slow).mean();
/// signal = macd.ewm(span=signal_period).mean()` (all `adjust=False`), plus
/// `histogram = macd - signal`, and **the same algorithm as `macdInto` in `@omega-ta/kernels-ts`
/// (`packages/kernels-ts/src/macd.ts`), operation for operation and in the same order**, so both
/// backends produce identical bits. Keep the two in step.
///
/// - every ewm is `EwmMean` with pandas' span conversion `com = (span - 1) / 2`;
/// - the fast EMA goes into `macd`, the slow one into `signal`, then `macd[t] -= signal[t]` (IEEE
///   subtraction), then the signal EMA of `macd` overwrites `signal` (a non-finite MACD value is
///   missing there, as in pandas), then `histogram[t] = macd[t] - signal[t]`.
///
/// Output: NaN until the first finite close, then defined (held across gaps).
///
/// # Errors
///
/// [`KernelError::InvalidIntParam`] naming the first span outside `1..=PERIOD_MAX`;
/// [`KernelError::LengthMismatch`] unless every output has the length of `close`. Nothing is
/// written then.
pub fn macd(
    close: &[f64],
    fast_period: usize,
    slow_period: usize,
    signal_period: usize,
    macd: &mut [f64],
    signal: &mut [f64],
    histogram: &mut [f64],
) -> Result<(), KernelError> {
    let fast = check_int_param("fast_period", fast_period)?;
    let slow = check_int_param("slow_period", slow_period)?;
    let sig = check_int_param("signal_period", signal_period)?;
    check_lengths(close, macd)?;
    check_lengths(close, signal)?;
    check_lengths(close, histogram)?;
    let mut fast_ema = EwmMean::new((f64::from(fast) - 1.0) / 2.0);
    let mut slow_ema = EwmMean::new((f64::from(slow) - 1.0) / 2.0);
    let mut smooth = EwmMean::new((f64::from(sig) - 1.0) / 2.0);
    // One pass, two rows per iteration: the same operations in the same order per row, but the
    // second row's independent work fills the first one's latencies (`cargo bench -p
    // omega-ta-kernels -- macd`: 2.7 -> 2.3 ns/bar; four rows measured no better).
    let mut closes = close.chunks_exact(2);
    let mut macd_pairs = macd.chunks_exact_mut(2);
    let mut signal_pairs = signal.chunks_exact_mut(2);
    let mut histogram_pairs = histogram.chunks_exact_mut(2);
    for (((v, m), s), h) in (&mut closes)
        .zip(&mut macd_pairs)
        .zip(&mut signal_pairs)
        .zip(&mut histogram_pairs)
    {
        (m[0], s[0], h[0]) = macd_row(&mut fast_ema, &mut slow_ema, &mut smooth, v[0]);
        (m[1], s[1], h[1]) = macd_row(&mut fast_ema, &mut slow_ema, &mut smooth, v[1]);
    }
    for (((&v, m), s), h) in closes
        .remainder()
        .iter()
        .zip(macd_pairs.into_remainder())
        .zip(signal_pairs.into_remainder())
        .zip(histogram_pairs.into_remainder())
    {
        (*m, *s, *h) = macd_row(&mut fast_ema, &mut slow_ema, &mut smooth, v);
    }
    Ok(())
}

/// One row of [`macd`]: the MACD value, its signal and the histogram after the close `v`.
#[allow(
    clippy::inline_always,
    reason = "a plain #[inline] was not inlined into the two-row loop, which kept the averages in memory (cargo bench: macd 2.5 -> 5.1 ns/bar)"
)]
#[inline(always)]
fn macd_row(
    fast: &mut EwmMean,
    slow: &mut EwmMean,
    smooth: &mut EwmMean,
    v: f64,
) -> (f64, f64, f64) {
    let m = fast.push(v) - slow.push(v);
    let s = smooth.push(m);
    (m, s, m - s)
}

#[cfg(test)]
mod tests {
    use super::macd;
    use crate::test_support::assert_bits;
    use crate::KernelError;

    const NAN: f64 = f64::NAN;
    const INF: f64 = f64::INFINITY;

    type Lines = (Vec<f64>, Vec<f64>, Vec<f64>);

    fn run(x: &[f64], fast: usize, slow: usize, signal: usize) -> Lines {
        let (mut m, mut s, mut h) = (
            vec![-1.0; x.len()],
            vec![-1.0; x.len()],
            vec![-1.0; x.len()],
        );
        macd(x, fast, slow, signal, &mut m, &mut s, &mut h).expect("valid arguments");
        (m, s, h)
    }

    #[test]
    fn matches_values_printed_by_pandas() {
        // pandas 1.5.3, spans 2 / 3 / 2: the gap is held, inf is missing.
        let (m, s, h) = run(&[1.0, 2.0, NAN, 4.0, 3.0, INF, 5.0], 2, 3, 2);
        assert_bits(
            &m,
            &[
                0.0,
                0.166_666_666_666_666_52,
                0.166_666_666_666_666_52,
                0.5,
                0.138_888_888_888_889_28,
                0.138_888_888_888_889_28,
                0.384_920_634_920_635_33,
            ],
        );
        assert_bits(
            &s,
            &[
                0.0,
                0.111_111_111_111_111_01,
                0.148_148_148_148_148_03,
                0.382_716_049_382_716,
                0.220_164_609_053_498_22,
                0.165_980_795_610_425_6,
                0.311_940_688_483_898_7,
            ],
        );
        assert_bits(
            &h,
            &[
                0.0,
                0.055_555_555_555_555_51,
                0.018_518_518_518_518_49,
                0.117_283_950_617_284_03,
                -0.081_275_720_164_608_93,
                -0.027_091_906_721_536_33,
                0.072_979_946_436_736_61,
            ],
        );
    }

    #[test]
    fn is_nan_until_the_first_observation() {
        let (m, s, h) = run(&[NAN, NAN, 3.0, 4.0], 12, 26, 9);
        for line in [&m, &s, &h] {
            assert!(line[0].is_nan() && line[1].is_nan());
            assert_eq!(line[2].to_bits(), 0.0_f64.to_bits());
        }
    }

    #[test]
    fn rejects_bad_arguments_without_writing() {
        let (mut m, mut s, mut h) = ([5.0; 2], [5.0; 2], [5.0; 1]);
        assert_eq!(
            macd(&[1.0, 2.0], 12, 0, 9, &mut m, &mut s, &mut h),
            Err(KernelError::InvalidIntParam {
                name: "slow_period",
                value: 0
            })
        );
        assert_eq!(
            macd(&[1.0, 2.0], 12, 26, 9, &mut m, &mut s, &mut h),
            Err(KernelError::LengthMismatch {
                input: 2,
                output: 1
            })
        );
        assert_bits(&m, &[5.0; 2]);
        assert_bits(&s, &[5.0; 2]);
        assert_bits(&h, &[5.0; 1]);
    }
}

use crate::ewm::EwmMean;
use crate::true_range::bar_true_range;
use crate::{check_lengths, check_period, KernelError};

/// The three outputs of [`dmi`]: +DI, -DI and ADX, each the length of the inputs.
pub struct DmiOut<'a> {
    /// +DI.
    pub plus_di: &'a mut [f64],
    /// -DI.
    pub minus_di: &'a mut [f64],
    /// ADX.
    pub adx: &'a mut [f64],
}

/// Wilder's directional movement index (+DI, -DI, ADX) of `high`, `low`, `close` over `period`
/// bars.
///
/// Bit for bit the original `IndicatorCache.dmi` (pandas 1.5.3), and **the same algorithm as
/// `dmiInto` in `@omega-ta/kernels-ts` (`packages/kernels-ts/src/dmi.ts`), operation for operation
/// and in the same order**:
///
/// - `up = high - prev_high`, `down = prev_low - low`; `+DM = up` where `up > down && up > 0`, else
///   `0.0` (comparisons with NaN are false, so the DMs are never missing); `-DM` likewise;
/// - `atr`, `ewm(+DM)`, `ewm(-DM)` = pandas `ewm(alpha=1/period, adjust=False).mean()`, which runs
///   with `com = (1 - alpha) / alpha` computed in floating point (`EwmMean`);
/// - `+DI = (100 * ewm(+DM)) / atr` (0/0 = NaN, x/0 = inf), `-DI` likewise;
///   `dx = (|+DI - -DI| / (+DI + -DI)) * 100`; `adx = ewm(dx)`.
///
/// # Errors
///
/// [`KernelError::InvalidPeriod`] unless `1 <= period <= PERIOD_MAX`;
/// [`KernelError::LengthMismatch`] unless every series has the length of `high`. Nothing is
/// written then.
pub fn dmi(
    high: &[f64],
    low: &[f64],
    close: &[f64],
    period: usize,
    out: &mut DmiOut<'_>,
) -> Result<(), KernelError> {
    let p = check_period(period)?;
    check_lengths(high, low)?;
    check_lengths(high, close)?;
    check_lengths(high, out.plus_di)?;
    check_lengths(high, out.minus_di)?;
    check_lengths(high, out.adx)?;
    let alpha = 1.0 / f64::from(p);
    let com = (1.0 - alpha) / alpha;
    let mut atr = EwmMean::new(com);
    let mut plus_dm = EwmMean::new(com);
    let mut minus_dm = EwmMean::new(com);
    let mut smooth_dx = EwmMean::new(com);
    // One pass: the four averages side by side; row 0 has no previous bar, so up/down are NaN and
    // both DMs 0.0, as in the original.
    let mut prev_high = f64::NAN;
    let mut prev_low = f64::NAN;
    let mut prev_close = f64::NAN;
    for i in 0..high.len() {
        let (h, l) = (high[i], low[i]);
        let a = atr.push(bar_true_range(h, l, prev_close));
        let up = h - prev_high;
        let down = prev_low - l;
        let pd = (100.0 * plus_dm.push(if up > down && up > 0.0 { up } else { 0.0 })) / a;
        let md = (100.0 * minus_dm.push(if down > up && down > 0.0 { down } else { 0.0 })) / a;
        out.plus_di[i] = pd;
        out.minus_di[i] = md;
        out.adx[i] = smooth_dx.push(((pd - md).abs() / (pd + md)) * 100.0);
        prev_high = h;
        prev_low = l;
        prev_close = close[i];
    }
    Ok(())
}

#[cfg(test)]
#[allow(
    clippy::many_single_char_names,
    reason = "tests compare exact bits and name high/low/close h/l/c"
)]
mod tests {
    use super::{dmi, DmiOut};
    use crate::test_support::assert_bits;
    use crate::KernelError;

    const NAN: f64 = f64::NAN;

    fn run(h: &[f64], l: &[f64], c: &[f64], period: usize) -> [Vec<f64>; 3] {
        let n = h.len();
        let (mut p, mut m, mut a) = (vec![-1.0; n], vec![-1.0; n], vec![-1.0; n]);
        dmi(
            h,
            l,
            c,
            period,
            &mut DmiOut {
                plus_di: &mut p,
                minus_di: &mut m,
                adx: &mut a,
            },
        )
        .expect("valid arguments");
        [p, m, a]
    }

    #[test]
    fn matches_values_printed_by_pandas() {
        // The original's dmi(period=3) on these bars, printed by pandas 1.5.3.
        let h = [10.0, 11.0, 10.5, 12.0, 12.5, 11.0];
        let l = [9.0, 9.5, 9.0, 10.5, 11.0, 10.0];
        let c = [9.5, 10.5, 10.0, 11.5, 12.0, 10.5];
        let [p, m, a] = run(&h, &l, &c, 3);
        assert_bits(
            &p,
            &[
                0.0,
                28.571_428_571_428_57,
                17.391_304_347_826_086,
                42.682_926_829_268_29,
                39.591_836_734_693_88,
                23.832_923_832_923_832,
            ],
        );
        assert_bits(
            &m,
            &[
                0.0,
                0.0,
                13.043_478_260_869_565,
                7.317_073_170_731_708,
                4.897_959_183_673_469_5,
                22.850_122_850_122_844,
            ],
        );
        assert_bits(
            &a,
            &[
                NAN,
                100.0,
                71.428_571_428_571_43,
                71.196_283_391_405_34,
                73.458_072_719_652_48,
                49.673_802_865_733_24,
            ],
        );
    }

    #[test]
    fn is_nan_on_flat_bars() {
        // 0/0 everywhere: no range, no movement.
        let x = [1.5; 4];
        for out in run(&x, &x, &x, 2) {
            assert_bits(&out, &[NAN; 4]);
        }
    }

    #[test]
    fn rejects_bad_arguments_without_writing() {
        let x = [1.0; 2];
        let (mut p, mut m, mut a) = ([5.0; 2], [5.0; 2], [5.0; 3]);
        let mut call = |period| {
            dmi(
                &x,
                &x,
                &x,
                period,
                &mut DmiOut {
                    plus_di: &mut p,
                    minus_di: &mut m,
                    adx: &mut a,
                },
            )
        };
        assert_eq!(call(0), Err(KernelError::InvalidPeriod { period: 0 }));
        assert_eq!(
            call(2),
            Err(KernelError::LengthMismatch {
                input: 2,
                output: 3
            })
        );
        assert_bits(&p, &[5.0; 2]);
    }
}

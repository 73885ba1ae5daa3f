use super::close_step::CopyStep;
use super::ewm;
use super::true_range::TrueRange;
use super::{boxed, Bar, Row, Stream};
use crate::ewm::EwmMean;
use crate::{check_period, KernelError};

/// Streaming [`crate::dmi`] (inputs `high`, `low`, `close`; outputs `plus_di`, `minus_di`,
/// `adx`): directional movement and true range smoothed by `ewm(alpha=1/period,
/// adjust=False)`, `±DI = 100 * ewm(±DM) / ewm(tr)`, `adx = ewm(|+DI - -DI| / (+DI + -DI) * 100)`,
/// bit for bit the batch kernel at every row. No warm-up.
///
/// # Errors
///
/// [`KernelError::InvalidPeriod`] unless `1 <= period <= PERIOD_MAX` (as the batch kernel).
pub fn dmi(period: usize) -> Result<Box<dyn Stream>, KernelError> {
    let p = check_period(period)?;
    let ewm = ewm::wilder(p);
    Ok(boxed(Dmi {
        tr: TrueRange::new(),
        prev_high: f64::NAN,
        prev_low: f64::NAN,
        atr: ewm,
        plus: ewm,
        minus: ewm,
        adx: ewm,
    }))
}

#[derive(Clone, Copy)]
struct Dmi {
    tr: TrueRange,
    prev_high: f64,
    prev_low: f64,
    atr: EwmMean,
    plus: EwmMean,
    minus: EwmMean,
    adx: EwmMean,
}

impl CopyStep for Dmi {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 3;

    fn next_row(&mut self, _row: usize, [high, low, close]: Bar) -> Row {
        let a = self.atr.push(self.tr.step(high, low, close));
        // On the first bar both differences are NaN, so both DMs are 0 (as in the batch kernel).
        let up = high - self.prev_high;
        let down = self.prev_low - low;
        self.prev_high = high;
        self.prev_low = low;
        let plus_dm = if up > down && up > 0.0 { up } else { 0.0 };
        let minus_dm = if down > up && down > 0.0 { down } else { 0.0 };
        let pd = (100.0 * self.plus.push(plus_dm)) / a;
        let md = (100.0 * self.minus.push(minus_dm)) / a;
        let dx = ((pd - md).abs() / (pd + md)) * 100.0;
        [pd, md, self.adx.push(dx)]
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{check_stream, hlc};
    use crate::DmiOut;

    #[test]
    fn equals_the_batch_kernel() {
        for (seed, period) in [(1, 1), (2, 2), (3, 14), (4, 100)] {
            let [h, l, c] = hlc(seed, 400);
            let mut out = [vec![0.0; 400], vec![0.0; 400], vec![0.0; 400]];
            let [plus_di, minus_di, adx] = &mut out;
            crate::dmi(
                &h,
                &l,
                &c,
                period,
                &mut DmiOut {
                    plus_di,
                    minus_di,
                    adx,
                },
            )
            .expect("valid");
            check_stream(&|| super::dmi(period), &[&h, &l, &c], &out);
        }
    }

    #[test]
    fn rejects_what_the_batch_kernel_rejects() {
        assert_eq!(
            super::dmi(0).err(),
            Some(crate::KernelError::InvalidPeriod { period: 0 })
        );
    }
}

use super::monotonic_deque::{DequeSaved, MonotonicDeque};
use super::ring::Ring;
use super::rolling_sum::RollingSum;
use super::true_range::TrueRange;
use super::{boxed, one, Bar, Row, Step, Stream};
use crate::log10::log10;
use crate::{check_period, KernelError, CHOPPINESS_MIN_PERIOD};

/// Streaming [`crate::choppiness`] (inputs `high`, `low`, `close`; output `choppiness`):
/// `100 * log10(sum(tr, period) / (max(high, period) - min(low, period))) / log10(period)` with
/// pandas' rolling windows, bit for bit the batch kernel at every row. Warm-up `period - 1` rows.
/// Keeps the last `period + 1` true ranges, highs and lows.
///
/// # Errors
///
/// [`KernelError::InvalidPeriod`] above `PERIOD_MAX`, [`KernelError::PeriodBelowMinimum`] below 2
/// (as the batch kernel).
pub fn choppiness(period: usize) -> Result<Box<dyn Stream>, KernelError> {
    let p = check_period(period)?;
    if period < CHOPPINESS_MIN_PERIOD {
        return Err(KernelError::PeriodBelowMinimum {
            period,
            min: CHOPPINESS_MIN_PERIOD,
        });
    }
    Ok(boxed(Choppiness {
        period,
        log_period: log10(f64::from(p)),
        ranges: Ring::new(period + 1),
        highs: Ring::new(period + 1),
        lows: Ring::new(period + 1),
        highest: MonotonicDeque::new(period, true),
        lowest: MonotonicDeque::new(period, false),
        core: Core {
            tr: TrueRange::new(),
            sum: RollingSum::new(period),
        },
    }))
}

#[derive(Clone, Copy)]
struct Core {
    tr: TrueRange,
    sum: RollingSum,
}

struct Choppiness {
    period: usize,
    log_period: f64,
    ranges: Ring<f64>,
    highs: Ring<f64>,
    lows: Ring<f64>,
    highest: MonotonicDeque,
    lowest: MonotonicDeque,
    core: Core,
}

impl Step for Choppiness {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 1;
    type Saved = (Core, DequeSaved, DequeSaved);

    fn save(&self) -> Self::Saved {
        (self.core, self.highest.save(), self.lowest.save())
    }

    fn restore(&mut self, (core, highest, lowest): Self::Saved) {
        self.core = core;
        self.highest.restore(highest);
        self.lowest.restore(lowest);
    }

    fn step(&mut self, row: usize, [high, low, close]: Bar) -> Row {
        let tr = self.core.tr.step(high, low, close);
        let leaving = row.checked_sub(self.period).map(|t| self.ranges.get(t));
        self.ranges.set(row, tr);
        let sum = self.core.sum.step(leaving, tr);
        self.highs.set(row, high);
        self.lows.set(row, low);
        let hi = self.highest.step(row, &self.highs);
        let mut range = hi - self.lowest.step(row, &self.lows);
        if range == 0.0 {
            range = f64::NAN;
        }
        one((100.0 * log10(sum / range)) / self.log_period)
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{check_stream, hlc};

    #[test]
    fn equals_the_batch_kernel() {
        for (seed, period) in [(1, 2), (2, 3), (3, 14), (4, 100), (5, 500)] {
            let [h, l, c] = hlc(seed, 400);
            let mut out = vec![0.0; 400];
            crate::choppiness(&h, &l, &c, period, &mut out).expect("valid");
            check_stream(&|| super::choppiness(period), &[&h, &l, &c], &[out]);
        }
    }

    #[test]
    fn rejects_what_the_batch_kernel_rejects() {
        for period in [0, 1] {
            assert_eq!(
                super::choppiness(period).err(),
                crate::choppiness(&[], &[], &[], period, &mut []).err()
            );
        }
    }
}

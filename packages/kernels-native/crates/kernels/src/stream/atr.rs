use super::ring::Ring;
use super::true_range::TrueRange;
use super::{boxed, one, Bar, Row, Step, Stream};
use crate::pairwise_sum::pairwise_sum;
use crate::{check_period, KernelError};

/// Streaming [`crate::atr`] (inputs `high`, `low`, `close`; output `atr`): Wilder's average true
/// range with the original's SMA seed (numpy's pairwise mean of the first `period` true ranges
/// from the first defined one) and carry-forward over missing true ranges, bit for bit the batch
/// kernel at every row. Warm-up `period - 1` rows; all NaN when a seed true range is not finite.
/// Keeps the `period` seed values.
///
/// # Errors
///
/// [`KernelError::InvalidPeriod`] unless `1 <= period <= PERIOD_MAX` (as the batch kernel).
pub fn atr(period: usize) -> Result<Box<dyn Stream>, KernelError> {
    let p = check_period(period)?;
    Ok(boxed(Atr {
        period,
        divisor: f64::from(p),
        keep: f64::from(p - 1),
        seed: Ring::new(period),
        core: Core {
            tr: TrueRange::new(),
            phase: Phase::BeforeFirst,
        },
    }))
}

/// Where the average is.
#[derive(Clone, Copy)]
enum Phase {
    /// No true range yet.
    BeforeFirst,
    /// This many seed true ranges collected.
    Seeding(usize),
    /// Past the seed, with the current average.
    Smoothing(f64),
    /// A seed true range was not finite: NaN forever.
    Dead,
}

#[derive(Clone, Copy)]
struct Core {
    tr: TrueRange,
    phase: Phase,
}

struct Atr {
    period: usize,
    divisor: f64,
    keep: f64,
    seed: Ring<f64>,
    core: Core,
}

impl Step for Atr {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 1;
    type Saved = Core;

    fn save(&self) -> Core {
        self.core
    }

    fn restore(&mut self, saved: Core) {
        self.core = saved;
    }

    fn step(&mut self, _row: usize, [high, low, close]: Bar) -> Row {
        let tr = self.core.tr.step(high, low, close);
        let seeded = match self.core.phase {
            Phase::BeforeFirst if tr.is_nan() => return one(f64::NAN),
            Phase::BeforeFirst => 0,
            Phase::Seeding(count) => count,
            Phase::Smoothing(avg) => {
                let avg = if tr.is_nan() {
                    avg // a missing true range repeats the previous output
                } else {
                    (avg * self.keep + tr) / self.divisor
                };
                self.core.phase = Phase::Smoothing(avg);
                return one(avg);
            }
            Phase::Dead => return one(f64::NAN),
        };
        if !tr.is_finite() {
            self.core.phase = Phase::Dead;
            return one(f64::NAN);
        }
        self.seed.set(seeded, tr);
        if seeded + 1 < self.period {
            self.core.phase = Phase::Seeding(seeded + 1);
            return one(f64::NAN);
        }
        let avg = pairwise_sum(self.seed.prefix(self.period)) / self.divisor;
        self.core.phase = Phase::Smoothing(avg);
        one(avg)
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{check_stream, hlc};

    #[test]
    fn equals_the_batch_kernel() {
        for (seed, period) in [(1, 1), (2, 2), (3, 14), (4, 150), (5, 400)] {
            let [h, l, c] = hlc(seed, 400);
            // Mostly finite seeds: infinities only in some series.
            let clean = |x: &[f64]| -> Vec<f64> {
                x.iter()
                    .map(|v| {
                        if v.is_infinite() && seed % 2 == 1 {
                            f64::NAN
                        } else {
                            *v
                        }
                    })
                    .collect()
            };
            let (h, l, c) = (clean(&h), clean(&l), clean(&c));
            let mut out = vec![0.0; 400];
            crate::atr(&h, &l, &c, period, &mut out).expect("valid");
            check_stream(&|| super::atr(period), &[&h, &l, &c], &[out]);
        }
    }

    #[test]
    fn rejects_what_the_batch_kernel_rejects() {
        assert_eq!(
            super::atr(0).err(),
            crate::atr(&[], &[], &[], 0, &mut []).err()
        );
    }
}

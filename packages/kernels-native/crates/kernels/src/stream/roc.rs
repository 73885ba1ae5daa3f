use super::ring::Ring;
use super::{boxed, one, Bar, Row, Step, Stream};
use crate::{check_period, KernelError};

/// Streaming [`crate::roc`] (input `close`, output `roc`):
/// `(close - close[t - period]) / close[t - period] * 100`, bit for bit the batch kernel at every
/// row. Warm-up `period` rows. Keeps the last `period + 1` closes.
///
/// # Errors
///
/// [`KernelError::InvalidPeriod`] unless `1 <= period <= PERIOD_MAX` (as the batch kernel).
pub fn roc(period: usize) -> Result<Box<dyn Stream>, KernelError> {
    check_period(period)?;
    Ok(boxed(Roc {
        period,
        closes: Ring::new(period + 1),
    }))
}

struct Roc {
    period: usize,
    closes: Ring<f64>,
}

impl Step for Roc {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    /// Rewriting the latest close is the whole undo.
    type Saved = ();

    fn save(&self) {}

    fn restore(&mut self, (): ()) {}

    fn step(&mut self, row: usize, [close, ..]: Bar) -> Row {
        self.closes.set(row, close);
        one(match row.checked_sub(self.period) {
            Some(back) => {
                let prev = self.closes.get(back);
                (close - prev) / prev * 100.0
            }
            None => f64::NAN,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{check_close_stream, series};

    #[test]
    fn equals_the_batch_kernel() {
        for (seed, period) in [(1, 1), (2, 3), (3, 14), (4, 500)] {
            let close = series(seed, 400);
            check_close_stream(
                &close,
                || super::roc(period),
                |x, out| crate::roc(x, period, out),
            );
        }
    }

    #[test]
    fn rejects_what_the_batch_kernel_rejects() {
        assert_eq!(super::roc(0).err(), crate::roc(&[], 0, &mut []).err());
    }
}

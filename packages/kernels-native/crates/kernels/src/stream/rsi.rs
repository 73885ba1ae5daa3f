use super::close_step::CopyStep;
use super::ewm;
use super::{boxed, one, Bar, Row, Stream};
use crate::ewm::EwmMean;
use crate::rsi::clip_lower_zero;
use crate::{check_period, KernelError};

/// Streaming [`crate::rsi`] (input `close`, output `rsi`): the clipped close differences smoothed
/// by `ewm(alpha=1/period, adjust=False)`, `100 - 100 / (1 + avg_gain / avg_loss)`, bit for bit
/// the batch kernel at every row. Warm-up 1 row.
///
/// # Errors
///
/// [`KernelError::InvalidPeriod`] unless `1 <= period <= PERIOD_MAX` (as the batch kernel).
pub fn rsi(period: usize) -> Result<Box<dyn Stream>, KernelError> {
    let period = check_period(period)?;
    Ok(boxed(Rsi {
        prev: f64::NAN,
        gain: ewm::wilder(period),
        loss: ewm::wilder(period),
    }))
}

#[derive(Clone, Copy)]
struct Rsi {
    prev: f64,
    gain: EwmMean,
    loss: EwmMean,
}

impl CopyStep for Rsi {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;

    fn next_row(&mut self, _row: usize, [close, ..]: Bar) -> Row {
        let delta = close - self.prev; // NaN on the first row
        self.prev = close;
        let avg_gain = self.gain.push(clip_lower_zero(delta));
        let avg_loss = self.loss.push(clip_lower_zero(-delta));
        let rs = avg_gain / avg_loss;
        one(100.0 - 100.0 / (1.0 + rs))
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{check_close_stream, series};

    #[test]
    fn equals_the_batch_kernel() {
        for (seed, period) in [(1, 1), (2, 2), (3, 14), (4, 100)] {
            let close = series(seed, 400);
            check_close_stream(
                &close,
                || super::rsi(period),
                |x, out| crate::rsi(x, period, out),
            );
        }
    }

    #[test]
    fn rejects_what_the_batch_kernel_rejects() {
        assert_eq!(super::rsi(0).err(), crate::rsi(&[], 0, &mut []).err());
    }
}

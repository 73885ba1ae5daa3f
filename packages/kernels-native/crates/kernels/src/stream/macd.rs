use super::close_step::CopyStep;
use super::ewm;
use super::{boxed, Bar, Row, Stream};
use crate::ewm::EwmMean;
use crate::{check_int_param, KernelError};

/// Streaming [`crate::macd`] (input `close`; outputs `macd`, `signal`, `histogram`):
/// `macd = ema(fast) - ema(slow)`, `signal = ema(macd, signal_period)`,
/// `histogram = macd - signal`, bit for bit the batch kernel at every row. No warm-up.
///
/// # Errors
///
/// [`KernelError::InvalidIntParam`] naming the first span outside `1..=PERIOD_MAX` (as the batch
/// kernel).
pub fn macd(
    fast_period: usize,
    slow_period: usize,
    signal_period: usize,
) -> Result<Box<dyn Stream>, KernelError> {
    let fast = check_int_param("fast_period", fast_period)?;
    let slow = check_int_param("slow_period", slow_period)?;
    let signal = check_int_param("signal_period", signal_period)?;
    Ok(boxed(Macd {
        fast: ewm::span(fast),
        slow: ewm::span(slow),
        signal: ewm::span(signal),
    }))
}

#[derive(Clone, Copy)]
struct Macd {
    fast: EwmMean,
    slow: EwmMean,
    signal: EwmMean,
}

impl CopyStep for Macd {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 3;

    fn next_row(&mut self, _row: usize, [close, ..]: Bar) -> Row {
        let macd = self.fast.push(close) - self.slow.push(close);
        let signal = self.signal.push(macd);
        [macd, signal, macd - signal]
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{check_stream, series};

    #[test]
    fn equals_the_batch_kernel() {
        for (seed, (f, s, g)) in [(1, (12, 26, 9)), (2, (1, 1, 1)), (3, (5, 3, 50))] {
            let close = series(seed, 400);
            let mut out = [vec![0.0; 400], vec![0.0; 400], vec![0.0; 400]];
            let [m, sig, h] = &mut out;
            crate::macd(&close, f, s, g, m, sig, h).expect("valid");
            check_stream(&|| super::macd(f, s, g), &[&close], &out);
        }
    }

    #[test]
    fn rejects_what_the_batch_kernel_rejects() {
        let (m, s, h) = (&mut [], &mut [], &mut []);
        for (f, sl, g) in [(0, 1, 1), (1, 0, 1), (1, 1, 0)] {
            assert_eq!(
                super::macd(f, sl, g).err(),
                crate::macd(&[], f, sl, g, m, s, h).err()
            );
        }
    }
}

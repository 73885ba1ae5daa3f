use super::close_step::OfCloses;
use super::rolling_mean::WindowMean;
use super::{boxed, Stream};
use crate::{check_period, KernelError};

/// Streaming [`crate::sma`] (window `period`; input `close`, output `sma`): pandas
/// `rolling(period, min_periods=period).mean()`, bit for bit the batch kernel at every row.
/// Warm-up `period - 1` rows; NaN while the window holds a missing close. Keeps the last
/// `period + 1` closes.
///
/// # Errors
///
/// [`KernelError::InvalidPeriod`] unless `1 <= period <= PERIOD_MAX` (as the batch kernel).
pub fn sma(period: usize) -> Result<Box<dyn Stream>, KernelError> {
    check_period(period)?;
    Ok(boxed(OfCloses(WindowMean::new(period))))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{check_close_stream, series};

    #[test]
    fn equals_the_batch_kernel() {
        for (seed, period) in [(1, 1), (2, 2), (3, 14), (4, 300), (5, 1000)] {
            let close = series(seed, 400);
            check_close_stream(
                &close,
                || super::sma(period),
                |x, out| crate::sma(x, period, out),
            );
        }
    }

    #[test]
    fn rejects_what_the_batch_kernel_rejects() {
        assert_eq!(
            super::sma(0).err(),
            Some(crate::KernelError::InvalidPeriod { period: 0 })
        );
    }
}

use super::close_step::OfCloses;
use super::ewm;
use super::{boxed, Stream};
use crate::{check_period, KernelError};

/// Streaming [`crate::ema`] (span `period`; input `close`, output `ema`): pandas
/// `ewm(span=period, adjust=False).mean()`, bit for bit the batch kernel at every row. No warm-up;
/// NaN until the first finite close.
///
/// # Errors
///
/// [`KernelError::InvalidPeriod`] unless `1 <= period <= PERIOD_MAX` (as the batch kernel).
pub fn ema(period: usize) -> Result<Box<dyn Stream>, KernelError> {
    let period = check_period(period)?;
    Ok(boxed(OfCloses(ewm::span(period))))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{check_close_stream, series};

    #[test]
    fn equals_the_batch_kernel() {
        for (seed, period) in [(1, 1), (2, 3), (3, 14), (4, 200)] {
            let close = series(seed, 300);
            check_close_stream(
                &close,
                || super::ema(period),
                |x, out| crate::ema(x, period, out),
            );
        }
    }

    #[test]
    fn rejects_what_the_batch_kernel_rejects() {
        assert_eq!(
            super::ema(0).err(),
            Some(crate::KernelError::InvalidPeriod { period: 0 })
        );
    }
}

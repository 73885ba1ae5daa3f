use super::ring::Ring;
use super::rolling_mean::RollingMean;
use super::rolling_var::RollingVar;
use super::{boxed, Bar, Row, Step, Stream};
use crate::KernelError;

/// Streaming [`crate::bollinger`] (input `close`; outputs `upper`, `mid`, `lower`):
/// `mid = rolling mean`, `d = std_factor * rolling std (ddof 1)`, `upper = mid + d`,
/// `lower = mid - d`, bit for bit the batch kernel at every row. Warm-up `period - 1` rows. Keeps
/// the last `period + 1` closes.
///
/// # Errors
///
/// [`KernelError::InvalidParam`] unless `2 <= period <= PERIOD_MAX` and `std_factor` is a finite
/// number `>= 0` (as the batch kernel).
pub fn bollinger(period: usize, std_factor: f64) -> Result<Box<dyn Stream>, KernelError> {
    // The batch kernel on an empty series checks exactly its parameters.
    crate::bollinger(&[], period, std_factor, &mut [], &mut [], &mut [])?;
    Ok(boxed(Bollinger {
        period,
        std_factor,
        closes: Ring::new(period + 1),
        mean: RollingMean::new(period),
        var: RollingVar::new(period),
    }))
}

struct Bollinger {
    period: usize,
    std_factor: f64,
    closes: Ring<f64>,
    mean: RollingMean,
    var: RollingVar,
}

impl Step for Bollinger {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 3;
    type Saved = (RollingMean, RollingVar);

    fn save(&self) -> Self::Saved {
        (self.mean, self.var)
    }

    fn restore(&mut self, (mean, var): Self::Saved) {
        self.mean = mean;
        self.var = var;
    }

    fn step(&mut self, row: usize, [close, ..]: Bar) -> Row {
        let leaving = row.checked_sub(self.period).map(|t| self.closes.get(t));
        self.closes.set(row, close);
        let mid = self.mean.step(leaving, close);
        let d = self.std_factor * self.var.step_std(leaving, close);
        [mid + d, mid, mid - d]
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{check_stream, series};

    #[test]
    fn equals_the_batch_kernel() {
        for (seed, period, factor) in [(1, 2, 2.0), (2, 5, 0.0), (3, 20, 2.5), (4, 250, 1.0)] {
            let close = series(seed, 400);
            let mut out = [vec![0.0; 400], vec![0.0; 400], vec![0.0; 400]];
            let [u, m, l] = &mut out;
            crate::bollinger(&close, period, factor, u, m, l).expect("valid");
            check_stream(&|| super::bollinger(period, factor), &[&close], &out);
        }
    }

    #[test]
    fn rejects_what_the_batch_kernel_rejects() {
        let mut o = [vec![], vec![], vec![]];
        let [u, m, l] = &mut o;
        for (period, factor) in [(1, 2.0), (20, -1.0), (20, f64::NAN)] {
            assert_eq!(
                super::bollinger(period, factor).err(),
                crate::bollinger(&[], period, factor, u, m, l).err()
            );
        }
    }
}

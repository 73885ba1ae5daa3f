use super::close_step::CloseStep;
use crate::observed;

/// One row of pandas 1.5.3 `ewm(com=com, adjust=False).mean()`: **the loop body of `ewm_mean`
/// (`src/ewm.rs`), operation for operation**, so that a stream equals the batch kernel bit for
/// bit. NaN until the first finite input, then held across gaps and re-weighted after them.
#[derive(Clone, Copy)]
pub(crate) struct Ewm {
    alpha: f64,
    decay: f64,
    value: f64,
    old_wt: f64,
}

impl Ewm {
    /// The average with centre of mass `com` (`alpha = 1 / (1 + com)`), before any input.
    pub(crate) fn with_com(com: f64) -> Self {
        let alpha = 1.0 / (1.0 + com);
        Self {
            alpha,
            decay: 1.0 - alpha,
            value: f64::NAN,
            old_wt: 1.0,
        }
    }

    /// pandas' span form: `com = (span - 1) / 2`.
    pub(crate) fn with_span(span: u32) -> Self {
        Self::with_com((f64::from(span) - 1.0) / 2.0)
    }

    /// pandas' `alpha = 1 / period` form: `com = (1 - alpha) / alpha`, as pandas computes it.
    pub(crate) fn with_inverse_alpha(period: u32) -> Self {
        let alpha = 1.0 / f64::from(period);
        Self::with_com((1.0 - alpha) / alpha)
    }

    /// Feeds one value (non-finite = missing) and returns the average.
    #[inline]
    pub(crate) fn step(&mut self, raw: f64) -> f64 {
        if !self.value.is_nan() {
            self.old_wt *= self.decay;
            if observed(raw) {
                #[allow(
                    clippy::float_cmp,
                    reason = "pandas skips the update when the observation equals the average exactly"
                )]
                let same = self.value == raw;
                if !same {
                    let divisor = self.old_wt + self.alpha;
                    let weighted = self.old_wt * self.value + self.alpha * raw;
                    #[allow(
                        clippy::float_cmp,
                        reason = "an exact comparison with 1.0 decides whether dividing is an identity"
                    )]
                    let unit = divisor == 1.0;
                    self.value = if unit { weighted } else { weighted / divisor };
                }
                self.old_wt = 1.0;
            }
        } else if observed(raw) {
            self.value = raw;
        }
        self.value
    }
}

/// The average of the closes (ema, and the mean of `zscore_ema`).
impl CloseStep for Ewm {
    type Saved = Ewm;

    fn save(&self) -> Ewm {
        *self
    }

    fn restore(&mut self, saved: Ewm) {
        *self = saved;
    }

    fn close_row(&mut self, _row: usize, close: f64) -> f64 {
        self.step(close)
    }
}

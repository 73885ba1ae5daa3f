use crate::observed;

/// pandas 1.5.3 `ewm(com=com, adjust=False).mean()` of `x` into `out` (same length, checked by
/// the caller): the building block of every exponentially weighted kernel.
///
/// **The same algorithm as `ewmMeanInto` in `@omega-ta/kernels-ts`
/// (`packages/kernels-ts/src/ewm.ts`), operation for operation and in the same order**, so both
/// backends produce identical bits; keep the two in step.
///
/// - `alpha = 1 / (1 + com)`; `decay = 1 - alpha`;
/// - after the first observation the old weight decays by `decay` on every row, observed or not,
///   and is reset to 1 after each observation, so a gap of k rows re-weights the next observation
///   with `decay^(k+1)` built by repeated multiplication;
/// - the update is `(old_wt * value + alpha * x) / (old_wt + alpha)` (no fused multiply-add),
///   skipped when `x == value` (IEEE equality, so `-0.0 == 0.0`);
/// - non-finite inputs (NaN, ±Infinity) are missing.
///
/// Output: NaN until the first finite input, then always defined (held across gaps).
pub(crate) fn ewm_mean(x: &[f64], com: f64, out: &mut [f64]) {
    debug_assert_eq!(x.len(), out.len());
    let mut mean = EwmMean::new(com);
    for (&raw, slot) in x.iter().zip(out) {
        *slot = mean.push(raw);
    }
}

/// The state of [`ewm_mean`] for one observation at a time, so that kernels that smooth several
/// series (rsi, macd, dmi) do it in one fused pass: the same operations in the same order, hence
/// the same bits (`EwmMean` in `packages/kernels-ts/src/ewm.ts` is its twin). Before the first
/// finite input the mean is NaN and `push` takes the input as it is (row 0 of pandas' loop).
///
/// **Steady state.** After an observation the weight is reset to 1, so the next row's decayed
/// weight is `1 * decay = decay` exactly and its divisor `decay + alpha`, the same every time;
/// when that divisor rounds to 1 (`unit_divisor`, true for every period and span the kernels are
/// called with) the update of an observed row is `decay * mean + alpha * x`, the weight goes back
/// to 1, and the state is steady again. `push` takes that path with two comparisons (is `x`
/// finite, does it equal the mean) instead of the general path's five; the general path runs
/// only for the first observation and the row after a gap, and decides whether the next row is
/// steady. The operations on either path are pandas' own, in its order, so the bits are the same.
/// A steady mean is never NaN: it is finite or (after an overflow) ±inf with `decay > 0`, and
/// `decay * mean + alpha * x` of such a mean and a finite `x` is not NaN.
#[derive(Clone, Copy)]
pub(crate) struct EwmMean {
    value: f64,
    old_wt: f64,
    alpha: f64,
    decay: f64,
    /// `decay + alpha == 1.0`: without a gap the divisor is an identity (see `push_general`).
    unit_divisor: bool,
    /// The last row was an observation after the first one, and `unit_divisor` holds.
    steady: bool,
}

impl EwmMean {
    pub(crate) fn new(com: f64) -> Self {
        let alpha = 1.0 / (1.0 + com);
        let decay = 1.0 - alpha;
        #[allow(
            clippy::float_cmp,
            reason = "an exact comparison with 1.0 decides whether dividing is an identity"
        )]
        let unit_divisor = decay + alpha == 1.0;
        Self {
            value: f64::NAN,
            old_wt: 1.0,
            alpha,
            decay,
            unit_divisor,
            steady: false,
        }
    }

    /// Adds the next input (non-finite: missing) and returns the mean after it.
    #[inline]
    pub(crate) fn push(&mut self, raw: f64) -> f64 {
        if self.steady && observed(raw) {
            #[allow(
                clippy::float_cmp,
                reason = "pandas skips the update when the observation equals the average exactly"
            )]
            let same = self.value == raw;
            if !same {
                // The general path with old_wt = decay and a divisor of exactly 1 (x / 1 = x).
                self.value = self.decay * self.value + self.alpha * raw;
            }
            return self.value;
        }
        self.push_general(raw)
    }

    /// pandas' update for any row (see [`ewm_mean`]); it leaves the state steady after an
    /// observation that follows another observation (or the first one) with a unit divisor.
    #[inline]
    fn push_general(&mut self, raw: f64) -> f64 {
        if !self.value.is_nan() {
            self.old_wt *= self.decay;
            if observed(raw) {
                #[allow(
                    clippy::float_cmp,
                    reason = "pandas skips the update when the observation equals the average exactly"
                )]
                let same = self.value == raw;
                if !same {
                    // x / 1 is x exactly, and without a gap the divisor (1 - alpha) + alpha rounds
                    // to 1: skipping that division keeps every bit.
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
                self.steady = self.unit_divisor && !self.value.is_nan();
            } else {
                self.steady = false;
            }
        } else if observed(raw) {
            self.value = raw;
            self.steady = self.unit_divisor;
        }
        self.value
    }
}

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
    let (Some((&first, rest)), Some((out_first, out_rest))) =
        (x.split_first(), out.split_first_mut())
    else {
        return;
    };
    let alpha = 1.0 / (1.0 + com);
    let decay = 1.0 - alpha;
    let mut value = if observed(first) { first } else { f64::NAN };
    let mut old_wt = 1.0;
    *out_first = value;
    for (&raw, slot) in rest.iter().zip(out_rest) {
        if !value.is_nan() {
            old_wt *= decay;
            if observed(raw) {
                #[allow(
                    clippy::float_cmp,
                    reason = "pandas skips the update when the observation equals the average exactly"
                )]
                let same = value == raw;
                if !same {
                    // x / 1 is x exactly, and without a gap the divisor (1 - alpha) + alpha rounds
                    // to 1: skipping that division keeps every bit and takes it off the
                    // loop-carried path (same as `ewmMeanInto`).
                    let divisor = old_wt + alpha;
                    let weighted = old_wt * value + alpha * raw;
                    #[allow(
                        clippy::float_cmp,
                        reason = "an exact comparison with 1.0 decides whether dividing is an identity"
                    )]
                    let unit = divisor == 1.0;
                    value = if unit { weighted } else { weighted / divisor };
                }
                old_wt = 1.0;
            }
        } else if observed(raw) {
            value = raw;
        }
        *slot = value;
    }
}

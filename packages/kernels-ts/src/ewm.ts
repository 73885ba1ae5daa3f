/**
 * pandas 1.5.3 `ewm(com=com, adjust=False).mean()` into `out`, bit for bit (aggregations.pyx
 * `ewm` with adjust=False, ignore_na=False, min_periods=1). The building block of every
 * exponentially weighted indicator; pandas reduces span, alpha and halflife to `com` first, and so
 * must callers (e.g. span s: `(s - 1) / 2`; alpha a: `(1 - a) / a`).
 *
 * - alpha = 1 / (1 + com);
 * - `oldWt` decays by (1 - alpha) on every row after the first observation, observed or not, and
 *   is reset to 1 after an observation, so a gap of k rows re-weights the next observation with
 *   (1 - alpha)^(k+1) built by repeated multiplication;
 * - the update is `(oldWt * value + alpha * x) / (oldWt + alpha)`, skipped when x equals the
 *   current value (pandas' guard against drift on constant series); the divisor is not 1 in
 *   floating point;
 * - non-finite inputs are missing (pandas turns ±Infinity into NaN before the window functions).
 *
 * Output: NaN until the first finite input, then always defined (held across gaps).
 */
export function ewmMeanInto(x: ArrayLike<number>, com: number, out: Float64Array): void {
  const n = x.length;
  if (n === 0) return;
  const alpha = 1 / (1 + com);
  const decay = 1 - alpha;
  const first = x[0]!;
  let value = first - first === 0 ? first : Number.NaN;
  let oldWt = 1;
  out[0] = value;
  for (let i = 1; i < n; i += 1) {
    const raw = x[i]!;
    const observed = raw - raw === 0; // false for NaN and ±Infinity
    if (value === value) {
      oldWt *= decay;
      if (observed) {
        if (value !== raw) {
          // x / 1 is x exactly, and without a gap the divisor (1 - alpha) + alpha rounds to 1:
          // skipping that division keeps every bit and takes it off the loop-carried path.
          const divisor = oldWt + alpha;
          const weighted = oldWt * value + alpha * raw;
          value = divisor === 1 ? weighted : weighted / divisor;
        }
        oldWt = 1;
      }
    } else if (observed) {
      value = raw;
    }
    out[i] = value;
  }
}

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
  const mean = new EwmMean(com);
  for (let i = 0; i < n; i += 1) out[i] = mean.push(x[i]!);
}

/**
 * The state of {@link ewmMeanInto} for one observation at a time, so that kernels that smooth
 * several series (rsi, macd, dmi) do it in one fused pass: the same operations in the same order,
 * hence the same bits. Before the first finite input the mean is NaN and `push` takes the input as
 * it is (row 0 of pandas' loop); afterwards it applies the update described above.
 */
export class EwmMean {
  private value = Number.NaN;
  private oldWt = 1;
  private readonly alpha: number;
  private readonly decay: number;

  constructor(com: number) {
    this.alpha = 1 / (1 + com);
    this.decay = 1 - this.alpha;
  }

  /** Adds the next input (non-finite: missing) and returns the mean after it. */
  push(raw: number): number {
    const value = this.value;
    const observed = raw - raw === 0; // false for NaN and ±Infinity
    if (value === value) {
      const oldWt = this.oldWt * this.decay;
      this.oldWt = oldWt;
      if (observed) {
        if (value !== raw) {
          // x / 1 is x exactly, and without a gap the divisor (1 - alpha) + alpha rounds to 1:
          // skipping that division keeps every bit and takes it off the loop-carried path.
          const divisor = oldWt + this.alpha;
          const weighted = oldWt * value + this.alpha * raw;
          this.value = divisor === 1 ? weighted : weighted / divisor;
        }
        this.oldWt = 1;
      }
    } else if (observed) {
      this.value = raw;
    }
    return this.value;
  }
}

import { chunkEnd } from './chunks.js';

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
  const state = new Float64Array(EWM_STATE);
  new EwmMean(com).save(state, 0);
  for (let from = 0, to = 0; from < n; from = to) {
    to = chunkEnd(from, n);
    ewmRows(x, com, out, from, to, state);
  }
}

/** Rows `from … to-1` of {@link ewmMeanInto}, resuming from and saving into `state` (see CHUNK_ROWS). */
function ewmRows(x: ArrayLike<number>, com: number, out: Float64Array, from: number, to: number, state: Float64Array): void {
  const mean = new EwmMean(com);
  mean.restore(state, 0);
  for (let i = from; i < to; i += 1) out[i] = mean.push(x[i]!);
  mean.save(state, 0);
}

/** Slots one {@link EwmMean} takes in a chunk state (see {@link EwmMean.save}). */
export const EWM_STATE = 2;

/**
 * The state of {@link ewmMeanInto} for one observation at a time, so that kernels that smooth
 * several series (rsi, macd, dmi) do it in one fused pass: the same operations in the same order,
 * hence the same bits. Before the first finite input the mean is NaN and `push` takes the input as
 * it is (row 0 of pandas' loop); afterwards it applies the update described above.
 *
 * The Rust twin (`crates/kernels/src/ewm.rs`) adds a steady-state path for rows that follow an
 * observation (two comparisons instead of five, same operations, same bits): it made the native
 * rsi, macd and dmi 18–24 % faster, but the same path here made V8's code slower (ts macd 6.8 →
 * 10.6 ns/bar, dmi 30 → 38, measured A/B in one process), so this class keeps the single path.
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

  /**
   * Writes the running state (mean, weight) into `state[at]` and `state[at + 1]`, to be resumed by
   * {@link EwmMean.restore} in the next chunk of rows (see CHUNK_ROWS): a fresh object per chunk,
   * local to the loop function, lets V8 keep the state in registers.
   */
  save(state: Float64Array, at: number): void {
    state[at] = this.value;
    state[at + 1] = this.oldWt;
  }

  /** Resumes from a state written by {@link EwmMean.save} (of an average with the same `com`). */
  restore(state: Float64Array, at: number): void {
    this.value = state[at]!;
    this.oldWt = state[at + 1]!;
  }

  /**
   * Adds the next input (non-finite: missing) and returns the mean after it. The mean is stored
   * once, on the path every row takes: a store only in the first-observation branch would be
   * reached again at row 0 of the next series without V8 type feedback (the first call runs
   * before V8 allocates feedback), which deoptimised the loop on every second call.
   */
  push(raw: number): number {
    let value = this.value;
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
          value = divisor === 1 ? weighted : weighted / divisor;
        }
        this.oldWt = 1;
      }
    } else if (observed) {
      value = raw;
    }
    this.value = value;
    return value;
  }
}

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
  startEwm(state, 0);
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

/**
 * Slots one average takes in a chunk state: its mean (NaN before the first observation), then its
 * weight `oldWt` (see {@link startEwm}).
 */
export const EWM_STATE = 2;

/** Writes the state of an average before its first row into `state[at]`, `state[at + 1]`. */
export function startEwm(state: Float64Array, at: number): void {
  state[at] = Number.NaN;
  state[at + 1] = 1;
}

/** pandas' `alpha = 1 / (1 + com)`. */
export function ewmAlpha(com: number): number {
  return 1 / (1 + com);
}

/**
 * One row of {@link ewmMeanInto}: the mean after the input `raw` (non-finite: missing), given the
 * mean and weight before it and `decay = 1 - alpha`. With {@link ewmNextWeight} (called with the
 * same arguments, i.e. the state *before* the row) it is pandas' loop body:
 *
 * - before the first observation (`mean` NaN) the mean becomes the first finite input;
 * - otherwise the decayed weight is `w = oldWt * decay`, and an observation different from the
 *   mean gives `(w * mean + alpha * raw) / (w + alpha)`; without a gap `w + alpha` rounds to
 *   exactly 1 and `x / 1 = x`, so that division is skipped (bitwise the same, and off the
 *   loop-carried path).
 *
 * dmi keeps each of its four averages in two locals advanced by these two small pure functions
 * (see {@link EwmMean} for why the other kernels use the object form), and so do the streams. The
 * Rust twin (`EwmMean` in
 * `crates/kernels/src/ewm.rs`) also has a shortcut for rows that follow an observation (fewer
 * comparisons, the same operations); in V8 that shortcut measured slower, so it is not here.
 */
export function ewmNextMean(mean: number, oldWt: number, raw: number, alpha: number, decay: number): number {
  const observed = raw - raw === 0; // false for NaN and ±Infinity
  if (mean !== mean) return observed ? raw : mean;
  if (!observed || mean === raw) return mean;
  const w = oldWt * decay;
  const divisor = w + alpha;
  const weighted = w * mean + alpha * raw;
  return divisor === 1 ? weighted : weighted / divisor;
}

/**
 * The weight `oldWt` after the input `raw`, given the mean and weight before it (see
 * {@link ewmNextMean}): 1 before the first observation and after every observation; multiplied by
 * `decay` on every missing row after the first observation, so a gap of k rows re-weights the next
 * observation with `decay^(k+1)` built by repeated multiplication, as pandas does.
 */
export function ewmNextWeight(mean: number, oldWt: number, raw: number, decay: number): number {
  if (mean !== mean) return oldWt;
  return raw - raw === 0 ? 1 : oldWt * decay;
}

/**
 * One average as an object, for the kernels that run one to three averages side by side (ema,
 * rsi, macd): in V8 these measured faster with the state in an object (A/B in one process: ts
 * macd 6.8 against 8.5 ns/bar with locals, rsi 6.7 against 7.5, ema 2.7 against 3.1), dmi with
 * its four averages faster with locals (24.5–25.6 against 30), so both forms exist, with the same
 * operations in the same order.
 */
export class EwmMean {
  private value = Number.NaN;
  private oldWt = 1;
  private readonly alpha: number;
  private readonly decay: number;

  constructor(com: number) {
    this.alpha = ewmAlpha(com);
    this.decay = 1 - this.alpha;
  }

  /** Writes the running state into `state[at]`, `state[at + 1]` (see {@link EWM_STATE}). */
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
   * Adds the next input (non-finite: missing) and returns the mean after it: {@link ewmNextMean}
   * and {@link ewmNextWeight} written out on the fields. Calling the two functions from here
   * instead measured slower in V8 (ts macd 6.8 → 11.8 ns/bar, A/B in one process); the mean is
   * stored once, on the path every row takes (a store only in the first-observation branch
   * deoptimised the loop at row 0 of every second call).
   */
  push(raw: number): number {
    let value = this.value;
    const observed = raw - raw === 0; // false for NaN and ±Infinity
    if (value === value) {
      const oldWt = this.oldWt * this.decay;
      this.oldWt = oldWt;
      if (observed) {
        if (value !== raw) {
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
  }}

import { bindKernel, rsi as spec } from '@omega-ta/kernel-interface';
import { chunkEnd } from './chunks.js';
import { EWM_STATE, EwmMean } from './ewm.js';

/** 2^1023: below it, `v + |v|` cannot overflow. */
const HALF_OVERFLOW = 2 ** 1023;

/**
 * pandas `Series.clip(lower=0)` of one value: NaN stays NaN, -0 stays -0 (`-0 >= 0`), below 0
 * (-Infinity included) becomes +0. Gains and losses change sign at random, so a branch on the sign
 * is mispredicted about every other row (profiled: more than half of rsi's time); for a non-zero
 * `|v| < 2^1023` the value is `(v + |v|) * 0.5` instead, which is exact (`2v` and its half are
 * representable, and `v + -v` is +0), leaving only branches that are practically always taken.
 */
function clipLowerZero(v: number): number {
  const magnitude = Math.abs(v);
  if (magnitude > 0 && magnitude < HALF_OVERFLOW) return (v + magnitude) * 0.5;
  return v >= 0 || v !== v ? v : 0;
}

/**
 * RSI into `out`, bit for bit the original's pandas 1.5.3 expression
 *
 * ```
 * delta = close.diff(); gain = delta.clip(lower=0); loss = (-delta).clip(lower=0)
 * avg_gain = gain.ewm(alpha=1/period, adjust=False).mean()   # same for avg_loss
 * rsi = 100 - 100 / (1 + avg_gain / avg_loss)
 * ```
 *
 * - `delta[t] = close[t] - close[t-1]` (NaN at row 0 and next to a missing close). The
 *   difference, the clipping and the divisions keep ±Infinity: an infinite close gives an infinite
 *   gain or loss, which only the ewm treats as missing; the other side's 0 is an observation.
 * - clip(lower=0): `v >= 0 ? v : 0` with NaN kept, so -0 stays -0 and -Infinity becomes +0.
 * - pandas reduces alpha to `com = (1 - alpha) / alpha` with `alpha = 1 / period` (not `period - 1`
 *   exactly) and its kernel rebuilds `alpha = 1 / (1 + com)`; {@link EwmMean} does the latter.
 * - `avg_gain / avg_loss`: IEEE division, so a zero average loss gives `rs = Infinity` and
 *   `rsi = 100 - 100 / Infinity = 100`, and 0 / 0 gives NaN (a flat start).
 *
 * Warm-up: row 0 is NaN; later rows are defined once a difference was observed, and hold across
 * gaps (the ewm holds). Every value lies in [0, 100].
 */
export function rsiInto(x: Float64Array, period: number, out: Float64Array): void {
  const alpha = 1 / period;
  const n = x.length;
  const com = (1 - alpha) / alpha;
  // Two averages, then the previous close (NaN before row 0: `x[0] - NaN` is row 0's NaN).
  const state = new Float64Array(2 * EWM_STATE + 1);
  new EwmMean(com).save(state, 0);
  new EwmMean(com).save(state, EWM_STATE);
  state[2 * EWM_STATE] = Number.NaN;
  for (let from = 0, to = 0; from < n; from = to) {
    to = chunkEnd(from, n);
    rsiRows(x, from, to, com, state, out);
  }
}

/**
 * Rows `from … to-1` of {@link rsiInto}, resuming from and saving into `state` (see CHUNK_ROWS):
 * diff, clip and both averages per row, no temporaries. The averages are made here, next to the
 * loop, so that V8 keeps their state in registers.
 */
function rsiRows(x: Float64Array, from: number, to: number, com: number, state: Float64Array, out: Float64Array): void {
  const avgGain = new EwmMean(com);
  const avgLoss = new EwmMean(com);
  avgGain.restore(state, 0);
  avgLoss.restore(state, EWM_STATE);
  let previous = state[2 * EWM_STATE]!;
  for (let i = from; i < to; i += 1) {
    const v = x[i]!;
    const delta = v - previous;
    previous = v;
    const rs = avgGain.push(clipLowerZero(delta)) / avgLoss.push(clipLowerZero(-delta));
    out[i] = 100 - 100 / (1 + rs);
  }
  avgGain.save(state, 0);
  avgLoss.save(state, EWM_STATE);
  state[2 * EWM_STATE] = previous;
}

/** Relative strength index of `close` over `period` bars (Wilder smoothing); see {@link rsiInto}. */
export const rsi = bindKernel(spec, (inputs, params, outputs) => {
  rsiInto(inputs[0]!, params['period']!, outputs[0]!);
});

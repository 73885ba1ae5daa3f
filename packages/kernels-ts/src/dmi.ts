import { bindKernel, dmi as spec } from '@omega-ta/kernel-interface';
import { chunkEnd } from './chunks.js';
import { EWM_STATE, EwmMean } from './ewm.js';
import { trueRange } from './true-range.js';

/**
 * Wilder's directional movement index into `plusDi`, `minusDi` and `adx`, bit for bit the original
 * `IndicatorCache.dmi` (pandas 1.5.3):
 *
 * - `up = high - prev_high`, `down = prev_low - low`; `+DM = up` where `up > down && up > 0`, else
 *   `0.0`; `-DM` likewise. A comparison with NaN is false, so +DM and -DM are never missing (0.0 on
 *   and after a gap);
 * - `atr = tr.ewm(alpha=1/period, adjust=False).mean()` over the true range
 *   ({@link trueRange}); pandas turns `alpha` into `com = (1 - alpha) / alpha` (computed in
 *   floating point, with `alpha = 1 / period`) and runs its ewm kernel ({@link EwmMean});
 * - `+DI = (100 * ewm(+DM)) / atr`, `-DI` likewise, in that order: 0/0 is NaN (flat bars) and
 *   x/0 is +Infinity;
 * - `dx = (|+DI - -DI| / (+DI + -DI)) * 100` (NaN where both DIs are 0), `adx = ewm(dx)` with the
 *   same `com` (NaN until the first defined dx, then held across NaN dx).
 *
 * Warm-up: +DI/-DI are defined from the first bar with a non-zero true range; adx is NaN on the
 * first bar (no movement yet) and until the first bar with directional movement.
 */
export function dmiInto(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  period: number,
  plusDi: Float64Array,
  minusDi: Float64Array,
  adx: Float64Array,
): void {
  const alpha = 1 / period;
  const n = plusDi.length;
  const com = (1 - alpha) / alpha;
  // Four averages (atr, +DM, -DM, dx), then the previous bar's high, low and close.
  const state = new Float64Array(PREV_BAR + 3);
  for (let k = 0; k < 4; k += 1) new EwmMean(com).save(state, k * EWM_STATE);
  state.fill(Number.NaN, PREV_BAR);
  for (let from = 0, to = 0; from < n; from = to) {
    to = chunkEnd(from, n);
    dmiRows(high, low, close, from, to, com, state, plusDi, minusDi, adx);
  }
}

/** Where the previous bar starts in {@link dmiRows}' state, after the four averages. */
const PREV_BAR = 4 * EWM_STATE;

/**
 * Rows `from … to-1` of {@link dmiInto}, resuming from and saving into `state` (see CHUNK_ROWS):
 * the four averages side by side, made next to the loop so that V8 keeps their state in
 * registers. Row 0 has no previous bar: up/down are NaN, both DMs 0.0, as in the original.
 */
function dmiRows(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  from: number,
  to: number,
  com: number,
  state: Float64Array,
  plusDi: Float64Array,
  minusDi: Float64Array,
  adx: Float64Array,
): void {
  const atr = new EwmMean(com);
  const plusDm = new EwmMean(com);
  const minusDm = new EwmMean(com);
  const smoothDx = new EwmMean(com);
  atr.restore(state, 0);
  plusDm.restore(state, EWM_STATE);
  minusDm.restore(state, 2 * EWM_STATE);
  smoothDx.restore(state, 3 * EWM_STATE);
  let prevHigh = state[PREV_BAR]!;
  let prevLow = state[PREV_BAR + 1]!;
  let prevClose = state[PREV_BAR + 2]!;
  for (let i = from; i < to; i += 1) {
    const h = high[i]!;
    const l = low[i]!;
    const a = atr.push(trueRange(h, l, prevClose));
    const up = h - prevHigh;
    const down = prevLow - l;
    const p = (100 * plusDm.push(up > down && up > 0 ? up : 0)) / a;
    const m = (100 * minusDm.push(down > up && down > 0 ? down : 0)) / a;
    plusDi[i] = p;
    minusDi[i] = m;
    adx[i] = smoothDx.push((Math.abs(p - m) / (p + m)) * 100);
    prevHigh = h;
    prevLow = l;
    prevClose = close[i]!;
  }
  atr.save(state, 0);
  plusDm.save(state, EWM_STATE);
  minusDm.save(state, 2 * EWM_STATE);
  smoothDx.save(state, 3 * EWM_STATE);
  state[PREV_BAR] = prevHigh;
  state[PREV_BAR + 1] = prevLow;
  state[PREV_BAR + 2] = prevClose;
}

/** Directional movement index (+DI, -DI, ADX) over `period` bars; see {@link dmiInto}. */
export const dmi = bindKernel(spec, (inputs, params, outputs) => {
  dmiInto(inputs[0]!, inputs[1]!, inputs[2]!, params['period']!, outputs[0]!, outputs[1]!, outputs[2]!);
});

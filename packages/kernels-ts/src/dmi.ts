import { bindKernel, dmi as spec } from '@omega-ta/kernel-interface';
import { chunkEnd } from './chunks.js';
import { ewmAlpha, ewmNextMean, ewmNextWeight, EWM_STATE, startEwm } from './ewm.js';
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
 *   floating point, with `alpha = 1 / period`) and runs its ewm kernel ({@link ewmNextMean});
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
  for (let k = 0; k < 4; k += 1) startEwm(state, k * EWM_STATE);
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
  const alpha = ewmAlpha(com);
  const decay = 1 - alpha;
  let atr = state[0]!;
  let atrWeight = state[1]!;
  let plusDm = state[EWM_STATE]!;
  let plusWeight = state[EWM_STATE + 1]!;
  let minusDm = state[2 * EWM_STATE]!;
  let minusWeight = state[2 * EWM_STATE + 1]!;
  let adxMean = state[3 * EWM_STATE]!;
  let adxWeight = state[3 * EWM_STATE + 1]!;
  let prevHigh = state[PREV_BAR]!;
  let prevLow = state[PREV_BAR + 1]!;
  let prevClose = state[PREV_BAR + 2]!;
  for (let i = from; i < to; i += 1) {
    const h = high[i]!;
    const l = low[i]!;
    const tr = trueRange(h, l, prevClose);
    const nextAtr = ewmNextMean(atr, atrWeight, tr, alpha, decay);
    atrWeight = ewmNextWeight(atr, atrWeight, tr, decay);
    atr = nextAtr;
    const up = h - prevHigh;
    const down = prevLow - l;
    const plus = up > down && up > 0 ? up : 0;
    const minus = down > up && down > 0 ? down : 0;
    const nextPlus = ewmNextMean(plusDm, plusWeight, plus, alpha, decay);
    plusWeight = ewmNextWeight(plusDm, plusWeight, plus, decay);
    plusDm = nextPlus;
    const nextMinus = ewmNextMean(minusDm, minusWeight, minus, alpha, decay);
    minusWeight = ewmNextWeight(minusDm, minusWeight, minus, decay);
    minusDm = nextMinus;
    const p = (100 * plusDm) / atr;
    const m = (100 * minusDm) / atr;
    const dx = (Math.abs(p - m) / (p + m)) * 100;
    const nextAdx = ewmNextMean(adxMean, adxWeight, dx, alpha, decay);
    adxWeight = ewmNextWeight(adxMean, adxWeight, dx, decay);
    adxMean = nextAdx;
    plusDi[i] = p;
    minusDi[i] = m;
    adx[i] = adxMean;
    prevHigh = h;
    prevLow = l;
    prevClose = close[i]!;
  }
  state[0] = atr;
  state[1] = atrWeight;
  state[EWM_STATE] = plusDm;
  state[EWM_STATE + 1] = plusWeight;
  state[2 * EWM_STATE] = minusDm;
  state[2 * EWM_STATE + 1] = minusWeight;
  state[3 * EWM_STATE] = adxMean;
  state[3 * EWM_STATE + 1] = adxWeight;
  state[PREV_BAR] = prevHigh;
  state[PREV_BAR + 1] = prevLow;
  state[PREV_BAR + 2] = prevClose;
}

/** Directional movement index (+DI, -DI, ADX) over `period` bars; see {@link dmiInto}. */
export const dmi = bindKernel(spec, (inputs, params, outputs) => {
  dmiInto(inputs[0]!, inputs[1]!, inputs[2]!, params['period']!, outputs[0]!, outputs[1]!, outputs[2]!);
});

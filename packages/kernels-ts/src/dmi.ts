import { bindKernel, dmi as spec } from '@omega-ta/kernel-interface';
import { ewmMeanInto } from './ewm.js';
import { trueRangeInto } from './true-range.js';

/**
 * Wilder's directional movement index into `plusDi`, `minusDi` and `adx`, bit for bit the original
 * `IndicatorCache.dmi` (pandas 1.5.3):
 *
 * - `up = high - prev_high`, `down = prev_low - low`; `+DM = up` where `up > down && up > 0`, else
 *   `0.0`; `-DM` likewise. A comparison with NaN is false, so +DM and -DM are never missing (0.0 on
 *   and after a gap);
 * - `atr = tr.ewm(alpha=1/period, adjust=False).mean()` over the true range
 *   ({@link trueRangeInto}); pandas turns `alpha` into `com = (1 - alpha) / alpha` (computed in
 *   floating point, with `alpha = 1 / period`) and runs its ewm kernel ({@link ewmMeanInto});
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
  const n = plusDi.length;
  const alpha = 1 / period;
  const com = (1 - alpha) / alpha;
  const tr = new Float64Array(n);
  trueRangeInto(high, low, close, tr);
  const atr = new Float64Array(n);
  ewmMeanInto(tr, com, atr);
  const plusDm = new Float64Array(n);
  const minusDm = new Float64Array(n);
  for (let i = 1; i < n; i += 1) {
    const up = high[i]! - high[i - 1]!;
    const down = low[i - 1]! - low[i]!;
    if (up > down && up > 0) plusDm[i] = up;
    if (down > up && down > 0) minusDm[i] = down;
  }
  // The smoothed DMs go straight into the outputs, then are divided in place.
  ewmMeanInto(plusDm, com, plusDi);
  ewmMeanInto(minusDm, com, minusDi);
  const dx = tr; // the true range is no longer needed
  for (let i = 0; i < n; i += 1) {
    const a = atr[i]!;
    const p = (100 * plusDi[i]!) / a;
    const m = (100 * minusDi[i]!) / a;
    plusDi[i] = p;
    minusDi[i] = m;
    dx[i] = (Math.abs(p - m) / (p + m)) * 100;
  }
  ewmMeanInto(dx, com, adx);
}

/** Directional movement index (+DI, -DI, ADX) over `period` bars; see {@link dmiInto}. */
export const dmi = bindKernel(spec, (inputs, params, outputs) => {
  dmiInto(inputs[0]!, inputs[1]!, inputs[2]!, params['period']!, outputs[0]!, outputs[1]!, outputs[2]!);
});

import { bindKernel, ema as spec } from '@omega-ta/kernel-interface';
import { ewmMeanInto } from './ewm.js';

/**
 * EMA into `out`, bit for bit pandas 1.5.3 `Series.ewm(span=period, adjust=False).mean()`:
 * pandas turns the span into `com = (span - 1) / 2` and runs its ewm kernel ({@link ewmMeanInto}).
 *
 * Warm-up: NaN until the first finite input, then always defined (held across gaps).
 */
export function emaInto(x: Float64Array, period: number, out: Float64Array): void {
  ewmMeanInto(x, (period - 1) / 2, out);
}

/** Exponential moving average of `close` with span `period`; see {@link emaInto}. */
export const ema = bindKernel(spec, (inputs, params, outputs) => {
  emaInto(inputs[0]!, params['period']!, outputs[0]!);
});

// Bundled by the pack check with esbuild --platform=browser (no Node built-ins allowed), then run
// in a context without Node globals; reports through globalThis.report.
import { indicators, OmegaTaError } from '@omega-ta/kernel-interface';
import kernel from '@omega-ta/kernels-ts';

const close = new Float64Array([1, 2, 3, 4, 5, 6]);
const out = new Float64Array(close.length);
kernel.sma(close, { period: 3 }, out);
let rejected = false;
try {
  kernel.sma(close, { period: 0 }, out);
} catch (error) {
  rejected = error instanceof OmegaTaError;
}
globalThis.report({ names: Object.keys(indicators).length, sma: Array.from(out), rejected });

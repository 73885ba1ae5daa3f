/**
 * Base-10 logarithm shared bit for bit by both backends: a port of fdlibm 5.3's `__ieee754_log10`
 * on top of its `__ieee754_log` (`log.ts`), the algorithm of V8's `Math.log10`; the native backend
 * runs the same port (`log10.rs`). Error below 1 ulp.
 *
 * Why not the platform's: numpy's `np.log10`, glibc's `log10`, V8's `Math.log10` and Rust's
 * `f64::log10` are all accurate to about 1 ulp but do not agree on the last bit (numpy even
 * switches to SVML on AVX-512 machines), so each backend calling its own would break the bitwise
 * TS/native equality. Against numpy the result can differ in the last 1-2 ulps (see
 * docs/known-differences.md).
 *
 */
import { exponentSplit, log, splitExponent, withHighWord } from './log.js';

const IVLN10 = 4.34294481903251816668e-1; // 0x3FDBCB7B 1526E50E
const LOG10_2HI = 3.01029995663611771306e-1; // 0x3FD34413 509F6000
const LOG10_2LO = 3.69423907715893078616e-13; // 0x3D59FEF3 11F12B36

/**
 * log10(x): -Infinity for ±0, NaN for negative numbers and NaN, +Infinity for +Infinity, exactly
 * 0 for 1; otherwise `y * log10_2lo + ivln10 * log(m)` plus `y * log10_2hi`, where x = 2^y * m.
 */
export function log10(x: number): number {
  const special = splitExponent(x);
  if (special !== undefined) return special;
  const { k, hx } = exponentSplit;
  const i = k < 0 ? 1 : 0;
  const y = k + i;
  const m = withHighWord(exponentSplit.v, hx | ((0x3ff - i) << 20));
  const z = y * LOG10_2LO + IVLN10 * log(m);
  return z + y * LOG10_2HI;
}

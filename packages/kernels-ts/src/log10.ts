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
import { highWord, log, TWO54, withHighWord } from './log.js';

const IVLN10 = 4.34294481903251816668e-1; // 0x3FDBCB7B 1526E50E
const LOG10_2HI = 3.01029995663611771306e-1; // 0x3FD34413 509F6000
const LOG10_2LO = 3.69423907715893078616e-13; // 0x3D59FEF3 11F12B36

/**
 * log10(x): -Infinity for ±0, NaN for negative numbers and NaN, +Infinity for +Infinity, exactly
 * 0 for 1; otherwise `y * log10_2lo + ivln10 * log(m)` plus `y * log10_2hi`, where x = 2^y * m.
 */
export function log10(x: number): number {
  let hx = highWord(x);
  let k = 0;
  let v = x;
  if (hx < 0x00100000) {
    // x < 2^-1022: zero, negative, subnormal (or a negative NaN)
    if (v === 0) return Number.NEGATIVE_INFINITY;
    if (hx < 0 || v !== v) return Number.NaN;
    k -= 54;
    v *= TWO54; // scale a subnormal up
    hx = highWord(v);
  }
  if (hx >= 0x7ff00000) return v + v; // +Infinity or NaN
  k += (hx >> 20) - 1023;
  const i = k < 0 ? 1 : 0;
  hx = (hx & 0x000fffff) | ((0x3ff - i) << 20);
  const y = k + i;
  const m = withHighWord(v, hx);
  const z = y * LOG10_2LO + IVLN10 * log(m);
  return z + y * LOG10_2HI;
}

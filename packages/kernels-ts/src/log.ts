/**
 * Natural logarithm shared bit for bit by both backends: a port of fdlibm 5.3's `__ieee754_log`
 * (the algorithm of V8's `Math.log`; the native backend runs the same port, `log.rs`). Error
 * below 1 ulp.
 *
 * Why not the platform's: numpy's `np.log` (SVML/AVX-512 on AVX-512 machines, glibc elsewhere),
 * V8's `Math.log` and Rust's `f64::ln` (the platform libm) are all accurate to about 1 ulp but
 * need not agree on the last bit, so each backend calling its own would break the bitwise
 * TS/native equality. Against numpy the result can differ in the last ulp (see
 * docs/known-differences.md).
 *
 * The words of a double are read and written through a big-endian DataView, so the port does not
 * depend on the platform's byte order.
 */
const view = new DataView(new ArrayBuffer(8));

/** The high 32-bit word of a double (sign, exponent, top of the mantissa). */
function highWord(x: number): number {
  view.setFloat64(0, x);
  return view.getInt32(0);
}

/** `x` with its high 32-bit word replaced by `hi`. */
export function withHighWord(x: number, hi: number): number {
  view.setFloat64(0, x);
  view.setInt32(0, hi);
  return view.getFloat64(0);
}

const TWO54 = 1.8014398509481984e16; // 0x43500000 00000000
const LN2_HI = 6.9314718036912381649e-1; // 0x3fe62e42 fee00000
const LN2_LO = 1.90821492927058770002e-10; // 0x3dea39ef 35793c76
const LG1 = 6.666666666666735130e-1; // 0x3FE55555 55555593
const LG2 = 3.999999999940941908e-1; // 0x3FD99999 9997FA04
const LG3 = 2.857142874366239149e-1; // 0x3FD24924 94229359
const LG4 = 2.222219843214978396e-1; // 0x3FCC71C5 1D8E78AF
const LG5 = 1.818357216161805012e-1; // 0x3FC74664 96CB03DE
const LG6 = 1.531383769920937332e-1; // 0x3FC39A09 D078C69F
const LG7 = 1.479819860511658591e-1; // 0x3FC2F112 DF3E5244

/**
 * `x = 2^k * m` as fdlibm's `log` and `log10` first split it: `k` the unbiased binary exponent,
 * `hx` the top 20 bits of the mantissa, `v` the double whose high word is rewritten next (`x`, or
 * `x * 2^54` for a subnormal). One reused object, filled by {@link splitExponent}, so the hot
 * loops allocate nothing.
 */
export const exponentSplit = { k: 0, hx: 0, v: 0 };

/**
 * fdlibm's argument reduction shared by {@link log} and `log10`: the result of the special cases
 * (-Infinity for ±0, NaN for negative numbers and NaN, +Infinity for +Infinity), or `undefined`
 * after filling {@link exponentSplit} for a positive finite `x`.
 */
export function splitExponent(x: number): number | undefined {
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
  exponentSplit.k = k + ((hx >> 20) - 1023);
  exponentSplit.hx = hx & 0x000fffff;
  exponentSplit.v = v;
  return undefined;
}

/**
 * ln(x): -Infinity for ±0, NaN for negative numbers and NaN, +Infinity for +Infinity, exactly 0
 * for 1; otherwise `k * ln2_hi + (f - (hfsq - (s * (hfsq + R) + k * ln2_lo)))` with
 * x = 2^k * (1 + f), fdlibm's reduction and polynomial.
 */
export function log(x: number): number {
  const special = splitExponent(x);
  if (special !== undefined) return special;
  const { hx } = exponentSplit;
  const i = (hx + 0x95f64) & 0x100000;
  const v = withHighWord(exponentSplit.v, hx | (i ^ 0x3ff00000)); // normalize x or x/2
  const k = exponentSplit.k + (i >> 20);
  const f = v - 1;
  if ((0x000fffff & (2 + hx)) < 3) {
    // |f| < 2^-20
    if (f === 0) {
      if (k === 0) return 0;
      return k * LN2_HI + k * LN2_LO;
    }
    const r = f * f * (0.5 - 0.33333333333333333 * f);
    if (k === 0) return f - r;
    return k * LN2_HI - (r - k * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + r));
    return k * LN2_HI - (hfsq - (s * (hfsq + r) + k * LN2_LO) - f);
  }
  if (k === 0) return f - s * (f - r);
  return k * LN2_HI - (s * (f - r) - k * LN2_LO - f);
}

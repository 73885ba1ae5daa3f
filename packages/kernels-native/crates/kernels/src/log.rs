//! Natural logarithm shared bit for bit by both backends: a port of fdlibm 5.3's
//! `__ieee754_log` (the algorithm of V8's `Math.log`).
//!
//! **The same algorithm as `log` in `@omega-ta/kernels-ts` (`packages/kernels-ts/src/log.ts`),
//! operation for operation.** `f64::ln` calls the platform's libm, whose last bit can differ from
//! V8's (and from numpy's, which uses SVML on AVX-512 machines), so it cannot be used where the
//! two backends must agree to the bit. Error below 1 ulp; against numpy the result can differ in
//! the last ulp.

// fdlibm's constants, given by their bits (the decimal literals of fdlibm round to these).
const TWO54: f64 = f64::from_bits(0x4350_0000_0000_0000);
const LN2_HI: f64 = f64::from_bits(0x3fe6_2e42_fee0_0000);
const LN2_LO: f64 = f64::from_bits(0x3dea_39ef_3579_3c76);
const LG1: f64 = f64::from_bits(0x3fe5_5555_5555_5593);
const LG2: f64 = f64::from_bits(0x3fd9_9999_9997_fa04);
const LG3: f64 = f64::from_bits(0x3fd2_4924_9422_9359);
const LG4: f64 = f64::from_bits(0x3fcc_71c5_1d8e_78af);
const LG5: f64 = f64::from_bits(0x3fc7_4664_96cb_03de);
const LG6: f64 = f64::from_bits(0x3fc3_9a09_d078_c69f);
const LG7: f64 = f64::from_bits(0x3fc2_f112_df3e_5244);
/// fdlibm's `0.33333333333333333` (rounds to the double nearest 1/3).
const THIRD: f64 = 1.0 / 3.0;

#[allow(
    clippy::cast_possible_truncation,
    clippy::cast_possible_wrap,
    reason = "fdlibm reads the high word of a double as a signed 32-bit integer"
)]
/// The high 32-bit word of a double (sign, exponent, top of the mantissa).
fn high_word(x: f64) -> i32 {
    (x.to_bits() >> 32) as u32 as i32
}

#[allow(
    clippy::cast_sign_loss,
    reason = "fdlibm writes the high word of a double from a signed 32-bit integer"
)]
/// `x` with its high 32-bit word replaced by `hi`.
pub(crate) fn with_high_word(x: f64, hi: i32) -> f64 {
    f64::from_bits((u64::from(hi as u32) << 32) | (x.to_bits() & 0xffff_ffff))
}

/// `x = 2^k * m` as fdlibm's `log` and `log10` first split it, for a positive normal or
/// subnormal `x` (a subnormal is scaled up by 2^54 first).
pub(crate) struct ExponentSplit {
    /// The unbiased binary exponent `k`.
    pub(crate) k: i32,
    /// The top 20 bits of the mantissa (the high word without sign and exponent).
    pub(crate) hx: i32,
    /// `x`, or `x * 2^54` for a subnormal: the double whose high word is rewritten next.
    pub(crate) v: f64,
}

/// fdlibm's argument reduction shared by [`log`] and `log10`: `Err` holds the result of the
/// special cases (`-inf` for `±0`, NaN for negative numbers and NaN, `+inf` for `+inf`).
pub(crate) fn split_exponent(x: f64) -> Result<ExponentSplit, f64> {
    let mut hx = high_word(x);
    let mut k = 0_i32;
    let mut v = x;
    if hx < 0x0010_0000 {
        // x < 2^-1022: zero, negative, subnormal (or a negative NaN)
        if v == 0.0 {
            return Err(f64::NEG_INFINITY);
        }
        if hx < 0 || v.is_nan() {
            return Err(f64::NAN);
        }
        k -= 54;
        v *= TWO54; // scale a subnormal up
        hx = high_word(v);
    }
    if hx >= 0x7ff0_0000 {
        return Err(v + v); // +inf or NaN
    }
    k += (hx >> 20) - 1023;
    Ok(ExponentSplit {
        k,
        hx: hx & 0x000f_ffff,
        v,
    })
}

/// `ln(x)`: `-inf` for `±0`, NaN for negative numbers and NaN, `+inf` for `+inf`, exactly 0 for
/// 1; otherwise fdlibm's reduction `x = 2^k * (1 + f)` and its polynomial in `s = f / (2 + f)`.
#[allow(
    clippy::many_single_char_names,
    reason = "fdlibm's names, kept for comparison"
)]
pub(crate) fn log(x: f64) -> f64 {
    let ExponentSplit { mut k, hx, mut v } = match split_exponent(x) {
        Ok(split) => split,
        Err(special) => return special,
    };
    let i = (hx + 0x95f64) & 0x0010_0000;
    v = with_high_word(v, hx | (i ^ 0x3ff0_0000)); // normalize x or x/2
    k += i >> 20;
    let dk = f64::from(k);
    let f = v - 1.0;
    if (0x000f_ffff & (2 + hx)) < 3 {
        // |f| < 2^-20
        if f == 0.0 {
            if k == 0 {
                return 0.0;
            }
            return dk * LN2_HI + dk * LN2_LO;
        }
        let r = f * f * (0.5 - THIRD * f);
        if k == 0 {
            return f - r;
        }
        return dk * LN2_HI - ((r - dk * LN2_LO) - f);
    }
    let s = f / (2.0 + f);
    let z = s * s;
    let w = z * z;
    let t1 = w * (LG2 + w * (LG4 + w * LG6));
    let t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
    let r = t2 + t1;
    if ((hx - 0x6147a) | (0x6b851 - hx)) > 0 {
        let hfsq = 0.5 * f * f;
        if k == 0 {
            return f - (hfsq - s * (hfsq + r));
        }
        return dk * LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LN2_LO)) - f);
    }
    if k == 0 {
        return f - s * (f - r);
    }
    dk * LN2_HI - ((s * (f - r) - dk * LN2_LO) - f)
}

#[cfg(test)]
#[allow(clippy::float_cmp, reason = "tests compare exact values")]
mod tests {
    use super::log;

    #[test]
    fn handles_special_values() {
        assert_eq!(log(1.0).to_bits(), 0.0_f64.to_bits());
        assert_eq!(log(0.0), f64::NEG_INFINITY);
        assert_eq!(log(-0.0), f64::NEG_INFINITY);
        assert!(log(-1.0).is_nan());
        assert!(log(f64::NAN).is_nan());
        assert!(log(f64::NEG_INFINITY).is_nan());
        assert_eq!(log(f64::INFINITY), f64::INFINITY);
    }

    #[test]
    fn matches_values_printed_by_v8() {
        // Math.log(x) in Node 20 (V8 runs the same fdlibm algorithm).
        for (x, expected) in [
            (2.0, core::f64::consts::LN_2),
            (10.0, core::f64::consts::LN_10),
            (1.0001, 9.999_500_033_329_732e-5),
            (5e-324, -744.440_071_921_381_2),
            (f64::MAX, 709.782_712_893_384),
            (0.999_9, -1.000_050_003_333_473_2e-4),
        ] {
            assert_eq!(log(x).to_bits(), f64::to_bits(expected), "log({x})");
        }
    }
}

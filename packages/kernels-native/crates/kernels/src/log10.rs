//! Base-10 logarithm shared bit for bit by both backends: a port of fdlibm 5.3's
//! `__ieee754_log10` and `__ieee754_log` (the algorithm of V8's `Math.log10`).
//!
//! **The same algorithm as `log10` in `@omega-ta/kernels-ts` (`packages/kernels-ts/src/log10.ts`),
//! operation for operation.** `f64::log10` calls the platform's libm, whose last bit differs from
//! V8's (and from numpy's, which uses SVML on AVX-512 machines), so it cannot be used where the
//! two backends must agree to the bit. Error below 1 ulp; against numpy the result can differ in
//! the last 1-2 ulps.

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
const IVLN10: f64 = f64::from_bits(0x3fdb_cb7b_1526_e50e);
const LOG10_2HI: f64 = f64::from_bits(0x3fd3_4413_509f_6000);
const LOG10_2LO: f64 = f64::from_bits(0x3d59_fef3_11f1_2b36);
/// fdlibm's `0.33333333333333333` (rounds to the double nearest 1/3).
const THIRD: f64 = 1.0 / 3.0;

#[allow(
    clippy::cast_possible_truncation,
    clippy::cast_possible_wrap,
    reason = "fdlibm reads the high word of a double as a signed 32-bit integer"
)]
fn high_word(x: f64) -> i32 {
    (x.to_bits() >> 32) as u32 as i32
}

#[allow(
    clippy::cast_sign_loss,
    reason = "fdlibm writes the high word of a double from a signed 32-bit integer"
)]
fn with_high_word(x: f64, hi: i32) -> f64 {
    f64::from_bits((u64::from(hi as u32) << 32) | (x.to_bits() & 0xffff_ffff))
}

#[allow(
    clippy::many_single_char_names,
    reason = "fdlibm's names, kept for comparison"
)]
/// fdlibm `__ieee754_log` for a normal, positive, finite `x` (the only use: from [`log10`]).
fn log_positive(x: f64) -> f64 {
    let mut hx = high_word(x);
    let mut k = (hx >> 20) - 1023;
    hx &= 0x000f_ffff;
    let i = (hx + 0x95f64) & 0x0010_0000;
    let xn = with_high_word(x, hx | (i ^ 0x3ff0_0000)); // normalize x or x/2
    k += i >> 20;
    let dk = f64::from(k);
    let f = xn - 1.0;
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

/// `log10(x)`: `-inf` for `±0`, NaN for negative numbers and NaN, `+inf` for `+inf`, exactly 0
/// for 1; otherwise `y * log10_2lo + ivln10 * log(m)` plus `y * log10_2hi`, where `x = 2^y * m`.
#[allow(
    clippy::many_single_char_names,
    reason = "fdlibm's names, kept for comparison"
)]
pub(crate) fn log10(x: f64) -> f64 {
    let mut hx = high_word(x);
    let mut k = 0_i32;
    let mut v = x;
    if hx < 0x0010_0000 {
        // x < 2^-1022: zero, negative, subnormal (or a negative NaN)
        if v == 0.0 {
            return f64::NEG_INFINITY;
        }
        if hx < 0 || v.is_nan() {
            return f64::NAN;
        }
        k -= 54;
        v *= TWO54; // scale a subnormal up
        hx = high_word(v);
    }
    if hx >= 0x7ff0_0000 {
        return v + v; // +inf or NaN
    }
    k += (hx >> 20) - 1023;
    let i = i32::from(k < 0);
    hx = (hx & 0x000f_ffff) | ((0x3ff - i) << 20);
    let y = f64::from(k + i);
    let m = with_high_word(v, hx);
    let z = y * LOG10_2LO + IVLN10 * log_positive(m);
    z + y * LOG10_2HI
}

#[cfg(test)]
#[allow(
    clippy::float_cmp,
    reason = "tests compare exact bits and name high/low/close h/l/c"
)]
mod tests {
    use super::log10;

    #[test]
    fn is_exact_on_powers_of_ten_and_handles_special_values() {
        assert_eq!(log10(1.0).to_bits(), 0.0_f64.to_bits());
        assert_eq!(log10(10.0), 1.0);
        assert_eq!(log10(1000.0), 3.0);
        assert_eq!(log10(1e-5), -5.0);
        assert_eq!(log10(0.0), f64::NEG_INFINITY);
        assert_eq!(log10(-0.0), f64::NEG_INFINITY);
        assert!(log10(-1.0).is_nan());
        assert!(log10(f64::NAN).is_nan());
        assert!(log10(f64::NEG_INFINITY).is_nan());
        assert_eq!(log10(f64::INFINITY), f64::INFINITY);
    }

    #[test]
    fn matches_values_printed_by_v8() {
        // Math.log10(x) in Node 20 (V8 runs the same fdlibm algorithm).
        for (x, expected) in [
            (14.0, 1.146_128_035_678_238),
            (2.0, std::f64::consts::LOG10_2),
            (5e-324, -323.306_215_343_115_8),
            (f64::MAX, 308.254_715_559_916_75),
            (7.3, 0.863_322_860_120_455_9),
        ] {
            assert_eq!(log10(x).to_bits(), f64::to_bits(expected), "log10({x})");
        }
    }
}

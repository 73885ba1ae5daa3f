//! Base-10 logarithm shared bit for bit by both backends: a port of fdlibm 5.3's
//! `__ieee754_log10` on top of its `__ieee754_log` (`log.rs`), the algorithm of V8's `Math.log10`.
//!
//! **The same algorithm as `log10` in `@omega-ta/kernels-ts` (`packages/kernels-ts/src/log10.ts`),
//! operation for operation.** `f64::log10` calls the platform's libm, whose last bit differs from
//! V8's (and from numpy's, which uses SVML on AVX-512 machines), so it cannot be used where the
//! two backends must agree to the bit. Error below 1 ulp; against numpy the result can differ in
//! the last 1-2 ulps.

use crate::log::{log, split_exponent, with_high_word, ExponentSplit};

// fdlibm's constants, given by their bits (the decimal literals of fdlibm round to these).
const IVLN10: f64 = f64::from_bits(0x3fdb_cb7b_1526_e50e);
const LOG10_2HI: f64 = f64::from_bits(0x3fd3_4413_509f_6000);
const LOG10_2LO: f64 = f64::from_bits(0x3d59_fef3_11f1_2b36);

/// `log10(x)`: `-inf` for `±0`, NaN for negative numbers and NaN, `+inf` for `+inf`, exactly 0
/// for 1; otherwise `y * log10_2lo + ivln10 * log(m)` plus `y * log10_2hi`, where `x = 2^y * m`.
#[allow(
    clippy::many_single_char_names,
    reason = "fdlibm's names, kept for comparison"
)]
pub(crate) fn log10(x: f64) -> f64 {
    let ExponentSplit { k, hx, v } = match split_exponent(x) {
        Ok(split) => split,
        Err(special) => return special,
    };
    let i = i32::from(k < 0);
    let y = f64::from(k + i);
    let m = with_high_word(v, hx | ((0x3ff - i) << 20));
    let z = y * LOG10_2LO + IVLN10 * log(m);
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

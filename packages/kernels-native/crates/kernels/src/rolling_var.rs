use crate::observed;

/// pandas 1.5.3 `Series.rolling(window, min_periods=window).var()` (ddof=1) into `out`, bit for
/// bit (aggregations.pyx `roll_var` over a fixed window), and **the same algorithm as
/// `rollingVarInto` in `@omega-ta/kernels-ts` (`packages/kernels-ts/src/rolling-var.ts`),
/// operation for operation and in the same order**. Keep the two in step.
///
/// - Welford's online mean and sum of squared deviations `ssqdm` with Kahan-style compensation
///   of the mean update; adds and removes keep separate compensations, and each row removes the
///   leaving value before adding the new one;
/// - add (x observed): `nobs += 1`; `prev_mean = mean - c`; `y = x - c`; `t = y - mean`;
///   `c = (t + mean) - y`; `mean = mean + t / nobs`; `ssqdm = ssqdm + (x - prev_mean) * (x - mean)`;
/// - remove (x observed): `nobs -= 1`; if `nobs > 0` the mirror image, else `mean = ssqdm = 0`
///   (the compensation is kept);
/// - variance `ssqdm / (nobs - 1)` when `nobs >= window` and `nobs > 1`, else NaN; exactly 0 when
///   the last `nobs` observations are all equal (pandas' consecutive-equal-values rule, counted
///   over observations only). It can be a tiny negative number (see [`rolling_std`]);
/// - non-finite inputs are missing.
///
/// For `window >= 2` and `out.len() == x.len()` (the callers check both); extra elements of the
/// longer slice are left alone.
pub(crate) fn rolling_var(x: &[f64], window: usize, out: &mut [f64]) {
    let mut nobs: usize = 0;
    let mut mean = 0.0_f64;
    let mut ssqdm = 0.0_f64;
    let mut comp_add = 0.0_f64;
    let mut comp_remove = 0.0_f64;
    let mut same_run: usize = 0;
    let mut last = f64::NAN;
    for (i, (&v, slot)) in x.iter().zip(out.iter_mut()).enumerate() {
        if i >= window {
            let leaving = x[i - window];
            if observed(leaving) {
                nobs -= 1;
                if nobs == 0 {
                    mean = 0.0;
                    ssqdm = 0.0;
                } else {
                    let count = as_f64(nobs);
                    let prev_mean = mean - comp_remove;
                    let y = leaving - comp_remove;
                    let t = y - mean;
                    comp_remove = t + mean - y;
                    mean -= t / count;
                    ssqdm -= (leaving - prev_mean) * (leaving - mean);
                }
            }
        }
        if observed(v) {
            nobs += 1;
            #[allow(
                clippy::float_cmp,
                reason = "pandas' consecutive-equal-values rule compares observations exactly"
            )]
            let repeated = v == last;
            same_run = if repeated { same_run + 1 } else { 1 };
            last = v;
            let count = as_f64(nobs);
            let prev_mean = mean - comp_add;
            let y = v - comp_add;
            let t = y - mean;
            comp_add = t + mean - y;
            mean += t / count;
            ssqdm += (v - prev_mean) * (v - mean);
        }
        let mut variance = f64::NAN;
        if nobs >= window && nobs > 1 {
            variance = if same_run >= nobs {
                0.0
            } else {
                ssqdm / (as_f64(nobs) - 1.0)
            };
        }
        *slot = variance;
    }
}

/// pandas 1.5.3 `Series.rolling(window, min_periods=window).std()` (ddof=1) into `out`: the
/// square root of [`rolling_var`], with pandas' `zsqrt` rule that a negative variance (a rounding
/// residue) gives `+0.0`. Same as `rollingStdInto` in `@omega-ta/kernels-ts`.
pub(crate) fn rolling_std(x: &[f64], window: usize, out: &mut [f64]) {
    rolling_var(x, window, out);
    for v in out.iter_mut() {
        *v = if *v < 0.0 { 0.0 } else { v.sqrt() };
    }
}

/// `count` as `f64` (exact: counts stay below 2^53). Shared with the streaming states.
#[inline]
pub(crate) fn as_f64(count: usize) -> f64 {
    #[allow(
        clippy::cast_precision_loss,
        reason = "count <= window <= PERIOD_MAX < 2^53, so the conversion is exact"
    )]
    let value = count as f64;
    value
}

#[cfg(test)]
mod tests {
    use super::{rolling_std, rolling_var};
    use crate::test_support::assert_bits;

    const NAN: f64 = f64::NAN;

    fn run(f: fn(&[f64], usize, &mut [f64]), x: &[f64], window: usize) -> Vec<f64> {
        let mut out = vec![-1.0; x.len()];
        f(x, window, &mut out);
        out
    }

    // Expected values printed by pandas 1.5.3: s.rolling(w, min_periods=w).var() / .std().
    #[test]
    fn is_the_sample_variance_of_full_windows() {
        assert_bits(
            &run(rolling_var, &[1.0, 2.0, 3.0, 4.0, 6.0], 3),
            &[NAN, NAN, 1.0, 1.0, 2.333_333_333_333_334],
        );
    }

    #[test]
    fn is_exactly_zero_on_equal_values() {
        assert_bits(
            &run(rolling_var, &[0.1, 0.1, 0.1, 0.1, 0.3], 3),
            &[NAN, NAN, 0.0, 0.0, 0.013_333_333_333_333_329],
        );
    }

    #[test]
    fn clamps_a_negative_residue_to_zero_in_the_std() {
        let x = [1e16, 1.0, -1e16, 3.0, 0.5];
        assert_bits(
            &run(rolling_var, &x, 2),
            &[
                NAN,
                4.999_999_999_999_999e31,
                4.999_999_999_999_999e31,
                5.000_000_000_000_001e31,
                -27_021_597_764_222_972.0,
            ],
        );
        assert_bits(
            &run(rolling_std, &x, 2),
            &[
                NAN,
                7_071_067_811_865_475.0,
                7_071_067_811_865_475.0,
                7_071_067_811_865_476.0,
                0.0,
            ],
        );
    }

    #[test]
    fn stays_nan_after_an_overflow() {
        assert_bits(
            &run(rolling_std, &[1.0, 1e308, -1e308, 2.0, 3.0, 4.0], 2),
            &[NAN, f64::INFINITY, NAN, NAN, NAN, NAN],
        );
    }
}

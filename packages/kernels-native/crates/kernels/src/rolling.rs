//! pandas 1.5.3 fixed-window rolling sum, max and min with `min_periods = window`
//! (aggregations.pyx `roll_sum`, `roll_max`, `roll_min`), bit for bit. Building blocks of
//! `choppiness`; `window >= 2` (pandas recomputes a window of 1 from scratch at every row, which
//! these incremental versions do not reproduce).
//!
//! **The same algorithms as `rollingSumInto` / `rollingExtremeInto` in `@omega-ta/kernels-ts`
//! (`packages/kernels-ts/src/rolling.ts`), operation for operation.** Non-finite inputs are
//! missing; a window with fewer than `window` observations is NaN.

use crate::observed;

/// `rolling(window, min_periods=window).sum()`: Kahan-compensated running sum with separate
/// compensations for added and removed values (remove the leaving value, then add the new one);
/// `value * nobs` when the last `nobs` observations are all equal (pandas' GH#42064 rule).
pub(crate) fn rolling_sum(x: &[f64], window: usize, out: &mut [f64]) {
    let mut nobs: usize = 0;
    let mut sum = 0.0_f64;
    let mut comp_add = 0.0_f64;
    let mut comp_remove = 0.0_f64;
    let mut same_run: usize = 0;
    let mut last = f64::NAN;
    for (i, (&v, slot)) in x.iter().zip(out.iter_mut()).enumerate() {
        if i >= window {
            let leaving = x[i - window];
            if observed(leaving) {
                nobs -= 1;
                let y = -leaving - comp_remove;
                let t = sum + y;
                comp_remove = t - sum - y;
                sum = t;
            }
        }
        if observed(v) {
            nobs += 1;
            let y = v - comp_add;
            let t = sum + y;
            comp_add = t - sum - y;
            sum = t;
            #[allow(
                clippy::float_cmp,
                reason = "pandas' consecutive-equal-values rule compares observations exactly"
            )]
            let repeated = v == last;
            same_run = if repeated { same_run + 1 } else { 1 };
            last = v;
        }
        *slot = if nobs >= window {
            if same_run >= nobs {
                #[allow(
                    clippy::cast_precision_loss,
                    reason = "nobs <= window <= PERIOD_MAX < 2^53, so the conversion is exact"
                )]
                let count = nobs as f64;
                last * count
            } else {
                sum
            }
        } else {
            f64::NAN
        };
    }
}

/// `rolling(window, min_periods=window).max()` (`is_max`) or `.min()`: pandas' monotonic deque of
/// indices. A new value evicts the candidates it ties or beats (`>=` / `<=`), so among equal
/// extremes the latest one is returned (sign of zero included); a missing value evicts only
/// missing candidates. Defined only when the whole window is observed.
pub(crate) fn rolling_extreme(x: &[f64], window: usize, is_max: bool, out: &mut [f64]) {
    let n = out.len();
    let capacity = window.min(n) + 1;
    let mut queue = vec![0_usize; capacity];
    let mut head = 0_usize;
    let mut size = 0_usize;
    let mut nobs = 0_usize;
    for (i, (&v, slot)) in x.iter().zip(out.iter_mut()).enumerate() {
        let is_observed = observed(v);
        if is_observed {
            nobs += 1;
        }
        while size > 0 {
            let back = x[queue[(head + size - 1) % capacity]];
            let evict =
                !observed(back) || (is_observed && if is_max { v >= back } else { v <= back });
            if evict {
                size -= 1;
            } else {
                break;
            }
        }
        queue[(head + size) % capacity] = i;
        size += 1;
        if i >= window {
            let leaving = i - window;
            if queue[head] == leaving {
                head = (head + 1) % capacity;
                size -= 1;
            }
            if observed(x[leaving]) {
                nobs -= 1;
            }
        }
        *slot = if nobs >= window {
            x[queue[head]]
        } else {
            f64::NAN
        };
    }
}

#[cfg(test)]
#[allow(
    clippy::float_cmp,
    reason = "tests compare exact bits and name high/low/close h/l/c"
)]
mod tests {
    use super::{rolling_extreme, rolling_sum};

    const NAN: f64 = f64::NAN;

    fn bits(v: &[f64]) -> Vec<u64> {
        v.iter()
            .map(|x| if x.is_nan() { 1 } else { x.to_bits() })
            .collect()
    }

    #[test]
    fn sums_like_pandas() {
        // pd.Series([0.1, 0.1, 0.1, 1.0, nan, 2.0, 3.0]).rolling(3).sum():
        // the constant window is 0.1 * 3 = 0.30000000000000004.
        let x = [0.1, 0.1, 0.1, 1.0, NAN, 2.0, 3.0];
        let mut out = [0.0; 7];
        rolling_sum(&x, 3, &mut out);
        assert_eq!(
            bits(&out),
            bits(&[NAN, NAN, 0.300_000_000_000_000_04, 1.2, NAN, NAN, NAN])
        );
    }

    #[test]
    fn returns_the_latest_of_equal_extremes() {
        let x = [0.0, -0.0, 1.0, NAN, 1.0, 2.0, f64::INFINITY, 2.0];
        let mut max = [0.0; 8];
        rolling_extreme(&x, 2, true, &mut max);
        assert_eq!(bits(&max), bits(&[NAN, -0.0, 1.0, NAN, NAN, 2.0, NAN, NAN]));
        let mut min = [0.0; 8];
        rolling_extreme(&x, 2, false, &mut min);
        assert_eq!(
            bits(&min),
            bits(&[NAN, -0.0, -0.0, NAN, NAN, 1.0, NAN, NAN])
        );
    }
}

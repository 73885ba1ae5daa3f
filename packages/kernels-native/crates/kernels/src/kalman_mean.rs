use crate::{check_lengths, KernelError};

/// The largest `R` or `Q` the contract accepts (the registry's `KALMAN_VARIANCE_MAX`).
pub const KALMAN_VARIANCE_MAX: f64 = 1e300;

/// Checks the Kalman variances against the contract: `0 < r <= 1e300`, `0 <= q <= 1e300`.
///
/// # Errors
///
/// [`KernelError::InvalidParam`] naming `R` or `Q` otherwise (NaN and ±inf included).
pub fn check_kalman_params(r: f64, q: f64) -> Result<(), KernelError> {
    if !(r > 0.0 && r <= KALMAN_VARIANCE_MAX) {
        return Err(KernelError::InvalidParam {
            name: "R",
            expected: "a number in (0, 1e300]",
        });
    }
    if !(0.0..=KALMAN_VARIANCE_MAX).contains(&q) {
        return Err(KernelError::InvalidParam {
            name: "Q",
            expected: "a number in [0, 1e300]",
        });
    }
    Ok(())
}

/// The original `IndicatorCache.kalman_mean` (its `_kalman_mean_from_series` loop) of `close`
/// into `out`, bit for bit, and **the same algorithm as `kalmanMeanInto` in `@omega-ta/kernels-ts`
/// (`packages/kernels-ts/src/kalman-mean.ts`), operation for operation and in the same order**:
///
/// - rows before the first non-NaN close are NaN; there `xhat = close`, `P = r`;
/// - then `p_minus = (P[t-1] if not NaN else r) + q`; with a close `m`:
///   `k = p_minus / (p_minus + r)`, `xhat = xhat[t-1] + k * (m - xhat[t-1])`,
///   `P = (1 - k) * p_minus` (no fused multiply-add); a NaN close gives `xhat = P = NaN`;
/// - only NaN is missing (pandas `notna`): ±inf is a measurement and propagates;
/// - the original's defect is kept: after a NaN close every later row is NaN.
///
/// # Errors
///
/// [`KernelError::InvalidParam`] unless `0 < r <= 1e300` and `0 <= q <= 1e300`;
/// [`KernelError::LengthMismatch`] unless `out.len() == close.len()`. Nothing is written then.
pub fn kalman_mean(close: &[f64], r: f64, q: f64, out: &mut [f64]) -> Result<(), KernelError> {
    check_kalman_params(r, q)?;
    check_lengths(close, out)?;
    out.fill(f64::NAN);
    let Some(first) = close.iter().position(|v| !v.is_nan()) else {
        return Ok(());
    };
    let mut xhat = close[first];
    let mut p = r;
    out[first] = xhat;
    for (slot, &m) in out[first + 1..].iter_mut().zip(&close[first + 1..]) {
        let p_minus = (if p.is_nan() { r } else { p }) + q;
        if m.is_nan() {
            xhat = f64::NAN;
            p = f64::NAN;
        } else {
            let k = p_minus / (p_minus + r);
            xhat = xhat + k * (m - xhat);
            p = (1.0 - k) * p_minus;
        }
        *slot = xhat;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::kalman_mean;
    use crate::KernelError;

    const NAN: f64 = f64::NAN;
    const INF: f64 = f64::INFINITY;

    fn run(x: &[f64], r: f64, q: f64) -> Vec<f64> {
        let mut out = vec![-1.0; x.len()];
        kalman_mean(x, r, q, &mut out).expect("valid arguments");
        out
    }

    fn assert_bits(actual: &[f64], expected: &[f64]) {
        assert_eq!(actual.len(), expected.len());
        for (i, (a, e)) in actual.iter().zip(expected).enumerate() {
            assert!(
                a.to_bits() == e.to_bits() || (a.is_nan() && e.is_nan()),
                "index {i}: got {a:?}, expected {e:?}"
            );
        }
    }

    // Expected values printed by the original `_kalman_mean_from_series` under pandas 1.5.3.
    #[test]
    fn matches_values_printed_by_the_original() {
        assert_bits(
            &run(&[1.0, 2.0, 4.0, 3.0], 0.01, 1.0),
            &[
                1.0,
                1.990_196_078_431_372_6,
                3.980_294_145_919_446,
                3.009_611_650_851_457_7,
            ],
        );
        assert_bits(
            &run(&[NAN, 10.0, 11.0, INF, 12.0], 0.5, 0.05),
            &[NAN, 10.0, 10.523_809_523_809_524, INF, NAN],
        );
        assert_bits(&run(&[1.0, 2.0, 3.0, 4.0], 1.0, 0.0), &[1.0, 1.5, 2.0, 2.5]);
    }

    #[test]
    fn stays_nan_after_a_gap_like_the_original() {
        assert_bits(
            &run(&[5.0, 6.0, NAN, 7.0], 0.01, 1.0),
            &[5.0, 5.990_196_078_431_373, NAN, NAN],
        );
        assert_bits(&run(&[NAN, NAN], 0.01, 1.0), &[NAN, NAN]);
        assert!(run(&[], 0.01, 1.0).is_empty());
    }

    #[test]
    fn rejects_bad_arguments_without_writing() {
        let mut out = [5.0; 2];
        for (r, q, name) in [
            (0.0, 1.0, "R"),
            (-1.0, 1.0, "R"),
            (NAN, 1.0, "R"),
            (1e301, 1.0, "R"),
            (1.0, -1e-9, "Q"),
            (1.0, INF, "Q"),
        ] {
            assert!(
                matches!(kalman_mean(&[1.0, 2.0], r, q, &mut out), Err(KernelError::InvalidParam { name: n, .. }) if n == name)
            );
        }
        assert_eq!(
            kalman_mean(&[1.0], 0.01, 1.0, &mut out),
            Err(KernelError::LengthMismatch {
                input: 1,
                output: 2
            })
        );
        assert_bits(&out, &[5.0; 2]);
    }
}

use crate::log::log;
use crate::{check_lengths, KernelError, PERIOD_MAX};

/// Largest `omega`, `scale` and `sigma_floor` the contract accepts (variances stay finite).
pub const GARCH_MAGNITUDE_MAX: f64 = 1e100;

/// The parameters of the original `garch_volatility` as the contract's numbers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GarchParams {
    /// Weight of the last squared shock, in `[0, 1]`.
    pub alpha: f64,
    /// Weight of the last variance, in `[0, 1]`; `alpha + beta >= 1` gives all NaN.
    pub beta: f64,
    /// Constant of the recursion in `[-1, 1e100]`; negative stands for the original's `None`.
    pub omega: f64,
    /// Log returns (`true`) or `pct_change` (`false`).
    pub use_log_returns: bool,
    /// Return scale in `[1e-100, 1e100]`.
    pub scale: f64,
    /// Rows after the first return that stay NaN, `0..=PERIOD_MAX`.
    pub min_periods: usize,
    /// Floor of the scaled sigma, in `[0, 1e100]`.
    pub sigma_floor: f64,
}

impl Default for GarchParams {
    /// The original's defaults.
    fn default() -> Self {
        Self {
            alpha: 0.05,
            beta: 0.9,
            omega: -1.0,
            use_log_returns: true,
            scale: 100.0,
            min_periods: 50,
            sigma_floor: 1e-6,
        }
    }
}

fn in_range(
    name: &'static str,
    value: f64,
    min: f64,
    max: f64,
    expected: &'static str,
) -> Result<(), KernelError> {
    if value.is_finite() && value >= min && value <= max {
        Ok(())
    } else {
        Err(KernelError::InvalidParam { name, expected })
    }
}

/// Checks `p` against the contract's ranges.
///
/// # Errors
///
/// [`KernelError::InvalidParam`] naming the first parameter out of range.
pub fn check_garch_params(p: &GarchParams) -> Result<(), KernelError> {
    in_range("alpha", p.alpha, 0.0, 1.0, "a number in [0, 1]")?;
    in_range("beta", p.beta, 0.0, 1.0, "a number in [0, 1]")?;
    in_range(
        "omega",
        p.omega,
        -1.0,
        GARCH_MAGNITUDE_MAX,
        "a number in [-1, 1e100]",
    )?;
    in_range(
        "scale",
        p.scale,
        1e-100,
        GARCH_MAGNITUDE_MAX,
        "a number in [1e-100, 1e100]",
    )?;
    in_range(
        "sigma_floor",
        p.sigma_floor,
        0.0,
        GARCH_MAGNITUDE_MAX,
        "a number in [0, 1e100]",
    )?;
    if p.min_periods > PERIOD_MAX {
        return Err(KernelError::InvalidParam {
            name: "min_periods",
            expected: "an integer in [0, 2147483647]",
        });
    }
    Ok(())
}

/// The original `IndicatorCache.garch_volatility` of `close` into `out`, bit for bit its
/// numpy/pandas 1.5.3 computation, and **the same algorithm as `garchVolatilityInto` in
/// `@omega-ta/kernels-ts` (`packages/kernels-ts/src/garch-volatility.ts`), operation for
/// operation and in the same order** (no fused multiply-add):
///
/// - `r[t] = log(close[t] / close[t-1]) * scale` (fdlibm's log, the `log` port shared with
///   TS), or with `pct_change` `(d[t] / d[t-1] - 1) * scale` over the closes forward-filled across
///   NaN (pandas `fillna(method='pad')`); row 0 has no return;
/// - `f` = first non-NaN return (±inf counts); the original's `nanvar`/`nanmean` windows end
///   there and hold one value `x = r[f]`: `lr_var = (x - x)² / 1` → always the fallback `1e-6`,
///   `mu = x / 1`, `eps² = (x - mu)²`;
/// - `omega`: given, or (negative = `None`) `1e-6 * max(1e-6, 1 - alpha - beta)`; then
///   `max(omega, 0)`; `var[f] = max(lr_var, eps², floor²)` with Python's `max` (a later argument
///   wins only when strictly greater);
/// - a non-finite `r[t]` repeats `var[t-1]`; otherwise
///   `var[t] = max(omega + alpha * eps² + beta * var_prev, floor²)` and `eps² = (r[t] - mu)²`
///   (`x * x`; the original's `x ** 2` is libm `pow`, see docs/known-differences.md);
/// - `sigma = sqrt(var) / scale`, NaN before row `f + min_periods`; all NaN when
///   `alpha + beta >= 1`.
///
/// # Errors
///
/// [`KernelError::InvalidParam`] for parameters outside the contract ([`check_garch_params`]);
/// [`KernelError::LengthMismatch`] unless `out.len() == close.len()`. Nothing is written then.
pub fn garch_volatility(
    close: &[f64],
    p: &GarchParams,
    out: &mut [f64],
) -> Result<(), KernelError> {
    check_garch_params(p)?;
    check_lengths(close, out)?;
    garch_volatility_unchecked(close, p, out);
    Ok(())
}

/// [`garch_volatility`] after validation (shared with `kalman_garch_zscore`).
#[allow(
    clippy::many_single_char_names,
    reason = "the original's names: r, x, w (omega), d, v"
)]
pub(crate) fn garch_volatility_unchecked(close: &[f64], p: &GarchParams, out: &mut [f64]) {
    let n = close.len();
    out.fill(f64::NAN);
    if p.alpha + p.beta >= 1.0 || n == 0 {
        return;
    }
    let scale = p.scale;
    if p.use_log_returns {
        for t in 1..n {
            out[t] = log(close[t] / close[t - 1]) * scale;
        }
    } else {
        let mut prev = close[0];
        for t in 1..n {
            let c = close[t];
            let d = if c.is_nan() { prev } else { c }; // fillna(method='pad')
            out[t] = (d / prev - 1.0) * scale;
            prev = d;
        }
    }
    let Some(first) = out.iter().position(|v| !v.is_nan()) else {
        return;
    };
    let floor_sq = p.sigma_floor * p.sigma_floor;
    // The original's nanvar / nanmean windows end at `first`, so they hold the one value x:
    // nanmean = x / 1 = x and nanvar = (x - x)² / 1 (both divisions by 1 are exact).
    let x = out[first];
    let mu = x;
    let dev = x - mu;
    let mut lr_var = dev * dev;
    if !lr_var.is_finite() || lr_var <= 0.0 {
        lr_var = 1e-6;
    }
    let mut w = if p.omega < 0.0 {
        let rest = 1.0 - p.alpha - p.beta;
        lr_var * (if rest > 1e-6 { rest } else { 1e-6 })
    } else {
        p.omega
    };
    if 0.0 > w {
        w = 0.0;
    }
    let mut eps2 = dev * dev;
    let mut var_prev = lr_var;
    if eps2 > var_prev {
        var_prev = eps2;
    }
    if floor_sq > var_prev {
        var_prev = floor_sq;
    }
    out[first] = var_prev;
    for t in first + 1..n {
        let rt = out[t];
        if !rt.is_finite() {
            out[t] = out[t - 1];
            continue;
        }
        let mut v = w + p.alpha * eps2 + p.beta * var_prev;
        if floor_sq > v {
            v = floor_sq;
        }
        out[t] = v;
        let d = rt - mu;
        eps2 = d * d;
        var_prev = v;
    }
    let valid = first.saturating_add(p.min_periods);
    for (t, o) in out.iter_mut().enumerate() {
        *o = if t >= valid {
            o.sqrt() / scale
        } else {
            f64::NAN
        };
    }
}

#[cfg(test)]
mod tests {
    use super::{garch_volatility, GarchParams};
    use crate::KernelError;

    fn run(x: &[f64], p: &GarchParams) -> Vec<f64> {
        let mut out = vec![-1.0; x.len()];
        garch_volatility(x, p, &mut out).unwrap();
        out
    }

    fn bits(v: &[f64]) -> Vec<u64> {
        v.iter().map(|x| x.to_bits()).collect()
    }

    #[test]
    fn matches_values_printed_by_pandas() {
        // The original's garch_volatility under pandas 1.5.3 / numpy 1.24.2. The log case uses
        // ratios that are powers of 2, whose logs numpy and fdlibm round alike (elsewhere they
        // can differ in the last ulp: docs/known-differences.md).
        let close = [100.0, 200.0, 100.0, 400.0, 200.0, 100.0];
        let p = GarchParams {
            min_periods: 0,
            ..GarchParams::default()
        };
        assert_eq!(bits(&run(&close, &p)), bits(&EXPECTED_LOG));
        let p = GarchParams {
            alpha: 0.08,
            omega: 1e-5,
            use_log_returns: false,
            min_periods: 2,
            sigma_floor: 0.001,
            ..GarchParams::default()
        };
        assert_eq!(
            bits(&run(&[100.0, 101.0, f64::NAN, 99.5, 102.0, 101.0], &p)),
            bits(&EXPECTED_PCT)
        );
    }

    #[test]
    fn unstable_parameters_and_short_series_give_nan() {
        let p = GarchParams {
            alpha: 0.1,
            beta: 0.9,
            min_periods: 0,
            ..GarchParams::default()
        };
        assert!(run(&[1.0, 2.0, 3.0], &p).iter().all(|v| v.is_nan()));
        assert!(run(&[1.0], &GarchParams::default())
            .iter()
            .all(|v| v.is_nan()));
        assert!(run(&[], &GarchParams::default()).is_empty());
    }

    #[test]
    fn rejects_parameters_outside_the_contract() {
        let mut out = [0.0; 2];
        for p in [
            GarchParams {
                alpha: -0.1,
                ..GarchParams::default()
            },
            GarchParams {
                scale: 0.0,
                ..GarchParams::default()
            },
            GarchParams {
                omega: f64::NAN,
                ..GarchParams::default()
            },
            GarchParams {
                sigma_floor: -1.0,
                ..GarchParams::default()
            },
        ] {
            assert!(matches!(
                garch_volatility(&[1.0, 2.0], &p, &mut out),
                Err(KernelError::InvalidParam { .. })
            ));
        }
        assert!(matches!(
            garch_volatility(&[1.0, 2.0], &GarchParams::default(), &mut [0.0]),
            Err(KernelError::LengthMismatch { .. })
        ));
    }

    const EXPECTED_LOG: [f64; 6] = [
        f64::NAN,
        1e-05,
        9.746_794_344_808_964e-6,
        0.309_984_842_974_846_63,
        0.332_421_710_012_502_65,
        0.442_203_999_018_001_95,
    ];
    const EXPECTED_PCT: [f64; 6] = [
        f64::NAN,
        f64::NAN,
        f64::NAN,
        0.002_828_777_297_703_022,
        0.007_523_994_153_835_345,
        0.008_321_851_317_845_142,
    ];
}

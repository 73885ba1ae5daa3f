//! Node-API binding of the omega-ta Rust kernels (`omega-ta-kernels`).
//!
//! Series cross the boundary zero-copy: each export borrows the JS `Float64Array`s' memory
//! (`Float64ArraySlice`, no napi reference, no copy) and the kernel writes straight into the
//! caller's `out` buffer. Nothing here panics on bad input: parameters, lengths and overlapping
//! buffers are rejected with a `napi::Error` (a JS `Error` with `code: "InvalidArg"`), and every
//! export is `catch_unwind` so an unexpected panic also becomes a JS error instead of aborting
//! Node. The TypeScript wrapper validates first (with the contract's typed errors); these checks
//! make the raw binding safe to call on its own.

pub mod async_kernels;

use napi::bindgen_prelude::{Float64ArraySlice, Result};
use napi::{Error, Status};
use napi_derive::napi;
use omega_ta_kernels::{DmiOut, KernelError, PERIOD_MAX};

mod stream;

fn invalid_arg(message: String) -> Error {
    Error::new(Status::InvalidArg, message)
}

fn kernel_error(indicator: &str, error: &KernelError) -> Error {
    invalid_arg(format!("{indicator}: {error}"))
}

/// A JS number as the integer parameter `name`: an integer in `1..=PERIOD_MAX` (NaN, ±Infinity
/// and fractions are rejected rather than truncated or saturated by a float-to-int cast).
fn int_param_from_js(indicator: &str, name: &str, value: f64) -> Result<usize> {
    #[allow(
        clippy::cast_precision_loss,
        reason = "PERIOD_MAX = 2^31 - 1 converts to f64 exactly"
    )]
    let max = PERIOD_MAX as f64;
    if value.is_finite() && value.fract() == 0.0 && (1.0..=max).contains(&value) {
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "value is a whole number in [1, 2^31 - 1], checked just above"
        )]
        Ok(value as usize)
    } else {
        Err(invalid_arg(format!(
            "{indicator}: {name} must be an integer in [1, {PERIOD_MAX}] (got {value})"
        )))
    }
}

/// A JS number as a period; see [`int_param_from_js`].
fn period_from_js(indicator: &str, period: f64) -> Result<usize> {
    int_param_from_js(indicator, "period", period)
}

/// A JS number as a z-score `window` (an integer >= 1 here; the kernel requires >= 2); see
/// [`int_param_from_js`].
fn window_from_js(indicator: &str, window: f64) -> Result<usize> {
    int_param_from_js(indicator, "window", window)
}

/// Borrows `input` for reading and `out` for writing, after checking that they have the same
/// length and do not share memory.
///
/// Soundness: both views point into JS-owned `ArrayBuffer`s that the JS caller keeps alive for the
/// duration of this synchronous call (the values are on the call's handle scope), and no JS code
/// runs until we return, so nothing detaches, resizes or writes them meanwhile (the one way
/// around that, another worker writing a `SharedArrayBuffer` during the call, is a data race
/// whatever the backend, `@omega-ta/kernels-ts` included; callers must not do it). A
/// `Float64Array` is always 8-byte aligned (its byte offset must be a multiple of 8). The only
/// remaining condition of `&[f64]` + `&mut [f64]` is that they do not overlap, which is checked
/// here before the mutable slice is created.
fn borrow_pair<'a>(
    indicator: &str,
    input: &'a Float64ArraySlice<'_>,
    out: &'a mut Float64ArraySlice<'_>,
) -> Result<(&'a [f64], &'a mut [f64])> {
    if input.len() != out.len() {
        return Err(kernel_error(
            indicator,
            &KernelError::LengthMismatch {
                input: input.len(),
                output: out.len(),
            },
        ));
    }
    let input_range = input.as_ptr_range();
    let out_range = out.as_ptr_range();
    // Empty slices hold no memory, so they overlap nothing.
    let overlap = !input.is_empty()
        && !out.is_empty()
        && input_range.start < out_range.end
        && out_range.start < input_range.end;
    if overlap {
        return Err(invalid_arg(format!(
            "{indicator}: out overlaps close; pass a separate buffer"
        )));
    }
    // SAFETY: see the function's doc comment: `out` is a live, writable, properly aligned
    // Float64Array of `out.len()` elements that no other reference (in particular not `input`)
    // aliases for the lifetime `'a`.
    let out = unsafe { out.as_mut() };
    Ok((input.as_ref(), out))
}

/// Exponential moving average of `close` with span `period` into `out` (same length, distinct
/// buffer): pandas 1.5.3 `ewm(span=period, adjust=False).mean()`, bit-identical to
/// `@omega-ta/kernels-ts`.
///
/// # Errors
///
/// A JS `Error` (`code: "InvalidArg"`) when `period` is not an integer in `[1, 2^31 - 1]`, when
/// `out` and `close` differ in length or share memory, or when either is not a `Float64Array`.
#[napi(catch_unwind)]
pub fn ema(close: Float64ArraySlice, period: f64, mut out: Float64ArraySlice) -> Result<()> {
    let period = period_from_js("ema", period)?;
    let (close, out) = borrow_pair("ema", &close, &mut out)?;
    omega_ta_kernels::ema(close, period, out).map_err(|e| kernel_error("ema", &e))
}

/// Simple moving average of `close` over `period` bars into `out` (same length, distinct buffer):
/// pandas 1.5.3 `rolling(period, min_periods=period).mean()`, bit-identical to
/// `@omega-ta/kernels-ts`.
///
/// # Errors
///
/// A JS `Error` (`code: "InvalidArg"`) when `period` is not an integer in `[1, 2^31 - 1]`, when
/// `out` and `close` differ in length or share memory, or when either is not a `Float64Array`.
#[napi(catch_unwind)]
pub fn sma(close: Float64ArraySlice, period: f64, mut out: Float64ArraySlice) -> Result<()> {
    let period = period_from_js("sma", period)?;
    let (close, out) = borrow_pair("sma", &close, &mut out)?;
    omega_ta_kernels::sma(close, period, out).map_err(|e| kernel_error("sma", &e))
}

/// Bollinger Bands of `close` into `upper`, `mid`, `lower` (same length as `close`, four distinct
/// buffers): the original `IndicatorCache`'s pandas 1.5.3 `mid ± std_factor * rolling std`,
/// bit-identical to `@omega-ta/kernels-ts`.
///
/// # Errors
///
/// A JS `Error` (`code: "InvalidArg"`) when `period` is not an integer in `[2, 2^31 - 1]`, when
/// `std_factor` is not a finite number `>= 0`, when an output differs in length from `close` or
/// shares memory with `close` or another output, or when a buffer is not a `Float64Array`.
#[napi(catch_unwind)]
pub fn bollinger(
    close: Float64ArraySlice,
    period: f64,
    std_factor: f64,
    mut upper: Float64ArraySlice,
    mut mid: Float64ArraySlice,
    mut lower: Float64ArraySlice,
) -> Result<()> {
    let period = period_from_js("bollinger", period)?;
    check_series(
        "bollinger",
        &[("close", close.as_ref())],
        &[
            ("out upper", upper.as_ref()),
            ("out mid", mid.as_ref()),
            ("out lower", lower.as_ref()),
        ],
    )?;
    // SAFETY: `check_series` just verified that `upper`, `mid` and `lower` have the length of
    // `close` and that none of the four buffers shares memory with another; they are live,
    // writable, 8-byte aligned JS Float64Arrays that nothing else reads or writes during this
    // synchronous call (see `borrow_pair`). So the three `&mut [f64]` alias neither each other nor
    // the `&[f64]` over `close` for as long as they live (this function's body).
    let (upper, mid, lower) = unsafe { (upper.as_mut(), mid.as_mut(), lower.as_mut()) };
    omega_ta_kernels::bollinger(&close, period, std_factor, upper, mid, lower)
        .map_err(|e| kernel_error("bollinger", &e))
}

/// Relative strength index of `close` over `period` bars into `out` (same length, distinct
/// buffer): the original's pandas 1.5.3 expression (Wilder smoothing via
/// `ewm(alpha=1/period, adjust=False)`), bit-identical to `@omega-ta/kernels-ts`.
///
/// # Errors
///
/// A JS `Error` (`code: "InvalidArg"`) when `period` is not an integer in `[1, 2^31 - 1]`, when
/// `out` and `close` differ in length or share memory, or when either is not a `Float64Array`.
#[napi(catch_unwind)]
pub fn rsi(close: Float64ArraySlice, period: f64, mut out: Float64ArraySlice) -> Result<()> {
    let period = period_from_js("rsi", period)?;
    let (close, out) = borrow_pair("rsi", &close, &mut out)?;
    omega_ta_kernels::rsi(close, period, out).map_err(|e| kernel_error("rsi", &e))
}

/// Rate of change of `close` over `period` bars, in percent, into `out` (same length, distinct
/// buffer): `(close - close.shift(period)) / close.shift(period) * 100.0` as pandas 1.5.3
/// computes it, bit-identical to `@omega-ta/kernels-ts`.
///
/// # Errors
///
/// A JS `Error` (`code: "InvalidArg"`) when `period` is not an integer in `[1, 2^31 - 1]`, when
/// `out` and `close` differ in length or share memory, or when either is not a `Float64Array`.
#[napi(catch_unwind)]
pub fn roc(close: Float64ArraySlice, period: f64, mut out: Float64ArraySlice) -> Result<()> {
    let period = period_from_js("roc", period)?;
    let (close, out) = borrow_pair("roc", &close, &mut out)?;
    omega_ta_kernels::roc(close, period, out).map_err(|e| kernel_error("roc", &e))
}

/// MACD of `close` into `macd_out`, `signal_out` and `histogram_out` (each the length of `close`,
/// no two sharing memory): the original's pandas 1.5.3 span-EMA expression plus
/// `histogram = macd - signal`, bit-identical to `@omega-ta/kernels-ts`.
///
/// # Errors
///
/// A JS `Error` (`code: "InvalidArg"`) when a span is not an integer in `[1, 2^31 - 1]`, when an
/// output differs in length from `close` or shares memory with it or with another output, or when
/// a buffer is not a `Float64Array`.
#[napi(catch_unwind)]
pub fn macd(
    close: Float64ArraySlice,
    fast_period: f64,
    slow_period: f64,
    signal_period: f64,
    mut macd_out: Float64ArraySlice,
    mut signal_out: Float64ArraySlice,
    mut histogram_out: Float64ArraySlice,
) -> Result<()> {
    let fast = int_param_from_js("macd", "fast_period", fast_period)?;
    let slow = int_param_from_js("macd", "slow_period", slow_period)?;
    let signal = int_param_from_js("macd", "signal_period", signal_period)?;
    check_series(
        "macd",
        &[("close", close.as_ref())],
        &[
            ("out macd", macd_out.as_ref()),
            ("out signal", signal_out.as_ref()),
            ("out histogram", histogram_out.as_ref()),
        ],
    )?;
    // SAFETY: `check_series` has just verified that the three outputs have the length of `close`
    // and that no two of the four buffers share memory; they are live, aligned, JS-owned
    // Float64Arrays that nothing else reads or writes during this synchronous call (see
    // `borrow_pair`). So each `&mut [f64]` below is the only reference to its memory.
    let (m, s, h) = unsafe {
        (
            macd_out.as_mut(),
            signal_out.as_mut(),
            histogram_out.as_mut(),
        )
    };
    omega_ta_kernels::macd(close.as_ref(), fast, slow, signal, m, s, h)
        .map_err(|e| kernel_error("macd", &e))
}

/// True when two non-empty views share at least one element.
fn overlap(a: &[f64], b: &[f64]) -> bool {
    let (ra, rb) = (a.as_ptr_range(), b.as_ptr_range());
    !a.is_empty() && !b.is_empty() && ra.start < rb.end && rb.start < ra.end
}

/// Checks the named `inputs` and `outputs` of one call before any `&mut [f64]` is created: all
/// have the length of the first input, and no output shares memory with an input or another
/// output (inputs may share memory with each other: they are only read).
///
/// Soundness of the callers' `as_mut` after this check: as for [`borrow_pair`], every view points
/// into a JS-owned, live, 8-byte aligned `Float64Array` that nothing detaches, resizes or writes
/// during the synchronous call; with no overlap, each mutable slice is then the only reference to
/// its memory.
fn check_series(
    indicator: &str,
    inputs: &[(&str, &[f64])],
    outputs: &[(&str, &[f64])],
) -> Result<()> {
    let len = inputs.first().map_or(0, |(_, s)| s.len());
    for (_, s) in inputs.iter().chain(outputs) {
        if s.len() != len {
            return Err(kernel_error(
                indicator,
                &KernelError::LengthMismatch {
                    input: len,
                    output: s.len(),
                },
            ));
        }
    }
    for (k, (out_name, out)) in outputs.iter().enumerate() {
        if let Some((name, _)) = inputs
            .iter()
            .chain(&outputs[..k])
            .find(|(_, other)| overlap(out, other))
        {
            return Err(invalid_arg(format!(
                "{indicator}: {out_name} overlaps {name}; pass a separate buffer"
            )));
        }
    }
    Ok(())
}

/// Wilder's average true range of `high`, `low`, `close` over `period` bars into `out` (same
/// length, distinct buffer): the original `IndicatorCache.atr`, bit-identical to
/// `@omega-ta/kernels-ts`.
///
/// # Errors
///
/// A JS `Error` (`code: "InvalidArg"`) when `period` is not an integer in `[1, 2^31 - 1]`, when
/// the series differ in length, or when `out` shares memory with an input.
#[napi(catch_unwind)]
pub fn atr(
    high: Float64ArraySlice,
    low: Float64ArraySlice,
    close: Float64ArraySlice,
    period: f64,
    mut out: Float64ArraySlice,
) -> Result<()> {
    let period = period_from_js("atr", period)?;
    let (high, low, close) = (high.as_ref(), low.as_ref(), close.as_ref());
    check_series(
        "atr",
        &[("high", high), ("low", low), ("close", close)],
        &[("out", out.as_ref())],
    )?;
    // SAFETY: checked by `check_series` just above: `out` aliases no other buffer of the call.
    let out = unsafe { out.as_mut() };
    omega_ta_kernels::atr(high, low, close, period, out).map_err(|e| kernel_error("atr", &e))
}

/// Directional movement index of `high`, `low`, `close` over `period` bars into `plus_di`,
/// `minus_di` and `adx` (same length, distinct buffers): the original `IndicatorCache.dmi`,
/// bit-identical to `@omega-ta/kernels-ts`.
///
/// # Errors
///
/// A JS `Error` (`code: "InvalidArg"`) when `period` is not an integer in `[1, 2^31 - 1]`, when
/// the series differ in length, or when an output shares memory with an input or another output.
#[napi(catch_unwind)]
pub fn dmi(
    high: Float64ArraySlice,
    low: Float64ArraySlice,
    close: Float64ArraySlice,
    period: f64,
    mut plus_di: Float64ArraySlice,
    mut minus_di: Float64ArraySlice,
    mut adx: Float64ArraySlice,
) -> Result<()> {
    let period = period_from_js("dmi", period)?;
    let (high, low, close) = (high.as_ref(), low.as_ref(), close.as_ref());
    check_series(
        "dmi",
        &[("high", high), ("low", low), ("close", close)],
        &[
            ("plus_di", plus_di.as_ref()),
            ("minus_di", minus_di.as_ref()),
            ("adx", adx.as_ref()),
        ],
    )?;
    // SAFETY: checked by `check_series` just above: no output aliases an input or another output.
    let mut out = unsafe {
        DmiOut {
            plus_di: plus_di.as_mut(),
            minus_di: minus_di.as_mut(),
            adx: adx.as_mut(),
        }
    };
    omega_ta_kernels::dmi(high, low, close, period, &mut out).map_err(|e| kernel_error("dmi", &e))
}

/// Choppiness index of `high`, `low`, `close` over `period` bars into `out` (same length,
/// distinct buffer): the original `IndicatorCache.choppiness`, bit-identical to
/// `@omega-ta/kernels-ts`.
///
/// # Errors
///
/// A JS `Error` (`code: "InvalidArg"`) when `period` is not an integer in `[2, 2^31 - 1]`, when
/// the series differ in length, or when `out` shares memory with an input.
#[napi(catch_unwind)]
pub fn choppiness(
    high: Float64ArraySlice,
    low: Float64ArraySlice,
    close: Float64ArraySlice,
    period: f64,
    mut out: Float64ArraySlice,
) -> Result<()> {
    let period = period_from_js("choppiness", period)?;
    let (high, low, close) = (high.as_ref(), low.as_ref(), close.as_ref());
    check_series(
        "choppiness",
        &[("high", high), ("low", low), ("close", close)],
        &[("out", out.as_ref())],
    )?;
    // SAFETY: checked by `check_series` just above: `out` aliases no other buffer of the call.
    let out = unsafe { out.as_mut() };
    omega_ta_kernels::choppiness(high, low, close, period, out)
        .map_err(|e| kernel_error("choppiness", &e))
}

/// Kalman filter mean of `close` into `out` (same length, distinct buffer): the original
/// `IndicatorCache.kalman_mean` with measurement variance `r` and process variance `q`,
/// bit-identical to `@omega-ta/kernels-ts`.
///
/// # Errors
///
/// A JS `Error` (`code: "InvalidArg"`) when `r` is not in `(0, 1e300]` or `q` not in `[0, 1e300]`,
/// when `out` and `close` differ in length or share memory, or when either is not a
/// `Float64Array`.
#[napi(catch_unwind, js_name = "kalman_mean")]
pub fn kalman_mean(
    close: Float64ArraySlice,
    r: f64,
    q: f64,
    mut out: Float64ArraySlice,
) -> Result<()> {
    omega_ta_kernels::check_kalman_params(r, q).map_err(|e| kernel_error("kalman_mean", &e))?;
    let (close, out) = borrow_pair("kalman_mean", &close, &mut out)?;
    omega_ta_kernels::kalman_mean(close, r, q, out).map_err(|e| kernel_error("kalman_mean", &e))
}

/// Z-score of `close` against its Kalman mean into `out` (same length, distinct buffer): the
/// original `IndicatorCache.kalman_zscore` (`resid / resid.rolling(window).std()`),
/// bit-identical to `@omega-ta/kernels-ts`.
///
/// # Errors
///
/// A JS `Error` (`code: "InvalidArg"`) when `window` is not an integer in `[2, 2^31 - 1]`, when
/// `r` is not in `(0, 1e300]` or `q` not in `[0, 1e300]`, when `out` and `close` differ in length
/// or share memory, or when either is not a `Float64Array`.
#[napi(catch_unwind, js_name = "kalman_zscore")]
pub fn kalman_zscore(
    close: Float64ArraySlice,
    window: f64,
    r: f64,
    q: f64,
    mut out: Float64ArraySlice,
) -> Result<()> {
    let window = window_from_js("kalman_zscore", window)?;
    omega_ta_kernels::check_kalman_params(r, q).map_err(|e| kernel_error("kalman_zscore", &e))?;
    let (close, out) = borrow_pair("kalman_zscore", &close, &mut out)?;
    omega_ta_kernels::kalman_zscore(close, window, r, q, out)
        .map_err(|e| kernel_error("kalman_zscore", &e))
}

/// Z-score of `close` against its rolling mean into `out` (same length, distinct buffer): the
/// original `IndicatorCache.zscore` with `mean_source="rolling"`, bit-identical to
/// `@omega-ta/kernels-ts`.
///
/// # Errors
///
/// A JS `Error` (`code: "InvalidArg"`) when `window` is not an integer in `[2, 2^31 - 1]`, when
/// `out` and `close` differ in length or share memory, or when either is not a `Float64Array`.
#[napi(catch_unwind)]
pub fn zscore(close: Float64ArraySlice, window: f64, mut out: Float64ArraySlice) -> Result<()> {
    let window = window_from_js("zscore", window)?;
    let (close, out) = borrow_pair("zscore", &close, &mut out)?;
    omega_ta_kernels::zscore(close, window, out).map_err(|e| kernel_error("zscore", &e))
}

/// Z-score of `close` against its span EMA into `out` (same length, distinct buffer): the
/// original `IndicatorCache.zscore` with `mean_source="ema"`, bit-identical to
/// `@omega-ta/kernels-ts`.
///
/// # Errors
///
/// A JS `Error` (`code: "InvalidArg"`) when `window` is not an integer in `[2, 2^31 - 1]` or
/// `ema_period` not one in `[1, 2^31 - 1]`, when `out` and `close` differ in length or share
/// memory, or when either is not a `Float64Array`.
#[napi(catch_unwind, js_name = "zscore_ema")]
pub fn zscore_ema(
    close: Float64ArraySlice,
    window: f64,
    ema_period: f64,
    mut out: Float64ArraySlice,
) -> Result<()> {
    let window = window_from_js("zscore_ema", window)?;
    let ema_period = int_param_from_js("zscore_ema", "ema_period", ema_period)?;
    let (close, out) = borrow_pair("zscore_ema", &close, &mut out)?;
    omega_ta_kernels::zscore_ema(close, window, ema_period, out)
        .map_err(|e| kernel_error("zscore_ema", &e))
}

/// The GARCH parameters of `indicator` from JS numbers: `use_log_returns` must be 0 or 1 and
/// `min_periods` an integer in `[0, 2^31 - 1]` (NaN, ±Infinity and fractions rejected, not cast);
/// the other ranges are checked by the kernel.
#[allow(
    clippy::float_cmp,
    reason = "use_log_returns must be exactly 0 or 1 and min_periods exactly 0 (else an integer >= 1)"
)]
fn garch_params_from_js(
    indicator: &str,
    [alpha, beta, omega, use_log_returns, scale, min_periods, sigma_floor]: [f64; 7],
) -> Result<omega_ta_kernels::GarchParams> {
    let use_log_returns = if use_log_returns == 1.0 {
        true
    } else if use_log_returns == 0.0 {
        false
    } else {
        return Err(invalid_arg(format!(
            "{indicator}: use_log_returns must be an integer in [0, 1] (got {use_log_returns})"
        )));
    };
    let min_periods = if min_periods == 0.0 {
        0
    } else {
        int_param_from_js(indicator, "min_periods", min_periods)?
    };
    let params = omega_ta_kernels::GarchParams {
        alpha,
        beta,
        omega,
        use_log_returns,
        scale,
        min_periods,
        sigma_floor,
    };
    omega_ta_kernels::check_garch_params(&params).map_err(|e| kernel_error(indicator, &e))?;
    Ok(params)
}

/// GARCH(1,1) volatility of the returns of `close` into `out` (same length, distinct buffer): the
/// original `IndicatorCache.garch_volatility`, bit-identical to `@omega-ta/kernels-ts`. `omega`
/// < 0 stands for the original's `None`; `use_log_returns` is 1 (log returns) or 0
/// (`pct_change`).
///
/// # Errors
///
/// A JS `Error` (`code: "InvalidArg"`) when a parameter is outside the contract's range (`alpha`,
/// `beta` in `[0, 1]`, `omega` in `[-1, 1e100]`, `use_log_returns` 0 or 1, `scale` in
/// `[1e-100, 1e100]`, `min_periods` an integer in `[0, 2^31 - 1]`, `sigma_floor` in `[0, 1e100]`), when `out` and
/// `close` differ in length or share memory, or when either is not a `Float64Array`.
#[allow(
    clippy::too_many_arguments,
    reason = "the contract passes each registry parameter as its own number"
)]
#[napi(catch_unwind, js_name = "garch_volatility")]
pub fn garch_volatility(
    close: Float64ArraySlice,
    alpha: f64,
    beta: f64,
    omega: f64,
    use_log_returns: f64,
    scale: f64,
    min_periods: f64,
    sigma_floor: f64,
    mut out: Float64ArraySlice,
) -> Result<()> {
    let params = garch_params_from_js(
        "garch_volatility",
        [
            alpha,
            beta,
            omega,
            use_log_returns,
            scale,
            min_periods,
            sigma_floor,
        ],
    )?;
    let (close, out) = borrow_pair("garch_volatility", &close, &mut out)?;
    omega_ta_kernels::garch_volatility(close, &params, out)
        .map_err(|e| kernel_error("garch_volatility", &e))
}

/// Z-score of `close` against its Kalman mean over the price-scaled GARCH sigma into `out` (same
/// length, distinct buffer): the original `IndicatorCache.kalman_garch_zscore`, bit-identical to
/// `@omega-ta/kernels-ts`.
///
/// # Errors
///
/// A JS `Error` (`code: "InvalidArg"`) when `r` is not in `(0, 1e300]`, `q` not in `[0, 1e300]`
/// or a GARCH parameter outside its range (see [`garch_volatility`]), when `out` and `close`
/// differ in length or share memory, or when either is not a `Float64Array`.
#[allow(
    clippy::too_many_arguments,
    reason = "the contract passes each registry parameter as its own number"
)]
#[napi(catch_unwind, js_name = "kalman_garch_zscore")]
pub fn kalman_garch_zscore(
    close: Float64ArraySlice,
    r: f64,
    q: f64,
    alpha: f64,
    beta: f64,
    omega: f64,
    use_log_returns: f64,
    scale: f64,
    min_periods: f64,
    sigma_floor: f64,
    mut out: Float64ArraySlice,
) -> Result<()> {
    omega_ta_kernels::check_kalman_params(r, q)
        .map_err(|e| kernel_error("kalman_garch_zscore", &e))?;
    let params = garch_params_from_js(
        "kalman_garch_zscore",
        [
            alpha,
            beta,
            omega,
            use_log_returns,
            scale,
            min_periods,
            sigma_floor,
        ],
    )?;
    let (close, out) = borrow_pair("kalman_garch_zscore", &close, &mut out)?;
    omega_ta_kernels::kalman_garch_zscore(close, r, q, &params, out)
        .map_err(|e| kernel_error("kalman_garch_zscore", &e))
}

//! Asynchronous exports: `<indicator>_async` takes the same arguments as the synchronous export
//! and returns a `Promise<void>` that settles once the kernel has run on the libuv thread pool.
//!
//! Everything that can be checked is checked synchronously, on the JS thread, before the work is
//! queued (parameters, lengths, overlapping buffers, with the same messages as the synchronous
//! exports); those errors are thrown by the call itself. What happens on the pool thread (the
//! kernel's own [`KernelError`] or a panic, caught here) rejects the promise with a JS `Error`
//! instead of aborting Node.
//!
//! # Buffer ownership and soundness
//!
//! The series are taken as napi-rs [`Float64Array`]s: converting the JS value creates a strong
//! napi reference (reference count 1) to the typed array, which keeps it, and so its
//! `ArrayBuffer`, alive until the task is dropped. The task is dropped in the work's completion
//! callback, on the JS thread, after the promise is settled, so the references are also deleted
//! there. The data pointer does not move while the work runs: `napi_get_typedarray_info`
//! (called by the conversion) materialises a V8 typed array's on-heap storage into an off-heap
//! backing store, and V8's garbage collector never moves `ArrayBuffer` backing stores.
//!
//! What napi cannot enforce is the caller's side of the contract: from the call until the promise
//! settles, JS must not read or write the buffers, nor detach, transfer or resize their
//! `ArrayBuffer`s (nor write them from another worker through a `SharedArrayBuffer`). The
//! pool thread holds a `&[f64]` per input and a `&mut [f64]` per output for that whole time, so
//! any such access is a data race. This is stated in `docs/kernel-contract.md` and on the
//! TypeScript `kernelAsync`.

use std::panic::{catch_unwind, AssertUnwindSafe};

use napi::bindgen_prelude::{AsyncTask, Float64Array, Result};
use napi::{Env, Error, Status, Task};
use napi_derive::napi;
use omega_ta_kernels::{DmiOut, KernelError};

use omega_ta_kernels::check_kalman_params;

use super::{
    check_series, garch_params_from_js, int_param_from_js, kernel_error, period_from_js,
    window_from_js,
};

/// What a kernel returns.
type KernelResult = std::result::Result<(), KernelError>;

/// The kernel of one call with its parameters bound: it reads the `I` inputs and writes the `O`
/// outputs.
type Compute<const I: usize, const O: usize> =
    Box<dyn FnOnce([&[f64]; I], [&mut [f64]; O]) -> KernelResult + Send>;

/// One kernel call queued on the libuv thread pool: the referenced JS buffers and the kernel to
/// run over them. See the module documentation for why the buffers stay valid.
pub struct KernelTask<const I: usize, const O: usize> {
    indicator: &'static str,
    inputs: [Float64Array; I],
    outputs: [Float64Array; O],
    compute: Option<Compute<I, O>>,
}

impl<const I: usize, const O: usize> KernelTask<I, O> {
    /// Checks the buffers as the synchronous exports do (equal lengths; no output sharing memory
    /// with an input or another output), then wraps the call in a task.
    fn new(
        indicator: &'static str,
        inputs: [(&str, Float64Array); I],
        outputs: [(&str, Float64Array); O],
        compute: Compute<I, O>,
    ) -> Result<AsyncTask<Self>> {
        check_series(
            indicator,
            &inputs.each_ref().map(|(name, s)| (*name, s.as_ref())),
            &outputs.each_ref().map(|(name, s)| (*name, s.as_ref())),
        )?;
        Ok(AsyncTask::new(Self {
            indicator,
            inputs: inputs.map(|(_, s)| s),
            outputs: outputs.map(|(_, s)| s),
            compute: Some(compute),
        }))
    }
}

/// The JS error for a panic of a task's computation, with the panic message when it has one.
fn panic_error(indicator: &str, payload: &(dyn std::any::Any + Send)) -> Error {
    let message = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("unknown panic");
    Error::new(
        Status::GenericFailure,
        format!("{indicator}: the native kernel panicked: {message}"),
    )
}

impl<const I: usize, const O: usize> Task for KernelTask<I, O> {
    type Output = ();
    type JsValue = ();

    /// Runs on a libuv pool thread. A panic must not unwind out of napi's `extern "C"` work
    /// callback (that aborts the process), so it is caught here and becomes the rejection.
    fn compute(&mut self) -> Result<()> {
        let indicator = self.indicator;
        let compute = self
            .compute
            .take()
            .ok_or_else(|| Error::new(Status::GenericFailure, format!("{indicator}: ran twice")))?;
        let inputs = self.inputs.each_ref().map(AsRef::as_ref);
        // SAFETY: `KernelTask::new` checked that no output shares memory with an input or another
        // output, so each `&mut [f64]` is the only Rust reference to its memory; the napi
        // references held by `self` keep the buffers alive and in place until the task is
        // dropped on the JS thread, after this returns (module documentation); JS must not touch
        // them until the promise settles (the documented contract of the async exports).
        let outputs = self.outputs.each_mut().map(|s| unsafe { s.as_mut() });
        match catch_unwind(AssertUnwindSafe(|| compute(inputs, outputs))) {
            Ok(result) => result.map_err(|e| kernel_error(indicator, &e)),
            Err(payload) => Err(panic_error(indicator, payload.as_ref())),
        }
    }

    fn resolve(&mut self, _env: Env, (): ()) -> Result<()> {
        Ok(())
    }
}

/// A task over one input, `close`, and one output, `out` (most indicators).
fn close_task(
    indicator: &'static str,
    close: Float64Array,
    out: Float64Array,
    kernel: impl FnOnce(&[f64], &mut [f64]) -> KernelResult + Send + 'static,
) -> Result<AsyncTask<KernelTask<1, 1>>> {
    KernelTask::new(
        indicator,
        [("close", close)],
        [("out", out)],
        Box::new(move |[close], [out]| kernel(close, out)),
    )
}

/// A [`close_task`] of a kernel whose one parameter is a period (ema, sma, rsi, roc).
fn period_task(
    indicator: &'static str,
    close: Float64Array,
    period: f64,
    out: Float64Array,
    kernel: fn(&[f64], usize, &mut [f64]) -> KernelResult,
) -> Result<AsyncTask<KernelTask<1, 1>>> {
    let period = period_from_js(indicator, period)?;
    close_task(indicator, close, out, move |close, out| {
        kernel(close, period, out)
    })
}

/// A task over `high`, `low`, `close` and one output, `out`.
fn hlc_task(
    indicator: &'static str,
    [high, low, close]: [Float64Array; 3],
    out: Float64Array,
    kernel: impl FnOnce(&[f64], &[f64], &[f64], &mut [f64]) -> KernelResult + Send + 'static,
) -> Result<AsyncTask<KernelTask<3, 1>>> {
    KernelTask::new(
        indicator,
        [("high", high), ("low", low), ("close", close)],
        [("out", out)],
        Box::new(move |[high, low, close], [out]| kernel(high, low, close, out)),
    )
}

/// [`crate::ema`] on the thread pool; see the module documentation.
///
/// # Errors
///
/// Throws what [`crate::ema`] throws for bad arguments (before anything is queued).
#[napi(catch_unwind, js_name = "ema_async", ts_return_type = "Promise<void>")]
pub fn ema_async(
    close: Float64Array,
    period: f64,
    out: Float64Array,
) -> Result<AsyncTask<KernelTask<1, 1>>> {
    period_task("ema", close, period, out, omega_ta_kernels::ema)
}

/// [`crate::sma`] on the thread pool; see the module documentation.
///
/// # Errors
///
/// Throws what [`crate::sma`] throws for bad arguments (before anything is queued).
#[napi(catch_unwind, js_name = "sma_async", ts_return_type = "Promise<void>")]
pub fn sma_async(
    close: Float64Array,
    period: f64,
    out: Float64Array,
) -> Result<AsyncTask<KernelTask<1, 1>>> {
    period_task("sma", close, period, out, omega_ta_kernels::sma)
}

/// [`crate::bollinger`] on the thread pool; see the module documentation.
///
/// # Errors
///
/// Throws what [`crate::bollinger`] throws for bad arguments (before anything is queued).
#[napi(
    catch_unwind,
    js_name = "bollinger_async",
    ts_return_type = "Promise<void>"
)]
pub fn bollinger_async(
    close: Float64Array,
    period: f64,
    std_factor: f64,
    upper: Float64Array,
    mid: Float64Array,
    lower: Float64Array,
) -> Result<AsyncTask<KernelTask<1, 3>>> {
    let period = period_from_js("bollinger", period)?;
    KernelTask::new(
        "bollinger",
        [("close", close)],
        [("out upper", upper), ("out mid", mid), ("out lower", lower)],
        Box::new(move |[close], [upper, mid, lower]| {
            omega_ta_kernels::bollinger(close, period, std_factor, upper, mid, lower)
        }),
    )
}

/// [`crate::rsi`] on the thread pool; see the module documentation.
///
/// # Errors
///
/// Throws what [`crate::rsi`] throws for bad arguments (before anything is queued).
#[napi(catch_unwind, js_name = "rsi_async", ts_return_type = "Promise<void>")]
pub fn rsi_async(
    close: Float64Array,
    period: f64,
    out: Float64Array,
) -> Result<AsyncTask<KernelTask<1, 1>>> {
    period_task("rsi", close, period, out, omega_ta_kernels::rsi)
}

/// [`crate::roc`] on the thread pool; see the module documentation.
///
/// # Errors
///
/// Throws what [`crate::roc`] throws for bad arguments (before anything is queued).
#[napi(catch_unwind, js_name = "roc_async", ts_return_type = "Promise<void>")]
pub fn roc_async(
    close: Float64Array,
    period: f64,
    out: Float64Array,
) -> Result<AsyncTask<KernelTask<1, 1>>> {
    period_task("roc", close, period, out, omega_ta_kernels::roc)
}

/// [`crate::macd`] on the thread pool; see the module documentation.
///
/// # Errors
///
/// Throws what [`crate::macd`] throws for bad arguments (before anything is queued).
#[napi(catch_unwind, js_name = "macd_async", ts_return_type = "Promise<void>")]
pub fn macd_async(
    close: Float64Array,
    fast_period: f64,
    slow_period: f64,
    signal_period: f64,
    macd_out: Float64Array,
    signal_out: Float64Array,
    histogram_out: Float64Array,
) -> Result<AsyncTask<KernelTask<1, 3>>> {
    let fast = int_param_from_js("macd", "fast_period", fast_period)?;
    let slow = int_param_from_js("macd", "slow_period", slow_period)?;
    let signal = int_param_from_js("macd", "signal_period", signal_period)?;
    KernelTask::new(
        "macd",
        [("close", close)],
        [
            ("out macd", macd_out),
            ("out signal", signal_out),
            ("out histogram", histogram_out),
        ],
        Box::new(move |[close], [m, s, h]| {
            omega_ta_kernels::macd(close, fast, slow, signal, m, s, h)
        }),
    )
}

/// [`crate::atr`] on the thread pool; see the module documentation.
///
/// # Errors
///
/// Throws what [`crate::atr`] throws for bad arguments (before anything is queued).
#[napi(catch_unwind, js_name = "atr_async", ts_return_type = "Promise<void>")]
pub fn atr_async(
    high: Float64Array,
    low: Float64Array,
    close: Float64Array,
    period: f64,
    out: Float64Array,
) -> Result<AsyncTask<KernelTask<3, 1>>> {
    let period = period_from_js("atr", period)?;
    hlc_task(
        "atr",
        [high, low, close],
        out,
        move |high, low, close, out| omega_ta_kernels::atr(high, low, close, period, out),
    )
}

/// [`crate::dmi`] on the thread pool; see the module documentation.
///
/// # Errors
///
/// Throws what [`crate::dmi`] throws for bad arguments (before anything is queued).
#[napi(catch_unwind, js_name = "dmi_async", ts_return_type = "Promise<void>")]
pub fn dmi_async(
    high: Float64Array,
    low: Float64Array,
    close: Float64Array,
    period: f64,
    plus_di: Float64Array,
    minus_di: Float64Array,
    adx: Float64Array,
) -> Result<AsyncTask<KernelTask<3, 3>>> {
    let period = period_from_js("dmi", period)?;
    KernelTask::new(
        "dmi",
        [("high", high), ("low", low), ("close", close)],
        [("plus_di", plus_di), ("minus_di", minus_di), ("adx", adx)],
        Box::new(move |[high, low, close], [plus_di, minus_di, adx]| {
            let mut out = DmiOut {
                plus_di,
                minus_di,
                adx,
            };
            omega_ta_kernels::dmi(high, low, close, period, &mut out)
        }),
    )
}

/// [`crate::choppiness`] on the thread pool; see the module documentation.
///
/// # Errors
///
/// Throws what [`crate::choppiness`] throws for bad arguments (before anything is queued).
#[napi(
    catch_unwind,
    js_name = "choppiness_async",
    ts_return_type = "Promise<void>"
)]
pub fn choppiness_async(
    high: Float64Array,
    low: Float64Array,
    close: Float64Array,
    period: f64,
    out: Float64Array,
) -> Result<AsyncTask<KernelTask<3, 1>>> {
    let period = period_from_js("choppiness", period)?;
    hlc_task(
        "choppiness",
        [high, low, close],
        out,
        move |high, low, close, out| omega_ta_kernels::choppiness(high, low, close, period, out),
    )
}

/// [`crate::kalman_mean`] on the thread pool; see the module documentation.
///
/// # Errors
///
/// Throws what [`crate::kalman_mean`] throws for bad arguments (before anything is queued).
#[napi(
    catch_unwind,
    js_name = "kalman_mean_async",
    ts_return_type = "Promise<void>"
)]
pub fn kalman_mean_async(
    close: Float64Array,
    r: f64,
    q: f64,
    out: Float64Array,
) -> Result<AsyncTask<KernelTask<1, 1>>> {
    check_kalman_params(r, q).map_err(|e| kernel_error("kalman_mean", &e))?;
    close_task("kalman_mean", close, out, move |close, out| {
        omega_ta_kernels::kalman_mean(close, r, q, out)
    })
}

/// [`crate::kalman_zscore`] on the thread pool; see the module documentation.
///
/// # Errors
///
/// Throws what [`crate::kalman_zscore`] throws for bad arguments (before anything is queued).
#[napi(
    catch_unwind,
    js_name = "kalman_zscore_async",
    ts_return_type = "Promise<void>"
)]
pub fn kalman_zscore_async(
    close: Float64Array,
    window: f64,
    r: f64,
    q: f64,
    out: Float64Array,
) -> Result<AsyncTask<KernelTask<1, 1>>> {
    let window = window_from_js("kalman_zscore", window)?;
    check_kalman_params(r, q).map_err(|e| kernel_error("kalman_zscore", &e))?;
    close_task("kalman_zscore", close, out, move |close, out| {
        omega_ta_kernels::kalman_zscore(close, window, r, q, out)
    })
}

/// [`crate::zscore`] on the thread pool; see the module documentation.
///
/// # Errors
///
/// Throws what [`crate::zscore`] throws for bad arguments (before anything is queued).
#[napi(
    catch_unwind,
    js_name = "zscore_async",
    ts_return_type = "Promise<void>"
)]
pub fn zscore_async(
    close: Float64Array,
    window: f64,
    out: Float64Array,
) -> Result<AsyncTask<KernelTask<1, 1>>> {
    let window = window_from_js("zscore", window)?;
    close_task("zscore", close, out, move |close, out| {
        omega_ta_kernels::zscore(close, window, out)
    })
}

/// [`crate::zscore_ema`] on the thread pool; see the module documentation.
///
/// # Errors
///
/// Throws what [`crate::zscore_ema`] throws for bad arguments (before anything is queued).
#[napi(
    catch_unwind,
    js_name = "zscore_ema_async",
    ts_return_type = "Promise<void>"
)]
pub fn zscore_ema_async(
    close: Float64Array,
    window: f64,
    ema_period: f64,
    out: Float64Array,
) -> Result<AsyncTask<KernelTask<1, 1>>> {
    let window = window_from_js("zscore_ema", window)?;
    let ema_period = int_param_from_js("zscore_ema", "ema_period", ema_period)?;
    close_task("zscore_ema", close, out, move |close, out| {
        omega_ta_kernels::zscore_ema(close, window, ema_period, out)
    })
}

/// [`crate::garch_volatility`] on the thread pool; see the module documentation.
///
/// # Errors
///
/// Throws what [`crate::garch_volatility`] throws for bad arguments (before anything is queued).
#[allow(
    clippy::too_many_arguments,
    reason = "the contract passes each registry parameter as its own number"
)]
#[napi(
    catch_unwind,
    js_name = "garch_volatility_async",
    ts_return_type = "Promise<void>"
)]
pub fn garch_volatility_async(
    close: Float64Array,
    alpha: f64,
    beta: f64,
    omega: f64,
    use_log_returns: f64,
    scale: f64,
    min_periods: f64,
    sigma_floor: f64,
    out: Float64Array,
) -> Result<AsyncTask<KernelTask<1, 1>>> {
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
    close_task("garch_volatility", close, out, move |close, out| {
        omega_ta_kernels::garch_volatility(close, &params, out)
    })
}

/// [`crate::kalman_garch_zscore`] on the thread pool; see the module documentation.
///
/// # Errors
///
/// Throws what [`crate::kalman_garch_zscore`] throws for bad arguments (before anything is
/// queued).
#[allow(
    clippy::too_many_arguments,
    reason = "the contract passes each registry parameter as its own number"
)]
#[napi(
    catch_unwind,
    js_name = "kalman_garch_zscore_async",
    ts_return_type = "Promise<void>"
)]
pub fn kalman_garch_zscore_async(
    close: Float64Array,
    r: f64,
    q: f64,
    alpha: f64,
    beta: f64,
    omega: f64,
    use_log_returns: f64,
    scale: f64,
    min_periods: f64,
    sigma_floor: f64,
    out: Float64Array,
) -> Result<AsyncTask<KernelTask<1, 1>>> {
    check_kalman_params(r, q).map_err(|e| kernel_error("kalman_garch_zscore", &e))?;
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
    close_task("kalman_garch_zscore", close, out, move |close, out| {
        omega_ta_kernels::kalman_garch_zscore(close, r, q, &params, out)
    })
}

/// Test hook, not part of the contract: a task whose computation panics on the pool thread with
/// `message`, so the tests can check that a panic rejects the promise instead of aborting Node.
///
/// # Errors
///
/// Never throws; the promise always rejects.
///
/// # Panics
///
/// Only inside the queued computation, by design, where [`KernelTask`] catches it.
#[napi(
    catch_unwind,
    js_name = "__panic_async",
    ts_return_type = "Promise<void>"
)]
pub fn panic_async(message: String) -> Result<AsyncTask<KernelTask<0, 0>>> {
    KernelTask::new(
        "__panic_async",
        [],
        [],
        Box::new(move |[], []| panic!("{message}")),
    )
}

//! The streaming form of every kernel as one Node-API class, `NativeStream`: created from the
//! indicator's registry name and its parameters (in registry order, already resolved), fed column
//! by column (`updateMany`, zero-copy like the batch exports; the TS wrapper collects single bars
//! into blocks, since each Node-API call costs far more than a row) or bar by bar (`update`,
//! `replace`, which return output 0 so that reading it costs no second call).
//! Bad names, parameters, buffer lengths and overlapping buffers are JS errors
//! (`code: "InvalidArg"`), and every method is `catch_unwind`.

use napi::bindgen_prelude::{Float64ArraySlice, Result};
use napi_derive::napi;
use omega_ta_kernels::stream::{self, Stream};
use omega_ta_kernels::KernelError;

use crate::{
    check_series, garch_params_from_js, int_param_from_js, invalid_arg, kernel_error,
    period_from_js, window_from_js,
};

/// The stream of indicator `name` with `params` (the registry's parameters in order).
fn create(name: &str, params: &[f64]) -> Result<Box<dyn Stream>> {
    let expected = match name {
        "ema" | "sma" | "rsi" | "roc" | "atr" | "dmi" | "choppiness" | "zscore" => 1,
        "bollinger" | "kalman_mean" | "zscore_ema" => 2,
        "macd" | "kalman_zscore" => 3,
        "garch_volatility" => 7,
        "kalman_garch_zscore" => 9,
        _ => return Err(invalid_arg(format!("no stream for indicator '{name}'"))),
    };
    if params.len() != expected {
        return Err(invalid_arg(format!(
            "{name}: expected {expected} parameter(s), got {}",
            params.len()
        )));
    }
    let garch = |from: usize| -> Result<omega_ta_kernels::GarchParams> {
        let mut values = [0.0; 7];
        values.copy_from_slice(&params[from..from + 7]);
        garch_params_from_js(name, values)
    };
    let made = match name {
        "ema" => stream::ema(period_from_js(name, params[0])?),
        "sma" => stream::sma(period_from_js(name, params[0])?),
        "rsi" => stream::rsi(period_from_js(name, params[0])?),
        "roc" => stream::roc(period_from_js(name, params[0])?),
        "atr" => stream::atr(period_from_js(name, params[0])?),
        "dmi" => stream::dmi(period_from_js(name, params[0])?),
        "choppiness" => stream::choppiness(period_from_js(name, params[0])?),
        "zscore" => stream::zscore(window_from_js(name, params[0])?),
        "bollinger" => stream::bollinger(period_from_js(name, params[0])?, params[1]),
        "kalman_mean" => stream::kalman_mean(params[0], params[1]),
        "zscore_ema" => stream::zscore_ema(
            window_from_js(name, params[0])?,
            int_param_from_js(name, "ema_period", params[1])?,
        ),
        "macd" => stream::macd(
            int_param_from_js(name, "fast_period", params[0])?,
            int_param_from_js(name, "slow_period", params[1])?,
            int_param_from_js(name, "signal_period", params[2])?,
        ),
        "kalman_zscore" => {
            stream::kalman_zscore(window_from_js(name, params[0])?, params[1], params[2])
        }
        "garch_volatility" => stream::garch_volatility(&garch(0)?),
        _ => stream::kalman_garch_zscore(params[0], params[1], &garch(2)?),
    };
    made.map_err(|e: KernelError| kernel_error(name, &e))
}

/// An indicator fed one bar at a time whose outputs after every call equal the batch kernel's at
/// that row, bit for bit (see `omega_ta_kernels::stream`).
#[napi]
pub struct NativeStream {
    name: String,
    inner: Box<dyn Stream>,
}

#[napi]
impl NativeStream {
    /// The stream of registry indicator `name` with `params`, the registry's parameters in
    /// order (defaults already applied).
    ///
    /// # Errors
    ///
    /// A JS `Error` (`code: "InvalidArg"`) for an unknown name, a wrong number of parameters or a
    /// parameter the batch kernel rejects (same message).
    #[napi(constructor, catch_unwind)]
    #[allow(
        clippy::needless_pass_by_value,
        reason = "napi converts the JS array into an owned Vec"
    )]
    pub fn new(name: String, params: Vec<f64>) -> Result<Self> {
        let inner = create(&name, &params)?;
        Ok(Self { name, inner })
    }

    /// Bars consumed so far (`replace` does not change it).
    #[napi(getter)]
    #[allow(
        clippy::cast_precision_loss,
        reason = "a bar count stays far below 2^53"
    )]
    pub fn length(&self) -> f64 {
        self.inner.len() as f64
    }

    /// Appends one closed bar (the inputs in registry order, `close` or `high, low, close`;
    /// unused trailing inputs are ignored) and returns output 0 at it: one call with three
    /// numbers, cheaper than `updateMany` for a single bar.
    #[napi(catch_unwind)]
    pub fn update(&mut self, x0: f64, x1: f64, x2: f64) -> f64 {
        self.inner.update([x0, x1, x2]);
        self.inner.value(0)
    }

    /// Replaces the most recent bar (the still-forming live bar; with no bar yet, appends it) and
    /// returns output 0 at it.
    #[napi(catch_unwind)]
    pub fn replace(&mut self, x0: f64, x1: f64, x2: f64) -> f64 {
        self.inner.replace([x0, x1, x2]);
        self.inner.value(0)
    }

    /// Output `k` (registry order) at the most recent bar; NaN before the first bar and for an
    /// output the indicator does not have.
    #[napi]
    pub fn value(&self, k: u32) -> f64 {
        usize::try_from(k).map_or(f64::NAN, |k| self.inner.value(k))
    }

    /// Feeds the first `rows` rows of whole columns: `x0` (and `x1`, `x2` for high/low/close
    /// indicators) bar by bar, writing each bar's outputs into `out0` (and `out1`, `out2` for
    /// three-output indicators). The TS wrapper also uses it to flush the bars it collects from
    /// `update` (one call per block of bars instead of one per bar).
    ///
    /// # Errors
    ///
    /// A JS `Error` (`code: "InvalidArg"`) when the number of inputs or outputs is not the
    /// indicator's, when the buffers differ in length or are shorter than `rows`, or when an
    /// output shares memory with an input or another output. Nothing is consumed then.
    #[napi(catch_unwind)]
    #[allow(
        clippy::too_many_arguments,
        reason = "each column is its own zero-copy Float64Array argument"
    )]
    pub fn update_many(
        &mut self,
        rows: u32,
        x0: Float64ArraySlice,
        x1: Option<Float64ArraySlice>,
        x2: Option<Float64ArraySlice>,
        mut out0: Float64ArraySlice,
        mut out1: Option<Float64ArraySlice>,
        mut out2: Option<Float64ArraySlice>,
    ) -> Result<()> {
        const INPUT_NAMES: [&str; 3] = ["x0", "x1", "x2"];
        const OUTPUT_NAMES: [&str; 3] = ["out0", "out1", "out2"];
        let name = self.name.as_str();
        let inputs: Vec<&[f64]> = [Some(&x0), x1.as_ref(), x2.as_ref()]
            .into_iter()
            .flatten()
            .map(AsRef::<[f64]>::as_ref)
            .collect();
        let outputs_given = 1 + usize::from(out1.is_some()) + usize::from(out2.is_some());
        if inputs.len() != self.inner.inputs() || outputs_given != self.inner.outputs() {
            return Err(invalid_arg(format!(
                "{name}: expected {} input(s) and {} output(s), got {} and {outputs_given}",
                self.inner.inputs(),
                self.inner.outputs(),
                inputs.len()
            )));
        }
        let named_inputs: Vec<(&str, &[f64])> = INPUT_NAMES.into_iter().zip(inputs).collect();
        let named_outputs: Vec<(&str, &[f64])> = [Some(&out0), out1.as_ref(), out2.as_ref()]
            .into_iter()
            .flatten()
            .zip(OUTPUT_NAMES)
            .map(|(y, n)| (n, y.as_ref()))
            .collect();
        check_series(name, &named_inputs, &named_outputs)?;
        let rows = usize::try_from(rows).unwrap_or(usize::MAX);
        if rows > x0.len() {
            return Err(invalid_arg(format!(
                "{name}: rows {rows} exceeds the column length {}",
                x0.len()
            )));
        }
        let inputs: Vec<&[f64]> = named_inputs.into_iter().map(|(_, x)| &x[..rows]).collect();
        let mut outputs: Vec<&mut [f64]> = Vec::with_capacity(3);
        // SOUNDNESS: `check_series` just verified that every output has the length of the inputs and
        // that none shares memory with an input or another output; they are live, writable,
        // 8-byte aligned JS Float64Arrays that nothing else reads or writes during this
        // synchronous call (see `borrow_pair` in lib.rs). So each `&mut [f64]` is the only
        // reference to its memory for as long as it lives (this function's body).
        unsafe {
            outputs.push(&mut out0.as_mut()[..rows]);
            if let Some(out1) = out1.as_mut() {
                outputs.push(&mut out1.as_mut()[..rows]);
            }
            if let Some(out2) = out2.as_mut() {
                outputs.push(&mut out2.as_mut()[..rows]);
            }
        }
        self.inner
            .update_many(&inputs, &mut outputs)
            .map_err(|e| kernel_error(name, &e))
    }
}

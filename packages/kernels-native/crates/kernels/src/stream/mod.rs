//! Streaming (incremental) forms of every kernel: fed one bar at a time, a stream's outputs at
//! each row are **bit for bit the batch kernel's outputs at that row**, however the series is
//! chunked, because each stream performs the batch kernel's floating-point operations in the same
//! order, row by row.
//!
//! - [`Stream::update`] appends a closed bar; [`Stream::replace`] recomputes the most recent bar
//!   with new values (the still-forming live bar): the state before that bar is restored from a
//!   snapshot and the bar is stepped again, so `replace` costs one `update`;
//! - windowed kernels keep the last `window + 1` inputs in a ring that grows with the rows seen (so
//!   a huge `period` costs memory only as rows arrive) and never allocates once full;
//! - constructors validate parameters exactly like the batch kernels (same [`KernelError`]s).
//!
//! Every stream is a `Step` (one row of the batch loop, plus a snapshot of its state) driven by
//! the same generic driver.

mod atr;
mod bollinger;
mod choppiness;
mod close_step;
mod dmi;
mod driver;
mod ema;
mod equal_run;
mod ewm;
mod garch;
mod garch_volatility;
mod kalman;
mod kalman_garch_zscore;
mod kalman_mean;
mod kalman_zscore;
mod macd;
mod monotonic_deque;
mod residual_zscore;
mod ring;
mod roc;
mod rolling_mean;
mod rolling_sum;
mod rolling_var;
mod rsi;
mod sma;
#[cfg(test)]
mod test_support;
mod true_range;
mod zscore;

pub use atr::atr;
pub use bollinger::bollinger;
pub use choppiness::choppiness;
pub use dmi::dmi;
pub use ema::ema;
pub use garch_volatility::garch_volatility;
pub use kalman_garch_zscore::kalman_garch_zscore;
pub use kalman_mean::kalman_mean;
pub use kalman_zscore::kalman_zscore;
pub use macd::macd;
pub use roc::roc;
pub use rsi::rsi;
pub use sma::sma;
pub use zscore::{zscore, zscore_ema};

use crate::KernelError;

/// One bar: the indicator's inputs in registry order (`close`, or `high, low, close`); unused
/// trailing inputs are ignored.
pub type Bar = [f64; 3];

/// The outputs of one row, in registry order; unused trailing outputs are NaN.
pub type Row = [f64; 3];

/// An indicator fed one bar at a time (created by the functions of this module).
pub trait Stream: Send {
    /// Number of input series (1 or 3).
    fn inputs(&self) -> usize;
    /// Number of outputs (1 to 3).
    fn outputs(&self) -> usize;
    /// Bars consumed so far (`replace` does not change it).
    fn len(&self) -> usize;
    /// True before the first bar.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Appends one closed bar.
    fn update(&mut self, bar: Bar);
    /// Replaces the most recent bar (the still-forming live bar); with no bar yet, appends it.
    fn replace(&mut self, bar: Bar);
    /// Output `k` (registry order) at the most recent bar: NaN before the first bar and for
    /// `k >= outputs()`.
    fn value(&self, k: usize) -> f64;
    /// Feeds whole columns, one per input: the same as [`Stream::update`] per row, writing row
    /// `t`'s outputs into `outputs[k][t]`.
    ///
    /// # Errors
    ///
    /// [`KernelError::LengthMismatch`] unless there are [`Stream::inputs`] inputs and
    /// [`Stream::outputs`] outputs, all of the first input's length. Nothing is consumed then.
    fn update_many(
        &mut self,
        inputs: &[&[f64]],
        outputs: &mut [&mut [f64]],
    ) -> Result<(), KernelError>;
}

/// One row of a batch kernel's loop as a state machine. The driver calls [`Step::save`] before
/// each new row and [`Step::restore`] (always with the snapshot taken before the most recent row)
/// before stepping that row again.
pub(crate) trait Step: Send {
    /// Number of input series.
    const INPUTS: usize;
    /// Number of outputs.
    const OUTPUTS: usize;
    /// What is needed to undo the most recent row.
    type Saved: Copy + Send;
    /// A snapshot of the state before the next row.
    fn save(&self) -> Self::Saved;
    /// Undoes the most recent row, given the snapshot taken before it.
    fn restore(&mut self, saved: Self::Saved);
    /// Computes row `row` (0, 1, 2... or the most recent row again after a restore).
    fn step(&mut self, row: usize, bar: Bar) -> Row;
}

pub(crate) use driver::boxed;

/// A row with one output.
#[inline]
pub(crate) fn one(v: f64) -> Row {
    [v, f64::NAN, f64::NAN]
}

//! omega-ta indicator kernels in pure Rust.
//!
//! Every kernel is a bit-exact port of its `@omega-ta/kernels-ts` counterpart (which is itself a
//! bit-exact port of pandas 1.5.3): same floating-point operations, in the same order, with the
//! same treatment of missing values (every non-finite input is missing). Rust never contracts
//! `a * b + c` into a fused multiply-add nor reassociates floating-point arithmetic on its own, so
//! writing the operations out in the same order is enough for the two backends to agree to the
//! bit.
//!
//! The batch shape is the contract's: inputs as slices, parameters, then caller-allocated outputs
//! of the same length. Invalid arguments are reported as [`KernelError`], never as a panic.

mod atr;
mod bollinger;
mod choppiness;
mod dmi;
mod ema;
mod error;
mod ewm;
mod garch_volatility;
mod kalman_garch_zscore;
mod kalman_mean;
mod kalman_zscore;
mod log;
mod log10;
mod macd;
mod pairwise_sum;
mod residual_zscore;
mod roc;
mod rolling;
mod rolling_var;
mod rsi;
mod sma;
pub mod stream;
#[cfg(test)]
mod test_support;
mod true_range;
mod zscore;

pub use atr::atr;
pub use bollinger::bollinger;
pub use choppiness::{choppiness, CHOPPINESS_MIN_PERIOD};
pub use dmi::{dmi, DmiOut};
pub use ema::ema;
pub use error::KernelError;
pub use garch_volatility::{
    check_garch_params, garch_volatility, GarchParams, GARCH_MAGNITUDE_MAX,
};
pub use kalman_garch_zscore::kalman_garch_zscore;
pub use kalman_mean::{check_kalman_params, kalman_mean, KALMAN_VARIANCE_MAX};
pub use kalman_zscore::{check_zscore_window, kalman_zscore};
pub use macd::macd;
pub use roc::roc;
pub use rsi::rsi;
pub use sma::sma;
pub use zscore::{zscore, zscore_ema};

/// The largest period the contract accepts (`2^31 - 1`, the registry's bound in
/// `@omega-ta/kernel-interface`).
pub const PERIOD_MAX: usize = 0x7fff_ffff;

/// Checks a `period` parameter against the contract's range `1..=PERIOD_MAX`.
///
/// # Errors
///
/// [`KernelError::InvalidPeriod`] when `period` is 0 or above [`PERIOD_MAX`].
pub fn check_period(period: usize) -> Result<u32, KernelError> {
    match u32::try_from(period) {
        Ok(p) if p >= 1 && period <= PERIOD_MAX => Ok(p),
        _ => Err(KernelError::InvalidPeriod { period }),
    }
}

/// Checks an integer parameter `name` (other than `period`) against the contract's range
/// `1..=PERIOD_MAX`.
///
/// # Errors
///
/// [`KernelError::InvalidIntParam`] naming the parameter when `value` is 0 or above [`PERIOD_MAX`].
pub fn check_int_param(name: &'static str, value: usize) -> Result<u32, KernelError> {
    match u32::try_from(value) {
        Ok(v) if v >= 1 && value <= PERIOD_MAX => Ok(v),
        _ => Err(KernelError::InvalidIntParam { name, value }),
    }
}

/// Checks that an output has the length of the input it is computed from.
///
/// # Errors
///
/// [`KernelError::LengthMismatch`] when the lengths differ.
pub fn check_lengths(input: &[f64], output: &[f64]) -> Result<(), KernelError> {
    if input.len() == output.len() {
        Ok(())
    } else {
        Err(KernelError::LengthMismatch {
            input: input.len(),
            output: output.len(),
        })
    }
}

/// True for finite values: the kernels' (and pandas') notion of an observation.
///
/// Equivalent to the TS test `x - x === 0`, which is false exactly for NaN and ±Infinity.
#[inline]
pub(crate) fn observed(x: f64) -> bool {
    x.is_finite()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn period_range_is_the_contracts() {
        assert_eq!(check_period(1), Ok(1));
        assert_eq!(check_period(PERIOD_MAX), Ok(0x7fff_ffff));
        assert_eq!(
            check_period(0),
            Err(KernelError::InvalidPeriod { period: 0 })
        );
        assert_eq!(
            check_period(PERIOD_MAX + 1),
            Err(KernelError::InvalidPeriod {
                period: PERIOD_MAX + 1
            })
        );
        assert_eq!(
            check_period(usize::MAX),
            Err(KernelError::InvalidPeriod { period: usize::MAX })
        );
    }

    #[test]
    fn named_parameters_have_the_period_range() {
        assert_eq!(check_int_param("fast_period", 12), Ok(12));
        assert_eq!(
            check_int_param("fast_period", 0),
            Err(KernelError::InvalidIntParam {
                name: "fast_period",
                value: 0
            })
        );
        assert_eq!(
            KernelError::InvalidIntParam {
                name: "slow_period",
                value: PERIOD_MAX + 1
            }
            .to_string(),
            "slow_period must be an integer in [1, 2147483647] (got 2147483648)"
        );
    }

    #[test]
    fn lengths_must_match() {
        assert_eq!(check_lengths(&[1.0, 2.0], &[0.0, 0.0]), Ok(()));
        assert_eq!(
            check_lengths(&[1.0, 2.0], &[0.0]),
            Err(KernelError::LengthMismatch {
                input: 2,
                output: 1
            })
        );
    }

    #[test]
    fn errors_describe_themselves() {
        assert_eq!(
            KernelError::InvalidPeriod { period: 0 }.to_string(),
            "period must be an integer in [1, 2147483647] (got 0)"
        );
        assert_eq!(
            KernelError::LengthMismatch {
                input: 3,
                output: 2
            }
            .to_string(),
            "out has length 2, expected 3 (the length of the input)"
        );
    }
}

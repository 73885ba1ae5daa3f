use core::fmt;

/// Why a kernel refused its arguments. Kernels report these instead of panicking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KernelError {
    /// `period` is outside `1..=PERIOD_MAX`.
    InvalidPeriod {
        /// The rejected value.
        period: usize,
    },
    /// A parameter is outside the range the indicator accepts.
    InvalidParam {
        /// The parameter's name.
        name: &'static str,
        /// What it must be, e.g. `an integer in [2, 2147483647]`.
        expected: &'static str,
    },
    /// An integer parameter other than `period` (named `name`) is outside `1..=PERIOD_MAX`.
    InvalidIntParam {
        /// The parameter's name, as in the registry (e.g. `fast_period`).
        name: &'static str,
        /// The rejected value.
        value: usize,
    },
    /// `period` is outside `min..=PERIOD_MAX` for an indicator whose smallest period is above 1.
    PeriodBelowMinimum {
        /// The rejected value.
        period: usize,
        /// The smallest accepted period.
        min: usize,
    },
    /// The output does not have the length of the input.
    LengthMismatch {
        /// Length of the input series.
        input: usize,
        /// Length of the output buffer.
        output: usize,
    },
}

impl fmt::Display for KernelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::InvalidPeriod { period } => write!(
                f,
                "period must be an integer in [1, {}] (got {period})",
                crate::PERIOD_MAX
            ),
            Self::InvalidParam { name, expected } => write!(f, "{name} must be {expected}"),
            Self::InvalidIntParam { name, value } => write!(
                f,
                "{name} must be an integer in [1, {}] (got {value})",
                crate::PERIOD_MAX
            ),
            Self::PeriodBelowMinimum { period, min } => write!(
                f,
                "period must be an integer in [{min}, {}] (got {period})",
                crate::PERIOD_MAX
            ),
            Self::LengthMismatch { input, output } => write!(
                f,
                "out has length {output}, expected {input} (the length of the input)"
            ),
        }
    }
}

impl std::error::Error for KernelError {}

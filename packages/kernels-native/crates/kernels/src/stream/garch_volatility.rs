use super::close_step::OfCloses;
use super::garch::Garch;
use super::{boxed, Stream};
use crate::{check_garch_params, GarchParams, KernelError};

/// Streaming [`crate::garch_volatility`] (input `close`, output `garch_volatility`): the
/// original's GARCH(1,1) over scaled one-bar returns as a return-unit sigma, bit for bit the
/// batch kernel at every row. Warm-up `1 + min_periods` rows (all NaN when `alpha + beta >= 1`).
///
/// # Errors
///
/// [`KernelError::InvalidParam`] for parameters outside the contract (as the batch kernel).
pub fn garch_volatility(p: &GarchParams) -> Result<Box<dyn Stream>, KernelError> {
    check_garch_params(p)?;
    Ok(boxed(OfCloses(Garch::new(p))))
}

#[cfg(test)]
pub(super) mod tests {
    use super::super::test_support::{check_close_stream, series};
    use crate::GarchParams;

    /// Parameter sets covering both return kinds, given and default omega, the stability skip
    /// and no warm-up.
    pub(in super::super) fn garch_cases() -> Vec<GarchParams> {
        let d = GarchParams::default();
        vec![
            d,
            GarchParams {
                use_log_returns: false,
                min_periods: 5,
                ..d
            },
            GarchParams {
                omega: 0.01,
                min_periods: 0,
                sigma_floor: 0.0,
                ..d
            },
            GarchParams {
                alpha: 0.5,
                beta: 0.5,
                ..d
            },
            GarchParams {
                alpha: 0.2,
                beta: 0.1,
                scale: 1.0,
                min_periods: 3,
                ..d
            },
        ]
    }

    #[test]
    fn equals_the_batch_kernel() {
        for (seed, p) in garch_cases().into_iter().enumerate() {
            let close = series(seed as u64 + 1, 300);
            check_close_stream(
                &close,
                || super::garch_volatility(&p),
                |x, out| crate::garch_volatility(x, &p, out),
            );
        }
    }

    #[test]
    fn rejects_what_the_batch_kernel_rejects() {
        let d = GarchParams::default();
        for p in [
            GarchParams { alpha: 1.5, ..d },
            GarchParams { scale: 0.0, ..d },
            GarchParams {
                min_periods: usize::MAX,
                ..d
            },
        ] {
            assert_eq!(
                super::garch_volatility(&p).err(),
                crate::garch_volatility(&[], &p, &mut []).err()
            );
        }
    }
}

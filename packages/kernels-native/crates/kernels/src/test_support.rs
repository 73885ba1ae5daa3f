//! Helpers shared by the unit tests of every kernel.

/// Asserts that two series are equal bit for bit, except that any NaN equals any NaN.
pub(crate) fn assert_bits(actual: &[f64], expected: &[f64]) {
    assert_eq!(actual.len(), expected.len());
    for (i, (a, e)) in actual.iter().zip(expected).enumerate() {
        assert!(
            a.to_bits() == e.to_bits() || (a.is_nan() && e.is_nan()),
            "index {i}: got {a:?}, expected {e:?}"
        );
    }
}

/// A kernel over one series with one period: `kernel(x, period, out)`.
pub(crate) type SeriesKernel = fn(&[f64], usize, &mut [f64]) -> Result<(), crate::KernelError>;

/// Runs `kernel` on `x` into a fresh output prefilled with -1 (so a slot left unwritten shows);
/// panics if the kernel rejects the arguments.
pub(crate) fn run_series(kernel: SeriesKernel, x: &[f64], period: usize) -> Vec<f64> {
    let mut out = vec![-1.0; x.len()];
    kernel(x, period, &mut out).expect("valid arguments");
    out
}

/// Asserts that `kernel` rejects period 0 and an output of the wrong length without writing.
pub(crate) fn assert_rejects_bad_arguments(kernel: SeriesKernel) {
    let mut out = [5.0; 2];
    assert_eq!(
        kernel(&[1.0, 2.0], 0, &mut out),
        Err(crate::KernelError::InvalidPeriod { period: 0 })
    );
    assert_eq!(
        kernel(&[1.0, 2.0, 3.0], 2, &mut out),
        Err(crate::KernelError::LengthMismatch {
            input: 3,
            output: 2
        })
    );
    assert_bits(&out, &[5.0; 2]);
}

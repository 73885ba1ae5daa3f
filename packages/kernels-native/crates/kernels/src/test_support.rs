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

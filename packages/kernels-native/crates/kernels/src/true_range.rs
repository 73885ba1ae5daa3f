/// The true range of every bar into `out` (same length as the inputs, checked by the caller): the
/// building block of `atr`, `dmi` and `choppiness`.
///
/// **The same algorithm as `trueRangeInto` in `@omega-ta/kernels-ts`
/// (`packages/kernels-ts/src/true-range.ts`), operation for operation**: the original's
/// `pd.concat([(high - low).abs(), (high - prev_close).abs(), (low - prev_close).abs()], axis=1)
/// .max(axis=1, skipna=True)` (pandas 1.5.3) with `prev_close = close.shift(1)`.
///
/// - plain IEEE subtraction and `abs`, so an infinite price gives an infinite range and
///   `|inf - inf|` is NaN (the original does not treat ±inf as missing here);
/// - the row maximum skips NaN candidates and is NaN only when all three are; the first bar has no
///   previous close, so its true range is `|high - low|`;
/// - every candidate is `+0.0` or positive, so the comparison order cannot change a bit.
pub(crate) fn true_range(high: &[f64], low: &[f64], close: &[f64], out: &mut [f64]) {
    let mut prev_close = f64::NAN;
    for (((&h, &l), &c), slot) in high.iter().zip(low).zip(close).zip(out.iter_mut()) {
        *slot = bar_true_range(h, l, prev_close);
        prev_close = c;
    }
}

/// The true range of one bar given the previous bar's close (NaN for the first bar); see
/// [`true_range`] (`trueRange` in `packages/kernels-ts/src/true-range.ts`).
#[inline]
pub(crate) fn bar_true_range(h: f64, l: f64, prev_close: f64) -> f64 {
    let mut m = (h - l).abs();
    let up = (h - prev_close).abs();
    if !up.is_nan() && (m.is_nan() || up > m) {
        m = up;
    }
    let down = (l - prev_close).abs();
    if !down.is_nan() && (m.is_nan() || down > m) {
        m = down;
    }
    m
}

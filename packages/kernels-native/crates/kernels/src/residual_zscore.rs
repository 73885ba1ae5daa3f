use crate::rolling_var::{rolling_var_map, zsqrt};

/// The z-score step shared by `zscore`, `zscore_ema` and `kalman_zscore`, bit for bit the
/// original's pandas 1.5.3 `resid = close - mean; z = resid / resid.rolling(window).std()`, and
/// **the same algorithm as `residualZscoreInto` in `@omega-ta/kernels-ts`
/// (`packages/kernels-ts/src/residual-zscore.ts`), operation for operation and in the same order**.
///
/// On entry `out` holds the mean; on return the z-score: `resid = close - out` (IEEE) into a
/// scratch buffer, then one loop of the rolling variance of `resid` (non-finite residuals missing,
/// exactly 0 on equal residuals) that writes `out = resid / zsqrt(variance)` row by row. For `window >= 2` and `out.len() == close.len()` (the
/// callers check both).
pub(crate) fn residual_zscore(close: &[f64], window: usize, out: &mut [f64]) {
    let resid: Vec<f64> = close.iter().zip(out.iter()).map(|(&x, &m)| x - m).collect();
    rolling_var_map(&resid, window, out, |variance, r| r / zsqrt(variance));
}

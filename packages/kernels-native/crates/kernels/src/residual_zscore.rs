use crate::rolling_var::rolling_std;

/// The z-score step shared by `zscore`, `zscore_ema` and `kalman_zscore`, bit for bit the
/// original's pandas 1.5.3 `resid = close - mean; z = resid / resid.rolling(window).std()`, and
/// **the same algorithm as `residualZscoreInto` in `@omega-ta/kernels-ts`
/// (`packages/kernels-ts/src/residual-zscore.ts`), operation for operation and in the same order**.
///
/// On entry `out` holds the mean; on return the z-score: `out = close - out` (IEEE), the rolling
/// standard deviation of that (non-finite residuals missing, exactly 0 on equal residuals) into a
/// scratch buffer, then `out = out / std`. For `window >= 2` and `out.len() == close.len()` (the
/// callers check both).
pub(crate) fn residual_zscore(close: &[f64], window: usize, out: &mut [f64]) {
    for (slot, &x) in out.iter_mut().zip(close) {
        *slot = x - *slot;
    }
    let mut std = vec![0.0; close.len()];
    rolling_std(out, window, &mut std);
    for (slot, &s) in out.iter_mut().zip(&std) {
        *slot /= s;
    }
}

import { ErrorCode, OmegaTaError, type ReadonlyFloat64Array } from '@omega-ta/kernel-interface';
import { rollingStdInto } from '@omega-ta/kernels-ts';

/**
 * The original's Kalman arithmetic outside the kernel contract (and with kalmanResumeAfterGap),
 * computed literally here because the kernels only cover the contract's ranges.
 */


/**
 * The original `_kalman_mean_from_series` for any `R`, `Q` (the kernel's loop, used outside the
 * contract): numpy IEEE arithmetic while the previous variance is a number; after a NaN variance
 * the original restarts from the Python floats `R + Q` and raises ZeroDivisionError when
 * `R + Q + R` is 0, which this reports as INVALID_PARAM.
 */
export function kalmanMeanCompat(close: ReadonlyFloat64Array, R: number, Q: number, resume = false): Float64Array {
  const n = close.length;
  const out = new Float64Array(n).fill(Number.NaN);
  let first = 0;
  while (first < n && Number.isNaN(close[first]!)) first += 1;
  if (first === n) return out;
  let xhat = close[first]!;
  let last = xhat;
  let p = R;
  out[first] = xhat;
  for (let t = first + 1; t < n; t += 1) {
    const m = close[t]!;
    const restart = Number.isNaN(p);
    // kalmanResumeAfterGap: predict from the last estimate before the gap instead of its NaN.
    if (resume && Number.isNaN(xhat)) xhat = last;
    const pMinus = (restart ? R : p) + Q;
    if (Number.isNaN(m)) {
      xhat = Number.NaN;
      p = Number.NaN;
      out[t] = xhat;
      continue;
    }
    if (restart && pMinus + R === 0) {
      throw new OmegaTaError(
        ErrorCode.INVALID_PARAM,
        `kalman_mean: R + Q + R is 0 (R=${R}, Q=${Q}); the original raises ZeroDivisionError here`,
        { argument: 'R' },
      );
    }
    const k = pMinus / (pMinus + R);
    xhat = xhat + k * (m - xhat);
    p = (1 - k) * pMinus;
    out[t] = xhat;
    if (!Number.isNaN(xhat)) last = xhat;
  }
  return out;
}

/**
 * The original's z-score of Kalman residuals outside the kernel contract:
 * `resid = close - mean`, `resid / resid.rolling(window).std()` (NaN where the std is NaN).
 */
export function zscoreOfResiduals(close: ReadonlyFloat64Array, mean: ReadonlyFloat64Array, window: number): Float64Array {
  const resid = Float64Array.from(close, (c, i) => c - mean[i]!);
  const std = new Float64Array(close.length);
  rollingStdInto(resid, window, std);
  return resid.map((r, i) => r / std[i]!);
}


import type { ParamSpec } from './params.js';

/** The input columns an indicator can read. */
export type InputName = 'open' | 'high' | 'low' | 'close' | 'volume';

/**
 * The declaration of one indicator: everything the kernels, the bindings' tests and the
 * conformance suite need to know about it, in one place (tulipindicators' registry line).
 */
export interface IndicatorSpec {
  readonly name: string;
  readonly title: string;
  /** The formula and the reference semantics, in one or two sentences. */
  readonly formula: string;
  readonly inputs: readonly InputName[];
  readonly params: readonly ParamSpec[];
  readonly outputs: readonly string[];
  /**
   * Warm-up: how many leading outputs are NaN on an input without gaps (TA-Lib's lookback).
   * Output `lookback(params)` is the first defined one.
   */
  readonly lookback: (params: Readonly<Record<string, number>>) => number;
  /**
   * Bounds every finite output obeys, checked by the conformance suite: `input` means within the
   * range of the finite inputs (up to rounding), a pair means a fixed interval.
   */
  readonly bounds?: 'input' | readonly [number, number];
  /**
   * Outputs that the reference leaves NaN after the warm-up even on gap-free input, because its
   * formula divides zero by zero there (flat prices, no directional movement), and why. The
   * conformance suite then accepts NaN but still no ±Infinity in those rows; every other output
   * must be finite after the warm-up. `infinite`, when present, says why those outputs can also be
   * ±Infinity there (x / 0 where the original's denominator is exactly 0 but the numerator is not);
   * the suite then accepts ±Infinity in them too.
   */
  readonly nanAfterWarmup?: { readonly outputs: readonly string[]; readonly reason: string; readonly infinite?: string };
  /**
   * Where the reference's cases of this indicator are, when they are not under its own name: the
   * cases of the original method `method` whose (non-numeric) parameters equal `fixed`, replayed
   * with those parameters removed (e.g. `zscore_ema` = the original `zscore` with
   * `mean_source="ema"`). Cases under the indicator's own name are replayed as well.
   */
  readonly reference?: { readonly method: string; readonly fixed: Readonly<Record<string, string>> };
}

const PERIOD_MAX = 2 ** 31 - 1;

function period<const E extends Partial<ParamSpec> = Record<never, never>>(
  description: string,
  extra?: E,
): ParamSpec & E {
  return { name: 'period', kind: 'integer', min: 1, max: PERIOD_MAX, description, ...extra } as ParamSpec & E;
}

/**
 * Exponential moving average with pandas' `ewm(span=period, adjust=False).mean()` semantics.
 * Non-finite inputs count as missing.
 */
export const ema = {
  name: 'ema',
  title: 'Exponential moving average',
  formula:
    'alpha = 1 / (1 + (period - 1) / 2); ema[t] = (w * ema[t-1] + alpha * x[t]) / (w + alpha), ' +
    'where w = (1 - alpha)^(k) and k is the number of rows since the last observation (1 without gaps). ' +
    'NaN before the first observation; across gaps the last value is held, then re-weighted.',
  inputs: ['close'],
  params: [period('Span of the average, in bars (pandas span).')],
  outputs: ['ema'],
  lookback: () => 0,
  bounds: 'input',
} as const satisfies IndicatorSpec;

/**
 * Simple moving average with pandas' `rolling(period, min_periods=period).mean()` semantics
 * (Kahan-compensated running sum). Non-finite inputs count as missing.
 */
export const sma = {
  name: 'sma',
  title: 'Simple moving average',
  formula:
    'sma[t] = mean(x[t-period+1..t]), defined only when all `period` values of the window are present; ' +
    'NaN otherwise.',
  inputs: ['close'],
  params: [period('Window length, in bars.')],
  outputs: ['sma'],
  lookback: (p) => (p['period'] ?? 1) - 1,
  bounds: 'input',
} as const satisfies IndicatorSpec;

/**
 * Bollinger Bands with the original IndicatorCache's pandas semantics:
 * `mid = rolling(period, min_periods=period).mean()`, `std = rolling(period, min_periods=period).std()`
 * (ddof=1), `upper/lower = mid ± std_factor * std`. Non-finite inputs count as missing.
 */
export const bollinger = {
  name: 'bollinger',
  title: 'Bollinger Bands',
  formula:
    'mid[t] = mean(x[t-period+1..t]); std[t] = sample standard deviation (ddof 1) of the same window; ' +
    'upper[t] = mid[t] + std_factor * std[t]; lower[t] = mid[t] - std_factor * std[t]. ' +
    'Defined only when all `period` values of the window are present; NaN otherwise.',
  inputs: ['close'],
  params: [
    period('Window length, in bars (at least 2: a one-bar window has no sample standard deviation).', {
      min: 2,
      default: 20,
    }),
    {
      name: 'std_factor',
      kind: 'number',
      min: 0,
      max: Number.MAX_VALUE,
      default: 2,
      description: 'Width of the bands, in standard deviations (>= 0, so that upper >= mid >= lower).',
    },
  ],
  outputs: ['upper', 'mid', 'lower'],
  lookback: (p) => (p['period'] ?? 20) - 1,
} as const satisfies IndicatorSpec;

/**
 * Relative strength index with the original's pandas expression: Wilder smoothing as
 * `ewm(alpha=1/period, adjust=False).mean()` of the clipped close differences.
 */
export const rsi = {
  name: 'rsi',
  title: 'Relative strength index',
  formula:
    'delta = close[t] - close[t-1]; gain = max(delta, 0), loss = max(-delta, 0) (NaN stays NaN); ' +
    'avgGain, avgLoss = ewm(alpha = 1/period, adjust=False) means of gain and loss (non-finite values missing); ' +
    'rsi = 100 - 100 / (1 + avgGain / avgLoss): 100 when avgLoss is 0, NaN when both are 0.',
  inputs: ['close'],
  params: [period('Smoothing length, in bars (alpha = 1 / period).', { default: 14 })],
  outputs: ['rsi'],
  lookback: () => 1,
  bounds: [0, 100],
  nanAfterWarmup: { outputs: ['rsi'], reason: '0 / 0 where neither gains nor losses occurred yet (flat prices)' },
} as const satisfies IndicatorSpec;

/**
 * Rate of change in percent with the original's pandas expression
 * `(close - close.shift(period)) / close.shift(period) * 100.0`.
 */
export const roc = {
  name: 'roc',
  title: 'Rate of change (percent)',
  formula:
    'roc[t] = (close[t] - close[t-period]) / close[t-period] * 100, evaluated in that order with IEEE ' +
    'arithmetic (a zero previous close gives ±Infinity or NaN); NaN for the first `period` rows.',
  inputs: ['close'],
  params: [period('Distance to the earlier close, in bars (only past bars: period >= 1).', { default: 14 })],
  outputs: ['roc'],
  lookback: (p) => p['period'] ?? 14,
} as const satisfies IndicatorSpec;

/**
 * MACD with the original's pandas expression: the difference of two span EMAs
 * (`ewm(span, adjust=False)`), its span EMA as the signal line, and their difference.
 */
export const macd = {
  name: 'macd',
  title: 'Moving average convergence/divergence',
  formula:
    'macd = ema(close, fast_period) - ema(close, slow_period); signal = ema(macd, signal_period); ' +
    'histogram = macd - signal; every ema is ewm(span, adjust=False).mean() with non-finite values missing.',
  inputs: ['close'],
  params: [
    period('Span of the fast EMA, in bars.', { name: 'fast_period', default: 12 }),
    period('Span of the slow EMA, in bars.', { name: 'slow_period', default: 26 }),
    period('Span of the signal EMA of the MACD line, in bars.', { name: 'signal_period', default: 9 }),
  ],
  outputs: ['macd', 'signal', 'histogram'],
  lookback: () => 0,
} as const satisfies IndicatorSpec;

const HLC = ['high', 'low', 'close'] as const;

/**
 * Wilder's average true range as the original `IndicatorCache.atr` computes it: an SMA seed over
 * the first `period` true ranges, then Wilder's recursion; a missing bar repeats the last value.
 */
export const atr = {
  name: 'atr',
  title: 'Average true range (Wilder)',
  formula:
    'tr = max(|high - low|, |high - prev_close|, |low - prev_close|) (NaN terms skipped); ' +
    'atr[first+period-1] = mean(tr[first..first+period-1]) (numpy pairwise sum) when those are all finite, ' +
    'where first is the first bar with a true range (all NaN otherwise); then atr[t] = (atr[t-1] * (period - 1) + tr[t]) / period, ' +
    'and a missing true range repeats the previous output.',
  inputs: HLC,
  params: [period('Smoothing length, in bars (seed window and Wilder factor).', { default: 14 })],
  outputs: ['atr'],
  lookback: (p) => (p['period'] ?? 14) - 1,
  bounds: [0, Number.POSITIVE_INFINITY],
} as const satisfies IndicatorSpec;

/**
 * Wilder's directional movement index as the original `IndicatorCache.dmi` computes it, with
 * pandas `ewm(alpha=1/period, adjust=False)` smoothing.
 */
export const dmi = {
  name: 'dmi',
  title: 'Directional movement index (+DI, -DI, ADX)',
  formula:
    'up = high - prev_high, down = prev_low - low; +DM = up if up > down and up > 0 else 0; -DM likewise; ' +
    'atr = ewm(tr), +DI = 100 * ewm(+DM) / atr, -DI = 100 * ewm(-DM) / atr, ' +
    'dx = |+DI - -DI| / (+DI + -DI) * 100, adx = ewm(dx), where ewm is pandas ewm(alpha=1/period, adjust=False).mean().',
  inputs: HLC,
  params: [period('Smoothing length, in bars (alpha = 1 / period).', { default: 14 })],
  outputs: ['plus_di', 'minus_di', 'adx'],
  lookback: () => 0,
  // Never negative. Not capped at 100: 100 * x / x can round to 100.00000000000001, and the
  // original (pandas) gives the same overshoot.
  bounds: [0, Number.POSITIVE_INFINITY],
  nanAfterWarmup: {
    outputs: ['plus_di', 'minus_di', 'adx'],
    reason:
      '+DI and -DI are 0/0 while every true range so far is 0 (flat bars); dx is 0/0 on a bar without ' +
      'directional movement, so adx is NaN on the first bar and until the first movement',
  },
} as const satisfies IndicatorSpec;

/** Choppiness index as the original `IndicatorCache.choppiness` computes it. */
export const choppiness = {
  name: 'choppiness',
  title: 'Choppiness index',
  formula:
    'chop = 100 * log10(sum(tr, period) / (max(high, period) - min(low, period))) / log10(period), ' +
    'with pandas rolling windows (min_periods=period); NaN where the range is 0.',
  inputs: HLC,
  params: [period('Window length, in bars (at least 2: log10(1) = 0).', { default: 14, min: 2 })],
  outputs: ['choppiness'],
  lookback: (p) => (p['period'] ?? 14) - 1,
  nanAfterWarmup: {
    outputs: ['choppiness'],
    reason: 'the range of a flat window (highest high = lowest low) is replaced by NaN',
  },
} as const satisfies IndicatorSpec;

/** Largest Kalman variance the contract accepts: sums of two of them stay finite. */
const KALMAN_VARIANCE_MAX = 1e300;

const kalmanParams = [
  {
    name: 'R',
    kind: 'number',
    min: Number.MIN_VALUE,
    max: KALMAN_VARIANCE_MAX,
    default: 0.01,
    description:
      'Measurement noise variance (> 0; the original also runs R = 0, which copies the closes, and divides 0 by 0 for R = Q = 0).',
  },
  {
    name: 'Q',
    kind: 'number',
    min: 0,
    max: KALMAN_VARIANCE_MAX,
    default: 1,
    description: 'Process noise variance (>= 0; Q = 0 is a static level, the running mean).',
  },
] as const satisfies readonly ParamSpec[];

/**
 * The original `IndicatorCache.kalman_mean`: a one-dimensional random-walk Kalman filter over the
 * closes, including its behaviour after a missing close (NaN from there on).
 */
export const kalman_mean = {
  name: 'kalman_mean',
  title: 'Kalman filter mean (1-D random walk)',
  formula:
    'xhat[f] = close[f], P[f] = R at the first non-NaN close f; then P- = P[t-1] + Q (R + Q when P[t-1] is NaN), ' +
    'K = P- / (P- + R), xhat[t] = xhat[t-1] + K * (close[t] - xhat[t-1]), P[t] = (1 - K) * P-. ' +
    'A NaN close gives NaN, and as in the original every later row stays NaN (xhat[t-1] is NaN). ±Infinity is a measurement.',
  inputs: ['close'],
  params: kalmanParams,
  outputs: ['kalman_mean'],
  lookback: () => 0,
  bounds: 'input',
} as const satisfies IndicatorSpec;

/** Why a z-score can be ±Infinity after its warm-up, as in the original. */
const ZSCORE_INFINITE =
  'resid / 0 where the residuals of a window are equal but not 0 (prices moving by an ulp): pandas\' rolling std is then exactly 0';

/** A z-score window: at least 2 rows (a one-row window has no sample standard deviation). */
function zscoreWindow(): ParamSpec & { readonly default: 100 } {
  return {
    name: 'window',
    kind: 'integer',
    min: 2,
    max: PERIOD_MAX,
    default: 100,
    description: 'Rows of the rolling standard deviation (at least 2; the original gives all NaN for 0 and 1).',
  };
}

/**
 * The original `IndicatorCache.kalman_zscore`: the residual of the closes against their Kalman
 * mean, over its rolling sample standard deviation.
 */
export const kalman_zscore = {
  name: 'kalman_zscore',
  title: 'Z-score against the Kalman mean',
  formula:
    'resid = close - kalman_mean(close, R, Q); z = resid / std(resid over the last `window` rows, ddof 1), ' +
    'with pandas rolling semantics (non-finite residuals missing); NaN where the window is incomplete, and from the first gap on (kalman_mean).',
  inputs: ['close'],
  params: [zscoreWindow(), ...kalmanParams],
  outputs: ['kalman_zscore'],
  lookback: (p) => (p['window'] ?? 100) - 1,
  nanAfterWarmup: {
    outputs: ['kalman_zscore'],
    reason: '0 / 0 where every residual of the window is 0 (flat closes, or R negligible against Q so the mean equals the close)',
    infinite: ZSCORE_INFINITE,
  },
} as const satisfies IndicatorSpec;

/**
 * The original `IndicatorCache.zscore` with `mean_source="rolling"` (its default): the residual
 * of the closes against their rolling mean over the residuals' rolling standard deviation.
 * `mean_source="ema"` is the separate entry `zscore_ema` (parameters are numbers).
 */
export const zscore = {
  name: 'zscore',
  title: 'Z-score against the rolling mean',
  formula:
    'mean = mean(close over the last `window` rows); resid = close - mean; ' +
    'z = resid / std(resid over the last `window` rows, ddof 1), with pandas rolling semantics (min_periods = window, non-finite values missing).',
  inputs: ['close'],
  params: [zscoreWindow()],
  outputs: ['zscore'],
  lookback: (p) => 2 * ((p['window'] ?? 100) - 1),
  nanAfterWarmup: { outputs: ['zscore'], reason: '0 / 0 on a window of flat closes (every residual 0)', infinite: ZSCORE_INFINITE },
} as const satisfies IndicatorSpec;

/** The original `IndicatorCache.zscore` with `mean_source="ema"`: the residual against the EMA. */
export const zscore_ema = {
  name: 'zscore_ema',
  title: 'Z-score against the EMA',
  formula:
    'mean = ewm(span = ema_period, adjust=False).mean() of the closes (the ema indicator); resid = close - mean; ' +
    'z = resid / std(resid over the last `window` rows, ddof 1), with pandas rolling semantics.',
  inputs: ['close'],
  params: [
    zscoreWindow(),
    {
      name: 'ema_period',
      kind: 'integer',
      min: 1,
      max: PERIOD_MAX,
      description: 'Span of the EMA, in bars (required, as in the original: it raises without one).',
    },
  ],
  outputs: ['zscore'],
  lookback: (p) => (p['window'] ?? 100) - 1,
  reference: { method: 'zscore', fixed: { mean_source: 'ema' } },
  nanAfterWarmup: {
    outputs: ['zscore'],
    reason: '0 / 0 on a window of zero residuals (flat closes, or ema_period 1, where the EMA is the close)',
    infinite: ZSCORE_INFINITE,
  },
} as const satisfies IndicatorSpec;

/** Largest `omega`, `scale` and `sigma_floor` the contract accepts: variances stay finite. */
const GARCH_MAGNITUDE_MAX = 1e100;

/**
 * The GARCH(1,1) parameters of the original `garch_volatility` (and `kalman_garch_zscore`), with
 * its defaults. Parameters are numbers: the original's `omega=None` is the number -1 (any
 * negative `omega`; the original's own cache key writes None as -1.0) and its boolean
 * `use_log_returns` is the integer 1 (True) or 0 (False). The conformance suite replays the
 * reference's `use_log_returns=True/False` as 1/0.
 */
const garchParams = [
  {
    name: 'alpha',
    kind: 'number',
    min: 0,
    max: 1,
    default: 0.05,
    description: 'Weight of the last squared shock (alpha + beta >= 1 gives all NaN, the original\'s stability skip).',
  },
  {
    name: 'beta',
    kind: 'number',
    min: 0,
    max: 1,
    default: 0.9,
    description: 'Weight of the last variance (alpha + beta >= 1 gives all NaN, the original\'s stability skip).',
  },
  {
    name: 'omega',
    kind: 'number',
    min: -1,
    max: GARCH_MAGNITUDE_MAX,
    default: -1,
    description:
      'Constant of the variance recursion, in squared scaled returns; -1 (any negative value) stands for the ' +
      'original\'s omega=None: 1e-6 * max(1e-6, 1 - alpha - beta) (its start variance estimate is always 1e-6).',
  },
  {
    name: 'use_log_returns',
    kind: 'integer',
    min: 0,
    max: 1,
    default: 1,
    description: '1: log returns log(close / prev close) (the original\'s True); 0: pct_change (False; gaps forward-filled).',
  },
  {
    name: 'scale',
    kind: 'number',
    min: 1e-100,
    max: GARCH_MAGNITUDE_MAX,
    default: 100,
    description: 'Returns are multiplied by scale before the recursion (100: percent) and sigma divided by it.',
  },
  {
    name: 'min_periods',
    kind: 'integer',
    min: 0,
    max: PERIOD_MAX,
    default: 50,
    description: 'Rows after the first return that stay NaN (the original treats negative values as 0).',
  },
  {
    name: 'sigma_floor',
    kind: 'number',
    min: 0,
    max: GARCH_MAGNITUDE_MAX,
    default: 1e-6,
    description: 'Floor of the scaled sigma: every variance is at least sigma_floor².',
  },
] as const satisfies readonly ParamSpec[];

/** The warm-up of the GARCH volatility: the first return is row 1; all NaN when alpha + beta >= 1. */
function garchLookback(p: Readonly<Record<string, number>>): number {
  if ((p['alpha'] ?? 0.05) + (p['beta'] ?? 0.9) >= 1) return Number.MAX_SAFE_INTEGER;
  return 1 + (p['min_periods'] ?? 50);
}

/**
 * The original `IndicatorCache.garch_volatility`: a recursive GARCH(1,1) over the scaled
 * one-bar returns, as a return-unit sigma.
 */
export const garch_volatility = {
  name: 'garch_volatility',
  title: 'GARCH(1,1) volatility of returns',
  formula:
    'r = scale * (log(close / prev close) or pct_change); f = first non-NaN r, mu = r[f]; var[f] = max(1e-6, sigma_floor²); ' +
    'then var[t] = max(omega + alpha * (r[t-1*] - mu)² + beta * var[t-1*], sigma_floor²) where t-1* is the last finite return ' +
    '(a non-finite r carries the variance forward); sigma = sqrt(var) / scale, NaN before row f + min_periods; all NaN when alpha + beta >= 1.',
  inputs: ['close'],
  params: garchParams,
  outputs: ['garch_volatility'],
  lookback: garchLookback,
  bounds: [0, Number.POSITIVE_INFINITY],
} as const satisfies IndicatorSpec;

/**
 * The original `IndicatorCache.kalman_garch_zscore`: the residual of the closes against their
 * Kalman mean over the price-scaled GARCH sigma.
 */
export const kalman_garch_zscore = {
  name: 'kalman_garch_zscore',
  title: 'Z-score of the Kalman residual against GARCH volatility',
  formula:
    'z = (close - kalman_mean(close, R, Q)) / (|close| * garch_volatility(close, …)), where a price sigma of 0 is NaN; ' +
    'NaN wherever the Kalman mean or the GARCH sigma is NaN.',
  inputs: ['close'],
  params: [...kalmanParams, ...garchParams],
  outputs: ['kalman_garch_zscore'],
  lookback: garchLookback,
  nanAfterWarmup: {
    outputs: ['kalman_garch_zscore'],
    reason:
      'the price sigma |close| * sigma is replaced by NaN where it is 0: sigma_floor 0 with a variance that is exactly 0 ' +
      '(omega 0 and alpha * shock² + beta * variance 0 or underflowing)',
  },
} as const satisfies IndicatorSpec;

/** Every indicator of the contract. Adding one here makes the conformance suite test it. */
export const indicators = { ema, sma, bollinger, rsi, roc, macd, atr, dmi, choppiness, kalman_mean, kalman_zscore, zscore, zscore_ema, garch_volatility, kalman_garch_zscore } as const;

export type Indicators = typeof indicators;
export type IndicatorName = keyof Indicators;

/** The registry entries as a list, in declaration order. */
export const indicatorList: readonly IndicatorSpec[] = Object.values(indicators);

/** The registry entry called `name`, or undefined. */
export function findIndicator(name: string): IndicatorSpec | undefined {
  return Object.prototype.hasOwnProperty.call(indicators, name) ? indicators[name as IndicatorName] : undefined;
}

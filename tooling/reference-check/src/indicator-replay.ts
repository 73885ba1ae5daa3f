import { decodeNumber, expectedRows, loadDataset, loadIndicatorCases, relativeError, type ReferenceCase } from '@omega-ta/golden';
import { callOriginal, IndicatorCache, ORIGINAL_METHODS, type BackendChoice, type OriginalResult, type ReadonlyFloat64Array } from '@omega-ta/indicator-cache';
import { ErrorCode, isOmegaTaError } from '@omega-ta/kernel-interface';

/** Relative tolerance of every value (NaN, infinities and the sign of zero must match exactly). */
export const RELATIVE_TOLERANCE = 1e-12;

/** The ewm family, whose kernels reproduce pandas' recursion operation by operation: bitwise. */
export const BITWISE_METHODS: ReadonlySet<string> = new Set(['ema', 'ema_stepwise', 'macd', 'rsi', 'dmi']);

/** Per method: cases replayed, cases failed, the worst relative error seen, the first failures. */
export interface MethodStats {
  cases: number;
  failed: number;
  worst: number;
  readonly failures: string[];
}

const METHODS = new Set(ORIGINAL_METHODS);

/** The values a result holds as (values, first row): a window's values start at its row `start`. */
function outputOf(result: OriginalResult, name: string): [ReadonlyFloat64Array, number] | undefined {
  if (typeof result !== 'object' || result === null) return undefined;
  if ('start' in result && 'values' in result) return [result.values as ReadonlyFloat64Array, result.start as number];
  if (name === '') return result instanceof Float64Array ? [result, 0] : undefined;
  const output = (result as Readonly<Record<string, ReadonlyFloat64Array>>)[name];
  return output === undefined ? undefined : [output, 0];
}

/** Checks one case; returns the worst relative error, or throws a message naming the first mismatch. */
function checkCase(cache: IndicatorCache, c: ReferenceCase, sampleRows: readonly number[], tolerance: number): number {
  if (c.method === 'at') {
    const { series, index, value } = c as unknown as { series: { method: string; tf: string; side: string; params: Record<string, unknown> }; index: number; value: unknown };
    const result = callOriginal(cache, series.method, series.tf, series.side, series.params) as ReadonlyFloat64Array;
    const actual = cache.at(result, index);
    const expected = value === null ? null : decodeNumber(value);
    if (actual === null || expected === null) {
      if (actual !== expected) throw new Error(`got ${String(actual)}, reference ${String(expected)}`);
      return 0;
    }
    return within(actual, expected, tolerance, '');
  }
  if (!METHODS.has(c.method)) throw new Error(`method '${c.method}' is not an IndicatorCache method`);
  if (c.kind === 'error') {
    try {
      callOriginal(cache, c.method, c.tf!, c.side!, c.params);
    } catch (error) {
      if (isOmegaTaError(error) && error.code === ErrorCode.INVALID_PARAM) return 0;
      throw new Error(`threw ${String(error)}, expected INVALID_PARAM (original: ${c.error?.type}: ${c.error?.message})`);
    }
    throw new Error(`did not throw (original: ${c.error?.type}: ${c.error?.message})`);
  }
  const result = callOriginal(cache, c.method, c.tf!, c.side!, c.params);
  if (c.kind === 'scalar') {
    const expected = c.value === null ? null : decodeNumber(c.value);
    if (result === null || expected === null) {
      if (result !== expected) throw new Error(`got ${String(result)}, reference ${String(expected)}`);
      return 0;
    }
    return within(result as number, expected, tolerance, '');
  }
  let worst = 0;
  const outputs = Array.isArray(c.values) ? [['', c.values]] : Object.entries(c.values as Record<string, unknown[]>);
  for (const [name, values] of outputs as [string, unknown[]][]) {
    const output = outputOf(result, name);
    if (output === undefined) throw new Error(`no output '${name}'`);
    const [series, start] = output;
    if (series.length !== c.length) throw new Error(`${name}: length ${series.length}, reference ${String(c.length)}`);
    if (c.rows === 'index' && (c.index ?? []).some((row, k) => row !== start + k)) throw new Error(`${name}: window starts at row ${start}, reference ${String(c.index?.[0])}`);
    for (const { row, value } of expectedRows(c, values, sampleRows)) {
      worst = Math.max(worst, within(series[row - start]!, value, tolerance, `${name}[${row}]`));
    }
  }
  return worst;
}

function within(actual: number, expected: number, tolerance: number, where: string): number {
  const error = relativeError(actual, expected);
  if (!(error <= tolerance)) throw new Error(`${where}: got ${actual}, reference ${expected} (relative error ${error})`);
  return error;
}

/**
 * Replays every `<dir>/expected/<name>.indicator_cache.json` case on a fresh IndicatorCache
 * (`backend` forced) over its dataset: per original method, the cases, failures and worst
 * relative error. A case whose method IndicatorCache does not have fails.
 */
export function replayIndicatorCases(dir: string, files: readonly string[], backend: Exclude<BackendChoice, 'auto'>): Map<string, MethodStats> {
  const stats = new Map<string, MethodStats>();
  for (const name of files) {
    const file = loadIndicatorCases(name, dir);
    const data = loadDataset(file.dataset, dir);
    for (const c of file.cases) {
      const method = c.method;
      let s = stats.get(method);
      if (s === undefined) {
        s = { cases: 0, failed: 0, worst: 0, failures: [] };
        stats.set(method, s);
      }
      s.cases += 1;
      try {
        // One call on a fresh cache, as the reference defines a case.
        const cache = new IndicatorCache(data, { backend });
        const tolerance = BITWISE_METHODS.has(method === 'at' ? ((c as unknown as { series: { method: string } }).series.method) : method) ? 0 : RELATIVE_TOLERANCE;
        s.worst = Math.max(s.worst, checkCase(cache, c, file.sampleRows, tolerance));
      } catch (error) {
        s.failed += 1;
        s.worst = Number.POSITIVE_INFINITY;
        if (s.failures.length < 5) s.failures.push(`${name}: ${c.id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  return stats;
}

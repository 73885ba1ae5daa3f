import type { AlignedData } from '@omega-ta/arrow-schemas';
import { ErrorCode, OmegaTaError, type ReadonlyFloat64Array } from '@omega-ta/kernel-interface';
import type { ComputeRequest } from './compute-job.js';
import type { OriginalResult } from './original-methods.js';

/**
 * Caller-owned outputs of {@link ComputePool.compute} / {@link computeMany}: the threads write a
 * request's result into its output instead of sending a fresh array back, so a batch repeated
 * with the same outputs allocates no result on the main thread.
 */

/**
 * Where one request's result goes: a series (Float64Array) for a method returning one series, or
 * its named series (`{ upper, mid, lower }` for `bollinger`, `{ macd, signal }`, …), each backed
 * by a SharedArrayBuffer and one value per row of the request's timeframe and side.
 */
export type ComputeOutput = Float64Array | Readonly<Record<string, Float64Array>>;

/** Per-batch options of {@link ComputePool.compute}. */
export interface ComputeBatchOptions {
  /**
   * One entry per request (same order): the output its result is written into, or undefined for
   * a result sent back as a fresh array (needed for windows and scalars). The promise resolves
   * to these same objects at those positions. Between the call and its settling the threads
   * write into them: do not read or write them meanwhile. On rejection their values are
   * unspecified. Reusable for any later batch with the same shapes ({@link shareResults}).
   */
  readonly outputs?: readonly (ComputeOutput | undefined)[] | undefined;
}

function sharedCopy(series: ReadonlyFloat64Array): Float64Array {
  const copy = new Float64Array(new SharedArrayBuffer(series.byteLength));
  copy.set(series);
  return copy;
}

/**
 * Outputs shaped like `results` (a batch's answer): each series, and each named series, copied
 * into its own SharedArrayBuffer; undefined for the results that are not series (windows,
 * scalars, null). Pass them as `outputs` to repeat the batch without allocating its results.
 */
export function shareResults(results: readonly OriginalResult[]): (ComputeOutput | undefined)[] {
  return results.map((result) => {
    if (result instanceof Float64Array) return sharedCopy(result);
    if (typeof result !== 'object' || result === null) return undefined;
    const entries: [string, unknown][] = Object.entries(result);
    if (entries.length === 0 || !entries.every(([, v]) => v instanceof Float64Array)) return undefined;
    return Object.fromEntries(entries.map(([name, series]) => [name, sharedCopy(series as Float64Array)]));
  });
}

/** The series of an output with their names ('' for a lone series); INVALID_INPUT for anything else. */
function seriesOf(output: unknown, index: number): [string, Float64Array][] {
  if (output instanceof Float64Array) return [['', output]];
  const entries = typeof output === 'object' && output !== null && !ArrayBuffer.isView(output) ? Object.entries(output) : [];
  if (entries.length === 0 || !entries.every(([, v]) => v instanceof Float64Array)) {
    throw new OmegaTaError(ErrorCode.INVALID_INPUT, `computeMany: output ${index} must be a Float64Array or an object of Float64Arrays`, { argument: 'outputs' });
  }
  return entries as [string, Float64Array][];
}

/** Rows of the request's timeframe and side (0 when absent: the result is then the empty series). */
function rowsOf(data: AlignedData, tf: string, side: string): number {
  const sides = Object.prototype.hasOwnProperty.call(data.timeframes, tf) ? data.timeframes[tf] : undefined;
  const columns = side === 'bid' ? sides?.bid : side === 'ask' ? sides?.ask : undefined;
  return columns?.close.length ?? 0;
}

/** Every column of `data` (the inputs an output must not overlap). */
function columnsOf(data: AlignedData): Float64Array[] {
  const sides = Object.values(data.timeframes).flatMap((s) => [s.bid, s.ask]);
  return [data.timestamp, ...sides.flatMap((c) => (c === undefined ? [] : [c.time, c.open, c.high, c.low, c.close, c.volume]))];
}

interface Span {
  readonly start: number;
  readonly end: number;
  readonly what: string;
  readonly output: boolean;
}

/** ALIASED_OUTPUT when an output's bytes overlap another output's or an input column's. */
function checkOverlaps(spans: Map<ArrayBufferLike, Span[]>): void {
  for (const list of spans.values()) {
    list.sort((a, b) => a.start - b.start);
    let last: Span | undefined;
    for (const span of list) {
      if (last !== undefined && span.start < last.end && span.start < span.end && (span.output || last.output)) {
        const [output, other] = span.output ? [span, last] : [last, span];
        throw new OmegaTaError(ErrorCode.ALIASED_OUTPUT, `computeMany: ${output.what} overlaps ${other.what}; pass separate buffers`, { argument: 'outputs' });
      }
      if (last === undefined || span.end > last.end) last = span;
    }
  }
}

/**
 * Checks `outputs` against `requests` before any thread starts: one entry per request, each a
 * series or named series (INVALID_INPUT), every series backed by a SharedArrayBuffer
 * (INVALID_INPUT) with one value per row of the request's timeframe and side (LENGTH_MISMATCH),
 * no two overlapping and none overlapping a shared input column (ALIASED_OUTPUT).
 */
export function checkOutputs(requests: readonly ComputeRequest[], outputs: readonly (ComputeOutput | undefined)[] | undefined): void {
  if (outputs === undefined) return;
  if (!Array.isArray(outputs)) throw new OmegaTaError(ErrorCode.INVALID_INPUT, 'computeMany: outputs must be an array', { argument: 'outputs' });
  if (outputs.length !== requests.length) {
    throw new OmegaTaError(ErrorCode.LENGTH_MISMATCH, `computeMany: ${outputs.length} outputs for ${requests.length} requests`, { argument: 'outputs' });
  }
  const spans = new Map<ArrayBufferLike, Span[]>();
  const add = (array: Float64Array, what: string, output: boolean): void => {
    const list = spans.get(array.buffer) ?? [];
    list.push({ start: array.byteOffset, end: array.byteOffset + array.byteLength, what, output });
    spans.set(array.buffer, list);
  };
  const data = new Set<AlignedData>();
  outputs.forEach((output, index) => {
    if (output === undefined) return;
    const { data: symbol, tf, side } = requests[index]!;
    const rows = rowsOf(symbol, tf, side);
    for (const [name, series] of seriesOf(output, index)) {
      const what = `output ${index}${name === '' ? '' : `.${name}`}`;
      if (!(series.buffer instanceof SharedArrayBuffer)) {
        throw new OmegaTaError(ErrorCode.INVALID_INPUT, `computeMany: ${what} must be backed by a SharedArrayBuffer`, { argument: 'outputs' });
      }
      if (series.length !== rows) {
        throw new OmegaTaError(ErrorCode.LENGTH_MISMATCH, `computeMany: ${what} has length ${series.length}, expected ${rows} (rows of ${tf}/${side})`, { argument: 'outputs' });
      }
      add(series, what, true);
    }
    data.add(requests[index]!.data);
  });
  for (const column of new Set([...data].flatMap(columnsOf))) if (spans.has(column.buffer)) add(column, 'an input column', false);
  checkOverlaps(spans);
}

/**
 * Writes `result` into `output` (run by the threads): the same kind (series or named series with
 * the same names) and lengths, else INVALID_INPUT / LENGTH_MISMATCH before anything is written.
 */
export function writeOutput(result: OriginalResult, output: ComputeOutput): void {
  const pairs: [Float64Array, Float64Array][] = [];
  if (output instanceof Float64Array) {
    if (!(result instanceof Float64Array)) throw new OmegaTaError(ErrorCode.INVALID_INPUT, 'the output is a series, the result is not', { argument: 'outputs' });
    pairs.push([output, result]);
  } else {
    const names = Object.keys(output);
    const series = typeof result === 'object' && result !== null && !(result instanceof Float64Array) ? (result as Readonly<Record<string, unknown>>) : {};
    if (names.length !== Object.keys(series).length || !names.every((name) => series[name] instanceof Float64Array)) {
      throw new OmegaTaError(ErrorCode.INVALID_INPUT, `the output's series (${names.join(', ')}) are not the result's`, { argument: 'outputs' });
    }
    for (const name of names) pairs.push([output[name]!, series[name] as Float64Array]);
  }
  for (const [target, source] of pairs) {
    if (target.length !== source.length) throw new OmegaTaError(ErrorCode.LENGTH_MISMATCH, `output length ${target.length}, result length ${source.length}`, { argument: 'outputs' });
  }
  for (const [target, source] of pairs) target.set(source);
}

import type { AlignedData } from '@omega-ta/arrow-schemas';
import { isOmegaTaError } from '@omega-ta/kernel-interface';
import { IndicatorCache } from './indicator-cache.js';
import { writeOutput, type ComputeOutput } from './compute-outputs.js';
import { callOriginal, type OriginalParams, type OriginalResult } from './original-methods.js';
import type { IndicatorCacheOptions } from './types.js';

/**
 * The work one thread of {@link computeMany} does, and what it answers: plain data that
 * `postMessage` clones (or shares, for SharedArrayBuffer-backed columns).
 */

/** One request of {@link computeMany}: an original method (`callOriginal`) on one symbol's data. */
export interface ComputeRequest {
  /** The symbol's aligned data; requests with the same object share one IndicatorCache. */
  readonly data: AlignedData;
  /** The original's method name, e.g. `ema`, `bollinger`, `kalman_garch_zscore` (ORIGINAL_METHODS). */
  readonly method: string;
  readonly tf: string;
  readonly side: string;
  /** Keyword arguments as the original took them; omitted ones take the defaults. */
  readonly params?: OriginalParams;
}

/** One request of a job: its position in the caller's list and, if given, the output to write. */
export interface JobRequest {
  readonly index: number;
  readonly method: string;
  readonly tf: string;
  readonly side: string;
  readonly params: OriginalParams;
  readonly output: ComputeOutput | undefined;
}

/** The requests of one symbol. */
export interface JobGroup {
  readonly data: AlignedData;
  readonly requests: readonly JobRequest[];
}

export interface Job {
  readonly options: IndicatorCacheOptions;
  readonly groups: readonly JobGroup[];
}

/** A failed request's error, as plain data (an Error's own properties do not survive cloning). */
export interface JobError {
  readonly index: number;
  readonly message: string;
  readonly code: string | undefined;
  readonly argument: string | undefined;
}

/** The results of the requests without an output, by index (the others are in their outputs). */
export type JobReply = { readonly ok: true; readonly results: readonly (readonly [number, OriginalResult])[] } | { readonly ok: false; readonly error: JobError };

/**
 * Runs a job: one IndicatorCache per group, each request by `callOriginal`, its result written
 * into its output or else answered; stops at the first error.
 */
export function runJob(job: Job): JobReply {
  const results: (readonly [number, OriginalResult])[] = [];
  for (const group of job.groups) {
    const cache = new IndicatorCache(group.data, job.options);
    for (const r of group.requests) {
      try {
        const result = callOriginal(cache, r.method, r.tf, r.side, r.params);
        if (r.output === undefined) results.push([r.index, result]);
        else writeOutput(result, r.output);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const { code, argument } = isOmegaTaError(error) ? error : { code: undefined, argument: undefined };
        return { ok: false, error: { index: r.index, message, code, argument } };
      }
    }
  }
  return { ok: true, results };
}

/**
 * The ArrayBuffers of a reply's results, each once, to transfer instead of copying: results are
 * fresh arrays of the job's own caches (dropped after the job). Shared and empty buffers stay out
 * (a SharedArrayBuffer is shared anyway; an empty one may be a constant of this thread).
 */
export function transferList(reply: JobReply): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (value: unknown): void => {
    if (value instanceof Float64Array) {
      if (value.buffer instanceof ArrayBuffer && value.buffer.byteLength > 0) buffers.add(value.buffer);
    } else if (typeof value === 'object' && value !== null) {
      for (const inner of Object.values(value)) add(inner);
    }
  };
  if (reply.ok) for (const [, result] of reply.results) add(result);
  return [...buffers];
}

import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AlignedData, CandleColumns } from '@omega-ta/arrow-schemas';
import { ErrorCode, OmegaTaError } from '@omega-ta/kernel-interface';
import type { ComputeRequest, Job, JobGroup, JobReply } from './compute-job.js';
import { ORIGINAL_METHODS, type OriginalResult } from './original-methods.js';
import type { IndicatorCacheOptions } from './types.js';

export type { ComputeRequest } from './compute-job.js';

export interface ComputeManyOptions extends IndicatorCacheOptions {
  /** Worker threads to use (default: the machine's available parallelism), at most one per symbol. */
  readonly threads?: number;
}

/**
 * The worker entry next to this bundle: dist/compute-worker.js beside dist/index.js (ESM),
 * dist/compute-worker.cjs beside dist/index.cjs (CommonJS, where `import.meta` is empty).
 */
function workerFile(): URL {
  const url: unknown = import.meta.url;
  if (typeof url === 'string' && url !== '') return new URL('./compute-worker.js', url);
  return pathToFileURL(join(__dirname, 'compute-worker.cjs'));
}

const METHODS = new Set(ORIGINAL_METHODS);

/** The requests grouped per data object (one IndicatorCache each), validated. */
function groupRequests(requests: readonly ComputeRequest[]): JobGroup[] {
  if (!Array.isArray(requests)) throw new OmegaTaError(ErrorCode.INVALID_INPUT, 'computeMany: requests must be an array', { argument: 'requests' });
  const groups = new Map<AlignedData, { data: AlignedData; requests: JobGroup['requests'][number][] }>();
  requests.forEach((r, index) => {
    if (typeof r !== 'object' || r === null || typeof r.data !== 'object' || r.data === null) {
      throw new OmegaTaError(ErrorCode.INVALID_INPUT, `computeMany: request ${index} has no data`, { argument: 'requests' });
    }
    if (!METHODS.has(r.method)) {
      throw new OmegaTaError(ErrorCode.UNSUPPORTED, `computeMany: request ${index}: no original IndicatorCache method '${String(r.method)}'`, { argument: 'method' });
    }
    let group = groups.get(r.data);
    if (group === undefined) {
      group = { data: r.data, requests: [] };
      groups.set(r.data, group);
    }
    group.requests.push({ index, method: r.method, tf: r.tf, side: r.side, params: r.params ?? {} });
  });
  return [...groups.values()];
}

/** The rows of a symbol's data (its share of the work is rows × requests). */
function rowsOf(data: AlignedData): number {
  return data.timestamp?.length ?? 0;
}

/** Splits the groups into `threads` jobs of similar work (largest first, each to the least loaded). */
function planJobs(groups: readonly JobGroup[], threads: number, options: ComputeManyOptions): Job[] {
  const jobs = Array.from({ length: threads }, () => ({ work: 0, groups: [] as JobGroup[] }));
  const cost = (g: JobGroup) => (rowsOf(g.data) + 1) * g.requests.length;
  for (const group of [...groups].sort((a, b) => cost(b) - cost(a))) {
    const job = jobs.reduce((least, j) => (j.work < least.work ? j : least));
    job.groups.push(group);
    job.work += cost(group);
  }
  // The IndicatorCache options only (plain data for postMessage).
  const { threads: _threads, ...cacheOptions } = options;
  return jobs.filter((j) => j.groups.length > 0).map((j) => ({ options: cacheOptions, groups: j.groups }));
}

/** One worker thread and the replies it owes, in the order of the jobs sent (it runs them in turn). */
class PoolThread {
  readonly #worker = new Worker(workerFile());
  readonly #pending: { resolve: (reply: JobReply) => void; reject: (error: Error) => void }[] = [];
  #failure: Error | undefined;

  constructor() {
    // An idle pool does not keep the process alive.
    this.#worker.unref();
    this.#worker.on('message', (reply: JobReply) => {
      this.#pending.shift()?.resolve(reply);
      if (this.#pending.length === 0) this.#worker.unref();
    });
    this.#worker.on('error', (error) => this.#fail(error));
    this.#worker.on('exit', (code) => this.#fail(new Error(`computeMany: worker thread exited with code ${code}`)));
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const p of this.#pending.splice(0)) p.reject(this.#failure);
  }

  run(job: Job): Promise<JobReply> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      this.#pending.push({ resolve, reject });
      this.#worker.ref();
      this.#worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    this.#failure ??= new Error('computeMany: the pool is closed');
    await this.#worker.terminate();
  }
}

/** Validates the `threads` option: an integer >= 1 (default: the machine's available parallelism). */
function threadCount(threads: number | undefined): number {
  const count = threads ?? availableParallelism();
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
    throw new OmegaTaError(ErrorCode.INVALID_PARAM, `computeMany: threads must be an integer >= 1 (got ${String(count)})`, { argument: 'threads' });
  }
  return count;
}

/**
 * Worker threads kept for many {@link ComputePool.compute} calls (the start-up of a thread, which
 * loads the package and the native binary, is paid once): the batch API of {@link computeMany}
 * without its per-call threads. Idle threads do not keep the process alive; `close()` ends them.
 */
export class ComputePool {
  readonly #threads: PoolThread[];
  readonly #options: ComputeManyOptions;

  constructor(options: ComputeManyOptions = {}) {
    this.#threads = Array.from({ length: threadCount(options.threads) }, () => new PoolThread());
    this.#options = options;
  }

  /** As {@link computeMany}, on this pool's threads. */
  async compute(requests: readonly ComputeRequest[]): Promise<OriginalResult[]> {
    const groups = groupRequests(requests);
    if (groups.length === 0) return [];
    const jobs = planJobs(groups, Math.min(this.#threads.length, groups.length), this.#options);
    const replies = await Promise.all(jobs.map((job, k) => this.#threads[k]!.run(job)));
    const results = new Array<OriginalResult>(requests.length);
    for (const reply of replies) {
      if (!reply.ok) {
        const { index, message, code, argument } = reply.error;
        const text = `computeMany: request ${index} (${requests[index]!.method}): ${message}`;
        if (code === undefined) throw new Error(text);
        throw new OmegaTaError(code as ErrorCode, text, argument === undefined ? {} : { argument });
      }
      for (const [index, result] of reply.results) results[index] = result;
    }
    return results;
  }

  /** Ends the threads; later calls reject. */
  async close(): Promise<void> {
    await Promise.all(this.#threads.map((t) => t.close()));
  }
}

/**
 * Computes many indicators for many symbols off the main thread: each request is
 * `callOriginal(new IndicatorCache(request.data, options), method, tf, side, params)`, the
 * requests of one data object on one thread sharing one cache. Resolves to the results in
 * request order, bitwise equal to the synchronous calls; rejects with the first failing
 * request's error (OmegaTaError with its code, the message naming the request).
 *
 * Columns backed by a SharedArrayBuffer ({@link shareAlignedData}) are shared with the threads,
 * other columns are copied to them once per call; results are transferred back, not copied.
 * The threads live for this call only; a {@link ComputePool} keeps them for many calls.
 */
export async function computeMany(requests: readonly ComputeRequest[], options: ComputeManyOptions = {}): Promise<OriginalResult[]> {
  const threads = threadCount(options.threads);
  const symbols = groupRequests(requests).length;
  if (symbols === 0) return [];
  const pool = new ComputePool({ ...options, threads: Math.min(threads, symbols) });
  try {
    return await pool.compute(requests);
  } finally {
    await pool.close();
  }
}

function shareColumn(column: Float64Array): Float64Array {
  if (column.buffer instanceof SharedArrayBuffer) return column;
  const shared = new Float64Array(new SharedArrayBuffer(column.byteLength));
  shared.set(column);
  return shared;
}

/**
 * A copy of `data` whose columns live in SharedArrayBuffers (copied once here), so that
 * {@link computeMany} shares them with its threads instead of copying them on every call.
 */
export function shareAlignedData(data: AlignedData): AlignedData {
  const timeframes: Record<string, { bid?: CandleColumns; ask?: CandleColumns }> = {};
  for (const [tf, sides] of Object.entries(data.timeframes)) {
    const entry: { bid?: CandleColumns; ask?: CandleColumns } = {};
    for (const side of ['bid', 'ask'] as const) {
      const c = sides[side];
      if (c === undefined) continue;
      entry[side] = { time: shareColumn(c.time), open: shareColumn(c.open), high: shareColumn(c.high), low: shareColumn(c.low), close: shareColumn(c.close), volume: shareColumn(c.volume) };
    }
    timeframes[tf] = entry;
  }
  return { primaryTimeframe: data.primaryTimeframe, timestamp: shareColumn(data.timestamp), timeframes };
}

import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AlignedData, CandleColumns } from '@omega-ta/arrow-schemas';
import { ErrorCode, OmegaTaError } from '@omega-ta/kernel-interface';
import type { ComputeRequest, Job, JobError, JobGroup, JobReply, JobRequest } from './compute-job.js';
import { encodeJob, SharedBufferSender } from './compute-transport.js';
import { checkOutputs, type ComputeBatchOptions, type ComputeOutput } from './compute-outputs.js';
import { ORIGINAL_METHODS, type OriginalResult } from './original-methods.js';
import type { IndicatorCacheOptions } from './types.js';

export type { ComputeRequest } from './compute-job.js';
export { shareResults, type ComputeBatchOptions, type ComputeOutput } from './compute-outputs.js';

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

/** The requests grouped per data object (one IndicatorCache each), validated, with their outputs. */
function groupRequests(requests: readonly ComputeRequest[], outputs?: readonly (ComputeOutput | undefined)[]): JobGroup[] {
  if (!Array.isArray(requests)) throw new OmegaTaError(ErrorCode.INVALID_INPUT, 'computeMany: requests must be an array', { argument: 'requests' });
  const groups = new Map<AlignedData, { data: AlignedData; requests: JobRequest[] }>();
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
    group.requests.push({ index, method: r.method, tf: r.tf, side: r.side, params: r.params ?? {}, output: outputs?.[index] });
  });
  // After the requests (its lengths and overlaps need valid ones), before any job is made.
  checkOutputs(requests, outputs);
  return [...groups.values()];
}

/** The rows of a symbol's data (its share of the work is rows × requests). */
function rowsOf(data: AlignedData): number {
  return data.timestamp?.length ?? 0;
}

/** Jobs sent ahead to each thread, so that it starts the next one without a round trip. */
const JOBS_IN_FLIGHT = 2;

/** Chunks per thread: enough that a thread slowed by other load leaves its share to the others. */
const CHUNKS_PER_THREAD = 8;

/**
 * Splits the groups into jobs of similar work, largest groups first (each job a few whole
 * groups, about 1 / (threads × CHUNKS_PER_THREAD) of the total work), for the threads to take
 * in turn as each becomes free.
 */
function planJobs(groups: readonly JobGroup[], threads: number, options: ComputeManyOptions): Job[] {
  const cost = (g: JobGroup) => (rowsOf(g.data) + 1) * g.requests.length;
  const sorted = [...groups].sort((a, b) => cost(b) - cost(a));
  const target = sorted.reduce((sum, g) => sum + cost(g), 0) / (threads * CHUNKS_PER_THREAD);
  // The IndicatorCache options only (plain data for postMessage).
  const { threads: _threads, ...cacheOptions } = options;
  const jobs: Job[] = [];
  let chunk: JobGroup[] = [];
  let work = 0;
  for (const group of sorted) {
    chunk.push(group);
    work += cost(group);
    if (work >= target) {
      jobs.push({ options: cacheOptions, groups: chunk });
      chunk = [];
      work = 0;
    }
  }
  if (chunk.length > 0) jobs.push({ options: cacheOptions, groups: chunk });
  return jobs;
}

/**
 * One worker thread and the replies it owes, in the order of the jobs sent (it runs them in turn);
 * shared buffers are sent to it once (compute-transport).
 */
class PoolThread {
  readonly #worker = new Worker(workerFile());
  readonly #sender = new SharedBufferSender((message) => this.#worker.postMessage(message));
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
      this.#worker.postMessage(encodeJob(job, this.#sender));
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

  /**
   * As {@link computeMany}, on this pool's threads; with `batch.outputs`, the results go into
   * those caller-owned SharedArrayBuffer-backed arrays (see {@link ComputeBatchOptions}).
   */
  async compute(requests: readonly ComputeRequest[], batch: ComputeBatchOptions = {}): Promise<OriginalResult[]> {
    const { outputs } = batch;
    const groups = groupRequests(requests, outputs);
    if (groups.length === 0) return [];
    const jobs = planJobs(groups, this.#threads.length, this.#options);
    const results = new Array<OriginalResult>(requests.length);
    outputs?.forEach((output, index) => {
      if (output !== undefined) results[index] = output;
    });
    const failures: JobError[] = [];
    let next = 0;
    // Each thread has up to JOBS_IN_FLIGHT jobs queued and takes the next one as soon as it has
    // answered one (it never waits for the main thread between jobs, and no thread idles while
    // another still has a queue); after a failure no new job starts.
    const drain = async (thread: PoolThread): Promise<void> => {
      while (next < jobs.length && failures.length === 0) {
        const reply = await thread.run(jobs[next++]!);
        if (reply.ok) {
          for (const [index, result] of reply.results) results[index] = result;
        } else {
          failures.push(reply.error);
        }
      }
    };
    // Round robin, so that a batch of fewer jobs than lanes still uses every thread.
    const lanes = Array.from({ length: JOBS_IN_FLIGHT }, () => this.#threads).flat();
    await Promise.all(lanes.slice(0, jobs.length).map(drain));
    const failure = failures.reduce<JobError | undefined>((first, f) => (first === undefined || f.index < first.index ? f : first), undefined);
    if (failure !== undefined) {
      const { index, message, code, argument } = failure;
      const text = `computeMany: request ${index} (${requests[index]!.method}): ${message}`;
      if (code === undefined) throw new Error(text);
      throw new OmegaTaError(code as ErrorCode, text, argument === undefined ? {} : { argument });
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
 * request order, bitwise equal to the synchronous calls; rejects with a failing request's error
 * (OmegaTaError with its code, the message naming the request; the lowest index among the jobs
 * run, as no job starts after a failure). The symbols are sent in chunks of similar work that each
 * thread takes as it becomes free, so a thread slowed by other load does not hold up the batch.
 *
 * Columns backed by a SharedArrayBuffer ({@link shareAlignedData}) are shared with the threads,
 * other columns are copied to them once per call; results are transferred back, not copied,
 * or with `options.outputs` written into those caller-owned shared arrays ({@link ComputeBatchOptions}).
 * The threads live for this call only; a {@link ComputePool} keeps them for many calls.
 */
export async function computeMany(requests: readonly ComputeRequest[], options: ComputeManyOptions & ComputeBatchOptions = {}): Promise<OriginalResult[]> {
  const { outputs, ...poolOptions } = options;
  const threads = threadCount(poolOptions.threads);
  const symbols = groupRequests(requests, outputs).length;
  if (symbols === 0) return [];
  const pool = new ComputePool({ ...poolOptions, threads: Math.min(threads, symbols) });
  try {
    return await pool.compute(requests, { outputs });
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

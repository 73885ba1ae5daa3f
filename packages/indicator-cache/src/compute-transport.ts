import { CANDLE_FIELDS, type CandleField } from '@omega-ta/arrow-schemas';
import type { Job, JobRequest } from './compute-job.js';

/**
 * SharedArrayBuffers sent to a worker thread once, then named by a number: a SharedArrayBuffer
 * in a message becomes a new object in the receiving thread each time (and counts as that much
 * external memory there, driving its garbage collector), so the columns and outputs a pool sees
 * on every batch would otherwise be re-created per job.
 */

/** A Float64Array as sent: a shared one by buffer id (the buffer itself the first time), others as is. */
export type WireArray = Float64Array | { readonly id: number; readonly buffer: SharedArrayBuffer | undefined; readonly offset: number; readonly length: number };

/** A message telling a thread that buffer `forget` is no longer used by the sender. */
export interface ForgetMessage {
  readonly forget: number;
}

/** The sending side, one per thread: which buffers the thread holds, and telling it to drop collected ones. */
export class SharedBufferSender {
  readonly #ids = new WeakMap<SharedArrayBuffer, number>();
  readonly #collected: FinalizationRegistry<number>;
  #next = 0;

  /** `forget(message)` is called (to be posted) when a buffer the thread holds is garbage here. */
  constructor(forget: (message: ForgetMessage) => void) {
    this.#collected = new FinalizationRegistry((id) => forget({ forget: id }));
  }

  /** `array` as sent: by id if shared (with its buffer the first time), else itself (cloned). */
  wire(array: Float64Array): WireArray {
    const { buffer } = array;
    if (!(buffer instanceof SharedArrayBuffer)) return array;
    let id = this.#ids.get(buffer);
    const first = id === undefined;
    if (id === undefined) {
      id = this.#next++;
      this.#ids.set(buffer, id);
      this.#collected.register(buffer, id);
    }
    return { id, buffer: first ? buffer : undefined, offset: array.byteOffset, length: array.length };
  }
}

/** The receiving side: the buffers received, by id, until forgotten. */
export class SharedBufferReceiver {
  readonly #buffers = new Map<number, SharedArrayBuffer>();

  /** The Float64Array `wire` stands for (a view of the held buffer for a shared one). */
  array(wire: WireArray): Float64Array {
    if (wire instanceof Float64Array) return wire;
    let buffer = this.#buffers.get(wire.id);
    if (buffer === undefined) {
      if (wire.buffer === undefined) throw new Error(`computeMany: shared buffer ${wire.id} was never received`);
      buffer = wire.buffer;
      this.#buffers.set(wire.id, buffer);
    }
    return new Float64Array(buffer, wire.offset, wire.length);
  }

  forget(message: ForgetMessage): void {
    this.#buffers.delete(message.forget);
  }
}

/** AlignedData with arrays of type `A`. */
interface DataOf<A> {
  readonly primaryTimeframe: string;
  readonly timestamp: A;
  readonly timeframes: Readonly<Record<string, { readonly bid?: Readonly<Record<CandleField, A>>; readonly ask?: Readonly<Record<CandleField, A>> }>>;
}

/** A {@link Job} with arrays of type `A`. */
interface JobOf<A> {
  readonly options: Job['options'];
  readonly groups: readonly {
    readonly data: DataOf<A>;
    readonly requests: readonly (Omit<JobRequest, 'output'> & { readonly output: A | Readonly<Record<string, A>> | undefined })[];
  }[];
}

/** A {@link Job} as sent: its arrays as {@link WireArray}s. */
export type WireJob = JobOf<WireArray>;

/** Applies `map` to each column of `columns` (the six of CandleColumns). */
function mapColumns<A, B>(columns: Readonly<Record<CandleField, A>>, map: (column: A) => B): Record<CandleField, B> {
  return Object.fromEntries(CANDLE_FIELDS.map((field) => [field, map(columns[field])])) as Record<CandleField, B>;
}

/** Applies `map` to each array of `data` (same timeframes, sides and fields). */
function mapData<A, B>(data: DataOf<A>, map: (column: A) => B): DataOf<B> {
  const timeframes: Record<string, { bid?: Record<CandleField, B>; ask?: Record<CandleField, B> }> = {};
  for (const [tf, sides] of Object.entries(data.timeframes)) {
    const entry: { bid?: Record<CandleField, B>; ask?: Record<CandleField, B> } = {};
    if (sides.bid !== undefined) entry.bid = mapColumns(sides.bid, map);
    if (sides.ask !== undefined) entry.ask = mapColumns(sides.ask, map);
    timeframes[tf] = entry;
  }
  return { primaryTimeframe: data.primaryTimeframe, timestamp: map(data.timestamp), timeframes };
}

/** Applies `map` to an output's series (a lone one or each named one). */
function mapOutput<A extends object, B>(output: A | Readonly<Record<string, A>>, isSeries: (value: unknown) => value is A, map: (series: A) => B): B | Record<string, B> {
  if (isSeries(output)) return map(output);
  return Object.fromEntries(Object.entries(output).map(([name, series]) => [name, map(series)]));
}

const isFloat64Array = (value: unknown): value is Float64Array => value instanceof Float64Array;
const isWireArray = (value: unknown): value is WireArray => value instanceof Float64Array || (typeof value === 'object' && value !== null && 'id' in value);

/** `job` with each of its arrays (columns and outputs) mapped by `map`. */
function mapJob<A extends object, B>(job: JobOf<A>, isSeries: (value: unknown) => value is A, map: (array: A) => B): JobOf<B> {
  return {
    options: job.options,
    groups: job.groups.map((g) => ({
      data: mapData(g.data, map),
      requests: g.requests.map((r) => ({ ...r, output: r.output === undefined ? undefined : mapOutput(r.output, isSeries, map) })),
    })),
  };
}

/** `job` for `sender`'s thread: shared arrays by id. */
export function encodeJob(job: Job, sender: SharedBufferSender): WireJob {
  return mapJob(job, isFloat64Array, (array) => sender.wire(array));
}

/** The job `wire` stands for, with the buffers `receiver` holds. */
export function decodeJob(wire: WireJob, receiver: SharedBufferReceiver): Job {
  return mapJob(wire, isWireArray, (array) => receiver.array(array));
}

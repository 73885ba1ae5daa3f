import type { AlignedData, CandleColumns } from '@omega-ta/arrow-schemas';
import { ErrorCode, findIndicator, OmegaTaError, type ReadonlyFloat64Array } from '@omega-ta/kernel-interface';
import type { BackendSelection } from './backend.js';
import { KernelRunner } from './kernel-runner.js';
import { kernelOutput } from './output-buffer.js';
import { ResultGuard } from './result-guard.js';
import { ResultNode } from './result-node.js';
import { EMPTY } from './types.js';

/** The columns of one timeframe and side and the roots of the results cached for them, per method. */
export class SideSlot {
  readonly #methods = new ResultNode();

  constructor(readonly columns: CandleColumns) {}

  /** The root of `method`'s results: its children are keyed by the parameters in declaration order. */
  method(name: string): ResultNode {
    return this.#methods.at(name);
  }
}

interface Sides {
  readonly bid: SideSlot | undefined;
  readonly ask: SideSlot | undefined;
}

/**
 * The state an IndicatorCache's method groups share: the data, the options, the backend and the
 * result cache (one {@link ResultNode} tree per timeframe, side and method).
 */
export class CacheCore {
  readonly strict: boolean;
  readonly kalmanResume: boolean;
  readonly runner: KernelRunner;
  readonly #data: AlignedData;
  readonly #slots = new Map<string, Sides>();
  #lastTf: string | undefined;
  #lastSides: Sides | undefined;
  readonly #guard: ResultGuard | undefined;
  #size = 0;

  constructor(data: AlignedData, strict: boolean, kalmanResume: boolean, backend: BackendSelection, guard: boolean) {
    this.#data = data;
    this.#guard = guard ? new ResultGuard() : undefined;
    this.strict = strict;
    this.kalmanResume = kalmanResume;
    this.runner = new KernelRunner(backend);
  }

  /** Number of cached results. */
  get size(): number {
    return this.#size;
  }

  /** Drops every cached result. */
  clear(): void {
    this.#slots.clear();
    this.#guard?.clear();
    this.#lastTf = undefined;
    this.#lastSides = undefined;
    this.#size = 0;
  }

  /** The slot of `tf`/`side`, or undefined when the data has no such timeframe or side. */
  slot(tf: string, side: string): SideSlot | undefined {
    let sides = tf === this.#lastTf ? this.#lastSides : this.#slots.get(tf);
    if (sides === undefined) {
      const data = Object.prototype.hasOwnProperty.call(this.#data.timeframes, tf) ? this.#data.timeframes[tf] : undefined;
      if (data === undefined) return undefined;
      sides = {
        bid: data.bid === undefined ? undefined : new SideSlot(data.bid),
        ask: data.ask === undefined ? undefined : new SideSlot(data.ask),
      };
      this.#slots.set(tf, sides);
    }
    this.#lastTf = tf;
    this.#lastSides = sides;
    return side === 'bid' ? sides.bid : side === 'ask' ? sides.ask : undefined;
  }

  /** The columns of `tf`/`side`, or undefined when absent. */
  columns(tf: string, side: string): CandleColumns | undefined {
    return this.slot(tf, side)?.columns;
  }

  /** Stores `value` at `node` (counted in {@link size}) and returns it. */
  keep<T>(node: ResultNode, value: T): T {
    if (node.value === undefined) this.#size += 1;
    node.value = value;
    this.#guard?.remember(node, value);
    return value;
  }

  /** The result cached at `node` (undefined when none), checked by the result guard when it is on. */
  cached(node: ResultNode | undefined): unknown {
    if (node === undefined || node.value === undefined) return undefined;
    return this.#guard === undefined ? node.value : this.#guard.verified(node);
  }

  /** Every output of registry indicator `name` over `columns`, freshly computed. */
  compute(name: string, columns: CandleColumns, params: Readonly<Record<string, number>>): Float64Array[] {
    const spec = findIndicator(name);
    if (spec === undefined) throw new OmegaTaError(ErrorCode.UNSUPPORTED, `unknown indicator '${name}'`, { argument: 'name' });
    const n = columns.close.length;
    const outputs = spec.outputs.map(() => kernelOutput(n));
    this.runner.run(name, spec.inputs.map((input) => columns[input]), params, outputs);
    return outputs;
  }

  /**
   * Every output of registry indicator `name` over `tf`/`side`, computed once per parameters and
   * then served from the cache; undefined when the timeframe or side is absent.
   */
  outputs(name: string, tf: string, side: string, params: Readonly<Record<string, number>>): readonly ReadonlyFloat64Array[] | undefined {
    const slot = this.slot(tf, side);
    if (slot === undefined) return undefined;
    const node = slot.method(name).path(params);
    return (this.cached(node) as readonly ReadonlyFloat64Array[] | undefined) ?? this.keep(node, this.compute(name, slot.columns, params));
  }

  /**
   * The output of one-output, one-parameter indicator `name` (parameter `param` = `value`): the
   * cached path of the hottest calls (`ema(tf, side, 20)`), one Map lookup per key and no
   * allocation. The empty series when the timeframe or side is absent.
   */
  series1(name: string, tf: string, side: string, param: string, value: number): ReadonlyFloat64Array {
    const slot = this.slot(tf, side);
    if (slot === undefined) return EMPTY;
    const node = slot.method(name).at(value);
    const cached = this.cached(node) as ReadonlyFloat64Array | undefined;
    return cached ?? this.keep(node, this.compute(name, slot.columns, { [param]: value })[0]!);
  }

  /** The first output of {@link outputs}, or the empty series when tf/side is absent. */
  series(name: string, tf: string, side: string, params: Readonly<Record<string, number>>): ReadonlyFloat64Array {
    return this.outputs(name, tf, side, params)?.[0] ?? EMPTY;
  }

  /** The original's answer to degenerate parameters: all NaN, one value per row (empty when absent). */
  allNaN(tf: string, side: string): ReadonlyFloat64Array {
    const columns = this.columns(tf, side);
    return columns === undefined ? EMPTY : new Float64Array(columns.close.length).fill(Number.NaN);
  }

  /** Runs registry indicator `name` on given inputs into `outputs` (uncached: local and stepwise paths). */
  run(name: string, inputs: readonly ReadonlyFloat64Array[], params: Readonly<Record<string, number>>, outputs: readonly Float64Array[]): void {
    this.runner.run(name, inputs, params, outputs);
  }
}

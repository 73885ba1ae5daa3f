import {
  checkOutputIndex,
  checkStreamBar,
  checkStreamColumns,
  ErrorCode,
  findIndicator,
  OmegaTaError,
  resolveParams,
  type IndicatorSpec,
  type IndicatorStream,
  type ReadonlyFloat64Array,
  type StreamFactory,
} from '@omega-ta/kernel-interface';
import type { NativeBinding, NativeStreamHandle } from './binding.js';
import { info } from './info.js';

type NativeStreamClass = NativeBinding['NativeStream'];

/** Bars collected from `update` before they are sent to Rust in one call. */
const BLOCK = 256;

/**
 * {@link IndicatorStream} on top of the binding's `NativeStream` (the Rust streams of
 * `omega_ta_kernels::stream`). Arguments are checked here first, with the same OmegaTaErrors as
 * `@omega-ta/kernels-ts`.
 *
 * A Node-API call costs far more than computing a row, so `update` does not call Rust: it writes
 * the bar into a block of pending bars, and the block goes to Rust in one call when it is full or
 * when an output is read. `replace` of a pending bar rewrites it in the block. The
 * outputs are those of feeding the bars one by one (the Rust stream is the same state machine
 * either way), and `update`, `replace` and `value` allocate nothing.
 */
class NativeIndicatorStream implements IndicatorStream {
  readonly spec: IndicatorSpec;
  readonly params: Readonly<Record<string, number>>;
  private readonly Native: NativeStreamClass;
  /** The parameters in registry order, as the native constructor takes them. */
  private readonly ordered: number[];
  private readonly lookback: number;
  private native: NativeStreamHandle;
  /** Pending bars, one column per input, and the scratch outputs of flushing them. */
  private readonly pendingIn: Float64Array[];
  private readonly pendingOut: Float64Array[];
  private pending = 0;
  /** Outputs at the most recent flushed bar; the first `fresh` of them are current, Rust has the rest. */
  private readonly latest: Float64Array;
  private fresh: number;
  private count = 0;

  constructor(Native: NativeStreamClass, spec: IndicatorSpec, params: Readonly<Record<string, number>>) {
    this.spec = spec;
    this.params = params;
    this.Native = Native;
    this.ordered = spec.params.map((p) => params[p.name]!);
    this.lookback = spec.lookback(params);
    this.native = new Native(spec.name, this.ordered);
    this.pendingIn = spec.inputs.map(() => new Float64Array(BLOCK));
    this.pendingOut = spec.outputs.map(() => new Float64Array(BLOCK));
    this.latest = new Float64Array(spec.outputs.length).fill(Number.NaN);
    this.fresh = spec.outputs.length;
  }

  get length(): number {
    return this.count;
  }

  get ready(): boolean {
    return this.count > this.lookback;
  }

  update(x0: number, x1?: number, x2?: number): void {
    checkStreamBar(this.spec, x0, x1, x2);
    if (this.pending === BLOCK) this.flush();
    this.write(this.pending, x0, x1, x2);
    this.pending += 1;
    this.count += 1;
  }

  replace(x0: number, x1?: number, x2?: number): void {
    if (this.count === 0) {
      this.update(x0, x1, x2);
      return;
    }
    checkStreamBar(this.spec, x0, x1, x2);
    if (this.pending > 0) {
      this.write(this.pending - 1, x0, x1, x2);
    } else {
      const n = this.pendingIn.length;
      this.latest[0] = this.native.replace(x0, n > 1 ? x1! : Number.NaN, n > 2 ? x2! : Number.NaN);
      this.fresh = 1;
    }
  }

  value(k = 0): number {
    checkOutputIndex(this.spec, k);
    this.flush();
    if (k >= this.fresh) {
      for (let j = this.fresh; j < this.latest.length; j += 1) this.latest[j] = this.native.value(j);
      this.fresh = this.latest.length;
    }
    return this.latest[k]!;
  }

  updateMany(inputs: readonly ReadonlyFloat64Array[], outputs: readonly Float64Array[]): void {
    const given = checkStreamColumns(this.spec, inputs, outputs);
    const rows = given[0]!.length;
    this.flush();
    this.native.updateMany(rows, given[0]!, given[1], given[2], outputs[0]!, outputs[1], outputs[2]);
    this.count += rows;
    if (rows > 0) {
      for (let j = 0; j < outputs.length; j += 1) this.latest[j] = outputs[j]![rows - 1]!;
      this.fresh = outputs.length;
    }
  }

  reset(): void {
    this.native = new this.Native(this.spec.name, this.ordered);
    this.pending = 0;
    this.latest.fill(Number.NaN);
    this.fresh = this.latest.length;
    this.count = 0;
  }

  /** Writes a bar into row `row` of the pending block. */
  private write(row: number, x0: number, x1?: number, x2?: number): void {
    const columns = this.pendingIn;
    columns[0]![row] = x0;
    if (columns.length > 1) {
      columns[1]![row] = x1!;
      columns[2]![row] = x2!;
    }
  }

  /**
   * Sends the pending bars to Rust and keeps the outputs of the last one: a single bar as three
   * numbers (the cheaper call, returning output 0), more as one `updateMany` call.
   */
  private flush(): void {
    const rows = this.pending;
    if (rows === 0) return;
    const [a, b, c] = this.pendingIn;
    if (rows === 1) {
      this.latest[0] = this.native.update(a![0]!, b?.[0] ?? Number.NaN, c?.[0] ?? Number.NaN);
      this.fresh = 1;
    } else {
      const out = this.pendingOut;
      this.native.updateMany(rows, a!, b, c, out[0]!, out[1], out[2]);
      for (let j = 0; j < out.length; j += 1) this.latest[j] = out[j]![rows - 1]!;
      this.fresh = out.length;
    }
    this.pending = 0;
  }
}

/**
 * The contract's stream factory on top of a loaded binding: parameters are resolved and checked
 * like the batch kernels' (same OmegaTaError INVALID_PARAM), an unknown name is UNSUPPORTED. The
 * streams' outputs equal the batch kernels' bit for bit at every row, however the bars are fed.
 */
export function streamFactory(binding: NativeBinding): StreamFactory {
  return (name, params = {}) => {
    const spec = findIndicator(name);
    if (spec === undefined) {
      throw new OmegaTaError(ErrorCode.UNSUPPORTED, `${info.name} has no stream '${String(name)}'`, { argument: 'name' });
    }
    return new NativeIndicatorStream(binding.NativeStream, spec, resolveParams(spec.name, spec.params, params));
  };
}

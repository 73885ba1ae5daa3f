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

/**
 * {@link IndicatorStream} on top of the binding's `NativeStream` (the Rust streams of
 * `omega_ta_kernels::stream`). Arguments are checked here first, with the same OmegaTaErrors as
 * `@omega-ta/kernels-ts`; a bar crosses into Rust as three numbers (unused inputs as NaN), so
 * `update`, `replace` and `value` allocate nothing.
 */
class NativeIndicatorStream implements IndicatorStream {
  readonly spec: IndicatorSpec;
  readonly params: Readonly<Record<string, number>>;
  private readonly Native: NativeStreamClass;
  /** The parameters in registry order, as the native constructor takes them. */
  private readonly ordered: number[];
  private readonly lookback: number;
  private readonly inputCount: number;
  private native: NativeStreamHandle;
  private count = 0;

  constructor(Native: NativeStreamClass, spec: IndicatorSpec, params: Readonly<Record<string, number>>) {
    this.spec = spec;
    this.params = params;
    this.Native = Native;
    this.ordered = spec.params.map((p) => params[p.name]!);
    this.lookback = spec.lookback(params);
    this.inputCount = spec.inputs.length;
    this.native = new Native(spec.name, this.ordered);
  }

  get length(): number {
    return this.count;
  }

  get ready(): boolean {
    return this.count > this.lookback;
  }

  update(x0: number, x1?: number, x2?: number): void {
    checkStreamBar(this.spec, x0, x1, x2);
    const n = this.inputCount;
    this.native.update(x0, n > 1 ? x1! : Number.NaN, n > 2 ? x2! : Number.NaN);
    this.count += 1;
  }

  replace(x0: number, x1?: number, x2?: number): void {
    if (this.count === 0) {
      this.update(x0, x1, x2);
      return;
    }
    checkStreamBar(this.spec, x0, x1, x2);
    const n = this.inputCount;
    this.native.replace(x0, n > 1 ? x1! : Number.NaN, n > 2 ? x2! : Number.NaN);
  }

  value(k = 0): number {
    checkOutputIndex(this.spec, k);
    return this.native.value(k);
  }

  updateMany(inputs: readonly ReadonlyFloat64Array[], outputs: readonly Float64Array[]): void {
    const given = checkStreamColumns(this.spec, inputs, outputs);
    this.native.updateMany(given[0]!, given[1], given[2], outputs[0]!, outputs[1], outputs[2]);
    this.count += given[0]!.length;
  }

  reset(): void {
    this.native = new this.Native(this.spec.name, this.ordered);
    this.count = 0;
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

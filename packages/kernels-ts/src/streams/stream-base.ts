import {
  checkBuffers,
  ErrorCode,
  OmegaTaError,
  type IndicatorSpec,
  type IndicatorStream,
  type ReadonlyFloat64Array,
} from '@omega-ta/kernel-interface';
import type { StateBlock } from './state-block.js';

/**
 * What every stream shares: input checks, the bar count, `ready`, `replace` as "restore the
 * pre-bar state, then step again", `updateMany` and `value`. A subclass lists its state blocks
 * and implements `step`, the batch kernel's loop body for one row, writing `this.out`.
 */
export abstract class StreamBase implements IndicatorStream {
  readonly spec: IndicatorSpec;
  readonly params: Readonly<Record<string, number>>;
  /** Outputs at the most recent bar (registry output order). */
  protected readonly out: Float64Array;
  private readonly savedOut: Float64Array;
  private readonly blocks: readonly StateBlock[];
  private readonly lookback: number;
  private count = 0;

  protected constructor(spec: IndicatorSpec, params: Readonly<Record<string, number>>, blocks: readonly StateBlock[]) {
    this.spec = spec;
    this.params = params;
    this.blocks = blocks;
    this.lookback = spec.lookback(params);
    this.out = new Float64Array(spec.outputs.length).fill(Number.NaN);
    this.savedOut = new Float64Array(spec.outputs.length).fill(Number.NaN);
  }

  /** One row of the batch kernel: consumes the bar, writes every output into `this.out`. */
  protected abstract step(x0: number, x1: number, x2: number): void;

  get length(): number {
    return this.count;
  }

  get ready(): boolean {
    return this.count > this.lookback;
  }

  update(x0: number, x1?: number, x2?: number): void {
    this.checkBar(x0, x1, x2);
    this.advance(x0, x1 as number, x2 as number);
  }

  replace(x0: number, x1?: number, x2?: number): void {
    if (this.count === 0) {
      this.update(x0, x1, x2);
      return;
    }
    this.checkBar(x0, x1, x2);
    for (let b = 0; b < this.blocks.length; b += 1) this.blocks[b]!.restore();
    for (let k = 0; k < this.out.length; k += 1) this.out[k] = this.savedOut[k]!;
    this.step(x0, x1 as number, x2 as number);
  }

  value(k = 0): number {
    if (!Number.isInteger(k) || k < 0 || k >= this.out.length) {
      throw new OmegaTaError(
        ErrorCode.INVALID_INPUT,
        `${this.spec.name}: output index must be an integer in [0, ${this.out.length - 1}] (got ${String(k)})`,
        { argument: 'k' },
      );
    }
    return this.out[k]!;
  }

  updateMany(inputs: readonly ReadonlyFloat64Array[], outputs: readonly Float64Array[]): void {
    const { spec } = this;
    for (const [argument, list, expected] of [
      ['inputs', inputs, spec.inputs.length],
      ['outputs', outputs, spec.outputs.length],
    ] as const) {
      if (!Array.isArray(list) || list.length !== expected) {
        throw new OmegaTaError(
          ErrorCode.INVALID_INPUT,
          `${spec.name}: ${argument} must be an array of ${expected} Float64Array(s)`,
          { argument },
        );
      }
    }
    const given: readonly unknown[] = inputs;
    checkBuffers(spec.name, spec.inputs, given, spec.outputs, outputs);
    const a = given[0]!;
    const b = given[1] ?? a;
    const c = given[2] ?? a;
    const nOut = outputs.length;
    for (let i = 0; i < a.length; i += 1) {
      this.advance(a[i]!, b[i]!, c[i]!);
      for (let k = 0; k < nOut; k += 1) outputs[k]![i] = this.out[k]!;
    }
  }

  reset(): void {
    for (let b = 0; b < this.blocks.length; b += 1) this.blocks[b]!.reset();
    this.out.fill(Number.NaN);
    this.savedOut.fill(Number.NaN);
    this.count = 0;
  }

  private advance(x0: number, x1: number, x2: number): void {
    for (let b = 0; b < this.blocks.length; b += 1) this.blocks[b]!.save();
    for (let k = 0; k < this.out.length; k += 1) this.savedOut[k] = this.out[k]!;
    this.step(x0, x1, x2);
    this.count += 1;
  }

  private checkBar(x0: unknown, x1: unknown, x2: unknown): void {
    const names = this.spec.inputs;
    for (let j = 0; j < names.length; j += 1) {
      const v = j === 0 ? x0 : j === 1 ? x1 : x2;
      if (typeof v !== 'number') {
        throw new OmegaTaError(ErrorCode.INVALID_INPUT, `${this.spec.name}: ${names[j]!} must be a number (got ${v === null ? 'null' : typeof v})`, {
          argument: names[j]!,
        });
      }
    }
  }
}

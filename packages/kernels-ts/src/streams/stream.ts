import {
  checkOutputIndex,
  checkStreamBar,
  checkStreamColumns,
  type IndicatorSpec,
  type IndicatorStream,
  type ReadonlyFloat64Array,
} from '@omega-ta/kernel-interface';
import type { StatePart } from './state-block.js';
import type { StreamStep } from './stream-step.js';

/**
 * Every stream, whatever the indicator: input checks, the bar count, `ready`, `replace` as
 * "restore the pre-bar state, then step again", `updateMany` and `value`, around the indicator's
 * {@link StreamStep}. One class for all indicators, so that its property accesses stay
 * monomorphic when an application runs many different streams.
 */
export class Stream implements IndicatorStream {
  readonly spec: IndicatorSpec;
  readonly params: Readonly<Record<string, number>>;
  /** Outputs at the most recent bar (registry output order). */
  private readonly out: Float64Array;
  private readonly savedOut: Float64Array;
  private readonly core: StreamStep;
  /** The state parts of every block of the step, saved before each bar. */
  private readonly parts: readonly StatePart[];
  private readonly lookback: number;
  private count = 0;

  constructor(core: StreamStep, params: Readonly<Record<string, number>>) {
    const { spec } = core;
    this.spec = spec;
    this.params = params;
    this.core = core;
    this.parts = core.blocks.flatMap((block) => block.parts);
    this.lookback = spec.lookback(params);
    this.out = new Float64Array(spec.outputs.length).fill(Number.NaN);
    this.savedOut = new Float64Array(spec.outputs.length).fill(Number.NaN);
  }

  get length(): number {
    return this.count;
  }

  get ready(): boolean {
    return this.count > this.lookback;
  }

  update(x0: number, x1?: number, x2?: number): void {
    checkStreamBar(this.spec, x0, x1, x2);
    this.advance(x0, x1 as number, x2 as number);
  }

  replace(x0: number, x1?: number, x2?: number): void {
    if (this.count === 0) {
      this.update(x0, x1, x2);
      return;
    }
    checkStreamBar(this.spec, x0, x1, x2);
    for (let p = 0; p < this.parts.length; p += 1) this.parts[p]!.restore();
    for (let k = 0; k < this.out.length; k += 1) this.out[k] = this.savedOut[k]!;
    this.core.step(this.out, x0, x1 as number, x2 as number);
  }

  value(k = 0): number {
    checkOutputIndex(this.spec, k);
    return this.out[k]!;
  }

  updateMany(inputs: readonly ReadonlyFloat64Array[], outputs: readonly Float64Array[]): void {
    const given = checkStreamColumns(this.spec, inputs, outputs);
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
    for (let p = 0; p < this.parts.length; p += 1) this.parts[p]!.reset();
    this.out.fill(Number.NaN);
    this.savedOut.fill(Number.NaN);
    this.count = 0;
  }

  private advance(x0: number, x1: number, x2: number): void {
    for (let p = 0; p < this.parts.length; p += 1) this.parts[p]!.save();
    for (let k = 0; k < this.out.length; k += 1) this.savedOut[k] = this.out[k]!;
    this.core.step(this.out, x0, x1, x2);
    this.count += 1;
  }

}

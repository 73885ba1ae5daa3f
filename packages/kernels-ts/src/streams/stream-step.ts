import type { IndicatorSpec } from '@omega-ta/kernel-interface';
import type { StateBlock } from './state-block.js';

/**
 * The indicator-specific part of a stream: its state blocks and `step`, the batch kernel's loop
 * body for one row, which consumes the bar (registry inputs in order) and writes every output
 * into `out`. {@link Stream} does the rest, the same for every indicator.
 */
export interface StreamStep {
  readonly spec: IndicatorSpec;
  /** Every piece of state `step` changes; saved before each bar, restored by `replace`. */
  readonly blocks: readonly StateBlock[];
  step(out: Float64Array, x0: number, x1: number, x2: number): void;
}

import type { CandleColumns } from '@omega-ta/arrow-schemas';
import { callKernel, type Kernel } from '@omega-ta/kernel-interface';
import type { IndicatorRequest } from './indicator-list.js';

/**
 * Computes one indicator over the candle columns with the given kernel: one new column per output
 * of the indicator, keyed by its output column name. The input columns are only read.
 */
export function computeIndicator(columns: CandleColumns, request: IndicatorRequest, kernel: Kernel): Record<string, Float64Array> {
  const rows = columns.close.length;
  const inputs = request.spec.inputs.map((input) => columns[input]);
  const outputs = request.columns.map(() => new Float64Array(rows));
  callKernel(kernel, request.spec.name, inputs, request.params, outputs);
  return Object.fromEntries(request.columns.map((name, i) => [name, outputs[i] as Float64Array]));
}

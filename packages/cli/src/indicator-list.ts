import { findIndicator, indicatorList, isOmegaTaError, resolveParams, type IndicatorSpec } from '@omega-ta/kernel-interface';
import { CliError } from './errors.js';

/** One indicator asked for on the command line, its parameters checked. */
export interface IndicatorRequest {
  readonly spec: IndicatorSpec;
  readonly params: Readonly<Record<string, number>>;
  /** The request as written without separators, e.g. `macd_12_26_9`. */
  readonly label: string;
  /** The output column names, one per output of the indicator (`<label>` or `<label>_<output>`). */
  readonly columns: readonly string[];
}

/**
 * Parses `ema:20,rsi:14,macd:12:26:9`: each item is an indicator of the registry followed by its
 * parameters in declaration order (trailing ones with a default may be left out).
 */
export function parseIndicatorList(text: string): readonly IndicatorRequest[] {
  const items = text.split(',').map((item) => item.trim());
  if (items.some((item) => item === '')) throw new CliError(`--indicators: empty item in '${text}'`);
  const requests = items.map(parseItem);
  const seen = new Set<string>();
  for (const request of requests) {
    if (seen.has(request.label)) throw new CliError(`--indicators: '${request.label}' is asked for twice`);
    seen.add(request.label);
  }
  return requests;
}

function parseItem(item: string): IndicatorRequest {
  const [name = '', ...values] = item.split(':');
  const spec = findIndicator(name);
  if (spec === undefined) {
    throw new CliError(`--indicators: unknown indicator '${name}' (known: ${indicatorList.map((s) => s.name).join(', ')})`);
  }
  if (values.length > spec.params.length) {
    throw new CliError(`--indicators: '${item}': ${spec.name} takes ${spec.params.length} parameter(s) (${usage(spec)})`);
  }
  const given: Record<string, number> = {};
  values.forEach((value, i) => {
    const param = spec.params[i];
    const number = value.trim() === '' ? Number.NaN : Number(value);
    if (param !== undefined) given[param.name] = number;
  });
  try {
    const params = resolveParams(spec.name, spec.params, given);
    const label = [spec.name, ...values].join('_');
    const columns = spec.outputs.length === 1 ? [label] : spec.outputs.map((output) => `${label}_${output}`);
    return { spec, params, label, columns };
  } catch (error) {
    if (isOmegaTaError(error)) throw new CliError(`--indicators: '${item}': ${error.message} (${usage(spec)})`);
    throw error;
  }
}

function usage(spec: IndicatorSpec): string {
  return `${spec.name}:${spec.params.map((p) => (p.default === undefined ? p.name : `[${p.name}=${p.default}]`)).join(':')}`;
}

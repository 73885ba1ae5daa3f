import {
  callKernel,
  ErrorCode,
  indicatorList,
  isOmegaTaError,
  resolveParams,
  type IndicatorSpec,
  type Kernel,
} from '@omega-ta/kernel-interface';
import {
  expectedRows,
  listDatasets,
  loadDataset,
  loadIndicatorCases,
  relativeError,
  sameNumber,
  type ReferenceCase,
  type ReferenceColumns,
} from '@omega-ta/golden';
import { expectThat, type Check } from './check.js';
import { outputsOf } from './series.js';

/** Relative tolerance of the reference comparison (issue: "within 1e-12 relative"). */
export const REFERENCE_TOLERANCE = 1e-12;

function throwsInvalidParam(run: () => void, what: string): void {
  try {
    run();
  } catch (error) {
    expectThat(
      isOmegaTaError(error) && error.code === ErrorCode.INVALID_PARAM,
      `${what}: expected OmegaTaError INVALID_PARAM, got ${String(error)}`,
    );
    return;
  }
  throw new Error(`${what}: expected OmegaTaError INVALID_PARAM, but the call returned`);
}

function paramsAccepted(spec: IndicatorSpec, params: Readonly<Record<string, unknown>>): boolean {
  try {
    resolveParams(spec.name, spec.params, params);
    return true;
  } catch {
    return false;
  }
}

/**
 * The reference values of each output of `spec`, in its order; undefined for an output the
 * original does not return (e.g. macd's `histogram`, an omega-ta addition), which has nothing to be
 * compared with. A tuple case that lacks every output of the spec is an error, not a pass.
 */
function expectedOutputs(spec: IndicatorSpec, c: ReferenceCase): readonly (readonly unknown[] | undefined)[] {
  const values = c.values;
  if (Array.isArray(values)) return [values];
  const named = values as Readonly<Record<string, readonly unknown[]>>;
  const expected = spec.outputs.map((name) => (Object.prototype.hasOwnProperty.call(named, name) ? named[name] : undefined));
  if (expected.every((v) => v === undefined)) {
    throw new Error(`${c.id}: the reference has none of the outputs ${spec.outputs.join(', ')} (it has ${Object.keys(named).join(', ')})`);
  }
  return expected;
}

function compareCase(
  kernel: Kernel,
  spec: IndicatorSpec,
  c: ReferenceCase,
  columns: ReferenceColumns,
  sampleRows: readonly number[],
): void {
  const inputs = spec.inputs.map((name) => columns[name]);
  const outputs = outputsOf(spec, columns.close.length);
  callKernel(kernel, spec.name, inputs, c.params as Record<string, number>, outputs);
  const expected = expectedOutputs(spec, c);
  spec.outputs.forEach((name, k) => {
    const out = outputs[k]!;
    const reference = expected[k];
    if (reference === undefined) return;
    for (const { row, value } of expectedRows(c, reference, sampleRows)) {
      const actual = out[row]!;
      if (!sameNumber(actual, value, REFERENCE_TOLERANCE)) {
        throw new Error(
          `${c.id} ${name}[${row}]: got ${actual}, reference ${value} (relative error ${relativeError(actual, value)})`,
        );
      }
    }
  });
}

/**
 * The cases of `spec` among `cases`: those under its name, plus (for a spec with `reference`)
 * the cases of the original method it stands for, with the fixed parameters removed.
 */
function casesOf(spec: IndicatorSpec, cases: readonly ReferenceCase[]): ReferenceCase[] {
  return casesUnderNames(spec, cases).map((c) => ({ ...c, params: numericParams(c.params) }));
}

/**
 * The reference's parameters as the contract's numbers: a boolean parameter of the original
 * (`garch_volatility`'s `use_log_returns`) is the integer parameter 1 (true) or 0 (false).
 */
function numericParams(params: ReferenceCase['params']): ReferenceCase['params'] {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'boolean' ? (v ? 1 : 0) : v]));
}

function casesUnderNames(spec: IndicatorSpec, cases: readonly ReferenceCase[]): ReferenceCase[] {
  const own = cases.filter((c) => c.method === spec.name);
  const ref = spec.reference;
  if (ref === undefined) return own;
  const mapped = cases
    .filter((c) => c.method === ref.method && Object.entries(ref.fixed).every(([k, v]) => c.params[k] === v))
    .map((c) => ({ ...c, id: `${c.id} as ${spec.name}`, params: Object.fromEntries(Object.entries(c.params).filter(([k]) => !(k in ref.fixed))) }));
  return [...own, ...mapped];
}

/**
 * One check per reference case of every registry indicator, from every dataset in `dir`
 * (including the cases a spec's `reference` maps to it, e.g. `zscore` with `mean_source="ema"`
 * for `zscore_ema`):
 * - a value case with parameters the contract accepts must match within 1e-12 relative, NaN where
 *   NaN, the same infinity and sign of zero;
 * - an error case (the original raised) must throw INVALID_PARAM;
 * - a value case whose parameters the contract rejects (the original's silent degenerate
 *   results, e.g. sma period 0; IndicatorCache reproduces those) must throw INVALID_PARAM.
 * Cases of timeframes or sides the dataset does not have are IndicatorCache behaviour and skipped.
 */
export function referenceChecks(kernel: Kernel, dir?: string): Check[] {
  const checks: Check[] = [];
  for (const entry of listDatasets(dir)) {
    const cases = loadIndicatorCases(entry.name, dir);
    const relevant = indicatorList.flatMap((spec) => casesOf(spec, cases.cases).map((c) => ({ spec, c })));
    if (relevant.length === 0) continue;
    const dataset = loadDataset(entry.name, dir);
    for (const { spec, c } of relevant) {
      const columns = c.tf === undefined ? undefined : dataset.timeframes[c.tf]?.[c.side as 'bid' | 'ask'];
      const name = `reference › ${entry.name} › ${c.id}`;
      if (c.kind === 'error') {
        const n = columns?.close.length ?? 0;
        checks.push({
          name,
          run: () =>
            throwsInvalidParam(
              () => callKernel(kernel, spec.name, spec.inputs.map(() => new Float64Array(n)), c.params as Record<string, number>, outputsOf(spec, n)),
              c.id,
            ),
        });
      } else if (columns === undefined) {
        continue;
      } else if (!paramsAccepted(spec, c.params)) {
        checks.push({
          name: `${name} (rejected by the contract)`,
          run: () =>
            throwsInvalidParam(
              () => callKernel(kernel, spec.name, spec.inputs.map((k) => columns[k]), c.params as Record<string, number>, outputsOf(spec, columns.close.length)),
              c.id,
            ),
        });
      } else {
        checks.push({ name, run: () => compareCase(kernel, spec, c, columns, cases.sampleRows) });
      }
    }
  }
  return checks;
}

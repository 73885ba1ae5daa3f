import { ErrorCode, isOmegaTaError, type IndicatorSpec, type Kernel } from '@omega-ta/kernel-interface';
import { expectThat, type Check } from './check.js';

function validParams(spec: IndicatorSpec): Record<string, number> {
  return Object.fromEntries(spec.params.map((p) => [p.name, p.default ?? p.min]));
}

function expectError(code: string, argument: string | undefined, call: () => void): void {
  try {
    call();
  } catch (error) {
    expectThat(isOmegaTaError(error), `expected an OmegaTaError, got ${String(error)}`);
    expectThat(error.code === code, `expected code ${code}, got ${error.code}: ${error.message}`);
    if (argument !== undefined) {
      expectThat(error.message.includes(argument), `the message should name '${argument}': ${error.message}`);
    }
    return;
  }
  throw new Error(`expected ${code}, but the call returned`);
}

/**
 * Every invalid parameter the registry implies (below min, above max, fractional for an integer,
 * NaN, ±Infinity, a string, missing, unknown) and every bad buffer (not a Float64Array, wrong
 * length, output aliasing an input or another output, wrong argument count) must throw the typed
 * error with the stable code, naming the argument.
 */
export function errorChecks(kernel: Kernel, spec: IndicatorSpec): Check[] {
  const n = 8;
  const fn = (kernel as unknown as Record<string, (...args: unknown[]) => void>)[spec.name]!;
  const inputs = (): Float64Array[] => spec.inputs.map(() => new Float64Array(n).fill(1));
  const outputs = (): Float64Array[] => spec.outputs.map(() => new Float64Array(n));
  const call = (ins: unknown[], params: unknown, outs: unknown[]) => () => fn.call(kernel, ...ins, params, ...outs);
  const checks: Check[] = [];
  const bad = (what: string, code: string, argument: string | undefined, run: () => void): void => {
    checks.push({ name: `errors › ${spec.name} › ${what}`, run: () => expectError(code, argument, run) });
  };

  for (const p of spec.params) {
    const invalid: [string, unknown][] = [
      ['below min', p.min - 1],
      ['NaN', Number.NaN],
      ['Infinity', Number.POSITIVE_INFINITY],
      ['-Infinity', Number.NEGATIVE_INFINITY],
      ['a string', String(p.default ?? p.min)],
    ];
    if (p.max < Number.MAX_VALUE) invalid.push(['above max', p.max + (p.kind === 'integer' ? 1 : p.max * 1e-9 + 1)]);
    if (p.kind === 'integer') invalid.push(['fractional', p.min + 0.5]);
    for (const [what, value] of invalid) {
      bad(`${p.name} ${what}`, ErrorCode.INVALID_PARAM, p.name, call(inputs(), { ...validParams(spec), [p.name]: value }, outputs()));
    }
    if (p.default === undefined) {
      const { [p.name]: _omitted, ...rest } = validParams(spec);
      bad(`${p.name} missing`, ErrorCode.INVALID_PARAM, p.name, call(inputs(), rest, outputs()));
    }
  }
  bad('unknown parameter', ErrorCode.INVALID_PARAM, 'bogus', call(inputs(), { ...validParams(spec), bogus: 1 }, outputs()));
  bad('params not an object', ErrorCode.INVALID_PARAM, undefined, call(inputs(), 14, outputs()));

  spec.inputs.forEach((name, k) => {
    const withInput = (value: unknown): unknown[] => inputs().map((x, j) => (j === k ? value : x));
    bad(`${name} a plain array`, ErrorCode.INVALID_INPUT, name, call(withInput(Array.from({ length: n }, () => 1)), validParams(spec), outputs()));
    bad(`${name} a Float32Array`, ErrorCode.INVALID_INPUT, name, call(withInput(new Float32Array(n)), validParams(spec), outputs()));
    bad(`${name} shorter`, ErrorCode.LENGTH_MISMATCH, undefined, call(withInput(new Float64Array(n - 1)), validParams(spec), outputs()));
  });
  spec.outputs.forEach((name, k) => {
    const withOutput = (value: unknown): unknown[] => outputs().map((x, j) => (j === k ? value : x));
    bad(`out ${name} shorter`, ErrorCode.LENGTH_MISMATCH, name, call(inputs(), validParams(spec), withOutput(new Float64Array(n - 1))));
    bad(`out ${name} null`, ErrorCode.INVALID_INPUT, name, call(inputs(), validParams(spec), withOutput(null)));
    checks.push({
      name: `errors › ${spec.name} › out ${name} is an input`,
      run: () => {
        const ins = inputs();
        expectError(ErrorCode.ALIASED_OUTPUT, name, call(ins, validParams(spec), outputs().map((x, j) => (j === k ? ins[0] : x))));
      },
    });
    checks.push({
      name: `errors › ${spec.name} › out ${name} overlaps an input`,
      run: () => {
        const buffer = new Float64Array(2 * n);
        const ins = inputs().map((x, j) => (j === 0 ? buffer.subarray(0, n) : x));
        const out = buffer.subarray(n / 2, n / 2 + n);
        expectError(ErrorCode.ALIASED_OUTPUT, name, call(ins, validParams(spec), outputs().map((x, j) => (j === k ? out : x))));
      },
    });
  });
  bad('wrong argument count', ErrorCode.INVALID_INPUT, undefined, () => fn.call(kernel, ...inputs(), validParams(spec)));
  return checks;
}

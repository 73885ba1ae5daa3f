import fc from 'fast-check';
import {
  callKernel,
  ErrorCode,
  isOmegaTaError,
  type IndicatorName,
  type IndicatorSpec,
  type IndicatorStream,
  type Kernel,
  type StreamFactory,
} from '@omega-ta/kernel-interface';
import { expectThat, sameBits, type Check } from './check.js';
import { inputsOf, outputsOf, paramsArbitrary, seriesGenerators } from './series.js';

/** How the next bars reach the stream. */
type Step =
  /** `update` with the next bar. */
  | { readonly kind: 'bar' }
  /** `updateMany` with the next `size` bars (fewer at the end). */
  | { readonly kind: 'many'; readonly size: number }
  /** A provisional bar (row `from` of the series, or NaN), replaced `extra` more times, then by the real next bar. */
  | { readonly kind: 'provisional'; readonly from: number; readonly nan: boolean; readonly extra: number };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.constant({ kind: 'bar' } as const),
  fc.record({ kind: fc.constant('many' as const), size: fc.integer({ min: 1, max: 64 }) }),
  fc.record({
    kind: fc.constant('provisional' as const),
    from: fc.nat(),
    nan: fc.boolean(),
    extra: fc.integer({ min: 0, max: 2 }),
  }),
);

/** A random chunking: per-bar updates, updateMany chunks and provisional bars, mixed. */
const planArbitrary = fc.array(stepArbitrary, { maxLength: 120 });

function bar(inputs: readonly Float64Array[], row: number, nan: boolean): [number, number, number] {
  const at = (k: number): number => (nan ? Number.NaN : (inputs[k]?.[row] ?? Number.NaN));
  return [at(0), at(1), at(2)];
}

/**
 * Feeds the series to a fresh stream following `plan` (then bar by bar to the end) and checks
 * after every bar that each output equals the batch output bitwise and that `length` and `ready`
 * are right.
 */
function replay(
  stream: IndicatorStream,
  spec: IndicatorSpec,
  inputs: readonly Float64Array[],
  expected: readonly Float64Array[],
  plan: readonly Step[],
): void {
  const n = inputs[0]!.length;
  const lookback = spec.lookback(stream.params);
  const verify = (row: number, actual: (k: number) => number, how: string): void => {
    for (let k = 0; k < spec.outputs.length; k += 1) {
      const a = actual(k);
      const e = expected[k]![row]!;
      expectThat(sameBits(a, e), `${how}: ${spec.outputs[k]}[${row}] is ${a}, batch ${e}`);
    }
  };
  /** `row` is the most recent bar: length, ready and value(k) must say so. */
  const verifyLast = (row: number, how: string): void => {
    expectThat(stream.length === row + 1, `${how}: length ${stream.length} after row ${row}`);
    expectThat(stream.ready === row >= lookback, `${how}: ready ${stream.ready} at row ${row} (lookback ${lookback})`);
    verify(row, (k) => stream.value(k), how);
  };
  let row = 0;
  let s = 0;
  while (row < n) {
    const step: Step = plan[s] ?? { kind: 'bar' };
    s += 1;
    if (step.kind === 'many') {
      const end = Math.min(n, row + step.size);
      const outs = outputsOf(spec, end - row);
      stream.updateMany(
        inputs.map((x) => x.subarray(row, end)),
        outs,
      );
      for (let i = row; i < end; i += 1) verify(i, (k) => outs[k]![i - row]!, `updateMany(${row}..${end})`);
      verifyLast(end - 1, `updateMany(${row}..${end})`);
      row = end;
      continue;
    }
    if (step.kind === 'provisional') {
      const provisional = bar(inputs, step.from % n, step.nan);
      if (row === 0) stream.replace(...provisional); // before any bar, replace acts as update
      else stream.update(...provisional);
      for (let r = 0; r < step.extra; r += 1) stream.replace(...bar(inputs, (step.from + r + 1) % n, false));
      stream.replace(...bar(inputs, row, false));
      verifyLast(row, `provisional bar replaced at row ${row}`);
    } else {
      stream.update(...bar(inputs, row, false));
      verifyLast(row, `update at row ${row}`);
    }
    row += 1;
  }
}

function errorOf(call: () => unknown): { code: string; message: string } | undefined {
  try {
    call();
  } catch (error) {
    if (isOmegaTaError(error)) return { code: error.code, message: error.message };
    return { code: 'not an OmegaTaError', message: String(error) };
  }
  return undefined;
}

/**
 * Streaming ≡ batch, driven by the registry: for every series generator, random chunkings
 * (per-bar `update`, `updateMany` chunks, provisional bars replaced by the real ones) must give the
 * batch outputs of the same kernel bitwise at every row, with `ready` flipping exactly after the
 * lookback; invalid parameters must throw the batch kernel's error; bad bars and buffers throw
 * typed errors. A kernel without `createStream` (it is part of the contract) fails one check.
 */
export function streamingChecks(kernel: Kernel, spec: IndicatorSpec, numRuns: number): Check[] {
  const create: StreamFactory | undefined = (kernel as Partial<Kernel>).createStream;
  if (typeof create !== 'function') {
    return [{ name: `streaming › ${spec.name}: the kernel provides createStream`, run: () => expectThat(false, 'no createStream function') }];
  }
  const name = spec.name as IndicatorName;
  const checks: Check[] = seriesGenerators.map((gen) => ({
    name: `streaming › ${spec.name} › ${gen.name}: equal to batch bitwise in random chunkings`,
    run: () =>
      fc.assert(
        fc.property(gen.arbitrary, paramsArbitrary(spec), planArbitrary, (table, params, plan) => {
          const inputs = inputsOf(spec, table);
          const expected = outputsOf(spec, inputs[0]!.length);
          callKernel(kernel, spec.name, inputs, params, expected);
          const stream = create(name, params);
          replay(stream, spec, inputs, expected, plan);
          stream.reset();
          expectThat(stream.length === 0 && Number.isNaN(stream.value()), 'reset: the stream is not empty');
          replay(stream, spec, inputs, expected, []);
        }),
        { numRuns },
      ),
  }));

  checks.push({
    name: `streaming › ${spec.name} › invalid parameters throw the batch error`,
    run: () => {
      const valid = Object.fromEntries(spec.params.map((p) => [p.name, p.default ?? p.min]));
      const variants: Record<string, unknown>[] = [{ ...valid, bogus: 1 }];
      for (const p of spec.params) {
        for (const v of [p.min - 1, Number.NaN, Number.POSITIVE_INFINITY, String(p.min), p.kind === 'integer' ? p.min + 0.5 : undefined]) {
          if (v !== undefined) variants.push({ ...valid, [p.name]: v });
        }
        if (p.default === undefined) variants.push(Object.fromEntries(Object.entries(valid).filter(([k]) => k !== p.name)));
      }
      const x = inputsOf(spec, { open: new Float64Array(4), high: new Float64Array(4), low: new Float64Array(4), close: new Float64Array(4), volume: new Float64Array(4) });
      for (const params of variants) {
        const batch = errorOf(() => callKernel(kernel, spec.name, x, params as Record<string, number>, outputsOf(spec, 4)));
        const streamed = errorOf(() => create(name, params as Record<string, number>));
        expectThat(batch !== undefined && batch.code === ErrorCode.INVALID_PARAM, `batch accepted ${JSON.stringify(params)}`);
        expectThat(
          streamed !== undefined && streamed.code === batch.code && streamed.message === batch.message,
          `${JSON.stringify(params)}: stream error ${JSON.stringify(streamed)}, batch ${JSON.stringify(batch)}`,
        );
      }
    },
  });

  checks.push({
    name: `streaming › ${spec.name} › bad bars and buffers throw typed errors`,
    run: () => {
      const stream = create(name, Object.fromEntries(spec.params.map((p) => [p.name, p.default ?? p.min])));
      const expectCode = (code: string, what: string, call: () => unknown): void => {
        const error = errorOf(call);
        expectThat(error?.code === code, `${what}: expected ${code}, got ${JSON.stringify(error)}`);
      };
      spec.inputs.forEach((input, k) => {
        const args: unknown[] = [1, 1, 1];
        args[k] = '1';
        const error = errorOf(() => (stream.update as (...a: unknown[]) => void)(...args));
        expectThat(error?.code === ErrorCode.INVALID_INPUT && error.message.includes(input), `update with a string ${input}: ${JSON.stringify(error)}`);
      });
      expectThat(stream.length === 0, 'a rejected bar must not be counted');
      const ins = spec.inputs.map(() => new Float64Array(8));
      expectCode(ErrorCode.LENGTH_MISMATCH, 'updateMany with a short output', () =>
        stream.updateMany(ins, spec.outputs.map((_, k) => new Float64Array(k === 0 ? 7 : 8))),
      );
      expectCode(ErrorCode.ALIASED_OUTPUT, 'updateMany writing into its input', () =>
        stream.updateMany(ins, spec.outputs.map((_, k) => (k === 0 ? ins[0]! : new Float64Array(8)))),
      );
      expectCode(ErrorCode.INVALID_INPUT, 'value of an output that does not exist', () => stream.value(spec.outputs.length));
      expectThat(stream.length === 0 && Number.isNaN(stream.value()), 'rejected calls must leave the stream empty');
      expectCode(ErrorCode.UNSUPPORTED, 'an unknown indicator', () => create('no_such_indicator' as IndicatorName));
    },
  });
  return checks;
}

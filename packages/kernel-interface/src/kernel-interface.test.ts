import { describe, expect, it } from 'vitest';
import { bindKernel, ErrorCode, indicatorList, isOmegaTaError, resolveParams, sma, type ParamSpec } from './index.js';

const period: ParamSpec = { name: 'period', kind: 'integer', min: 1, max: 100, description: 'window' };
const factor: ParamSpec = { name: 'factor', kind: 'number', min: 0, max: 10, default: 2, description: 'width' };

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return isOmegaTaError(error) ? error.code : `not an OmegaTaError: ${String(error)}`;
  }
  return undefined;
}

describe('resolveParams', () => {
  it('applies defaults and accepts 14.0 as the integer 14', () => {
    expect(resolveParams('x', [period, factor], { period: 14.0 })).toEqual({ period: 14, factor: 2 });
  });

  it.each([
    ['missing', {}],
    ['fractional', { period: 2.5 }],
    ['below min', { period: 0 }],
    ['above max', { period: 101 }],
    ['NaN', { period: Number.NaN }],
    ['a string', { period: '14' }],
    ['unknown name', { period: 3, perod: 3 }],
  ])('rejects %s with INVALID_PARAM', (_what, params) => {
    expect(codeOf(() => resolveParams('x', [period, factor], params))).toBe(ErrorCode.INVALID_PARAM);
  });

  it('names the parameter in the message and in `argument`', () => {
    try {
      resolveParams('sma', [period], { period: 0 });
    } catch (error) {
      expect(isOmegaTaError(error) && error.argument).toBe('period');
      expect((error as Error).message).toBe('sma: period must be an integer in [1, 100] (got 0)');
    }
  });
});

describe('bindKernel', () => {
  const calls: unknown[] = [];
  const fn = bindKernel(sma, (inputs, params, outputs) => calls.push([inputs.length, params, outputs.length]));

  it('passes validated, resolved arguments to the implementation', () => {
    fn(new Float64Array(3), { period: 2 }, new Float64Array(3));
    expect(calls).toEqual([[1, { period: 2 }, 1]]);
  });

  it('rejects bad buffers before the implementation runs', () => {
    const shared = new Float64Array(6);
    expect(codeOf(() => fn(new Float64Array(3), { period: 2 }, new Float64Array(4)))).toBe(ErrorCode.LENGTH_MISMATCH);
    expect(codeOf(() => fn(shared.subarray(0, 3), { period: 2 }, shared.subarray(2, 5)))).toBe(ErrorCode.ALIASED_OUTPUT);
    expect(codeOf(() => fn(shared.subarray(0, 3), { period: 2 }, shared.subarray(3, 6)))).toBeUndefined();
    expect(codeOf(() => (fn as (...a: unknown[]) => void)([1, 2, 3], { period: 2 }, new Float64Array(3)))).toBe(
      ErrorCode.INVALID_INPUT,
    );
    expect(calls).toHaveLength(2);
  });
});

describe('the registry', () => {
  it('declares inputs, outputs, parameters with ranges and a warm-up for every indicator', () => {
    for (const spec of indicatorList) {
      expect(spec.inputs.length).toBeGreaterThan(0);
      expect(spec.outputs.length).toBeGreaterThan(0);
      for (const p of spec.params) expect(p.min).toBeLessThanOrEqual(p.max);
      const defaults = Object.fromEntries(spec.params.map((p) => [p.name, p.default ?? p.min]));
      expect(spec.lookback(defaults)).toBeGreaterThanOrEqual(0);
    }
  });
});

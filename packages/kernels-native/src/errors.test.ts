import { describe, expect, it, vi } from 'vitest';
import { ErrorCode, OmegaTaError, type Kernel } from '@omega-ta/kernel-interface';
import tsKernel from '@omega-ta/kernels-ts';
import nativeKernel from './index.js';
import { kernelFromBinding } from './native-kernel.js';

type Call = (kernel: Kernel) => void;

function thrown(call: Call, kernel: Kernel): OmegaTaError {
  try {
    call(kernel);
  } catch (error) {
    expect(error).toBeInstanceOf(OmegaTaError);
    return error as OmegaTaError;
  }
  return expect.fail('expected the call to throw');
}

const x = new Float64Array([1, 2, 3, 4]);
const out = () => new Float64Array(4);
const shared = new Float64Array(8);

const cases: [string, ErrorCode, Call][] = [
  ['period 0', ErrorCode.INVALID_PARAM, (k) => k.ema(x, { period: 0 }, out())],
  ['period -1', ErrorCode.INVALID_PARAM, (k) => k.sma(x, { period: -1 }, out())],
  ['period 1.5', ErrorCode.INVALID_PARAM, (k) => k.ema(x, { period: 1.5 }, out())],
  ['period NaN', ErrorCode.INVALID_PARAM, (k) => k.sma(x, { period: Number.NaN }, out())],
  ['period Infinity', ErrorCode.INVALID_PARAM, (k) => k.ema(x, { period: Number.POSITIVE_INFINITY }, out())],
  ['period 2^31', ErrorCode.INVALID_PARAM, (k) => k.sma(x, { period: 2 ** 31 }, out())],
  ['period as a string', ErrorCode.INVALID_PARAM, (k) => k.ema(x, { period: '3' as unknown as number }, out())],
  ['missing period', ErrorCode.INVALID_PARAM, (k) => k.sma(x, {} as { period: number }, out())],
  ['unknown parameter', ErrorCode.INVALID_PARAM, (k) => k.ema(x, { period: 3, alpha: 1 } as { period: number }, out())],
  ['params null', ErrorCode.INVALID_PARAM, (k) => k.sma(x, null as unknown as { period: number }, out())],
  ['kalman_mean R 0', ErrorCode.INVALID_PARAM, (k) => k.kalman_mean(x, { R: 0 }, out())],
  ['kalman_mean Q -1', ErrorCode.INVALID_PARAM, (k) => k.kalman_mean(x, { Q: -1 }, out())],
  ['garch_volatility use_log_returns 2', ErrorCode.INVALID_PARAM, (k) => k.garch_volatility(x, { use_log_returns: 2 }, out())],
  ['garch_volatility scale 0', ErrorCode.INVALID_PARAM, (k) => k.garch_volatility(x, { scale: 0 }, out())],
  ['kalman_garch_zscore min_periods 1.5', ErrorCode.INVALID_PARAM, (k) => k.kalman_garch_zscore(x, { min_periods: 1.5 }, out())],
  ['kalman_mean R 1e301', ErrorCode.INVALID_PARAM, (k) => k.kalman_mean(x, { R: 1e301 }, out())],
  ['kalman_zscore window 1', ErrorCode.INVALID_PARAM, (k) => k.kalman_zscore(x, { window: 1 }, out())],
  ['kalman_zscore R -1', ErrorCode.INVALID_PARAM, (k) => k.kalman_zscore(x, { R: -1 }, out())],
  ['zscore window 1', ErrorCode.INVALID_PARAM, (k) => k.zscore(x, { window: 1 }, out())],
  ['zscore_ema without ema_period', ErrorCode.INVALID_PARAM, (k) => k.zscore_ema(x, {} as { ema_period: number }, out())],
  ['zscore_ema ema_period 0', ErrorCode.INVALID_PARAM, (k) => k.zscore_ema(x, { ema_period: 0 }, out())],
  ['out too short', ErrorCode.LENGTH_MISMATCH, (k) => k.ema(x, { period: 3 }, new Float64Array(3))],
  ['out too long', ErrorCode.LENGTH_MISMATCH, (k) => k.sma(x, { period: 3 }, new Float64Array(5))],
  ['out is the input', ErrorCode.ALIASED_OUTPUT, (k) => k.ema(x, { period: 3 }, x as Float64Array)],
  [
    'out overlaps the input',
    ErrorCode.ALIASED_OUTPUT,
    (k) => k.sma(shared.subarray(0, 4), { period: 2 }, shared.subarray(2, 6)),
  ],
  ['close is a Float32Array', ErrorCode.INVALID_INPUT, (k) => k.ema(new Float32Array(4) as never, { period: 3 }, out())],
  ['close is an array', ErrorCode.INVALID_INPUT, (k) => k.sma([1, 2, 3, 4] as never, { period: 3 }, out())],
  ['out is null', ErrorCode.INVALID_INPUT, (k) => k.ema(x, { period: 3 }, null as never)],
  ['out is a DataView', ErrorCode.INVALID_INPUT, (k) => k.sma(x, { period: 3 }, new DataView(new ArrayBuffer(32)) as never)],
  ['bollinger period 1', ErrorCode.INVALID_PARAM, (k) => k.bollinger(x, { period: 1 }, out(), out(), out())],
  ['bollinger std_factor -1', ErrorCode.INVALID_PARAM, (k) => k.bollinger(x, { std_factor: -1 }, out(), out(), out())],
  [
    'bollinger out mid overlaps out upper',
    ErrorCode.ALIASED_OUTPUT,
    (k) => k.bollinger(x, {}, shared.subarray(0, 4), shared.subarray(3, 7), out()),
  ],
  ['too few arguments', ErrorCode.INVALID_INPUT, (k) => (k.ema as unknown as (...a: unknown[]) => void)(x, { period: 3 })],
  ['rsi period 0', ErrorCode.INVALID_PARAM, (k) => k.rsi(x, { period: 0 }, out())],
  ['roc period -1', ErrorCode.INVALID_PARAM, (k) => k.roc(x, { period: -1 }, out())],
  ['macd slow_period 0', ErrorCode.INVALID_PARAM, (k) => k.macd(x, { slow_period: 0 }, out(), out(), out())],
  ['macd signal out too short', ErrorCode.LENGTH_MISMATCH, (k) => k.macd(x, {}, out(), new Float64Array(3), out())],
  [
    'macd histogram overlaps the macd output',
    ErrorCode.ALIASED_OUTPUT,
    (k) => k.macd(x, {}, shared.subarray(0, 4), out(), shared.subarray(3, 7)),
  ],
];

describe('invalid calls', () => {
  it.each(cases)('%s: %s, the same error as @omega-ta/kernels-ts', (_label, code, call) => {
    const native = thrown(call, nativeKernel);
    const reference = thrown(call, tsKernel);
    expect(native.code).toBe(code);
    expect({ code: native.code, argument: native.argument, message: native.message }).toEqual({
      code: reference.code,
      argument: reference.argument,
      message: reference.message,
    });
  });

  it('never reaches Rust: the binding is not called and out is untouched', () => {
    const binding = { ema: vi.fn(), sma: vi.fn(), bollinger: vi.fn(), rsi: vi.fn(), roc: vi.fn(), macd: vi.fn(), atr: vi.fn(), dmi: vi.fn(), choppiness: vi.fn(), kalman_mean: vi.fn(), kalman_zscore: vi.fn(), zscore: vi.fn(), zscore_ema: vi.fn(), garch_volatility: vi.fn(), kalman_garch_zscore: vi.fn(), NativeStream: vi.fn() };
    const kernel = kernelFromBinding(binding);
    for (const [, , call] of cases) thrown(call, kernel);
    for (const fn of Object.values(binding)) expect(fn).not.toHaveBeenCalled();

    const target = new Float64Array(4).fill(7);
    thrown((k) => k.ema(x, { period: 0 }, target), nativeKernel);
    expect(Array.from(target)).toEqual([7, 7, 7, 7]);
  });

  it('accepts adjacent, non-overlapping views of one buffer', () => {
    const buffer = new Float64Array(8);
    buffer.set([1, 2, 3, 4]);
    nativeKernel.sma(buffer.subarray(0, 4), { period: 2 }, buffer.subarray(4, 8));
    expect(Array.from(buffer.subarray(4))).toEqual([Number.NaN, 1.5, 2.5, 3.5]);
  });

  it('accepts a period given as 14.0 (an integer) and integer-valued periods up to 2^31 - 1', () => {
    const o = out();
    nativeKernel.ema(x, { period: 2.0 }, o);
    nativeKernel.sma(x, { period: 2 ** 31 - 1 }, o);
    expect(Array.from(o)).toEqual([Number.NaN, Number.NaN, Number.NaN, Number.NaN]);
  });
});

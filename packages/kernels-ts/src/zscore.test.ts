import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@omega-ta/kernel-interface';
import { zscore, zscore_ema } from './zscore.js';

const NaN_ = Number.NaN;

function run(values: number[], params: { window?: number } = {}): number[] {
  const out = new Float64Array(values.length).fill(-1);
  zscore(Float64Array.from(values), params, out);
  return Array.from(out);
}

function runEma(values: number[], params: { window?: number; ema_period: number }): number[] {
  const out = new Float64Array(values.length).fill(-1);
  zscore_ema(Float64Array.from(values), params, out);
  return Array.from(out);
}

// Expected values printed by the original's expression under pandas 1.5.3 / numpy 1.24.2:
// m = rolling(window).mean() or ewm(span=ema_period, adjust=False).mean();
// ((s - m) / (s - m).rolling(window).std()).
describe('zscore (rolling mean)', () => {
  it('is the residual against the rolling mean over its rolling std', () => {
    expect(run([1, 2, 4, 3, 5, 4], { window: 2 })).toEqual([
      NaN_, NaN_, 2.82842712474619, -0.47140452079103173, 0.9428090415820635, -0.47140452079103173,
    ]);
    expect(run([1, 2, 4, 3, 5, 4], { window: 3 })).toEqual([NaN_, NaN_, NaN_, NaN_, 1.1920791213585396, 0]);
  });

  it('is NaN on flat closes (0 / 0) and defaults to window 100', () => {
    expect(run([2, 2, 2, 2], { window: 2 })).toEqual([NaN_, NaN_, NaN_, NaN_]);
    const out = run(Array.from({ length: 200 }, (_, i) => Math.sin(i)));
    expect(out.slice(0, 198).every(Number.isNaN)).toBe(true);
    expect(Number.isFinite(out[198])).toBe(true);
  });

  it('rejects window < 2 and the unknown parameter mean_source with INVALID_PARAM', () => {
    for (const params of [{ window: 1 }, { window: 0 }, { window: -1 }, { mean_source: 1 } as { window?: number }]) {
      expect(() => run([1, 2], params)).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_PARAM }));
    }
  });
});

describe('zscore_ema', () => {
  it('is the residual against the span EMA over its rolling std, the EMA held across gaps', () => {
    expect(runEma([1, 2, 4, 3, 5, 4], { window: 2, ema_period: 3 })).toEqual([
      NaN_, 1.414213562373095, 2.3570226039551585, 0.15713484026367722, 1.6027753706895076, 0.04285495643554833,
    ]);
    expect(runEma([1, 2, NaN_, 4, 3, 5, 4], { window: 2, ema_period: 3 })).toEqual([
      NaN_, 1.414213562373095, NaN_, NaN_, -0.12856486930664457, 1.3010764773832477, -0.030089650263256905,
    ]);
  });

  it('is NaN for ema_period 1 (the EMA is the close: 0 / 0)', () => {
    expect(runEma([2, 2, 2, 5], { window: 2, ema_period: 1 })).toEqual([NaN_, NaN_, NaN_, NaN_]);
  });

  it('requires ema_period >= 1 and window >= 2', () => {
    for (const params of [{ window: 2 } as unknown as { ema_period: number }, { ema_period: 0 }, { window: 1, ema_period: 3 }]) {
      expect(() => runEma([1, 2], params)).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_PARAM }));
    }
  });
});

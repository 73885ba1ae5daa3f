import { describe, expect, it } from 'vitest';
import { callKernel } from '@omega-ta/kernel-interface';
import tsKernel from '@omega-ta/kernels-ts';
import { IndicatorCache } from './indicator-cache.js';
import { kernelOutput } from './output-buffer.js';

describe('kernelOutput', () => {
  it('gives a zero-filled array below the threshold', () => {
    const out = kernelOutput(100);
    expect(out).toBeInstanceOf(Float64Array);
    expect(out.length).toBe(100);
    expect(out.every((v) => v === 0)).toBe(true);
  });

  it('gives each large output a buffer of its own (no pooled memory shared with anything else)', () => {
    const a = kernelOutput(10_000);
    const b = kernelOutput(10_000);
    expect(a.length).toBe(10_000);
    expect(a.byteOffset).toBe(0);
    expect(a.buffer.byteLength).toBe(80_000);
    expect(a.buffer).not.toBe(b.buffer);
    b.fill(2);
    a.fill(1);
    expect(b.every((v) => v === 2)).toBe(true);
  });

  it('leaves no stale value in a cached result: every row is the kernel output', () => {
    const n = 50_000;
    // Leave non-zero garbage in freed memory first, so an unwritten row would show.
    for (let k = 0; k < 20; k += 1) kernelOutput(n).fill(-123.5);
    const close = Float64Array.from({ length: n }, (_, i) => 100 + Math.sin(i / 7) * 3 + (i % 13) * 0.01);
    const time = Float64Array.from({ length: n }, (_, i) => i * 60_000);
    const cache = new IndicatorCache(
      { primaryTimeframe: 'M1', timestamp: time, timeframes: { M1: { bid: { time, open: close, high: close, low: close, close, volume: close } } } },
      { backend: 'ts' },
    );
    for (const [name, params] of [['ema', { period: 20 }], ['rsi', { period: 14 }], ['sma', { period: 30 }]] as const) {
      const expected = new Float64Array(n).fill(Number.NaN);
      callKernel(tsKernel, name, [close], params, [expected]);
      const actual = name === 'ema' ? cache.ema('M1', 'bid', 20) : name === 'rsi' ? cache.rsi('M1', 'bid', 14) : cache.sma('M1', 'bid', 30);
      for (let i = 0; i < n; i += 1) {
        if (!Object.is(actual[i], expected[i])) expect.fail(`${name}[${i}] = ${actual[i]}, kernel gives ${expected[i]}`);
      }
    }
  });
});

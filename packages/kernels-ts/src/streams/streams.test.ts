import { describe, expect, it } from 'vitest';
import { ErrorCode, indicatorList, type IndicatorName } from '@omega-ta/kernel-interface';
import { kernel } from '../index.js';
import { createStream } from './index.js';

const close = Float64Array.from([10, 11, 10.5, Number.NaN, 12, 12, 11.5, 13, 12.25, 12.75, 14, 13.5]);

function batch(name: IndicatorName, params: Record<string, number>): Float64Array {
  const out = new Float64Array(close.length);
  (kernel[name] as unknown as (x: Float64Array, p: object, o: Float64Array) => void)(close, params, out);
  return out;
}

describe('createStream', () => {
  it('is the kernel default export’s createStream and knows every registry indicator', () => {
    expect(kernel.createStream).toBe(createStream);
    for (const spec of indicatorList) {
      const params = Object.fromEntries(spec.params.map((p) => [p.name, p.default ?? p.min]));
      const stream = createStream(spec.name as IndicatorName, params);
      expect(stream.spec).toBe(spec);
      expect(stream.length).toBe(0);
      expect(stream.ready).toBe(false);
      for (let k = 0; k < spec.outputs.length; k += 1) expect(stream.value(k)).toBeNaN();
    }
  });

  it('sma(3) by hand: update, provisional bar, replace, ready after two bars', () => {
    const s = createStream('sma', { period: 3 });
    s.update(1);
    s.update(2);
    expect(s.ready).toBe(false);
    s.update(100); // provisional
    expect(s.value()).toBe(103 / 3);
    s.replace(3);
    expect(s.value()).toBe(2);
    expect(s.length).toBe(3);
    expect(s.ready).toBe(true);
    s.update(6);
    expect(s.value()).toBe(11 / 3);
  });

  it('replace, many times over, gives the batch output of the final bar (ema with a gap)', () => {
    const expected = batch('ema', { period: 4 });
    const s = createStream('ema', { period: 4 });
    for (let i = 0; i < close.length; i += 1) {
      s.replace(i === 0 ? 99 : close[i - 1]!); // the first replace acts as update
      if (i > 0) s.update(-5);
      s.replace(Number.POSITIVE_INFINITY);
      s.replace(close[i]!);
      expect(Object.is(s.value(), expected[i])).toBe(true);
    }
  });

  it('a huge window allocates only as the series grows (no 16 GB buffer up front)', () => {
    const s = createStream('choppiness', { period: 2 ** 31 - 1 });
    for (let i = 0; i < 1000; i += 1) s.update(2 + Math.sin(i), 1 + Math.sin(i), 1.5 + Math.sin(i));
    expect(s.value()).toBeNaN();
    expect(s.length).toBe(1000);
  });

  it('reset forgets every bar', () => {
    const s = createStream('roc', { period: 2 });
    for (const v of close) s.update(v);
    s.reset();
    expect(s.length).toBe(0);
    expect(s.value()).toBeNaN();
    s.update(1);
    s.update(2);
    s.update(3);
    expect(s.value()).toBe(200);
  });

  it('rejects unknown names, bad params, non-number bars and bad output indices with typed errors', () => {
    expect(() => createStream('nope' as IndicatorName)).toThrow(expect.objectContaining({ code: ErrorCode.UNSUPPORTED }));
    expect(() => createStream('ema', { period: 0 })).toThrow(
      expect.objectContaining({ code: ErrorCode.INVALID_PARAM, argument: 'period' }),
    );
    const atr = createStream('atr', { period: 3 });
    expect(() => atr.update(1, 2)).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_INPUT, argument: 'close' }));
    expect(() => atr.value(1)).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_INPUT, argument: 'k' }));
    expect(() => atr.updateMany(null as never, [new Float64Array(1)])).toThrow(
      expect.objectContaining({ code: ErrorCode.INVALID_INPUT, argument: 'inputs' }),
    );
    expect(() => atr.updateMany([new Float64Array(1)], [new Float64Array(1)])).toThrow(
      expect.objectContaining({ code: ErrorCode.INVALID_INPUT, argument: 'inputs' }),
    );
    expect(atr.length).toBe(0);
  });
});

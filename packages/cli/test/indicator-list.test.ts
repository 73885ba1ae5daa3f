import { describe, expect, it } from 'vitest';
import { CliError } from '../src/errors.js';
import { parseIndicatorList } from '../src/indicator-list.js';

describe('parseIndicatorList', () => {
  it('reads positional parameters in declaration order and names the output columns', () => {
    const [ema, rsi, macd] = parseIndicatorList('ema:20, rsi:14,macd:12:26:9');
    expect(ema?.params).toEqual({ period: 20 });
    expect(ema?.columns).toEqual(['ema_20']);
    expect(rsi?.columns).toEqual(['rsi_14']);
    expect(macd?.params).toEqual({ fast_period: 12, slow_period: 26, signal_period: 9 });
    expect(macd?.columns).toEqual(['macd_12_26_9_macd', 'macd_12_26_9_signal', 'macd_12_26_9_histogram']);
    expect(parseIndicatorList('macd')[0]?.params).toEqual({ fast_period: 12, slow_period: 26, signal_period: 9 });
  });

  it.each([
    ['', 'empty item'],
    ['ema:20,', 'empty item'],
    ['foo:3', "unknown indicator 'foo'"],
    ['ema:20:3', 'ema takes 1 parameter(s)'],
    ['ema:0', 'period'],
    ['ema:x', 'period'],
    ['ema:2.5', 'period'],
    ['ema', 'period'],
    ['ema:20,ema:20', "'ema_20' is asked for twice"],
  ])('rejects %j with a CliError saying %j', (text, message) => {
    expect(() => parseIndicatorList(text)).toThrow(CliError);
    expect(() => parseIndicatorList(text)).toThrow(message);
  });
});

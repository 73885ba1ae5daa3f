// The libraries users would otherwise install, each called the way its documentation shows for
// a whole series (inputs converted to the peer's preferred type outside the timing). A peer that
// is not installed or not built is reported as unavailable, never silently dropped.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function load(name) {
  try {
    return { module: require(name), reason: null };
  } catch (error) {
    return { module: null, reason: `${name} not loadable: ${String(error?.message ?? error).split('\n')[0]}` };
  }
}

async function loadEsm(name) {
  try {
    return { module: await import(name), reason: null };
  } catch (error) {
    return { module: null, reason: `${name} not loadable: ${String(error?.message ?? error).split('\n')[0]}` };
  }
}

/** A peer: per op, a function (arrays, params) => thunk performing one batch call; absent ops are unsupported. */
function peer(name, loaded, ops, { pureJs }) {
  return { name, pureJs, unavailable: loaded.reason, ops: loaded.module === null ? {} : ops(loaded.module) };
}

const hlc = (a) => ({ high: a.high, low: a.low, close: a.close });

export async function peerImpls() {
  const tradingSignals = await loadEsm('trading-signals');
  return [
    peer('technicalindicators', load('technicalindicators'), (ti) => ({
      ema: (a, p) => () => ti.EMA.calculate({ period: p.period, values: a.close }),
      sma: (a, p) => () => ti.SMA.calculate({ period: p.period, values: a.close }),
      rsi: (a, p) => () => ti.RSI.calculate({ period: p.period, values: a.close }),
      macd: (a, p) => () =>
        ti.MACD.calculate({
          values: a.close,
          fastPeriod: p.fast_period,
          slowPeriod: p.slow_period,
          signalPeriod: p.signal_period,
          SimpleMAOscillator: false,
          SimpleMASignal: false,
        }),
      roc: (a, p) => () => ti.ROC.calculate({ period: p.period, values: a.close }),
      dmi: (a, p) => () => ti.ADX.calculate({ ...hlc(a), period: p.period }),
      bollinger: (a, p) => () => ti.BollingerBands.calculate({ period: p.period, values: a.close, stdDev: p.std_factor }),
      atr: (a, p) => () => ti.ATR.calculate({ ...hlc(a), period: p.period }),
    }), { pureJs: true }),
    peer('trading-signals', tradingSignals, (ts) => {
      const stream = (make, feed) => (a) => () => {
        const indicator = make();
        for (let i = 0; i < a.close.length; i += 1) feed(indicator, a, i);
        return indicator;
      };
      const close = (o, a, i) => o.update(a.close[i]);
      const bar = (o, a, i) => o.update({ high: a.high[i], low: a.low[i], close: a.close[i] });
      return {
        ema: (a, p) => stream(() => new ts.EMA(p.period), close)(a),
        sma: (a, p) => stream(() => new ts.SMA(p.period), close)(a),
        rsi: (a, p) => stream(() => new ts.RSI(p.period), close)(a),
        macd: (a, p) =>
          stream(() => new ts.MACD(new ts.EMA(p.fast_period), new ts.EMA(p.slow_period), new ts.EMA(p.signal_period)), close)(a),
        roc: (a, p) => stream(() => new ts.ROC(p.period), close)(a),
        dmi: (a, p) => stream(() => new ts.ADX(p.period), bar)(a),
        bollinger: (a, p) => stream(() => new ts.BollingerBands(p.period, p.std_factor), close)(a),
        atr: (a, p) => stream(() => new ts.ATR(p.period), bar)(a),
        choppiness: (a, p) => stream(() => new ts.CHOP(p.period), bar)(a),
      };
    }, { pureJs: true }),
    peer('indicatorts', load('indicatorts'), (it) => ({
      ema: (a, p) => () => it.ema(a.close, { period: p.period }),
      sma: (a, p) => () => it.sma(a.close, { period: p.period }),
      rsi: (a, p) => () => it.rsi(a.close, { period: p.period }),
      macd: (a, p) => () => it.macd(a.close, { fast: p.fast_period, slow: p.slow_period, signal: p.signal_period }),
      roc: (a, p) => () => it.roc(a.close, { period: p.period }),
      bollinger: (a, p) => () => it.bollingerBands(a.close, { period: p.period }),
      atr: (a, p) => () => it.atr(a.high, a.low, a.close, { period: p.period }),
    }), { pureJs: true }),
    peer('@ixjb94/indicators', load('@ixjb94/indicators'), (ix) => {
      const i = new ix.IndicatorsSync();
      return {
        ema: (a, p) => () => i.ema(a.close, p.period),
        sma: (a, p) => () => i.sma(a.close, p.period),
        rsi: (a, p) => () => i.rsi(a.close, p.period),
        macd: (a, p) => () => i.macd(a.close, p.fast_period, p.slow_period, p.signal_period),
        roc: (a, p) => () => i.roc(a.close, p.period),
        dmi: (a, p) => () => i.adx(a.high, a.low, p.period),
        bollinger: (a, p) => () => i.bbands(a.close, p.period, p.std_factor),
        atr: (a, p) => () => i.atr(a.high, a.low, a.close, p.period),
      };
    }, { pureJs: true }),
    peer('talib', load('talib'), (talib) => {
      const run = (name, inputs, options) => {
        const endIdx = (inputs.inReal ?? inputs.close).length - 1;
        return () => talib.execute({ name, startIdx: 0, endIdx, ...inputs, ...options });
      };
      return {
        ema: (a, p) => run('EMA', { inReal: a.close }, { optInTimePeriod: p.period }),
        sma: (a, p) => run('SMA', { inReal: a.close }, { optInTimePeriod: p.period }),
        rsi: (a, p) => run('RSI', { inReal: a.close }, { optInTimePeriod: p.period }),
        macd: (a, p) =>
          run('MACD', { inReal: a.close }, { optInFastPeriod: p.fast_period, optInSlowPeriod: p.slow_period, optInSignalPeriod: p.signal_period }),
        roc: (a, p) => run('ROC', { inReal: a.close }, { optInTimePeriod: p.period }),
        dmi: (a, p) => run('ADX', hlc(a), { optInTimePeriod: p.period }),
        bollinger: (a, p) =>
          run('BBANDS', { inReal: a.close }, { optInTimePeriod: p.period, optInNbDevUp: p.std_factor, optInNbDevDn: p.std_factor, optInMAType: 0 }),
        atr: (a, p) => run('ATR', hlc(a), { optInTimePeriod: p.period }),
      };
    }, { pureJs: false }),
    peer('tulind', load('tulind'), (tulind) => {
      const run = (name, inputs, options) => () => {
        let result;
        tulind.indicators[name].indicator(inputs, options, (error, out) => {
          if (error) throw new Error(String(error));
          result = out;
        });
        return result;
      };
      return {
        ema: (a, p) => run('ema', [a.close], [p.period]),
        sma: (a, p) => run('sma', [a.close], [p.period]),
        rsi: (a, p) => run('rsi', [a.close], [p.period]),
        macd: (a, p) => run('macd', [a.close], [p.fast_period, p.slow_period, p.signal_period]),
        roc: (a, p) => run('roc', [a.close], [p.period]),
        dmi: (a, p) => run('adx', [a.high, a.low, a.close], [p.period]),
        bollinger: (a, p) => run('bbands', [a.close], [p.period, p.std_factor]),
        atr: (a, p) => run('atr', [a.high, a.low, a.close], [p.period]),
      };
    }, { pureJs: false }),
  ];
}

/** Prepares a peer's call of `op` on `arrays` (the table as plain arrays), or null when unsupported. */
export function preparePeer(impl, op, arrays, params) {
  const make = impl.ops[op];
  return make === undefined ? null : make(arrays, params);
}

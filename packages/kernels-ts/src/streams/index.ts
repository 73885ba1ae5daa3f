import {
  ErrorCode,
  findIndicator,
  OmegaTaError,
  resolveParams,
  type IndicatorName,
  type IndicatorStream,
  type StreamFactory,
} from '@omega-ta/kernel-interface';
import { AtrStream } from './atr.js';
import { BollingerStream } from './bollinger.js';
import { ChoppinessStream } from './choppiness.js';
import { DmiStream } from './dmi.js';
import { EmaStream } from './ema.js';
import { GarchVolatilityStream } from './garch-volatility.js';
import { KalmanGarchZscoreStream } from './kalman-garch-zscore.js';
import { KalmanMeanStream } from './kalman-mean.js';
import { KalmanZscoreStream } from './kalman-zscore.js';
import { MacdStream } from './macd.js';
import { RocStream } from './roc.js';
import { RsiStream } from './rsi.js';
import { SmaStream } from './sma.js';
import { ZscoreEmaStream, ZscoreStream } from './zscore.js';

type StreamClass = new (params: Readonly<Record<string, number>>) => IndicatorStream;

const streams: { readonly [N in IndicatorName]: StreamClass } = {
  ema: EmaStream,
  sma: SmaStream,
  bollinger: BollingerStream,
  rsi: RsiStream,
  roc: RocStream,
  macd: MacdStream,
  atr: AtrStream,
  dmi: DmiStream,
  choppiness: ChoppinessStream,
  kalman_mean: KalmanMeanStream,
  kalman_zscore: KalmanZscoreStream,
  zscore: ZscoreStream,
  zscore_ema: ZscoreEmaStream,
  garch_volatility: GarchVolatilityStream,
  kalman_garch_zscore: KalmanGarchZscoreStream,
};

/**
 * Creates the incremental form of registry indicator `name`: parameters are checked like the
 * batch kernel's (same OmegaTaError INVALID_PARAM), an unknown name is UNSUPPORTED. Its outputs
 * equal the batch kernel's bit for bit at every row, however the bars are fed.
 */
export const createStream: StreamFactory = (name, params = {}) => {
  const spec = findIndicator(name);
  if (spec === undefined) {
    throw new OmegaTaError(ErrorCode.UNSUPPORTED, `@omega-ta/kernels-ts has no stream '${String(name)}'`, {
      argument: 'name',
    });
  }
  const Stream = streams[spec.name as IndicatorName];
  return new Stream(resolveParams(spec.name, spec.params, params));
};

import {
  ErrorCode,
  findIndicator,
  OmegaTaError,
  resolveParams,
  type IndicatorName,
  type StreamFactory,
} from '@omega-ta/kernel-interface';
import { AtrStep } from './atr.js';
import { BollingerStep } from './bollinger.js';
import { ChoppinessStep } from './choppiness.js';
import { DmiStep } from './dmi.js';
import { EmaStep } from './ema.js';
import { GarchVolatilityStep } from './garch-volatility.js';
import { KalmanGarchZscoreStep } from './kalman-garch-zscore.js';
import { KalmanMeanStep } from './kalman-mean.js';
import { KalmanZscoreStep } from './kalman-zscore.js';
import { MacdStep } from './macd.js';
import { RocStep } from './roc.js';
import { RsiStep } from './rsi.js';
import { SmaStep } from './sma.js';
import { Stream } from './stream.js';
import type { StreamStep } from './stream-step.js';
import { ZscoreEmaStep, ZscoreStep } from './zscore.js';

type StepClass = new (params: Readonly<Record<string, number>>) => StreamStep;

const steps: { readonly [N in IndicatorName]: StepClass } = {
  ema: EmaStep,
  sma: SmaStep,
  bollinger: BollingerStep,
  rsi: RsiStep,
  roc: RocStep,
  macd: MacdStep,
  atr: AtrStep,
  dmi: DmiStep,
  choppiness: ChoppinessStep,
  kalman_mean: KalmanMeanStep,
  kalman_zscore: KalmanZscoreStep,
  zscore: ZscoreStep,
  zscore_ema: ZscoreEmaStep,
  garch_volatility: GarchVolatilityStep,
  kalman_garch_zscore: KalmanGarchZscoreStep,
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
  const Step = steps[spec.name as IndicatorName];
  const resolved = resolveParams(spec.name, spec.params, params);
  return new Stream(new Step(resolved), resolved);
};

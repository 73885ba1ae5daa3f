import { atr, bindKernel, bollinger, choppiness, dmi, ema, garch_volatility, kalman_garch_zscore, kalman_mean, kalman_zscore, macd, roc, rsi, sma, zscore, zscore_ema, type Kernel } from '@omega-ta/kernel-interface';
import type { GarchArgs, NativeBinding } from './binding.js';
import { info } from './info.js';
import { streamFactory } from './stream.js';

/**
 * The contract's kernel on top of a loaded binding. Every function is a `bindKernel` wrapper, so
 * buffers and parameters are validated in JS first, with the same `OmegaTaError`s as
 * `@omega-ta/kernels-ts`; in particular an `out` that overlaps an input is rejected before Rust
 * sees it (a `&[f64]` aliasing a `&mut [f64]` would be undefined behaviour). `createStream` makes
 * the streaming form of every indicator (see `./stream.ts`).
 */
export function kernelFromBinding(binding: NativeBinding): Kernel {
  return Object.freeze({
    info,
    createStream: streamFactory(binding),
    ema: bindKernel(ema, (inputs, params, outputs) => {
      binding.ema(inputs[0]!, params['period']!, outputs[0]!);
    }),
    sma: bindKernel(sma, (inputs, params, outputs) => {
      binding.sma(inputs[0]!, params['period']!, outputs[0]!);
    }),
    bollinger: bindKernel(bollinger, (inputs, params, outputs) => {
      binding.bollinger(inputs[0]!, params['period']!, params['std_factor']!, outputs[0]!, outputs[1]!, outputs[2]!);
    }),
    rsi: bindKernel(rsi, (inputs, params, outputs) => {
      binding.rsi(inputs[0]!, params['period']!, outputs[0]!);
    }),
    roc: bindKernel(roc, (inputs, params, outputs) => {
      binding.roc(inputs[0]!, params['period']!, outputs[0]!);
    }),
    macd: bindKernel(macd, (inputs, params, outputs) => {
      binding.macd(
        inputs[0]!,
        params['fast_period']!,
        params['slow_period']!,
        params['signal_period']!,
        outputs[0]!,
        outputs[1]!,
        outputs[2]!,
      );
    }),
    atr: bindKernel(atr, (inputs, params, outputs) => {
      binding.atr(inputs[0]!, inputs[1]!, inputs[2]!, params['period']!, outputs[0]!);
    }),
    dmi: bindKernel(dmi, (inputs, params, outputs) => {
      binding.dmi(inputs[0]!, inputs[1]!, inputs[2]!, params['period']!, outputs[0]!, outputs[1]!, outputs[2]!);
    }),
    choppiness: bindKernel(choppiness, (inputs, params, outputs) => {
      binding.choppiness(inputs[0]!, inputs[1]!, inputs[2]!, params['period']!, outputs[0]!);
    }),
    kalman_mean: bindKernel(kalman_mean, (inputs, params, outputs) => {
      binding.kalman_mean(inputs[0]!, params['R']!, params['Q']!, outputs[0]!);
    }),
    kalman_zscore: bindKernel(kalman_zscore, (inputs, params, outputs) => {
      binding.kalman_zscore(inputs[0]!, params['window']!, params['R']!, params['Q']!, outputs[0]!);
    }),
    zscore: bindKernel(zscore, (inputs, params, outputs) => {
      binding.zscore(inputs[0]!, params['window']!, outputs[0]!);
    }),
    zscore_ema: bindKernel(zscore_ema, (inputs, params, outputs) => {
      binding.zscore_ema(inputs[0]!, params['window']!, params['ema_period']!, outputs[0]!);
    }),
    garch_volatility: bindKernel(garch_volatility, (inputs, params, outputs) => {
      binding.garch_volatility(inputs[0]!, ...garchArgs(params), outputs[0]!);
    }),
    kalman_garch_zscore: bindKernel(kalman_garch_zscore, (inputs, params, outputs) => {
      binding.kalman_garch_zscore(inputs[0]!, params['R']!, params['Q']!, ...garchArgs(params), outputs[0]!);
    }),
  });
}

/** The GARCH(1,1) parameters of `garch_volatility` and `kalman_garch_zscore`, in the order of the exports. */
function garchArgs(params: Readonly<Record<string, number>>): GarchArgs {
  return [
    params['alpha']!,
    params['beta']!,
    params['omega']!,
    params['use_log_returns']!,
    params['scale']!,
    params['min_periods']!,
    params['sigma_floor']!,
  ];
}

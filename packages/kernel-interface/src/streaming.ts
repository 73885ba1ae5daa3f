import type { ReadonlyFloat64Array } from './readonly-array.js';
import type { IndicatorName, IndicatorSpec } from './registry.js';

/**
 * An indicator fed one bar at a time; after every call its outputs equal the batch kernel's
 * outputs at that row, bit for bit, however the series was chunked.
 */
export interface IndicatorStream {
  /** The registry entry. */
  readonly spec: IndicatorSpec;
  /** The resolved parameters (defaults applied). */
  readonly params: Readonly<Record<string, number>>;
  /** Bars consumed so far (`replace` does not change it). */
  readonly length: number;
  /** True once the most recent row is past the warm-up (the registry's lookback for its params). */
  readonly ready: boolean;
  /** Appends one closed bar; arguments are the registry inputs in order (close | high, low, close). */
  update(x0: number, x1?: number, x2?: number): void;
  /** Replaces the most recent bar (the still-forming live bar); with no bar yet, behaves as update. */
  replace(x0: number, x1?: number, x2?: number): void;
  /** Output `k` (registry output order, default 0) at the most recent bar; NaN before the first bar. */
  value(k?: number): number;
  /**
   * Feeds whole columns (one per input, equal lengths): same as `update` per bar, writing each
   * bar's outputs into `outputs` (one Float64Array per output, same length as the inputs).
   */
  updateMany(inputs: readonly ReadonlyFloat64Array[], outputs: readonly Float64Array[]): void;
  /** Forgets every bar: the stream is as freshly created (same parameters). */
  reset(): void;
}

/**
 * Creates a stream of registry indicator `name`; params are validated exactly like the batch
 * kernel (same OmegaTaError codes and messages). Unknown name -> OmegaTaError UNSUPPORTED.
 */
export type StreamFactory = (name: IndicatorName, params?: Readonly<Record<string, number>>) => IndicatorStream;

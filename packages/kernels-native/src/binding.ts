import { createRequire } from 'node:module';
import { indicatorList, type IndicatorName } from '@omega-ta/kernel-interface';

/** An instance of the binding's `NativeStream` class (see `src/stream.rs`). */
export interface NativeStreamHandle {
  /** Bars consumed so far. */
  readonly length: number;
  /** Appends one bar; returns output 0 at it. */
  update(x0: number, x1: number, x2: number): number;
  /** Replaces the most recent bar; returns output 0 at it. */
  replace(x0: number, x1: number, x2: number): number;
  value(k: number): number;
  /** Feeds the first `rows` rows of the columns. */
  updateMany(
    rows: number,
    x0: Float64Array,
    x1: Float64Array | undefined,
    x2: Float64Array | undefined,
    out0: Float64Array,
    out1?: Float64Array,
    out2?: Float64Array,
  ): void;
}

/** The GARCH(1,1) parameters as the native exports take them, in the registry's order. */
export type GarchArgs = [
  alpha: number,
  beta: number,
  omega: number,
  useLogReturns: number,
  scale: number,
  minPeriods: number,
  sigmaFloor: number,
];

/**
 * The raw Node-API exports of `kernels-native.<platform>.node` (see `src/lib.rs`). They borrow
 * the Float64Arrays zero-copy and write into `out`; they check `period`, lengths and overlap
 * themselves and throw a plain `Error` (`code: 'InvalidArg'`), not an `OmegaTaError`.
 * Declared by hand rather than imported from the generated `binding.d.cts` so that type-checking
 * does not need a native build; a test checks the two agree.
 */
export interface NativeBinding {
  ema(close: Float64Array, period: number, out: Float64Array): void;
  sma(close: Float64Array, period: number, out: Float64Array): void;
  bollinger(close: Float64Array, period: number, stdFactor: number, upper: Float64Array, mid: Float64Array, lower: Float64Array): void;
  rsi(close: Float64Array, period: number, out: Float64Array): void;
  roc(close: Float64Array, period: number, out: Float64Array): void;
  kalman_mean(close: Float64Array, r: number, q: number, out: Float64Array): void;
  kalman_zscore(close: Float64Array, window: number, r: number, q: number, out: Float64Array): void;
  zscore(close: Float64Array, window: number, out: Float64Array): void;
  zscore_ema(close: Float64Array, window: number, emaPeriod: number, out: Float64Array): void;
  garch_volatility(...args: [close: Float64Array, ...garch: GarchArgs, out: Float64Array]): void;
  kalman_garch_zscore(...args: [close: Float64Array, r: number, q: number, ...garch: GarchArgs, out: Float64Array]): void;
  macd(
    close: Float64Array,
    fastPeriod: number,
    slowPeriod: number,
    signalPeriod: number,
    macdOut: Float64Array,
    signalOut: Float64Array,
    histogramOut: Float64Array,
  ): void;
  atr(high: Float64Array, low: Float64Array, close: Float64Array, period: number, out: Float64Array): void;
  dmi(
    high: Float64Array,
    low: Float64Array,
    close: Float64Array,
    period: number,
    plusDi: Float64Array,
    minusDi: Float64Array,
    adx: Float64Array,
  ): void;
  choppiness(high: Float64Array, low: Float64Array, close: Float64Array, period: number, out: Float64Array): void;
  /** The streaming form of indicator `name` with its parameters in registry order (resolved). */
  NativeStream: new (name: string, params: number[]) => NativeStreamHandle;
}

/** The name of the asynchronous export of indicator `name` (see `src/async_kernels.rs`). */
export function asyncExportName<N extends string>(name: N): `${N}_async` {
  return `${name}_async`;
}

/**
 * The asynchronous exports (`src/async_kernels.rs`): `<indicator>_async` takes the synchronous
 * export's arguments (inputs, then the registry's parameters in order, then outputs) and returns a
 * promise that settles when the kernel has run on the libuv thread pool. Bad arguments throw
 * synchronously, like the synchronous export; a panic on the pool thread rejects.
 */
export type NativeAsyncBinding = {
  readonly [N in IndicatorName as `${N}_async`]: (...args: (Float64Array | number)[]) => Promise<void>;
};

/** The outcome of loading the binding: the binding, or why there is none. */
export type BindingResult = { binding: NativeBinding & NativeAsyncBinding; reason: null } | { binding: null; reason: string };

/**
 * The path of the napi-generated loader, relative to this module. It is the same from `src/`
 * (tests) and from `dist/` (the ESM and CJS builds, where tsup's shims give `import.meta.url` a
 * value), because both sit one level below the package root, next to which `napi build
 * --platform` writes `binding.cjs` and `kernels-native.<triple>.node`.
 */
export const LOADER_PATH = '../binding.cjs';

const MAX_CAUSES = 8;

/**
 * One line saying why `error` (thrown by the generated loader) happened, including its chain of
 * causes: the loader throws "Cannot find native binding" with one cause per file or package it
 * tried (missing file, dlopen failure, wrong libc...).
 */
export function describeLoadError(error: unknown): string {
  const messages: string[] = [];
  let current: unknown = error;
  const seen = new Set<unknown>();
  while (current !== null && current !== undefined && !seen.has(current) && messages.length < MAX_CAUSES) {
    seen.add(current);
    const message = current instanceof Error ? current.message : String(current);
    messages.push(message.split('\n')[0] ?? message);
    current = current instanceof Error ? current.cause : undefined;
  }
  return messages.join(' <- ');
}

/**
 * The exports missing from `value`: every registry indicator in its synchronous and its
 * asynchronous form, and the `NativeStream` class.
 */
function missingExports(value: unknown): string[] {
  const sync = indicatorList.map((spec) => spec.name);
  const names = [...sync, ...sync.map(asyncExportName), 'NativeStream'];
  if (typeof value !== 'object' || value === null) return names;
  const exports = value as Record<string, unknown>;
  return names.filter((name) => typeof exports[name] !== 'function');
}

/** Where this process runs, as napi names it (platform-arch). */
export function platformName(): string {
  return typeof process === 'undefined' ? 'unknown platform' : `${process.platform}-${process.arch}`;
}

/**
 * Loads the binding with `load` (by default: require the generated loader). Never throws: every
 * failure becomes a reason.
 */
export function loadBinding(load: () => unknown = defaultLoad): BindingResult {
  let value: unknown;
  try {
    value = load();
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    // Only the loader itself being missing, not a module the loader requires.
    const missingLoader =
      code === 'MODULE_NOT_FOUND' && error instanceof Error && (error.message.split('\n')[0] ?? '').includes(LOADER_PATH);
    const reason = missingLoader
      ? `the native loader binding.cjs is missing: @omega-ta/kernels-native was built without \`napi build\` (${describeLoadError(error)})`
      : `no loadable native binary for ${platformName()}: ${describeLoadError(error)}`;
    return { binding: null, reason };
  }
  const missing = missingExports(value);
  if (missing.length > 0) {
    return { binding: null, reason: `the native binding does not export ${missing.join(', ')} (stale or foreign binary?)` };
  }
  return { binding: value as NativeBinding & NativeAsyncBinding, reason: null };
}

function defaultLoad(): unknown {
  return createRequire(import.meta.url)(LOADER_PATH);
}

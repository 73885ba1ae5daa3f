import { ErrorCode, OmegaTaError, type Kernel } from '@omega-ta/kernel-interface';
import { loadNativeKernel } from '@omega-ta/kernels-native';
import tsKernel from '@omega-ta/kernels-ts';

/** Which kernels to use: the native Rust ones when they load (`auto`), or one of them by force. */
export type BackendChoice = 'auto' | 'ts' | 'native';

/** The environment variable that overrides the `backend` option. */
export const BACKEND_ENV = 'OMEGA_TA_BACKEND';

/** What {@link IndicatorCache.backendInfo} reports. */
export interface BackendInfo {
  /** The kernels answering calls now. */
  readonly active: 'ts' | 'native';
  /** What was asked for, and where the request came from. */
  readonly requested: BackendChoice;
  readonly requestedBy: 'option' | 'env' | 'default';
  /** Why `active` is what it is, e.g. why native could not load. */
  readonly reason: string;
}

export interface BackendSelection {
  readonly kernel: Kernel;
  readonly info: BackendInfo;
}

function parseChoice(value: string, source: string): BackendChoice {
  const v = value.trim().toLowerCase();
  if (v === 'auto' || v === 'ts' || v === 'native') return v;
  throw new OmegaTaError(ErrorCode.INVALID_PARAM, `${source} must be one of auto, ts, native (got '${value}')`, {
    argument: source,
  });
}

function readEnv(): string | undefined {
  const value = typeof process === 'undefined' ? undefined : process.env[BACKEND_ENV];
  return value === undefined || value.trim() === '' ? undefined : value;
}

/**
 * Picks the kernels: `OMEGA_TA_BACKEND` overrides the option; `auto` takes native when it loads
 * and otherwise TypeScript, saying why; `native` fails with the loader's reason when it cannot.
 */
export function selectBackend(option: BackendChoice | undefined, load = loadNativeKernel): BackendSelection {
  const env = readEnv();
  const requestedBy = env !== undefined ? 'env' : option !== undefined ? 'option' : 'default';
  const requested = env !== undefined ? parseChoice(env, BACKEND_ENV) : parseChoice(option ?? 'auto', 'backend');
  if (requested === 'ts') {
    return { kernel: tsKernel, info: { active: 'ts', requested, requestedBy, reason: `TypeScript kernels requested (${requestedBy})` } };
  }
  const native = load();
  if (native.kernel !== null) {
    return { kernel: native.kernel, info: { active: 'native', requested, requestedBy, reason: 'native kernels loaded' } };
  }
  if (requested === 'native') {
    throw new OmegaTaError(ErrorCode.UNSUPPORTED, `native backend requested (${requestedBy}) but unavailable: ${native.reason}`, {
      argument: requestedBy === 'env' ? BACKEND_ENV : 'backend',
    });
  }
  return {
    kernel: tsKernel,
    info: { active: 'ts', requested, requestedBy, reason: `native kernels unavailable, using TypeScript: ${native.reason}` },
  };
}

import type { ReadonlyFloat64Array } from '@omega-ta/kernel-interface';
import type { ResultNode } from './result-node.js';

/** The environment variable that turns the result guard on (`1`/`true`) for every IndicatorCache. */
export const GUARD_ENV = 'OMEGA_TA_GUARD_RESULTS';

/** The process warning code emitted (once per process) when the guard restores a modified result. */
export const RESULT_MODIFIED_WARNING = 'OMEGA_TA_RESULT_MODIFIED';

let warned = false;

type Stored = ReadonlyFloat64Array | readonly ReadonlyFloat64Array[];

const arraysOf = (value: Stored): readonly ReadonlyFloat64Array[] => (value instanceof Float64Array ? [value] : (value as readonly ReadonlyFloat64Array[]));

/** Bit-for-bit equality of two arrays of doubles (NaN payloads and the sign of zero included). */
function sameBits(a: ReadonlyFloat64Array, b: ReadonlyFloat64Array): boolean {
  if (a.length !== b.length) return false;
  const x = new BigUint64Array(a.buffer, a.byteOffset, a.length);
  const y = new BigUint64Array(b.buffer, b.byteOffset, b.length);
  for (let i = 0; i < x.length; i += 1) if (x[i] !== y[i]) return false;
  return true;
}

/**
 * The opt-in debug check of the shared results (`guardResults` / `OMEGA_TA_GUARD_RESULTS=1`):
 * keeps a private copy of every cached result and, on every cached call, compares the shared
 * array with it. A result a caller wrote to is replaced by a fresh copy of the original values
 * before it is returned (the writer keeps its modified array) and one process warning says so.
 * Costs a copy per result and a comparison per cached call: for tests and debugging.
 */
export class ResultGuard {
  readonly #pristine = new Map<ResultNode, Float64Array[]>();

  /** Whether the guard is on: the option, or else the environment variable. */
  static enabled(option: boolean | undefined): boolean {
    if (option !== undefined) return option;
    const env = typeof process === 'undefined' ? undefined : process.env[GUARD_ENV]?.trim().toLowerCase();
    return env === '1' || env === 'true';
  }

  /** Remembers the values of `value`, just stored at `node`. */
  remember(node: ResultNode, value: unknown): void {
    this.#pristine.set(node, arraysOf(value as Stored).map((a) => Float64Array.from(a)));
  }

  /** The value of `node`, restored from the private copy if a caller has written to it. */
  verified(node: ResultNode): unknown {
    const value = node.value as Stored;
    const pristine = this.#pristine.get(node);
    if (pristine === undefined || arraysOf(value).every((a, k) => sameBits(a, pristine[k]!))) return value;
    const fresh = pristine.map((a) => Float64Array.from(a));
    node.value = value instanceof Float64Array ? fresh[0]! : fresh;
    if (!warned && typeof process !== 'undefined') {
      warned = true;
      process.emitWarning('IndicatorCache: a caller wrote to a shared cached result; it was restored for the next caller (results are read-only)', {
        code: RESULT_MODIFIED_WARNING,
      });
    }
    return node.value;
  }

  clear(): void {
    this.#pristine.clear();
  }
}

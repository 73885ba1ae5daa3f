import { ErrorCode, OmegaTaError } from '@omega-ta/kernel-interface';

/** Parameter checks shared by the method groups; each throws INVALID_PARAM naming the argument. */

/** `value` is an integer >= `min`; `rule` is how the message states that. */
export function requireInteger(method: string, name: string, value: number, min: number, rule: string): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new OmegaTaError(ErrorCode.INVALID_PARAM, `${method}: ${name} must be ${rule} (got ${String(value)})`, {
      argument: name,
    });
  }
}

/** An integer period, or (with `strict`) an integer >= 1: `roc` and `atr` accept any integer. */
export function requirePeriod(method: string, period: number, strict: boolean): void {
  if (typeof period !== 'number' || !Number.isInteger(period) || (strict && period < 1)) {
    const rule = strict ? 'an integer >= 1' : 'an integer';
    throw new OmegaTaError(ErrorCode.INVALID_PARAM, `${method}: period must be ${rule} (got ${String(period)})`, { argument: 'period' });
  }
}

/** Bollinger's `std_factor`: finite (the original's NaN/inf bands are not reproduced); >= 0 when strict. */
export function requireStdFactor(method: string, stdFactor: number, strict: boolean): void {
  if (typeof stdFactor !== 'number' || !Number.isFinite(stdFactor) || (strict && stdFactor < 0)) {
    const rule = strict ? 'a finite number >= 0' : 'a finite number';
    throw new OmegaTaError(ErrorCode.INVALID_PARAM, `${method}: std_factor must be ${rule} (got ${String(stdFactor)})`, {
      argument: 'std_factor',
    });
  }
}

/** Whether a Kalman variance lies in the contract's range (R in (0, 1e300], Q in [0, 1e300]). */
export function kalmanInContract(name: 'R' | 'Q', value: number): boolean {
  return (name === 'R' ? value > 0 : value >= 0) && value <= 1e300;
}

/** `R` and `Q` are numbers (in the contract's ranges with `strict`). */
export function requireKalman(method: string, R: number, Q: number, strict: boolean): void {
  for (const [name, value] of [['R', R], ['Q', Q]] as const) {
    if (typeof value !== 'number' || (strict && !kalmanInContract(name, value))) {
      const rule = name === 'R' ? 'a number in (0, 1e300]' : 'a number in [0, 1e300]';
      throw new OmegaTaError(ErrorCode.INVALID_PARAM, `${method}: ${name} must be ${strict ? rule : 'a number'} (got ${String(value)})`, {
        argument: name,
      });
    }
  }
}

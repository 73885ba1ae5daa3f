/**
 * pandas' adjust=False exponential average for smoothing factor `alpha`, with the update of the
 * running average left to `step(value, x, w)`: the first observation starts it; each later
 * observation x is combined with the running average by `step`, `w = (1 - alpha)^(k+1)` being the
 * weight of the average after k missing rows just before x; missing rows hold it.
 */
export function ewmWithStep(x: ArrayLike<number>, alpha: number, step: (value: number, x: number, w: number) => number): number[] {
  const out: number[] = [];
  let value = Number.NaN;
  let missing = 0;
  for (let i = 0; i < x.length; i += 1) {
    const v = x[i]!;
    if (!Number.isFinite(v)) {
      missing += 1;
    } else if (Number.isNaN(value)) {
      value = v;
      missing = 0;
    } else {
      value = step(value, v, (1 - alpha) ** (missing + 1));
      missing = 0;
    }
    out.push(value);
  }
  return out;
}

/**
 * pandas' adjust=False exponential average by definition, for smoothing factor `alpha`: each
 * observation x gets weight alpha against (1 - alpha)^(k+1) for the running average (see
 * {@link ewmWithStep}).
 */
export function ewmNaive(x: ArrayLike<number>, alpha: number): number[] {
  return ewmWithStep(x, alpha, (value, v, w) => (w * value + alpha * v) / (w + alpha));
}

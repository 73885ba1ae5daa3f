/**
 * pandas' adjust=False exponential average by definition, for smoothing factor `alpha`: the first
 * observation starts it; each later observation x gets weight alpha against (1 - alpha)^(k+1) for
 * the running average, k being the number of missing rows just before it; missing rows hold it.
 */
export function ewmNaive(x: ArrayLike<number>, alpha: number): number[] {
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
      const w = (1 - alpha) ** (missing + 1);
      value = (w * value + alpha * v) / (w + alpha);
      missing = 0;
    }
    out.push(value);
  }
  return out;
}

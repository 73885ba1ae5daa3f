/** The window x[t-period+1..t] when it lies inside the series and every value is finite, else null. */
export function fullWindow(x: ArrayLike<number>, t: number, period: number): number[] | null {
  if (t + 1 < period) return null;
  const w: number[] = [];
  for (let i = t - period + 1; i <= t; i += 1) {
    const v = x[i]!;
    if (!Number.isFinite(v)) return null;
    w.push(v);
  }
  return w;
}

/** Arithmetic mean by plain summation. */
export function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * numpy 1.24's sum of `x[start .. start + count)`, bit for bit: `np.add.reduce` starts from the
 * identity 0.0 and adds `pairwise_sum_DOUBLE` of the slice (umath `loops_utils.h`):
 *
 * - fewer than 8 values: a left-to-right loop from 0.0;
 * - up to 128 values: eight running partial sums r[0..7] over the whole blocks of 8, combined as
 *   `((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))`, then the remaining values added in order;
 * - more: split at `n2 = floor(n / 2)` rounded down to a multiple of 8 and sum both halves
 *   recursively.
 *
 * It differs from a naive loop for more than 8 values. Used for `np.mean` (sum / count).
 */
export function pairwiseSum(x: ArrayLike<number>, start: number, count: number): number {
  return 0 + pairwise(x, start, count);
}

function pairwise(x: ArrayLike<number>, start: number, n: number): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i += 1) res += x[start + i]!;
    return res;
  }
  if (n <= 128) {
    let r0 = x[start]!;
    let r1 = x[start + 1]!;
    let r2 = x[start + 2]!;
    let r3 = x[start + 3]!;
    let r4 = x[start + 4]!;
    let r5 = x[start + 5]!;
    let r6 = x[start + 6]!;
    let r7 = x[start + 7]!;
    const whole = n - (n % 8);
    let i = 8;
    for (; i < whole; i += 8) {
      const b = start + i;
      r0 += x[b]!;
      r1 += x[b + 1]!;
      r2 += x[b + 2]!;
      r3 += x[b + 3]!;
      r4 += x[b + 4]!;
      r5 += x[b + 5]!;
      r6 += x[b + 6]!;
      r7 += x[b + 7]!;
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i += 1) res += x[start + i]!;
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwise(x, start, n2) + pairwise(x, start + n2, n - n2);
}

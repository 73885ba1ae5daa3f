/// numpy 1.24's sum of `x` (`np.add.reduce`), bit for bit: the identity `0.0` plus
/// `pairwise_sum_DOUBLE` of the values.
///
/// **The same algorithm as `pairwiseSum` in `@omega-ta/kernels-ts`
/// (`packages/kernels-ts/src/pairwise-sum.ts`), operation for operation**:
///
/// - fewer than 8 values: a left-to-right loop from `0.0`;
/// - up to 128 values: eight running partial sums over the whole blocks of 8, combined as
///   `((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))`, then the remaining values in order;
/// - more: split at `n / 2` rounded down to a multiple of 8 and sum both halves recursively
///   (depth about `log2(n / 128)`).
pub(crate) fn pairwise_sum(x: &[f64]) -> f64 {
    0.0 + pairwise(x)
}

fn pairwise(x: &[f64]) -> f64 {
    let n = x.len();
    if n < 8 {
        let mut res = 0.0;
        for &v in x {
            res += v;
        }
        return res;
    }
    if n <= 128 {
        let mut r = [x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]];
        let whole = n - n % 8;
        for block in x[8..whole].chunks_exact(8) {
            for (acc, &v) in r.iter_mut().zip(block) {
                *acc += v;
            }
        }
        let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for &v in &x[whole..] {
            res += v;
        }
        return res;
    }
    let mut n2 = n / 2;
    n2 -= n2 % 8;
    pairwise(&x[..n2]) + pairwise(&x[n2..])
}

#[cfg(test)]
#[allow(
    clippy::float_cmp,
    reason = "tests compare exact bits and name high/low/close h/l/c"
)]
mod tests {
    use super::pairwise_sum;

    #[test]
    fn differs_from_a_naive_loop_like_numpy() {
        // np.sum([1e16] + [1.0] * 8) is 1.0000000000000008e+16 (printed by numpy 1.24.2): the
        // naive loop loses every 1.0 (1e16 + 1 rounds back to 1e16), the partial sums do not.
        let mut x = vec![1e16];
        x.extend([1.0; 8]);
        assert_eq!(x.iter().fold(0.0, |a, &v| a + v), 1e16);
        assert_eq!(pairwise_sum(&x), 10_000_000_000_000_008.0);
    }

    #[test]
    fn sums_short_and_long_slices() {
        assert_eq!(pairwise_sum(&[]), 0.0);
        assert_eq!(pairwise_sum(&[1.5, 2.5]), 4.0);
        let x: Vec<f64> = (1..=300).map(f64::from).collect();
        assert_eq!(pairwise_sum(&x), 45_150.0);
    }
}

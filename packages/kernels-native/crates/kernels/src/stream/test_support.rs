//! Helpers of the streaming tests: random series (gaps, flat runs, infinities) and the check
//! that a stream equals its batch kernel bit for bit under every way of feeding it.

use super::{Bar, Stream};
use crate::KernelError;

/// xorshift64: a small deterministic generator for test data.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// Uniform in `[0, 1)`.
    pub(crate) fn unit(&mut self) -> f64 {
        f64::from(u32::try_from(self.next() >> 32).expect("32 bits")) / 4_294_967_296.0
    }

    /// Uniform in `0..n` (`n >= 1`).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(n).expect("fits")).expect("fits")
    }
}

/// A random-walk close series of `n` rows with NaN gaps, flat runs and rare ±infinity.
pub(crate) fn series(seed: u64, n: usize) -> Vec<f64> {
    let mut rng = Rng::new(seed);
    let mut price = 100.0;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let u = rng.unit();
        let v = if u < 0.06 {
            f64::NAN
        } else if u < 0.07 {
            if rng.unit() < 0.5 {
                f64::INFINITY
            } else {
                f64::NEG_INFINITY
            }
        } else if u < 0.15 {
            price // a flat run
        } else {
            price *= 1.0 + (rng.unit() - 0.5) * 0.04;
            price
        };
        out.push(v);
    }
    out
}

/// Random high, low and close columns of `n` rows (gaps in one column or in all three).
pub(crate) fn hlc(seed: u64, n: usize) -> [Vec<f64>; 3] {
    let close = series(seed, n);
    let mut rng = Rng::new(seed ^ 0x5555);
    let mut high = Vec::with_capacity(n);
    let mut low = Vec::with_capacity(n);
    for &c in &close {
        let up = if rng.unit() < 0.1 {
            0.0
        } else {
            rng.unit() * 2.0
        };
        let down = if rng.unit() < 0.1 {
            0.0
        } else {
            rng.unit() * 2.0
        };
        let gap = rng.unit();
        high.push(if gap < 0.03 { f64::NAN } else { c + up });
        low.push(if (0.03..0.06).contains(&gap) {
            f64::NAN
        } else {
            c - down
        });
    }
    [high, low, close]
}

fn same(a: f64, b: f64) -> bool {
    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
}

fn bar(inputs: &[&[f64]], t: usize) -> Bar {
    let mut bar = [f64::NAN; 3];
    for (slot, x) in bar.iter_mut().zip(inputs) {
        *slot = x[t];
    }
    bar
}

fn assert_row(stream: &dyn Stream, expected: &[Vec<f64>], t: usize, how: &str) {
    for (k, e) in expected.iter().enumerate() {
        let got = stream.value(k);
        assert!(
            same(got, e[t]),
            "{how}: row {t} output {k}: stream {got:?}, batch {:?}",
            e[t]
        );
    }
    assert!(stream.value(expected.len()).is_nan());
}

/// Asserts that streams made by `make` reproduce `expected` (the batch outputs on `inputs`) bit
/// for bit: bar by bar, in random `update_many` chunks, with live bars replaced several times
/// before they close, and mixing the three.
pub(crate) fn check_stream(
    make: &dyn Fn() -> Result<Box<dyn Stream>, KernelError>,
    inputs: &[&[f64]],
    expected: &[Vec<f64>],
) {
    let n = inputs[0].len();
    let mut rng = Rng::new(n as u64 ^ 0xabcd);
    let noise = series(n as u64 + 7, n);

    let mut s = make().expect("valid parameters");
    assert_eq!((s.inputs(), s.outputs()), (inputs.len(), expected.len()));
    assert!(s.is_empty() && s.value(0).is_nan());
    for t in 0..n {
        s.update(bar(inputs, t));
        assert_eq!(s.len(), t + 1);
        assert_row(s.as_ref(), expected, t, "update");
    }

    let mut s = make().expect("valid parameters");
    let mut outputs: Vec<Vec<f64>> = expected.iter().map(|_| vec![0.0; n]).collect();
    let mut start = 0;
    while start < n {
        let end = (start + rng.below(40)).min(n);
        let chunk: Vec<&[f64]> = inputs.iter().map(|x| &x[start..end]).collect();
        let mut out: Vec<&mut [f64]> = outputs.iter_mut().map(|y| &mut y[start..end]).collect();
        s.update_many(&chunk, &mut out).expect("matching lengths");
        start = end;
    }
    for (k, (got, e)) in outputs.iter().zip(expected).enumerate() {
        for t in 0..n {
            assert!(same(got[t], e[t]), "update_many: row {t} output {k}");
        }
    }

    let mut s = make().expect("valid parameters");
    for t in 0..n {
        let mut live = bar(inputs, t);
        live[0] = noise[t];
        if t > 0 && rng.unit() < 0.5 {
            s.replace(live); // the closed bar t - 1 changed, then restored
            s.replace(bar(inputs, t - 1));
            assert_row(s.as_ref(), expected, t - 1, "replace of a closed bar");
        }
        if t == 0 && rng.unit() < 0.5 {
            s.replace(live); // with no bar yet: appends
        } else {
            s.update(live);
        }
        for _ in 0..rng.below(3) {
            live[1 % inputs.len()] = noise[n - 1 - t];
            s.replace(live);
        }
        s.replace(bar(inputs, t));
        assert_eq!(s.len(), t + 1);
        assert_row(s.as_ref(), expected, t, "replace");
    }
}

/// [`check_stream`] for a one-input, one-output indicator, against `batch` run on `close`.
pub(crate) fn check_close_stream(
    close: &[f64],
    make: impl Fn() -> Result<Box<dyn Stream>, KernelError>,
    batch: impl Fn(&[f64], &mut [f64]) -> Result<(), KernelError>,
) {
    let mut expected = vec![0.0; close.len()];
    batch(close, &mut expected).expect("valid parameters");
    check_stream(&make, &[close], &[expected]);
}

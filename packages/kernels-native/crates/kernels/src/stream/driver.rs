use super::{Bar, Row, Step, Stream};
use crate::KernelError;

/// The generic driver of a [`Step`]: row count, the latest outputs and the snapshot that undoes
/// the latest row.
struct Driven<S: Step> {
    step: S,
    saved: S::Saved,
    len: usize,
    latest: Row,
}

/// Wraps `step` as a [`Stream`].
pub(crate) fn boxed<S: Step + 'static>(step: S) -> Box<dyn Stream> {
    let saved = step.save();
    Box::new(Driven {
        step,
        saved,
        len: 0,
        latest: [f64::NAN; 3],
    })
}

impl<S: Step> Driven<S> {
    #[inline]
    fn append(&mut self, bar: Bar) {
        self.saved = self.step.save();
        self.latest = self.step.step(self.len, bar);
        self.len += 1;
    }
}

impl<S: Step> Stream for Driven<S> {
    fn inputs(&self) -> usize {
        S::INPUTS
    }

    fn outputs(&self) -> usize {
        S::OUTPUTS
    }

    fn len(&self) -> usize {
        self.len
    }

    fn update(&mut self, bar: Bar) {
        self.append(bar);
    }

    fn replace(&mut self, bar: Bar) {
        if self.len == 0 {
            self.append(bar);
        } else {
            self.step.restore(self.saved);
            self.latest = self.step.step(self.len - 1, bar);
        }
    }

    fn value(&self, k: usize) -> f64 {
        if k < S::OUTPUTS {
            self.latest[k]
        } else {
            f64::NAN
        }
    }

    fn update_many(
        &mut self,
        inputs: &[&[f64]],
        outputs: &mut [&mut [f64]],
    ) -> Result<(), KernelError> {
        let n = inputs.first().map_or(0, |x| x.len());
        let mut lengths = inputs
            .iter()
            .map(|x| x.len())
            .chain(outputs.iter().map(|y| y.len()));
        if let Some(bad) = lengths.find(|&len| len != n) {
            return Err(KernelError::LengthMismatch {
                input: n,
                output: bad,
            });
        }
        if inputs.len() != S::INPUTS {
            return Err(KernelError::LengthMismatch {
                input: S::INPUTS,
                output: inputs.len(),
            });
        }
        if outputs.len() != S::OUTPUTS {
            return Err(KernelError::LengthMismatch {
                input: S::OUTPUTS,
                output: outputs.len(),
            });
        }
        let column = |k: usize| inputs.get(k).copied().unwrap_or(&[]);
        let (x0, x1, x2) = (column(0), column(1), column(2));
        for t in 0..n {
            let bar = [
                x0[t],
                x1.get(t).copied().unwrap_or(f64::NAN),
                x2.get(t).copied().unwrap_or(f64::NAN),
            ];
            if t + 1 == n {
                self.append(bar); // only the last row needs the snapshot that undoes it
            } else {
                self.latest = self.step.step(self.len, bar);
                self.len += 1;
            }
            for (out, &v) in outputs.iter_mut().zip(&self.latest) {
                out[t] = v;
            }
        }
        Ok(())
    }
}

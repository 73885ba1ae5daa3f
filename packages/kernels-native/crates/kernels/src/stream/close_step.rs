use super::{one, Bar, Row, Step};

/// A one-output computation over the closes, one row at a time, with the snapshot that undoes
/// its latest row: the building block of the close-only streams (the value itself, or the mean
/// of a z-score).
pub(crate) trait CloseStep: Send {
    /// What is needed to undo the most recent row.
    type Saved: Copy + Send;
    /// A snapshot of the state before the next row.
    fn save(&self) -> Self::Saved;
    /// Undoes the most recent row, given the snapshot taken before it.
    fn restore(&mut self, saved: Self::Saved);
    /// Consumes row `row`'s close and returns the output.
    fn close_row(&mut self, row: usize, close: f64) -> f64;
}

/// A [`CloseStep`] as a stream with input `close` and one output.
pub(crate) struct OfCloses<C>(pub(crate) C);

impl<C: CloseStep> Step for OfCloses<C> {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    type Saved = C::Saved;

    fn save(&self) -> C::Saved {
        self.0.save()
    }

    fn restore(&mut self, saved: C::Saved) {
        self.0.restore(saved);
    }

    fn step(&mut self, row: usize, [close, ..]: Bar) -> Row {
        one(self.0.close_row(row, close))
    }
}

/// A stream whose whole state is a small `Copy` value: the snapshot is the value itself.
pub(crate) trait CopyStep: Copy + Send {
    /// Number of input series.
    const INPUTS: usize;
    /// Number of outputs.
    const OUTPUTS: usize;
    /// Computes row `row`.
    fn next_row(&mut self, row: usize, bar: Bar) -> Row;
}

impl<S: CopyStep> Step for S {
    const INPUTS: usize = <S as CopyStep>::INPUTS;
    const OUTPUTS: usize = <S as CopyStep>::OUTPUTS;
    type Saved = S;

    fn save(&self) -> S {
        *self
    }

    fn restore(&mut self, saved: S) {
        *self = saved;
    }

    fn step(&mut self, row: usize, bar: Bar) -> Row {
        self.next_row(row, bar)
    }
}

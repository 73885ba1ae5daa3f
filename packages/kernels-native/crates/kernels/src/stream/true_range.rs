/// One row of the true range: **the loop body of the batch `true_range` (`src/true_range.rs`),
/// operation for operation** (`max(|h - l|, |h - prev_close|, |l - prev_close|)` skipping NaN
/// candidates; `|h - l|` on the first bar).
#[derive(Clone, Copy)]
pub(crate) struct TrueRange {
    prev_close: f64,
}

impl TrueRange {
    /// Before the first bar.
    pub(crate) fn new() -> Self {
        Self {
            prev_close: f64::NAN,
        }
    }

    /// The true range of the bar `h`, `l`, `c`.
    #[inline]
    pub(crate) fn step(&mut self, h: f64, l: f64, c: f64) -> f64 {
        let mut m = (h - l).abs();
        let up = (h - self.prev_close).abs();
        if !up.is_nan() && (m.is_nan() || up > m) {
            m = up;
        }
        let down = (l - self.prev_close).abs();
        if !down.is_nan() && (m.is_nan() || down > m) {
            m = down;
        }
        self.prev_close = c;
        m
    }
}

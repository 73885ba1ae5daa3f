use super::ring::Ring;
use crate::observed;

/// One row of pandas 1.5.3 `rolling(window, min_periods=window).max()` (or `.min()`): **the loop
/// body of the batch `rolling_extreme` (`src/rolling.rs`), operation for operation** (a monotonic
/// deque of row indices; a new value evicts the candidates it ties or beats, a missing value only
/// missing candidates). The caller keeps the series' last `window + 1` values in a [`Ring`].
///
/// Deque positions are absolute (`head..tail`); popping only moves `tail`, so undoing a row needs
/// `head`, `tail`, `nobs` and the one entry the row's push overwrote ([`DequeSaved`] plus
/// `overwritten`).
pub(crate) struct MonotonicDeque {
    window: usize,
    is_max: bool,
    queue: Ring<usize>,
    head: usize,
    tail: usize,
    nobs: usize,
    /// The position and old row index of the entry the latest push overwrote, when it was live.
    overwritten: Option<(usize, usize)>,
}

/// The part of a [`MonotonicDeque`] restored when its latest row is undone.
#[derive(Clone, Copy)]
pub(crate) struct DequeSaved {
    head: usize,
    tail: usize,
    nobs: usize,
}

impl MonotonicDeque {
    /// An empty rolling maximum (`is_max`) or minimum over `window >= 2` rows.
    pub(crate) fn new(window: usize, is_max: bool) -> Self {
        Self {
            window,
            is_max,
            queue: Ring::new(window + 1),
            head: 0,
            tail: 0,
            nobs: 0,
            overwritten: None,
        }
    }

    pub(crate) fn save(&self) -> DequeSaved {
        DequeSaved {
            head: self.head,
            tail: self.tail,
            nobs: self.nobs,
        }
    }

    /// Undoes the latest row, given the snapshot taken before it.
    pub(crate) fn restore(&mut self, saved: DequeSaved) {
        if let Some((position, row)) = self.overwritten.take() {
            self.queue.set(position, row);
        }
        self.head = saved.head;
        self.tail = saved.tail;
        self.nobs = saved.nobs;
    }

    /// Adds row `row`, whose value `x` already holds, and returns the extreme of the window, NaN
    /// unless all `window` values are observed.
    #[inline]
    pub(crate) fn step(&mut self, row: usize, x: &Ring<f64>) -> f64 {
        let v = x.get(row);
        let is_observed = observed(v);
        if is_observed {
            self.nobs += 1;
        }
        let live_tail = self.tail;
        while self.tail > self.head {
            let back = x.get(self.queue.get(self.tail - 1));
            let evict =
                !observed(back) || (is_observed && if self.is_max { v >= back } else { v <= back });
            if evict {
                self.tail -= 1;
            } else {
                break;
            }
        }
        self.overwritten = (self.tail < live_tail).then(|| (self.tail, self.queue.get(self.tail)));
        self.queue.set(self.tail, row);
        self.tail += 1;
        if row >= self.window {
            let leaving = row - self.window;
            if self.queue.get(self.head) == leaving {
                self.head += 1;
            }
            if observed(x.get(leaving)) {
                self.nobs -= 1;
            }
        }
        if self.nobs >= self.window {
            x.get(self.queue.get(self.head))
        } else {
            f64::NAN
        }
    }
}

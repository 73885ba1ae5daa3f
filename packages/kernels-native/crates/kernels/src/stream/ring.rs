/// The values of the last `capacity` positions of a sequence (rows of a series, or positions of a
/// deque), addressed by their absolute position. Memory grows with the positions written, up to
/// `capacity` values, so a stream with a huge window costs memory only as rows arrive; once full
/// it never allocates.
///
/// Positions are written in order `0, 1, 2...`, each at most one past the highest written so far
/// (rewriting a recent position is allowed); a position is readable while it is among the last
/// `capacity` written.
pub(crate) struct Ring<T> {
    values: Vec<T>,
    capacity: usize,
}

/// Values reserved up front: windows up to this size never reallocate.
const INITIAL: usize = 256;

impl<T: Copy> Ring<T> {
    /// A ring of `capacity >= 1` values.
    pub(crate) fn new(capacity: usize) -> Self {
        debug_assert!(capacity >= 1);
        Self {
            values: Vec::with_capacity(capacity.min(INITIAL)),
            capacity,
        }
    }

    /// Stores `value` at `position`.
    #[inline]
    pub(crate) fn set(&mut self, position: usize, value: T) {
        let slot = position % self.capacity;
        if slot < self.values.len() {
            self.values[slot] = value;
        } else {
            debug_assert_eq!(slot, self.values.len());
            self.values.push(value);
        }
    }

    /// The value at `position`.
    #[inline]
    pub(crate) fn get(&self, position: usize) -> T {
        self.values[position % self.capacity]
    }

    /// The values at positions `0..len`, in order, while nothing has wrapped around (`len <=
    /// capacity`).
    pub(crate) fn prefix(&self, len: usize) -> &[T] {
        &self.values[..len]
    }
}

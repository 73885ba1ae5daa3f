/// The values of the last `capacity` positions of a sequence (rows of a series, or positions of a
/// deque), addressed by their absolute position. Memory grows with the positions written, up to
/// `capacity` values, so a stream with a huge window costs memory only as rows arrive; once full
/// it never allocates.
///
/// Positions are written in order `0, 1, 2...`, each at most one past the highest written so far
/// (rewriting a recent position is allowed); a position is readable while it is among the last
/// `capacity` written (or a few more: the slots are rounded up to a power of two).
pub(crate) struct Ring<T> {
    values: Vec<T>,
    /// The number of slots minus one: a power of two minus one, so that a slot is
    /// `position & mask` (an integer division per access would cost more than the row's
    /// arithmetic).
    mask: usize,
}

/// Values reserved up front: windows up to this size never reallocate.
const INITIAL: usize = 256;

impl<T: Copy> Ring<T> {
    /// A ring that keeps at least the last `capacity >= 1` values (the next power of two).
    pub(crate) fn new(capacity: usize) -> Self {
        let slots = capacity.max(1).next_power_of_two();
        Self {
            values: Vec::with_capacity(slots.min(INITIAL)),
            mask: slots - 1,
        }
    }

    /// Stores `value` at `position`.
    #[inline]
    pub(crate) fn set(&mut self, position: usize, value: T) {
        let slot = position & self.mask;
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
        self.values[position & self.mask]
    }

    /// The values at positions `0..len`, in order, while nothing has wrapped around (`len` at
    /// most the capacity asked for).
    pub(crate) fn prefix(&self, len: usize) -> &[T] {
        &self.values[..len]
    }
}

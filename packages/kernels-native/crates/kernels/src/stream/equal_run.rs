use crate::rolling_var::equal_run_after;

/// pandas' consecutive-equal-values rule (GH#42064) as the rolling kernels track it: the length
/// of the run of equal observations ending with the latest one (IEEE equality, so `-0.0` repeats
/// `0.0`). A window whose observations are all in the run is constant.
#[derive(Clone, Copy)]
pub(crate) struct EqualRun {
    /// Length of the run.
    pub(super) len: usize,
    /// The latest observation.
    pub(super) last: f64,
}

impl EqualRun {
    /// Before any observation.
    pub(crate) fn new() -> Self {
        Self {
            len: 0,
            last: f64::NAN,
        }
    }

    /// Records the observation `v`.
    #[inline]
    pub(crate) fn observe(&mut self, v: f64) {
        self.len = equal_run_after(v, self.last, self.len);
        self.last = v;
    }
}

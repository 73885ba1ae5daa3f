/**
 * Rows per call of a kernel's loop function. Kernels run long series as a sequence of calls of a
 * small loop function over `CHUNK_ROWS` rows each, carrying their running state from call to call
 * (in locals inside a call, in a small `Float64Array` between calls); the arithmetic per row and
 * its order do not change, so neither do the bits.
 *
 * Why (profiled with `node --trace-opt --trace-deopt`): a single loop over a whole series is
 * compiled by V8 through on-stack replacement (OSR) during the first call, and that OSR code keeps
 * the loop's doubles boxed (it allocates on every row: 4–5× slower). Once OSR code exists, later
 * calls jump into it at the loop and the function rarely gets its normal optimised code, so a
 * kernel stayed in the slow state for dozens of calls or for good, depending on timing. A loop
 * function entered hundreds of times per series is optimised as a whole after a few chunks and
 * re-optimised after a deoptimisation, the same way on every run. 4096 rows keep the call
 * overhead below 0.1 % and measured stable in repeated runs (1024 still fell back to OSR code now
 * and then after a deoptimisation).
 */
export const CHUNK_ROWS = 4096;

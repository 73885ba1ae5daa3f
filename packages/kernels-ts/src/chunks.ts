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

/** Rows of each of the first {@link WARM_CHUNKS} chunks of a series (see {@link chunkEnd}). */
const WARM_CHUNK_ROWS = 64;

/** How many short chunks start every series (see {@link chunkEnd}). */
const WARM_CHUNKS = 16;

/**
 * The end of the chunk that starts at row `from` of a series of `n` rows: {@link WARM_CHUNKS}
 * chunks of {@link WARM_CHUNK_ROWS} rows, then {@link CHUNK_ROWS} rows each.
 *
 * Why the short chunks (profiled with `node --trace-deopt`): V8 allocates a function's type
 * feedback only after several calls, and a first call of 4096 rows gets its loop compiled by OSR
 * before the code after the loop (saving the state) has ever run with feedback. That code then
 * deoptimises with "Insufficient type feedback" at the end of the loop, and the OSR code that
 * contains it was entered again by later chunks: `macdRows` deoptimised 355 times in 12 calls
 * (8–9 ns/bar instead of 7), and ts ema drifted from 3.2 to 5.2 ns/bar within a run. Sixteen
 * short calls first run the whole function, post-loop code included, once feedback exists, so the
 * optimised code has none of those exits (one deoptimisation per process, not one per chunk).
 */
export function chunkEnd(from: number, n: number): number {
  return Math.min(from + (from < WARM_CHUNK_ROWS * WARM_CHUNKS ? WARM_CHUNK_ROWS : CHUNK_ROWS), n);
}

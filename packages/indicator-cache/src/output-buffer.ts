/** Below this many elements an output is zero-filled as usual: the zeroes cost next to nothing. */
const UNFILLED_FROM = 4096;

/** Node's `Buffer.allocUnsafeSlow`, where there is one (not in browsers). */
const allocUnsafeSlow: ((size: number) => Uint8Array) | undefined =
  typeof globalThis.Buffer?.allocUnsafeSlow === 'function' ? globalThis.Buffer.allocUnsafeSlow.bind(globalThis.Buffer) : undefined;

/**
 * A `Float64Array` of `length` elements for a kernel to write its output into. Every kernel writes
 * every row of its outputs (the conformance suite's "every row written" property, run on both
 * backends), so zero-filling a fresh array first is wasted work: on Node a large output is made
 * from `Buffer.allocUnsafeSlow` memory, which is not cleared and which the C allocator reuses
 * once earlier results are collected (no fresh pages to fault in), instead of `new Float64Array`,
 * whose memory the allocator must zero. Browsers get a plain `Float64Array`.
 */
export function kernelOutput(length: number): Float64Array {
  if (allocUnsafeSlow === undefined || length < UNFILLED_FROM) return new Float64Array(length);
  const bytes = allocUnsafeSlow(length * Float64Array.BYTES_PER_ELEMENT);
  return new Float64Array(bytes.buffer, bytes.byteOffset, length);
}

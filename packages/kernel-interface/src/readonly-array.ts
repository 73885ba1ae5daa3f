type Mutator = 'set' | 'fill' | 'copyWithin' | 'reverse' | 'sort' | 'subarray';

/**
 * A Float64Array its holder must not write: the type of kernel inputs (never written) and of the
 * shared results IndicatorCache hands out. Every Float64Array is one; the reverse needs a copy
 * (`Float64Array.from(x)`). Type-level only: at run time it is the Float64Array itself.
 */
export type ReadonlyFloat64Array = Omit<Float64Array, number | Mutator> & {
  readonly [index: number]: number;
  /** A read-only view of elements `begin` to `end` (exclusive), sharing memory. */
  subarray(begin?: number, end?: number): ReadonlyFloat64Array;
};

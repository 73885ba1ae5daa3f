// The benchmarked operations: every registry indicator with its default parameters (20 where
// the registry has no default), in registry order.
import { indicatorList } from '@omega-ta/kernel-interface';

export const ops = indicatorList.map((spec) => ({
  op: spec.name,
  spec,
  params: Object.fromEntries(spec.params.map((p) => [p.name, p.default ?? 20])),
}));

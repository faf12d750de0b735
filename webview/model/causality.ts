// Sentences and formatting for causality; the queries themselves are traces/causality's.
import { relation } from '../../traces/causality';
import type { Trace } from '../../traces/store';

/** A sentence for two selected events. */
export function describeRelation(t: Trace, a: number, b: number): string {
  switch (relation(t, a, b)) {
    case 'same':
      return `#${a} is the same event`;
    case 'before':
      return `#${a} happens before #${b}`;
    case 'after':
      return `#${b} happens before #${a}`;
    case 'concurrent':
      return `#${a} and #${b} are concurrent: neither has seen the other`;
  }
}

/** Format a vector clock / version vector as `{a:2, b:1}`. */
export function formatVector(vv: Record<string, number> | undefined): string {
  if (!vv) return '{}';
  const parts = Object.entries(vv)
    .filter(([, v]) => v !== 0)
    .map(([k, v]) => `${k}:${v}`);
  return `{${parts.join(', ')}}`;
}

// Multi-value register: a write replaces every value its replica has seen (its version vector
// dominates them); concurrent writes survive side by side until a later write covers them all.

import type { Value } from '../../../traces/types';
import { compare, increment, merge, type VersionVector } from '../common/versionVector';

export interface MVEntry {
  value: Value;
  tombstone?: boolean;
  vv: VersionVector;
  op: string;
  /** The replica that accepted the write. */
  replica: string;
}

export interface MVRegister {
  type: 'mv-register';
  /** The maximal entries, sorted by op key. */
  entries: MVEntry[];
}

export function emptyMv(): MVRegister {
  return { type: 'mv-register', entries: [] };
}

export function mvContext(r: MVRegister): VersionVector {
  let vv: VersionVector = {};
  for (const e of r.entries) vv = merge(vv, e.vv);
  return vv;
}

export function assignMv(
  r: MVRegister,
  replica: string,
  value: Value,
  op: string,
  tombstone = false,
): MVRegister {
  const vv = increment(mvContext(r), replica);
  return {
    type: 'mv-register',
    entries: [tombstone ? { value: null, tombstone, vv, op, replica } : { value, vv, op, replica }],
  };
}

export function mergeMv(a: MVRegister, b: MVRegister): MVRegister {
  const all = [...a.entries, ...b.entries];
  const kept: MVEntry[] = [];
  for (const e of all) {
    if (kept.some((k) => k.op === e.op)) continue;
    const dominated = all.some((o) => compare(e.vv, o.vv) === 'before');
    if (!dominated) kept.push(e);
  }
  kept.sort((x, y) => (x.op < y.op ? -1 : x.op > y.op ? 1 : 0));
  return { type: 'mv-register', entries: kept };
}

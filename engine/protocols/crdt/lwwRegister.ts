// Last-writer-wins register: the write with the highest (timestamp, replica, op) survives a merge.
// Merge is a maximum, hence commutative, associative and idempotent; concurrent writes are lost.

import type { Value } from '../../../traces/types';

export interface LWWRegister {
  type: 'lww-register';
  /** Absent until the first write. */
  entry?: { value: Value; tombstone?: boolean; ts: number; replica: string; op: string };
}

export function emptyLww(): LWWRegister {
  return { type: 'lww-register' };
}

type Entry = NonNullable<LWWRegister['entry']>;

/** Positive when `a` wins over `b`. */
export function lwwOrder(a: Entry, b: Entry): number {
  if (a.ts !== b.ts) return a.ts - b.ts;
  if (a.replica !== b.replica) return a.replica < b.replica ? -1 : 1;
  return a.op === b.op ? 0 : a.op < b.op ? -1 : 1;
}

export function assignLww(r: LWWRegister, entry: Entry): LWWRegister {
  return mergeLww(r, { type: 'lww-register', entry });
}

export function mergeLww(a: LWWRegister, b: LWWRegister): LWWRegister {
  if (!a.entry) return b;
  if (!b.entry) return a;
  return lwwOrder(a.entry, b.entry) >= 0 ? a : b;
}

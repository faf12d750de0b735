// PN-counter: one increment total and one decrement total per replica. Merge takes the pointwise
// maximum, so applying the same state twice or in any order gives the same counter.

import { mergeOps } from './ops';

export interface PNCounter {
  type: 'counter';
  /** Sum of positive increments made at each replica. */
  p: Record<string, number>;
  /** Sum of decrements (as positive numbers) made at each replica. */
  n: Record<string, number>;
  /** Op keys of every increment folded in, sorted. */
  ops: string[];
}

export function emptyCounter(): PNCounter {
  return { type: 'counter', p: {}, n: {}, ops: [] };
}

export function increment(c: PNCounter, replica: string, by: number, op: string): PNCounter {
  const p = { ...c.p };
  const n = { ...c.n };
  if (by > 0) p[replica] = (p[replica] ?? 0) + by;
  else if (by < 0) n[replica] = (n[replica] ?? 0) - by;
  return { type: 'counter', p, n, ops: mergeOps(c.ops, [op]) };
}

function maxMap(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = { ...a };
  for (const k in b) if ((out[k] ?? 0) < b[k]!) out[k] = b[k]!;
  return out;
}

export function mergeCounter(a: PNCounter, b: PNCounter): PNCounter {
  return { type: 'counter', p: maxMap(a.p, b.p), n: maxMap(a.n, b.n), ops: mergeOps(a.ops, b.ops) };
}

export function counterValue(c: PNCounter): number {
  let v = 0;
  for (const k in c.p) v += c.p[k]!;
  for (const k in c.n) v -= c.n[k]!;
  return v;
}

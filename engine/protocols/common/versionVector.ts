// Version vectors: one counter per replica (or per client for dotted variants). Shared by the
// multi-leader and leaderless families and by the anomaly checkers' explanations.

import type { VersionVector } from '../../../traces/types';

export type { VersionVector };

export type Ordering = 'equal' | 'before' | 'after' | 'concurrent';

/** How `a` relates to `b`: before means a < b (b has seen everything a has, and more). */
export function compare(a: VersionVector, b: VersionVector): Ordering {
  let less = false;
  let greater = false;
  for (const k in a) {
    const x = a[k]!;
    const y = b[k] ?? 0;
    if (x < y) less = true;
    else if (x > y) greater = true;
  }
  for (const k in b) {
    if (!(k in a) && b[k]! > 0) less = true;
  }
  if (less && greater) return 'concurrent';
  if (less) return 'before';
  if (greater) return 'after';
  return 'equal';
}

/** a <= b: everything a has seen, b has seen too. */
export function descends(b: VersionVector, a: VersionVector): boolean {
  for (const k in a) if ((b[k] ?? 0) < a[k]!) return false;
  return true;
}

export function concurrent(a: VersionVector, b: VersionVector): boolean {
  return compare(a, b) === 'concurrent';
}

// Vectors are built key by key into a fresh `{}` rather than by spreading: a spread copy has room
// for exactly the keys it copied, so a key added afterwards goes to a separate property array, and
// the trace keeps many of these objects.

/** A copy of `v`. */
export function copy(v: VersionVector): VersionVector {
  const out: VersionVector = {};
  for (const k in v) out[k] = v[k]!;
  return out;
}

/** Pointwise maximum, as a new vector. */
export function merge(a: VersionVector, b: VersionVector): VersionVector {
  const out = copy(a);
  for (const k in b) if ((out[k] ?? 0) < b[k]!) out[k] = b[k]!;
  return out;
}

/** A copy with `id`'s counter one higher. */
export function increment(v: VersionVector, id: string): VersionVector {
  const out = copy(v);
  out[id] = (v[id] ?? 0) + 1;
  return out;
}

/** Reads as `{a:2, b:1}` with keys sorted, the form used in summaries and the timeline. */
export function formatVV(v: VersionVector): string {
  const keys = Object.keys(v)
    .filter((k) => v[k] !== 0)
    .sort();
  return `{${keys.map((k) => `${k}:${v[k]}`).join(', ')}}`;
}

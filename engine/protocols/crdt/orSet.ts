// Observed-remove set. Every add is tagged with its unique op key; a remove deletes only the tags it
// has observed, so an add concurrent with the remove survives (remove wins only over what it saw).

import type { Value } from '../../../traces/types';
import { mergeOps } from './ops';

export interface ORSet {
  type: 'set';
  /** Element (as canonical JSON) -> its value and the tags (add op keys) ever seen for it, sorted. */
  adds: Record<string, { value: Value; tags: string[] }>;
  /** Tags removed by some remove, sorted. */
  removed: string[];
  /** Op keys of the removes folded in, sorted. */
  removes: string[];
}

export function emptySet(): ORSet {
  return { type: 'set', adds: {}, removed: [], removes: [] };
}

export function elementKey(value: Value): string {
  return JSON.stringify(value);
}

export function add(s: ORSet, value: Value, op: string): ORSet {
  const k = elementKey(value);
  const entry = s.adds[k];
  return { ...s, adds: { ...s.adds, [k]: { value, tags: mergeOps(entry?.tags ?? [], [op]) } } };
}

/** The tags of `value` that are live here: what a remove issued at this replica observes. */
export function liveTags(s: ORSet, value: Value): string[] {
  const entry = s.adds[elementKey(value)];
  if (!entry) return [];
  const removed = new Set(s.removed);
  return entry.tags.filter((t) => !removed.has(t));
}

export function remove(s: ORSet, value: Value, op: string): ORSet {
  return { ...s, removed: mergeOps(s.removed, liveTags(s, value)), removes: mergeOps(s.removes, [op]) };
}

export function mergeSet(a: ORSet, b: ORSet): ORSet {
  const adds: ORSet['adds'] = { ...a.adds };
  for (const k in b.adds) {
    const x = adds[k];
    const y = b.adds[k]!;
    adds[k] = x ? { value: x.value, tags: mergeOps(x.tags, y.tags) } : y;
  }
  return {
    type: 'set',
    adds,
    removed: mergeOps(a.removed, b.removed),
    removes: mergeOps(a.removes, b.removes),
  };
}

/** The elements with at least one live tag, in canonical order. */
export function setValue(s: ORSet): Value[] {
  const removed = new Set(s.removed);
  return Object.keys(s.adds)
    .sort()
    .filter((k) => s.adds[k]!.tags.some((t) => !removed.has(t)))
    .map((k) => s.adds[k]!.value);
}

/** The ops that shaped the current value: live adds and every remove. */
export function setOps(s: ORSet): string[] {
  const removed = new Set(s.removed);
  const live: string[] = [];
  for (const k in s.adds) for (const t of s.adds[k]!.tags) if (!removed.has(t)) live.push(t);
  return mergeOps(live.sort(), s.removes);
}

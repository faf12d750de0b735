// Formatting and comparing stored values the way a learner wrote them in the scenario file:
// `milk`, `[milk, eggs]`, `(not found)`, and sets of siblings compared without regard to order.

import type { Sibling, Value } from '../../traces/types';

/** A value in the scenario's own notation: scalars bare, lists in brackets. */
export function formatValue(v: Value | undefined): string {
  if (v === undefined) return '?';
  if (v === null) return 'null';
  if (Array.isArray(v)) return `[${v.map(formatValue).join(', ')}]`;
  if (typeof v === 'string') return v;
  return String(v);
}

/** Siblings that are values (tombstones are deletions, not values). */
export function visible(siblings: readonly Sibling[] | undefined): Sibling[] {
  return siblings ? siblings.filter((s) => !s.tombstone) : [];
}

/**
 * What a read returned or a replica holds, as a learner reads it: `(not found)`, `milk`, or
 * `[milk, eggs] (2 siblings)` when several values are kept side by side.
 */
export function formatSiblings(siblings: readonly Sibling[] | undefined): string {
  const vs = visible(siblings);
  if (vs.length === 0) return '(not found)';
  if (vs.length === 1) return formatValue(vs[0]!.value);
  return `[${vs.map((s) => formatValue(s.value)).join(', ')}] (${vs.length} siblings)`;
}

/** What a replica stores, deletion markers included: `[1, (deleted)] (2 siblings)`. */
export function formatStored(siblings: readonly Sibling[] | undefined): string {
  if (!siblings?.some((s) => s.tombstone)) return formatSiblings(siblings);
  const parts = siblings.map((s) => (s.tombstone ? '(deleted)' : formatValue(s.value)));
  return parts.length === 1 ? parts[0]! : `[${parts.join(', ')}] (${parts.length} siblings)`;
}

/** `key = value` for a state or a read result. */
export function formatKeyState(key: string, siblings: readonly Sibling[] | undefined): string {
  return `${key} = ${formatSiblings(siblings)}`;
}

/** A list of expected sibling values as written in `returns:` / `values:`. */
export function formatValueList(values: readonly Value[]): string {
  if (values.length === 0) return '[] (not found)';
  return `[${values.map(formatValue).join(', ')}]`;
}

/** A canonical string for equality of values (order of list items matters, as in the value). */
export function canonical(v: Value | undefined): string {
  return JSON.stringify(v ?? null);
}

/** The set of canonical values of the visible siblings, sorted, as one string. */
export function valueSetSignature(values: readonly (Value | undefined)[]): string {
  return [...new Set(values.map(canonical))].sort().join('\u0000');
}

/** Whether two lists of values are equal as sets. */
export function sameValueSet(a: readonly (Value | undefined)[], b: readonly (Value | undefined)[]): boolean {
  return valueSetSignature(a) === valueSetSignature(b);
}

/** The op keys of the client writes a sibling carries (`op` first, then `ops`), without repeats. */
export function siblingOps(s: Sibling): string[] {
  if (!s.ops || s.ops.length === 0) return s.op ? [s.op] : [];
  const out = s.op ? [s.op] : [];
  for (const o of s.ops) if (o !== s.op && !out.includes(o)) out.push(o);
  return out;
}

/** Every op key carried by a list of siblings. */
export function opsOf(siblings: readonly Sibling[] | undefined, includeTombstones = true): Set<string> {
  const out = new Set<string>();
  if (!siblings) return out;
  for (const s of siblings) {
    if (s.tombstone && !includeTombstones) continue;
    if (s.op) out.add(s.op);
    if (s.ops) for (const o of s.ops) out.add(o);
  }
  return out;
}

/** Virtual milliseconds as a learner reads them: `12ms`, `12.5ms`. */
export function formatMs(t: number): string {
  return `${Number(t.toFixed(3))}ms`;
}

/** `a, b and c`. */
export function listJoin(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

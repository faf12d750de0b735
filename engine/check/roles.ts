// Leadership as protocols record it: each node's `role` field ('leader' | 'follower' |
// 'candidate'), `term` and `leader`; with single-leader shards, one set per replication group,
// named `<group>.role`, `<group>.term`, `<group>.leader`.

import type { History } from './history';

/** Group of a field name like `role` ('') or `s1.role` ('s1'), if it is that field. */
export function groupOfField(
  field: string | undefined,
  name: 'role' | 'term' | 'leader',
): string | undefined {
  if (field === name) return '';
  if (field?.endsWith(`.${name}`)) return field.slice(0, -name.length - 1);
  return undefined;
}

/** The replication group a data key belongs to ('' without shards). */
export function groupOfKey(h: History, key: string): string {
  const c = h.scenario.cluster;
  if (c.replication !== 'single-leader' || !c.shards || c.shards.length === 0) return '';
  return (c.shards.find((s) => s.keys.includes(key)) ?? c.shards[0]!).name;
}

/** Per node and group, the values a field took, in order. */
export function fieldTimeline(
  h: History,
  name: 'role' | 'term' | 'leader',
): Map<string, { event: number; value: unknown }[]> {
  const out = new Map<string, { event: number; value: unknown }[]>();
  for (const e of h.fieldEvents) {
    const d = h.trace.detail(e);
    const group = groupOfField(d?.field, name);
    if (group === undefined) continue;
    const id = `${h.trace.actorOf(e)}\u0000${group}`;
    let l = out.get(id);
    if (!l) {
      l = [];
      out.set(id, l);
    }
    l.push({ event: e, value: d?.value });
  }
  return out;
}

/** The field's value on `node` in `group` as of `event` (the end when omitted). */
export function valueAt(
  timeline: Map<string, { event: number; value: unknown }[]>,
  node: number,
  group: string,
  event = Number.POSITIVE_INFINITY,
): unknown {
  let v: unknown;
  for (const t of timeline.get(`${node}\u0000${group}`) ?? []) {
    if (t.event > event) break;
    v = t.value;
  }
  return v;
}

/** ` (term 2)` when the node's term in the group is known at that event. */
export function termSuffix(
  terms: Map<string, { event: number; value: unknown }[]>,
  node: number,
  group: string,
  event?: number,
): string {
  const t = valueAt(terms, node, group, event);
  return t === undefined ? '' : ` (term ${String(t)})`;
}

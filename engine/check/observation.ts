// What a read observed, in terms of client writes, and the "is older than" order between writes
// that the read checkers share.

import type { Anomaly } from '../../traces/types';
import type { History, OpRecord } from './history';
import { siblingOps } from './values';

/** An anomaly plus the op keys it is about (used to merge it with protocol-reported ones). */
export interface Finding extends Anomaly {
  ops: string[];
}

export interface Observation {
  /**
   * Op keys the returned values carry, plus deletes concurrent with them (possibly hidden
   * tombstone siblings). For a `not found` read: the deletes it may reflect.
   */
  ops: Set<string>;
  /** The read returned nothing: it also reflects the initial, never-written state. */
  empty: boolean;
}

/**
 * The writes a successful read reflects, or undefined when the trace cannot tell (failed read, or
 * a returned value that names no write: checkers then stay silent rather than guess).
 */
export function observe(h: History, read: OpRecord): Observation | undefined {
  const cached = observations.get(read);
  if (cached !== undefined) return cached ?? undefined;
  const obs = computeObservation(h, read);
  observations.set(read, obs ?? null);
  return obs;
}

/** Observations are asked for by several checkers; an op record belongs to one History. */
const observations = new WeakMap<OpRecord, Observation | null>();

function computeObservation(h: History, read: OpRecord): Observation | undefined {
  const r = read.result;
  if (!r?.ok || read.response < 0) return undefined;
  const values = r.values ?? [];
  const ops = new Set<string>();
  if (values.length === 0) {
    for (const w of h.deletesByKey.get(read.info.dataKey) ?? [])
      if (w.request < read.response) ops.add(w.key);
    return { ops, empty: true };
  }
  for (const s of values) {
    const carried = siblingOps(s);
    if (carried.length === 0) return undefined;
    for (const o of carried) ops.add(o);
  }
  // Read results leave tombstones out, so a delete stored beside a returned value as a sibling, or
  // concurrent with one, may be a sibling the reader cannot see: count it as possibly reflected
  // rather than guess it was missed.
  const seen = [...ops].map((o) => h.ops.get(o));
  for (const w of h.deletesByKey.get(read.info.dataKey) ?? []) {
    if (w.request > read.response || ops.has(w.key)) continue;
    const beside = h.besideTombstone.get(w.key);
    if (
      (beside && seen.some((v) => v !== undefined && beside.has(v.key))) ||
      seen.some((v) => v !== undefined && h.concurrentOps(v, w))
    )
      ops.add(w.key);
  }
  return { ops, empty: false };
}

/**
 * Whether write `older` is strictly older than write `newer`: it was acknowledged before `newer`
 * was requested (real time), or `newer` depends on it (History.before). Unknown writes
 * are never older: the checkers must not guess.
 */
export function isOlder(h: History, older: OpRecord | undefined, newer: OpRecord | undefined): boolean {
  if (!older || !newer || older === newer) return false;
  if (h.acked(older) && older.response < newer.request) return true;
  return h.before(older, newer);
}

/**
 * Whether the observation reflects `w`: it carries it, or (sets) it carries a later add/remove of
 * the same element that supersedes it.
 */
export function reflects(h: History, obs: Observation, w: OpRecord): boolean {
  if (obs.ops.has(w.key)) return true;
  if (h.crdtType(w.info.dataKey) !== 'set') return false;
  const v = JSON.stringify(w.info.value ?? null);
  for (const o of obs.ops) {
    const later = h.ops.get(o);
    if (later && JSON.stringify(later.info.value ?? null) === v && h.before(w, later)) return true;
  }
  return false;
}

/**
 * Everything the observation carries is strictly older than `w` (the never-written state counts as
 * older than every write), and `w` itself is not reflected: the reader's state predates `w`.
 */
export function predates(h: History, obs: Observation, w: OpRecord): boolean {
  if (reflects(h, obs, w)) return false;
  if (h.isCumulative(w.info.dataKey)) return true;
  for (const o of obs.ops) if (!isOlder(h, h.ops.get(o), w)) return false;
  return true;
}

/** Why the replica that served a read did not return write `w`. */
export function whyMissed(h: History, read: OpRecord, w: OpRecord): string {
  const node = read.result?.servedBy;
  const actor = node === undefined ? undefined : h.trace.actorIndex.get(node);
  if (node === undefined || actor === undefined) return 'the replica that answered had not applied it yet';
  // A leaderless coordinator that holds no copy of the key only relayed what replicas answered.
  if (h.scenario.cluster.replication === 'leaderless' && !h.finalData[actor]!.has(w.info.dataKey))
    return `the replicas ${node} asked had not applied it yet`;
  const stored = h.storedOn.get(w.key)?.get(actor);
  if (stored === undefined) return `${node} never applied it`;
  if (stored > read.request) return `${node} had not applied it yet (it did at ${h.time(stored)})`;
  return `${node} had applied it at ${h.time(stored)} but no longer held it`;
}

/** Sorted, unique, valid event ids. */
export function eventList(...ids: number[]): number[] {
  return [...new Set(ids.filter((i) => i >= 0))].sort((a, b) => a - b);
}

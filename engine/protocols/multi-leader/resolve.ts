// A plain key on one replica: conflict detection with version vectors and the resolution
// strategies. Siblings, merge and highest-node keep the set of concurrent (maximal) versions, so
// replicas converge whatever the arrival order, and show it per strategy; last-write-wins keeps
// only the version with the highest timestamp, which is how it silently loses writes.

import type { Sibling, Value, VersionVector } from '../../../traces/types';
import { compare, descends, merge } from '../common/versionVector';
import type { Version } from './types';

export type Strategy = 'siblings' | 'last-write-wins' | 'highest-node' | 'merge';

export interface PlainKey {
  /** last-write-wins: at most one; otherwise the maximal versions, in display order. */
  versions: Version[];
  /** Everything this replica has seen of the key (the context a read returns). */
  seen: VersionVector;
}

export interface ApplyOutcome {
  /** The stored versions changed. */
  changed: boolean;
  /** Pairs of concurrent writes found (stored one first). */
  conflicts: [Version, Version][];
  /** Explains what happened, for the trace. */
  note?: string;
}

/** Display order: the leaders' declaration order, then timestamp, then op key. */
export function versionOrder(nodes: readonly string[]): (a: Version, b: Version) => number {
  const rank = (n: string) => {
    const i = nodes.indexOf(n);
    return i < 0 ? nodes.length : i;
  };
  return (a, b) =>
    rank(a.origin) - rank(b.origin) ||
    (a.origin < b.origin ? -1 : a.origin > b.origin ? 1 : 0) ||
    a.ts - b.ts ||
    (a.op < b.op ? -1 : a.op > b.op ? 1 : 0);
}

/** Positive when `a` beats `b` under last-write-wins. */
export function lwwOrder(a: Version, b: Version): number {
  return (
    a.ts - b.ts ||
    (a.origin < b.origin ? -1 : a.origin > b.origin ? 1 : 0) ||
    (a.op < b.op ? -1 : a.op > b.op ? 1 : 0)
  );
}

export function describeVersion(v: Version): string {
  return `${v.origin}'s write ${v.op} (ts ${round(v.ts)})`;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export function emptyKey(): PlainKey {
  return { versions: [], seen: {} };
}

/** The version vector a new write at `self` gets, given what the client and the replica have seen. */
export function nextVV(key: PlainKey, self: string, context: VersionVector | undefined): VersionVector {
  const base = context ?? {};
  const vv = merge(base, {});
  vv[self] = Math.max(base[self] ?? 0, key.seen[self] ?? 0) + 1;
  return vv;
}

/**
 * Applies a version that arrived. `inOrder` (causality tracked) ignores a version older than one
 * stored; without causality tracking the replica applies it anyway, overwriting the newer ones it
 * predates: the overtaking anomaly.
 */
export function applyVersion(
  key: PlainKey,
  v: Version,
  strategy: Strategy,
  nodes: readonly string[],
  inOrder = true,
): ApplyOutcome {
  if (key.versions.some((x) => x.op === v.op)) return { changed: false, conflicts: [] };
  key.seen = merge(key.seen, v.vv);
  if (strategy === 'last-write-wins') return applyLww(key, v);
  const newer = key.versions.filter((x) => descends(x.vv, v.vv));
  if (newer.length > 0 && inOrder) {
    return { changed: false, conflicts: [], note: `ignored ${v.op}: already superseded by ${newer[0]!.op}` };
  }
  if (newer.length > 0) {
    const concurrentOnes = key.versions.filter((x) => !descends(x.vv, v.vv) && !descends(v.vv, x.vv));
    key.versions = [...concurrentOnes, v].sort(versionOrder(nodes));
    return {
      changed: true,
      conflicts: [],
      note: `applied ${describeVersion(v)} out of order: it is older than ${newer.map(describeVersion).join(', ')}, which it now overwrites (causality: none)`,
    };
  }
  const survivors = key.versions.filter((x) => !descends(v.vv, x.vv));
  const replaced = key.versions.length - survivors.length;
  key.versions = [...survivors, v].sort(versionOrder(nodes));
  const conflicts = survivors.map((x): [Version, Version] => [x, v]);
  let note: string | undefined;
  if (conflicts.length > 0) {
    const others = survivors.map(describeVersion).join(', ');
    if (strategy === 'siblings') note = `conflict: kept ${describeVersion(v)} beside ${others} as siblings`;
    else if (strategy === 'merge') note = `merge: combined ${describeVersion(v)} with ${others}`;
    else {
      const winner = highestNode(key.versions, nodes);
      const losers = key.versions.filter((x) => x !== winner).map(describeVersion);
      note = `highest-node: kept ${describeVersion(winner)} over ${losers.join(', ')}`;
    }
  } else if (replaced > 1) {
    note = `${v.op} resolves ${replaced} siblings: it was written with a context that saw them all`;
  }
  return { changed: true, conflicts, ...(note ? { note } : {}) };
}

function applyLww(key: PlainKey, v: Version): ApplyOutcome {
  const stored = key.versions[0];
  if (!stored) {
    key.versions = [v];
    return { changed: true, conflicts: [] };
  }
  const relation = compare(v.vv, stored.vv);
  const wins = lwwOrder(v, stored) > 0;
  if (wins) key.versions = [v];
  const [winner, loser] = wins ? [v, stored] : [stored, v];
  if (relation === 'concurrent') {
    return {
      changed: wins,
      conflicts: [[stored, v]],
      note: `lww: kept ${describeVersion(winner)} over ${describeVersion(loser)}`,
    };
  }
  if (relation === 'after' && !wins) {
    return {
      changed: false,
      conflicts: [],
      note: `lww: discarded ${describeVersion(v)} although it came after ${describeVersion(stored)}: its clock is behind`,
    };
  }
  if (relation === 'before' && wins) {
    return {
      changed: true,
      conflicts: [],
      note: `lww: ${describeVersion(v)} replaces ${describeVersion(stored)} although it came before it: its clock is ahead`,
    };
  }
  return { changed: wins, conflicts: [] };
}

function highestNode(versions: Version[], nodes: readonly string[]): Version {
  const order = versionOrder(nodes);
  return versions.reduce((best, v) => (order(v, best) > 0 ? v : best));
}

export function toSibling(v: Version): Sibling {
  const s: Sibling = { value: v.tombstone ? null : v.value, op: v.op, vv: v.vv, ts: v.ts, origin: v.origin };
  if (v.tombstone) s.tombstone = true;
  return s;
}

/** Union of lists in a fixed order; anything else is concatenated (`B/C`), as DDIA describes. */
export function mergeValues(values: Value[]): Value {
  if (values.every((v) => Array.isArray(v))) {
    const out: Value[] = [];
    const seen = new Set<string>();
    for (const list of values as Value[][]) {
      for (const item of list) {
        const k = JSON.stringify(item);
        if (!seen.has(k)) {
          seen.add(k);
          out.push(item);
        }
      }
    }
    return out;
  }
  return values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('/');
}

/** What the replica shows (and a read returns, minus tombstones) under the strategy. */
export function display(key: PlainKey, strategy: Strategy, nodes: readonly string[]): Sibling[] {
  const vs = key.versions;
  if (vs.length <= 1 || strategy === 'siblings' || strategy === 'last-write-wins') return vs.map(toSibling);
  if (strategy === 'highest-node') return [toSibling(highestNode(vs, nodes))];
  const live = vs.filter((v) => !v.tombstone);
  if (live.length === 0) return [toSibling(vs[0]!)];
  let vv: VersionVector = {};
  for (const v of vs) vv = merge(vv, v.vv);
  const merged: Sibling = {
    value: live.length === 1 ? live[0]!.value : mergeValues(live.map((v) => v.value)),
    op: live[0]!.op,
    vv,
    ts: Math.max(...live.map((v) => v.ts)),
    origin: live[0]!.origin,
  };
  if (live.length > 1) merged.ops = live.slice(1).map((v) => v.op);
  return [merged];
}

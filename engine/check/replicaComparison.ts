// Compares what the live replicas hold at the end of a run, key by key. Used by the divergence
// checker and the `converged` expectation.
//
// Which replicas must agree on a key: the shard's nodes for single-leader shards; for leaderless
// ring placement with fewer replicas than nodes, the live nodes that hold the key at the end (the
// trace does not name a key's preference list, and a fallback node that handed a hint back holds
// nothing); otherwise every live node. Values are compared as sets of visible values, so a
// tombstone and an absent key agree, and sibling order does not matter.

import type { Sibling } from '../../traces/types';
import type { History } from './history';
import { formatSiblings, listJoin, valueSetSignature, visible } from './values';

export interface ReplicaGroup {
  replicas: number[];
  siblings: Sibling[];
}

export interface Disagreement {
  key: string;
  groups: ReplicaGroup[];
  /** Final state events of the replicas involved (absent keys have none). */
  events: number[];
  /** Two groups hold different values built from exactly the same writes. */
  sameWrites?: { a: ReplicaGroup; b: ReplicaGroup; ops: string[] };
}

export interface Comparison {
  replicas: number[];
  keys: number;
  disagreements: Disagreement[];
}

export function compareReplicas(h: History): Comparison {
  const replicas = h.nodes.filter((a) => h.up[a]);
  const keys = new Set<string>();
  for (const a of replicas) for (const [k, s] of h.finalData[a]!) if (s.siblings.length > 0) keys.add(k);
  const out: Disagreement[] = [];
  for (const key of [...keys].sort()) {
    const members = replicasOf(h, key, replicas);
    const groups = new Map<string, ReplicaGroup>();
    const events: number[] = [];
    for (const a of members) {
      const st = h.finalData[a]!.get(key);
      if (st) events.push(st.event);
      const siblings = visible(st?.siblings);
      const sig = valueSetSignature(siblings.map((s) => s.value));
      const g = groups.get(sig);
      if (g) g.replicas.push(a);
      else groups.set(sig, { replicas: [a], siblings });
    }
    if (groups.size <= 1) continue;
    const list = [...groups.values()];
    out.push({ key, groups: list, events: events.sort((x, y) => x - y), sameWrites: sameWrites(list) });
  }
  return { replicas, keys: keys.size, disagreements: out };
}

function replicasOf(h: History, key: string, live: number[]): number[] {
  const c = h.scenario.cluster;
  if (c.replication === 'single-leader' && c.shards) {
    const shard = c.shards.find((s) => s.keys.includes(key));
    if (shard) {
      const ids = new Set([shard.leader, ...Object.keys(shard.followers)]);
      return live.filter((a) => ids.has(h.actorName(a)));
    }
  }
  if (c.replication === 'leaderless' && c.placement === 'ring' && c.n < c.nodes.length) {
    return live.filter((a) => (h.finalData[a]!.get(key)?.siblings.length ?? 0) > 0);
  }
  return live;
}

function opsSignature(siblings: readonly Sibling[]): string[] {
  const ops = new Set<string>();
  for (const s of siblings) {
    if (s.op) ops.add(s.op);
    for (const o of s.ops ?? []) ops.add(o);
  }
  return [...ops].sort();
}

function sameWrites(groups: ReplicaGroup[]): Disagreement['sameWrites'] {
  const seen = new Map<string, ReplicaGroup>();
  for (const g of groups) {
    const ops = opsSignature(g.siblings);
    if (ops.length === 0) continue;
    const sig = ops.join('\u0000');
    const other = seen.get(sig);
    if (other) return { a: other, b: g, ops };
    seen.set(sig, g);
  }
  return undefined;
}

/** `n1 and n2 hold [milk], n3 holds (not found)`. */
export function describeGroups(h: History, groups: readonly ReplicaGroup[]): string {
  return groups
    .map((g) => {
      const names = g.replicas.map((a) => h.actorName(a));
      return `${listJoin(names)} ${names.length > 1 ? 'hold' : 'holds'} ${formatSiblings(g.siblings)}`;
    })
    .join(', ');
}

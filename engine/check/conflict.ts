// conflict: two concurrent writes of the same key met on one replica.
//
// Writes A and B of a key are concurrent when neither depends on the other (History.before:
// neither writer had completed or read the other's write). They conflict when a replica's state
// event shows both: kept side by side as siblings, merged into one value (a sibling whose `ops`
// carries both), or one replacing the other. For a
// replacement we also require that the two writes were first stored on their replicas
// independently (concurrent first-store events): a single leader ordering two overlapping requests
// one after the other is serialising them, not resolving a conflict. Counters and sets are
// conflict-free by design and are not checked. Each pair of writes is reported once, where it is
// first seen.

import type { Sibling } from '../../traces/types';
import type { History, OpRecord } from './history';
import { eventList, type Finding } from './observation';
import { formatKeyState, formatStored, opsOf, siblingOps } from './values';

/** Pairs examined per state event at most (sibling explosions stay linear). */
const MAX_PAIRS = 256;

export function findConflicts(h: History): Finding[] {
  const out: Finding[] = [];
  const reported = new Set<string>();
  const trace = h.trace;
  const report = (a: OpRecord, b: OpRecord, e: number, how: string): void => {
    const id = a.key < b.key ? `${a.key}\u0000${b.key}` : `${b.key}\u0000${a.key}`;
    if (reported.has(id)) return;
    reported.add(id);
    const [first, second] = a.request < b.request ? [a, b] : [b, a];
    out.push({
      kind: 'conflict',
      event: e,
      key: first.info.dataKey,
      related: eventList(
        first.request,
        second.request,
        h.firstStore.get(first.key) ?? -1,
        h.firstStore.get(second.key) ?? -1,
        e,
      ),
      explain:
        `${h.describeWrite(first)} and ${h.describeWrite(second)} were concurrent (neither writer had seen ` +
        `the other's write); ${h.actorName(trace.actorOf(e))} ${how}.`,
      ops: [first.key, second.key],
    });
  };
  const concurrentWrites = (
    x: string | undefined,
    y: string | undefined,
  ): [OpRecord, OpRecord] | undefined => {
    if (!x || !y || x === y) return undefined;
    const a = h.ops.get(x);
    const b = h.ops.get(y);
    if (!a || !b || !h.concurrentOps(a, b)) return undefined;
    return [a, b];
  };

  for (const e of h.dataEvents) {
    const d = trace.detail(e)!;
    const key = d.key!;
    if (h.isCumulative(key)) continue;
    const after: Sibling[] = d.after ?? [];
    const beforeOps = opsOf(d.before);
    let budget = MAX_PAIRS;

    // Siblings kept side by side.
    if (after.length >= 2) {
      const primary = after.map((s) => s.op ?? s.ops?.[0]);
      for (let i = 0; i < after.length && budget > 0; i++)
        for (let j = i + 1; j < after.length && budget > 0; j++) {
          if (beforeOps.has(primary[i] ?? '') && beforeOps.has(primary[j] ?? '')) continue;
          budget--;
          const pair = concurrentWrites(primary[i], primary[j]);
          if (pair) report(pair[0], pair[1], e, `kept both as siblings: ${key} = ${formatStored(after)}`);
        }
    }

    // Values merged into one.
    for (const s of after) {
      const ops = siblingOps(s);
      if (ops.length < 2) continue;
      for (const n of ops) {
        if (beforeOps.has(n)) continue;
        for (const o of ops) {
          if (budget-- <= 0) break;
          const pair = concurrentWrites(n, o);
          if (pair) report(pair[0], pair[1], e, `merged them into ${formatKeyState(key, [s])}`);
        }
      }
    }

    // One replaced the other.
    if (beforeOps.size === 0) continue;
    const afterOps = opsOf(after);
    for (const removed of beforeOps) {
      if (afterOps.has(removed)) continue;
      for (const added of afterOps) {
        if (beforeOps.has(added) || budget-- <= 0) continue;
        const pair = concurrentWrites(removed, added);
        if (!pair) continue;
        const fa = h.firstStore.get(removed);
        const fb = h.firstStore.get(added);
        if (fa === undefined || fb === undefined || !h.concurrent(fa, fb)) continue;
        const winner = h.ops.get(added)!;
        const loser = h.ops.get(removed)!;
        report(pair[0], pair[1], e, `kept ${winner.key} and discarded ${loser.key}${resolution(h)}`);
      }
    }
  }
  return out;
}

function resolution(h: History): string {
  const c = h.scenario.cluster;
  if (c.replication === 'multi-leader') {
    if (c.conflicts === 'last-write-wins') return ' (last write wins, by timestamp)';
    if (c.conflicts === 'highest-node') return ' (the write from the highest node id wins)';
    return '';
  }
  if (c.replication === 'leaderless' && c.versioning === 'timestamps')
    return ' (last write wins, by timestamp)';
  return '';
}

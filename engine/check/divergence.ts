// divergence: live replicas that should hold the same data do not, at the end of the run.
//
// Reported per key when (a) two live replicas hold different values built from exactly the same
// writes (statement-based replication of `now()`, `rand()`, `nextId()`, or writes applied in a
// different order): this is divergence whatever the stop reason; or (b) the run ended quiet (no
// messages in flight, nothing left to do) and the replicas that should agree on the key disagree
// (see replicaComparison.ts for which replicas those are). A run stopped by `until` or
// `maxEvents` may stop mid-replication, so (b) is not reported for it.

import type { History } from './history';
import { eventList, type Finding } from './observation';
import { compareReplicas, describeGroups } from './replicaComparison';
import { formatSiblings, listJoin } from './values';

const NONDETERMINISTIC = /\b(now|rand|nextId)\(\)/;

export function endedQuiet(h: History): boolean {
  const reason = h.trace.stats.stopReason;
  if (reason !== undefined) return reason === 'quiet' || reason === 'idle';
  return h.scenario.run.until === 'quiet';
}

export function findDivergence(h: History): Finding[] {
  const quiet = endedQuiet(h);
  const out: Finding[] = [];
  for (const d of compareReplicas(h).disagreements) {
    if (!d.sameWrites && !quiet) continue;
    const event = d.events[d.events.length - 1] ?? -1;
    if (event < 0) continue;
    let explain: string;
    if (d.sameWrites) {
      const { a, b, ops } = d.sameWrites;
      const writes = ops.map((o) => {
        const w = h.ops.get(o);
        return w ? h.describeWrite(w) : `op ${o}`;
      });
      const statement = ops.some((o) => NONDETERMINISTIC.test(String(h.ops.get(o)?.info.value ?? '')));
      const name = (g: typeof a) => listJoin(g.replicas.map((r) => h.actorName(r)));
      explain =
        `${name(a)} ${a.replicas.length > 1 ? 'hold' : 'holds'} ${d.key} = ${formatSiblings(a.siblings)} but ` +
        `${name(b)} ${b.replicas.length > 1 ? 'hold' : 'holds'} ${d.key} = ${formatSiblings(b.siblings)}, ` +
        `although both applied the same ${writes.length > 1 ? 'writes' : 'write'} (${listJoin(writes)}): ` +
        (statement
          ? 'each replica evaluated the statement itself and got a different result.'
          : 'they applied them in a different order or with different results.');
    } else {
      explain =
        `The run ended with nothing left to deliver, yet the live replicas disagree on ${d.key}: ` +
        `${describeGroups(h, d.groups)}.`;
    }
    out.push({
      kind: 'divergence',
      event,
      key: d.key,
      related: eventList(...d.events),
      explain,
      ops: d.sameWrites?.ops ?? [],
    });
  }
  return out;
}

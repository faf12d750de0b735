// lost-write: a write acknowledged to its client that the system silently threw away.
//
// Write W (acknowledged ok) is lost when, at the end of the run, no live replica (node up at the
// end, or an offline client's replica) holds it (as a sibling's `op` or in its `ops`, tombstones
// included), and it was never overwritten by a causally later write: a state event that removed W
// from a replica and kept a write W' of the key whose writer had seen W (History.before: its own
// completed write, or a read that returned it), so replacing W is an ordinary overwrite, or that
// was accepted on top of W (its first store replaced W: that replica ordered W' after W). Requiring
// the replacement to be visible on a replica means a write truncated from an old leader's log, or
// replaced by a concurrent write (last write wins), stays lost even if a later write of the key
// arrives afterwards. Counters never excuse a missing increment.
//
// Cost: one scan of the state events, looking only at ops that are not present at the end.

import type { Sibling } from '../../traces/types';
import { acceptedAfter, dominates, type History, type OpRecord } from './history';
import { eventList, type Finding } from './observation';
import { formatSiblings, listJoin, opsOf, siblingOps } from './values';

export function findLostWrites(h: History): Finding[] {
  const trace = h.trace;
  const present = new Set<string>();
  for (const a of h.liveReplicas())
    for (const state of h.finalData[a]!.values()) for (const o of opsOf(state.siblings)) present.add(o);

  const candidates = new Map<string, OpRecord>();
  for (const writes of h.writesByKey.values())
    for (const w of writes) if (h.acked(w) && !present.has(w.key)) candidates.set(w.key, w);
  if (candidates.size === 0) return [];

  // Where each candidate disappeared, and whether a causally later write replaced it there.
  const removals = new Map<string, number[]>();
  const excused = new Set<string>();
  for (const e of h.dataEvents) {
    const d = trace.detail(e)!;
    if (!d.before || d.before.length === 0) continue;
    let after: Set<string> | undefined;
    for (const s of d.before)
      for (const o of siblingOps(s)) {
        const w = candidates.get(o);
        if (!w || excused.has(o)) continue;
        after ??= opsOf(d.after);
        if (after.has(o)) continue;
        let l = removals.get(o);
        if (!l) {
          l = [];
          removals.set(o, l);
        }
        if (l[l.length - 1] !== e) l.push(e);
        if (h.crdtType(w.info.dataKey) !== 'counter' && replacedByLater(h, w, d.before, d.after ?? []))
          excused.add(o);
      }
  }

  const out: Finding[] = [];
  for (const w of candidates.values())
    if (!excused.has(w.key)) out.push(describeLoss(h, w, removals.get(w.key) ?? []));
  return out;
}

/**
 * Some write kept in `after` came later than w: its writer had seen w (History.before: own
 * completed write, or read it), or it was accepted on top of w where it was first stored (that
 * replica ordered it after w, as a leader does with two overlapping requests). Version metadata
 * overrules both: a replacement whose version vector does not cover w was resolved as concurrent
 * (last write wins, highest node), and one decided by timestamps alone was not ordered by arrival.
 */
function replacedByLater(
  h: History,
  w: OpRecord,
  before: readonly Sibling[],
  after: readonly Sibling[],
): boolean {
  const mine = before.find((s) => siblingOps(s).includes(w.key));
  for (const s of after) {
    if (mine && dominates(s, mine) === false) continue;
    for (const o of siblingOps(s)) {
      const later = h.ops.get(o);
      if (!later || later === w) continue;
      if (h.before(w, later)) return true;
      const accepted = h.firstStore.get(later.key);
      if (accepted === undefined) continue;
      const was = h.trace.detail(accepted)?.before?.find((p) => siblingOps(p).includes(w.key));
      const now = h.trace.detail(accepted)?.after?.find((p) => siblingOps(p).includes(later.key));
      if (was && now && acceptedAfter(now, was)) return true;
    }
  }
  return false;
}

function describeLoss(h: History, w: OpRecord, removed: number[]): Finding {
  const trace = h.trace;
  const stores = [...(h.storedOn.get(w.key)?.values() ?? [])].sort((a, b) => a - b);
  const head =
    `${h.describeWrite(w)} was acknowledged at ${h.time(w.response)}, but at the end no live replica ` +
    `holds it and no later write of ${w.info.dataKey} had seen it`;
  let how: string;
  let event = w.response;
  const holdersDown = [...(h.storedOn.get(w.key)?.keys() ?? [])].filter(
    (a) =>
      h.isNode[a] &&
      !h.up[a] &&
      h.finalData[a]!.get(w.info.dataKey)?.siblings.some((s) => siblingOps(s).includes(w.key)),
  );
  if (holdersDown.length > 0) {
    const names = holdersDown.map((a) => h.actorName(a));
    how = `only ${listJoin(names)} still ${names.length > 1 ? 'hold' : 'holds'} it, and ${names.length > 1 ? 'they are' : 'it is'} down`;
    event = Math.max(event, ...holdersDown.map((a) => lastCrash(h, a)));
  } else if (removed.length > 0) {
    const last = removed[removed.length - 1]!;
    event = Math.max(event, last);
    const who = h.actorName(trace.actorOf(last));
    const cause = trace.cause(last);
    const after: Sibling[] = trace.detail(last)?.after ?? [];
    if (cause !== undefined && trace.kind(cause) === 'crash')
      how = `${who} lost it when it crashed with its disk at ${h.time(last)}`;
    else if (after.length === 0) how = `${who} dropped it at ${h.time(last)}`;
    else how = `${who} replaced it at ${h.time(last)} with ${replacement(h, after, w.info.dataKey)}`;
  } else if (stores.length === 0) {
    how = 'no replica ever stored it';
  } else {
    how = 'the replicas that stored it no longer hold it';
  }
  return {
    kind: 'lost-write',
    event,
    key: w.info.dataKey,
    related: eventList(w.request, w.response, ...stores.slice(0, 3), ...removed.slice(-3)),
    explain: `${head}: ${how}.`,
    ops: [w.key],
  };
}

/** What a replica kept instead: the writes by name when the trace knows them. */
function replacement(h: History, after: readonly Sibling[], key: string): string {
  const named: string[] = [];
  for (const s of after) {
    const o = s.op ? h.ops.get(s.op) : undefined;
    named.push(o ? h.describeWrite(o) : `${key} = ${formatSiblings([s])}`);
  }
  return listJoin(named);
}

function lastCrash(h: History, actor: number): number {
  const trace = h.trace;
  for (let i = trace.actorEventCount(actor) - 1; i >= 0; i--) {
    const e = trace.actorEvent(actor, i);
    if (trace.kind(e) === 'crash') return e;
  }
  return -1;
}

// causality-violation: a replica applied a write before a write it depends on.
//
// Write B depends on write A when A was sent before B was sent (History.dispatch; the
// client of B had heard of A, directly or through any chain of messages; this covers a client's
// own earlier writes and writes of other keys), or when B replaced A on the replica where B was
// first stored (B was accepted on top of A). A replica violates causality when it stores A only
// after it already stored B (the update overtook the write it depends on). Ops stored by the same
// handler at the same instant count as one step (a snapshot installs many keys at once).
// Increments of counters commute and are never reported as the late write.
//
// Cost: per replica, a vector-clock frontier of the dispatch events of everything it has stored, so the
// "happened before something already stored" test is O(1) per newly stored op.

import type { History, OpRecord } from './history';
import { eventList, type Finding } from './observation';
import { opsOf, siblingOps } from './values';

interface ReplicaView {
  seen: Set<string>;
  frontier: Uint32Array;
  batch: string;
  pending: OpRecord[];
}

export function findCausalityViolations(h: History): Finding[] {
  const trace = h.trace;
  const width = trace.actors.length;
  const views = new Map<number, ReplicaView>();
  /** op -> writes first stored on top of it. */
  const successors = new Map<string, string[]>();
  const out: Finding[] = [];

  const flush = (v: ReplicaView): void => {
    for (const w of v.pending) {
      v.seen.add(w.key);
      const sent = h.dispatch(w);
      for (let a = 0; a < width; a++) {
        const c = trace.vcEntry(sent, a);
        if (c > v.frontier[a]!) v.frontier[a] = c;
      }
    }
    v.pending = [];
  };

  for (const e of h.dataEvents) {
    const r = trace.actorOf(e);
    const d = trace.detail(e)!;
    let v = views.get(r);
    if (!v) {
      v = { seen: new Set(), frontier: new Uint32Array(width), batch: '', pending: [] };
      views.set(r, v);
    }
    const batch = `${trace.cause(e) ?? -1}|${trace.time(e)}`;
    if (batch !== v.batch) {
      flush(v);
      v.batch = batch;
    }
    let before: Set<string> | undefined;
    for (const s of d.after ?? [])
      for (const o of siblingOps(s)) {
        const a = h.ops.get(o);
        if (!a || v.seen.has(o) || v.pending.includes(a)) continue;
        if (h.firstStore.get(o) === e) {
          before ??= opsOf(d.before);
          for (const p of before) {
            let l = successors.get(p);
            if (!l) {
              l = [];
              successors.set(p, l);
            }
            l.push(o);
          }
        }
        if (h.crdtType(a.info.dataKey) !== 'counter') {
          const b = overtaken(h, v, a, successors.get(o));
          if (b) out.push(describe(h, r, a, b.write, b.how, e));
        }
        v.pending.push(a);
      }
  }
  return out;
}

function overtaken(
  h: History,
  v: ReplicaView,
  a: OpRecord,
  successors: string[] | undefined,
): { write: OpRecord; how: string } | undefined {
  if (v.frontier[a.client]! >= h.trace.seq(h.dispatch(a))) {
    for (const o of v.seen) {
      const b = h.ops.get(o);
      if (b && h.before(a, b)) return { write: b, how: 'which happened before it' };
    }
  }
  for (const o of successors ?? []) {
    const b = h.ops.get(o);
    if (b && v.seen.has(o)) return { write: b, how: `which ${b.key} replaced where it was written` };
  }
  return undefined;
}

function describe(h: History, replica: number, a: OpRecord, b: OpRecord, how: string, e: number): Finding {
  const name = h.actorName(replica);
  const storedB = h.storedOn.get(b.key)?.get(replica) ?? -1;
  return {
    kind: 'causality-violation',
    event: e,
    key: a.info.dataKey,
    related: eventList(a.request, b.request, storedB, e),
    explain:
      `${name} applied ${h.describeWrite(b)}${storedB >= 0 ? ` at ${h.time(storedB)}` : ''} before ` +
      `${h.describeWrite(a)}, ${how}, and applied ${a.key} only at ${h.time(e)}: ` +
      'the later write overtook the one it depends on.',
    ops: [a.key, b.key],
  };
}

// causality-violation: a replica applied a write before a write it depends on.
//
// Write B depends on write A (History.before): B's client had completed A itself or read a value
// that reflected A, or B was accepted on top of A where it was first stored (an update on top of
// an insert). A replica violates causality when it stores A only after it already stored B: the
// update overtook what it depends on. Ops stored by the same handler at the same instant count as
// one step (a snapshot installs many keys at once). Increments of counters commute and are never
// reported as the late write.
//
// Cost: per replica, the join of the dependency vectors of everything it has stored, with the
// write that set each entry, so "something stored here depends on A" is O(clients) per op.

import type { History, OpRecord } from './history';
import { eventList, type Finding } from './observation';
import { siblingOps } from './values';

interface ReplicaView {
  seen: Set<string>;
  /** Per client slot, the highest ordinal some stored write depends on, and that write. */
  frontier: Uint32Array;
  witness: (OpRecord | undefined)[];
  batch: string;
  pending: OpRecord[];
}

export function findCausalityViolations(h: History): Finding[] {
  const trace = h.trace;
  const width = h.clientCount;
  const views = new Map<number, ReplicaView>();
  const out: Finding[] = [];

  const flush = (v: ReplicaView): void => {
    for (const w of v.pending) {
      v.seen.add(w.key);
      if (!w.deps) continue;
      for (let c = 0; c < width; c++) {
        if (w.deps[c]! > v.frontier[c]!) {
          v.frontier[c] = w.deps[c]!;
          v.witness[c] = w;
        }
      }
    }
    v.pending = [];
  };

  for (const e of h.dataEvents) {
    const r = trace.actorOf(e);
    const d = trace.detail(e)!;
    let v = views.get(r);
    if (!v) {
      v = {
        seen: new Set(),
        frontier: new Uint32Array(width),
        witness: new Array(width),
        batch: '',
        pending: [],
      };
      views.set(r, v);
    }
    const batch = `${trace.cause(e) ?? -1}|${trace.time(e)}`;
    if (batch !== v.batch) {
      flush(v);
      v.batch = batch;
    }
    for (const s of d.after ?? [])
      for (const o of siblingOps(s)) {
        const a = h.ops.get(o);
        if (!a?.mutation || v.seen.has(o) || v.pending.includes(a)) continue;
        v.pending.push(a);
        if (h.crdtType(a.info.dataKey) === 'counter') continue;
        const slot = h.clientSlot[a.client]!;
        if (slot < 0 || v.frontier[slot]! < a.ordinal) continue;
        const b = overtaking(h, v, a, slot);
        if (b) out.push(describe(h, r, a, b, e));
      }
  }
  return out;
}

/** A write stored on the replica that depends on `a`: the witness of the frontier, or any other. */
function overtaking(h: History, v: ReplicaView, a: OpRecord, slot: number): OpRecord | undefined {
  const w = v.witness[slot];
  if (w && h.before(a, w)) return w;
  for (const o of v.seen) {
    const b = h.ops.get(o);
    if (b && h.before(a, b)) return b;
  }
  return undefined;
}

function describe(h: History, replica: number, a: OpRecord, b: OpRecord, e: number): Finding {
  const name = h.actorName(replica);
  const storedB = h.storedOn.get(b.key)?.get(replica) ?? -1;
  const accepted = h.firstStore.get(b.key);
  const onTop =
    accepted !== undefined &&
    (h.trace.detail(accepted)?.before ?? []).some((s) => siblingOps(s).includes(a.key));
  return {
    kind: 'causality-violation',
    event: e,
    key: a.info.dataKey,
    related: eventList(a.request, b.request, storedB, e),
    explain:
      `${name} applied ${h.describeWrite(b)}${storedB >= 0 ? ` at ${h.time(storedB)}` : ''} before ` +
      `${h.describeWrite(a)}, ${onTop ? `which ${b.key} replaced where it was written` : 'which happened before it'}, ` +
      `and applied ${a.key} only at ${h.time(e)}: the later write overtook the one it depends on.`,
    ops: [a.key, b.key],
  };
}

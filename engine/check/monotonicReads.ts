// monotonic-reads: a client reads a key, then later reads it again and sees an older state.
//
// Read R2 (requested after read R1 of the same key by the same client was answered) goes back in
// time when R1 reflected some write w1 that R2 does not, and everything R2 reflects is strictly
// older than w1 (acknowledged before w1 was requested, or sent causally before it; `not found`
// counts as the initial state plus any delete, so a delete newer than w1 explains an empty R2).
// For counters and sets, R2 goes back when it misses any op an earlier read reflected.
//
// Cost: per client and key we keep only the newest writes seen so far (those no other seen write
// is newer than): if R2 predates an older seen write it also predates a newer one, so checking
// these suffices. Usually that is one write, or a few siblings. Counters and sets keep the last
// MAX_CUMULATIVE ops seen.

import type { History, OpRecord } from './history';
import { eventList, type Finding, isOlder, type Observation, observe, predates } from './observation';

const MAX_NEWEST = 32;
const MAX_CUMULATIVE = 256;

interface Seen {
  write: OpRecord;
  /** The read that saw it. */
  read: OpRecord;
}

interface ClientKey {
  /** Reads not yet answered when the last read was requested. */
  pending: { read: OpRecord; obs: Observation }[];
  /** Newest seen writes by op key, oldest insertion first. */
  newest: Map<string, Seen>;
}

function fold(h: History, state: ClientKey, read: OpRecord, obs: Observation): void {
  if (obs.empty) return;
  const cumulative = h.isCumulative(read.info.dataKey);
  const newest = state.newest;
  for (const o of obs.ops) {
    const w = h.ops.get(o);
    if (!w || w.info.kind === 'delete') continue;
    if (newest.has(o)) {
      newest.delete(o);
      newest.set(o, { write: w, read });
      continue;
    }
    if (!cumulative) {
      let superseded = false;
      for (const s of newest.values()) if (isOlder(h, w, s.write)) superseded = true;
      if (superseded) continue;
      for (const [k, s] of newest) if (isOlder(h, s.write, w)) newest.delete(k);
    }
    newest.set(o, { write: w, read });
    if (newest.size > (cumulative ? MAX_CUMULATIVE : MAX_NEWEST)) newest.delete(newest.keys().next().value!);
  }
}

export function findMonotonicReadViolations(h: History): Finding[] {
  const out: Finding[] = [];
  const states = new Map<string, ClientKey>();
  for (const read of h.opList) {
    if (read.info.kind !== 'read') continue;
    const obs = observe(h, read);
    if (!obs) continue;
    const ck = `${read.info.client}\u0000${read.info.dataKey}`;
    let state = states.get(ck);
    if (!state) {
      state = { pending: [], newest: new Map() };
      states.set(ck, state);
    }
    const still: ClientKey['pending'] = [];
    for (const p of state.pending) {
      if (p.read.response < read.request) fold(h, state, p.read, p.obs);
      else still.push(p);
    }
    state.pending = still;
    for (const { write: w1, read: r1 } of [...state.newest.values()].reverse()) {
      if (!predates(h, obs, w1)) continue;
      out.push({
        kind: 'monotonic-reads',
        event: read.response,
        key: read.info.dataKey,
        related: eventList(r1.request, r1.response, read.request, read.response, w1.request, w1.response),
        explain:
          `${h.describeRead(read)}, after ${read.info.client} had already read ${h.describeRead(r1, false)}: ` +
          `the second read went back in time, it no longer reflects ${h.describeWrite(w1)}.`,
        ops: [r1.key, read.key, w1.key],
      });
      break;
    }
    state.pending.push({ read, obs });
  }
  return out;
}

// stale-read and read-your-writes: a read that misses a write acknowledged before it started.
//
// Real-time order on virtual time, with event ids breaking ties: write w is *superseded before*
// read R when another write w' of the key was requested after w was acknowledged and was itself
// acknowledged before R was requested. A read is stale when some write was acknowledged before it
// started and every write it reflects (or, for `not found`, the initial state and every delete) is
// superseded before it. Unacknowledged writes (failed, timed out, pending) are never superseded:
// they may legitimately take effect late. Counters and sets: every op acknowledged before the read
// started must be reflected.
//
// When the missed write is the reader's own (the rule above restricted to the reader's writes),
// the anomaly is reported as read-your-writes *instead of* stale-read: it is the more specific
// diagnosis, and one read gives one anomaly.

import type { History, OpRecord } from './history';
import { eventList, type Finding, type Observation, observe, reflects, whyMissed } from './observation';

interface AckIndex {
  /** Acknowledged writes of one key, by response event. */
  byResponse: OpRecord[];
  /** maxRequest[i]: the latest request event among byResponse[0..i]. */
  maxRequest: number[];
  position: Map<string, number>;
}

function buildIndex(writes: readonly OpRecord[], h: History): AckIndex {
  const byResponse = writes.filter((w) => h.acked(w)).sort((a, b) => a.response - b.response);
  const maxRequest: number[] = [];
  let m = -1;
  for (const w of byResponse) {
    m = Math.max(m, w.request);
    maxRequest.push(m);
  }
  return { byResponse, maxRequest, position: new Map(byResponse.map((w, i) => [w.key, i])) };
}

/** Number of acknowledged writes whose response precedes `event`. */
function ackedBefore(idx: AckIndex, event: number): number {
  let lo = 0;
  let hi = idx.byResponse.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (idx.byResponse[mid]!.response < event) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The latest write of `idx` acknowledged before the read that the read misses, if it misses one. */
function missedWrite(h: History, idx: AckIndex, read: OpRecord, obs: Observation): OpRecord | undefined {
  const p = ackedBefore(idx, read.request);
  if (p === 0) return undefined;
  if (h.isCumulative(read.info.dataKey)) {
    let reflected = 0;
    for (const o of obs.ops) {
      const at = idx.position.get(o);
      if (at !== undefined && at < p) reflected++;
    }
    if (reflected === p) return undefined;
    for (let i = p - 1; i >= 0; i--) {
      const w = idx.byResponse[i]!;
      if (!reflects(h, obs, w)) return w;
    }
    return undefined;
  }
  const maxRequest = idx.maxRequest[p - 1]!;
  for (const o of obs.ops) {
    const w = h.ops.get(o);
    if (!w || !h.acked(w) || w.response >= maxRequest) return undefined;
  }
  return idx.byResponse[p - 1];
}

export function findStaleReads(h: History): Finding[] {
  const out: Finding[] = [];
  const byKey = new Map<string, AckIndex>();
  const byClientKey = new Map<string, AckIndex>();
  for (const read of h.opList) {
    if (read.info.kind !== 'read') continue;
    const obs = observe(h, read);
    if (!obs) continue;
    const key = read.info.dataKey;
    const writes = h.writesByKey.get(key);
    if (!writes) continue;
    let all = byKey.get(key);
    if (!all) {
      all = buildIndex(writes, h);
      byKey.set(key, all);
    }
    const ck = `${read.info.client}\u0000${key}`;
    let own = byClientKey.get(ck);
    if (!own) {
      own = buildIndex(
        writes.filter((w) => w.info.client === read.info.client),
        h,
      );
      byClientKey.set(ck, own);
    }
    const mine = missedWrite(h, own, read, obs);
    const missed = mine ?? missedWrite(h, all, read, obs);
    if (!missed) continue;
    const whose = mine ? `${read.info.client}'s own ` : `${missed.info.client}'s `;
    out.push({
      kind: mine ? 'read-your-writes' : 'stale-read',
      event: read.response,
      key,
      related: eventList(missed.request, missed.response, read.request, read.response),
      explain:
        `${h.describeRead(read)}, but ${whose}${h.describeWrite(missed, false)} had been acknowledged at ` +
        `${h.time(missed.response)}: ${whyMissed(h, read, missed)}.`,
      ops: [read.key, missed.key],
    });
  }
  return out;
}

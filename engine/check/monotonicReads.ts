// monotonic-reads: a client reads a key, then later reads it again and sees an older state.
//
// Read R2 (requested after read R1 of the same key by the same client was answered) goes back in
// time when R1 reflected some write w1 that R2 does not, and everything R2 reflects is strictly
// older than w1 (acknowledged before w1 was requested, or causally before it; `not found` counts
// as the initial state plus any delete, so a delete newer than w1 explains an empty R2). For
// counters and sets, R2 goes back when it misses any op R1 reflected. Each read is compared with
// the client's last MAX_EARLIER reads of the key, and reported at most once.

import type { History, OpRecord } from './history';
import { eventList, type Finding, type Observation, observe, predates } from './observation';

const MAX_EARLIER = 32;

interface SeenRead {
  read: OpRecord;
  obs: Observation;
}

/** A write R1 reflected that R2's state predates, if any. */
function lostSight(h: History, earlier: SeenRead, later: Observation): OpRecord | undefined {
  for (const o of earlier.obs.ops) {
    const w1 = h.ops.get(o);
    if (!w1 || w1.info.kind === 'delete') continue;
    if (predates(h, later, w1)) return w1;
  }
  return undefined;
}

export function findMonotonicReadViolations(h: History): Finding[] {
  const out: Finding[] = [];
  const history = new Map<string, SeenRead[]>();
  for (const read of h.opList) {
    if (read.info.kind !== 'read') continue;
    const obs = observe(h, read);
    if (!obs) continue;
    const ck = `${read.info.client}\u0000${read.info.dataKey}`;
    let seen = history.get(ck);
    if (!seen) {
      seen = [];
      history.set(ck, seen);
    }
    for (let i = seen.length - 1; i >= 0; i--) {
      const earlier = seen[i]!;
      if (earlier.read.response >= read.request || earlier.obs.empty) continue;
      const w1 = lostSight(h, earlier, obs);
      if (!w1) continue;
      const r1 = earlier.read;
      out.push({
        kind: 'monotonic-reads',
        event: read.response,
        key: read.info.dataKey,
        related: eventList(r1.request, r1.response, read.request, read.response, w1.request, w1.response),
        explain:
          `${h.describeRead(read)}, after ${read.info.client} had already read ` +
          `${h.describeRead(r1, false)}: the second read went back in time, ` +
          `it no longer reflects ${h.describeWrite(w1)}.`,
        ops: [r1.key, read.key, w1.key],
      });
      break;
    }
    seen.push({ read, obs });
    if (seen.length > MAX_EARLIER) seen.shift();
  }
  return out;
}

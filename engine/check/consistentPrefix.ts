// consistent-prefix: a reader sees an effect before its cause (DDIA's Mr. Poons and Mrs. Cake).
//
// A client's read reflected write B of key kb; a later read by the same client (requested after
// the first was answered) of another key ka reflects neither write A of ka nor anything newer,
// although B depends on A (History.before: B's writer had completed or read A, or what it read
// depended on A) and A was acknowledged. "Nothing newer" means everything the later read reflects is
// strictly older than A (see observation.ts). Same-key cases are monotonic-reads, not this.
//
// Cost: per client, the join of the dependency vectors of the writes it has seen, kept per key
// with the two largest entries per client slot, so excluding the read's own key is O(clients); the
// newest A per writer is a binary search.

import type { History, OpRecord } from './history';
import { eventList, type Finding, type Observation, observe, predates } from './observation';

interface SeenRead {
  read: OpRecord;
  obs: Observation;
}

class ClientView {
  readonly perKey = new Map<string, Uint32Array>();
  readonly top1: Uint32Array;
  readonly top1Key: (string | undefined)[];
  readonly top2: Uint32Array;
  readonly seen: { write: OpRecord; read: OpRecord }[] = [];
  pending: SeenRead[] = [];

  constructor(
    private readonly h: History,
    width: number,
  ) {
    this.top1 = new Uint32Array(width);
    this.top1Key = new Array(width).fill(undefined);
    this.top2 = new Uint32Array(width);
  }

  /** Fold in the reads answered before `event`. */
  catchUp(event: number): void {
    const still: SeenRead[] = [];
    for (const p of this.pending) {
      if (p.read.response < event) this.fold(p);
      else still.push(p);
    }
    this.pending = still;
  }

  private fold({ read, obs }: SeenRead): void {
    if (obs.empty) return;
    const width = this.top1.length;
    for (const o of obs.ops) {
      const b = this.h.ops.get(o);
      if (!b) continue;
      const key = b.info.dataKey;
      this.seen.push({ write: b, read });
      let f = this.perKey.get(key);
      if (!f) {
        f = new Uint32Array(width);
        this.perKey.set(key, f);
      }
      if (!b.deps) continue;
      for (let a = 0; a < width; a++) {
        const v = b.deps[a]!;
        if (v <= f[a]!) continue;
        f[a] = v;
        if (this.top1Key[a] === key) this.top1[a] = v;
        else if (v > this.top1[a]!) {
          this.top2[a] = this.top1[a]!;
          this.top1[a] = v;
          this.top1Key[a] = key;
        } else if (v > this.top2[a]!) this.top2[a] = v;
      }
    }
  }

  /** Join of the dependencies of seen writes of keys other than `key`, entry for client `slot`. */
  horizon(slot: number, key: string): number {
    return this.top1Key[slot] === key ? this.top2[slot]! : this.top1[slot]!;
  }
}

/** The last write in `list` (one client's, by ordinal) whose ordinal is at most `ordinal`. */
function lastUpTo(list: readonly OpRecord[], ordinal: number): OpRecord | undefined {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.ordinal <= ordinal) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? list[lo - 1] : undefined;
}

export function findConsistentPrefixViolations(h: History): Finding[] {
  const out: Finding[] = [];
  const width = h.clientCount;
  const ackedByKeyWriter = new Map<string, Map<number, OpRecord[]>>();
  for (const [key, writes] of h.writesByKey) {
    const m = new Map<number, OpRecord[]>();
    for (const w of writes) {
      if (!h.acked(w)) continue;
      const slot = h.clientSlot[w.client]!;
      if (slot < 0) continue;
      let l = m.get(slot);
      if (!l) {
        l = [];
        m.set(slot, l);
      }
      l.push(w);
    }
    ackedByKeyWriter.set(key, m);
  }
  const views = new Map<number, ClientView>();
  for (const read of h.opList) {
    if (read.info.kind !== 'read') continue;
    const obs = observe(h, read);
    if (!obs) continue;
    let view = views.get(read.client);
    if (!view) {
      view = new ClientView(h, width);
      views.set(read.client, view);
    }
    view.catchUp(read.request);
    const key = read.info.dataKey;
    const writers = ackedByKeyWriter.get(key);
    if (writers && view.seen.length > 0) {
      for (const [writer, list] of writers) {
        const horizon = view.horizon(writer, key);
        if (horizon === 0) continue;
        const a = lastUpTo(list, horizon);
        if (!a || !predates(h, obs, a)) continue;
        const cause = findEffect(h, view, a, key);
        if (!cause) continue;
        const { write: b, read: saw } = cause;
        out.push({
          kind: 'consistent-prefix',
          event: read.response,
          key,
          related: eventList(a.request, a.response, b.request, saw.response, read.request, read.response),
          explain:
            `${h.describeRead(read)}, but ${read.info.client} had already seen ${h.describeWrite(b)} ` +
            `(read at ${h.time(saw.response)}), which was made after ${h.describeWrite(a)}: ` +
            `${read.info.client} saw the effect before its cause.`,
          ops: [read.key, a.key, b.key],
        });
        break;
      }
    }
    view.pending.push({ read, obs });
  }
  return out;
}

/** A seen write of another key that `a` happened before (the most recent one). */
function findEffect(
  h: History,
  view: ClientView,
  a: OpRecord,
  key: string,
): { write: OpRecord; read: OpRecord } | undefined {
  for (let i = view.seen.length - 1; i >= 0; i--) {
    const s = view.seen[i]!;
    if (s.write.info.dataKey !== key && h.before(a, s.write)) return s;
  }
  return undefined;
}

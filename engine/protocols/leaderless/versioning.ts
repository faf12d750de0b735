// How a replica decides which values of a key to keep: the four `versioning` schemes of the
// leaderless family. Each scheme has two operations that every other part of the family builds on:
//   apply  — a client write (with the causal context the client sent) arrives at a replica;
//   merge  — two replicas' copies of a key are reconciled (read results, read repair,
//            anti-entropy, hinted handoff).
// Deletes are writes of a tombstone, so a merge never resurrects a value a delete superseded.

import type { Sibling, Value, VersionVector } from '../../../traces/types';
import type { LeaderlessConfig } from '../../scenario/model';
import { compare, copy as copyVV, descends, formatVV, merge as mergeVV } from '../common/versionVector';

export type VersioningScheme = LeaderlessConfig['versioning'];

/** One key as a replica stores it. */
export interface StoredObject {
  /** The values kept side by side (tombstones included), in canonical order. */
  siblings: Sibling[];
  /** Version vectors: the object's clock (every write this copy has seen or superseded). */
  clock: VersionVector;
  /** Version numbers: the key's version on this replica. */
  version: number;
}

/** What a client knows about a key; sent with its next write of that key. */
export interface CausalContext {
  version?: number;
  vv?: VersionVector;
}

/** A client write as the coordinator stamped it. */
export interface WriteStamp {
  op: string;
  value: Value;
  /** A delete (absent: a write). A Put message is itself a stamp. */
  tombstone?: boolean;
  context: CausalContext;
  /** Version vectors: the write's own event, (coordinator, counter), unique per coordinator. */
  dot?: [string, number];
  /** Timestamps: the coordinator's physical clock when it accepted the write. */
  ts?: number;
  /** The coordinator. */
  origin: string;
}

export interface Applied {
  obj: StoredObject;
  /** Whether the stored copy changed. */
  changed: boolean;
  /** Set when the write was not kept (last write wins found a newer value). */
  rejectedBy?: Sibling;
}

export function emptyObject(): StoredObject {
  return { siblings: [], clock: {}, version: 0 };
}

/** Whether a version vector has seen the event `dot`. */
export function covers(vv: VersionVector | undefined, dot: [string, number] | undefined): boolean {
  return dot !== undefined && (vv?.[dot[0]] ?? 0) >= dot[1];
}

/** A copy of `vv` that has seen `dot`. */
function withDot(vv: VersionVector, dot: [string, number]): VersionVector {
  const out = copyVV(vv);
  if ((out[dot[0]] ?? 0) < dot[1]) out[dot[0]] = dot[1];
  return out;
}

function newSibling(w: WriteStamp): Sibling {
  const s: Sibling = w.tombstone ? { value: null, tombstone: true, op: w.op } : { value: w.value, op: w.op };
  s.origin = w.origin;
  return s;
}

/** Last-write-wins order: timestamp, then op key so equal timestamps still pick one winner. */
function lwwNewer(a: Sibling, b: Sibling): boolean {
  const ta = a.ts ?? Number.NEGATIVE_INFINITY;
  const tb = b.ts ?? Number.NEGATIVE_INFINITY;
  if (ta !== tb) return ta > tb;
  return (a.op ?? '') > (b.op ?? '');
}

function siblingOrder(a: Sibling, b: Sibling): number {
  if (a.version !== undefined && b.version !== undefined && a.version !== b.version)
    return a.version - b.version;
  if (a.dot && b.dot) {
    if (a.dot[0] !== b.dot[0]) return a.dot[0] < b.dot[0] ? -1 : 1;
    if (a.dot[1] !== b.dot[1]) return a.dot[1] - b.dot[1];
  }
  const oa = a.op ?? '';
  const ob = b.op ?? '';
  return oa < ob ? -1 : oa > ob ? 1 : 0;
}

function canonical(siblings: Sibling[]): Sibling[] {
  return siblings.length < 2 ? siblings : siblings.sort(siblingOrder);
}

/**
 * What a write makes that does not depend on the replica applying it. A coordinator sends one Put
 * object to every home replica, so they share these (the trace keeps every replica's values: n
 * copies of each would be most of its memory). Keyed by the stamp, for the writes of the last few
 * moments only: a Put reaches its replicas within a network latency of each other.
 */
interface WriteParts {
  sibling: Sibling;
  /** `[sibling]`: the values after a write that supersedes everything. */
  alone: Sibling[];
  /** The context with the write's dot: the clock after such a write (version vectors). */
  clock?: VersionVector;
}

/** The last few hundred things made, by the object they were made from (oldest forgotten first). */
class Recent<K, V> {
  private readonly values = new Map<K, V>();
  private readonly order: (K | undefined)[] = new Array(256).fill(undefined);
  private next = 0;

  get(key: K, make: () => V): V {
    let value = this.values.get(key);
    if (value === undefined) {
      value = make();
      const oldest = this.order[this.next];
      if (oldest !== undefined) this.values.delete(oldest);
      this.order[this.next] = key;
      this.next = (this.next + 1) % this.order.length;
      this.values.set(key, value);
    }
    return value;
  }
}

const recentWrites = new Recent<WriteStamp, WriteParts>();
const recentContexts = new Recent<VersionVector, CausalContext>();

function writeParts(scheme: VersioningScheme, w: WriteStamp): WriteParts {
  return recentWrites.get(w, () => {
    const sibling = newSibling(w);
    const parts: WriteParts = { sibling, alone: [sibling] };
    const context = w.context.vv ?? {};
    if (scheme === 'version-vectors') {
      sibling.vv = withDot(context, w.dot!);
      parts.clock = sibling.vv;
    } else if (scheme === 'dotted-version-vectors') {
      sibling.dot = w.dot!;
      sibling.vv = copyVV(context);
      parts.clock = withDot(context, w.dot!);
    } else if (scheme === 'timestamps') sibling.ts = w.ts ?? 0;
    return parts;
  });
}

/** Applies a client write to a replica's copy of the key. Never mutates `current`. */
export function applyWrite(
  scheme: VersioningScheme,
  current: StoredObject | undefined,
  w: WriteStamp,
): Applied {
  const obj = current ?? emptyObject();
  switch (scheme) {
    case 'version-numbers': {
      const fresh = newSibling(w);
      // DDIA's shopping-cart algorithm: overwrite every value whose version the client has seen,
      // keep the ones with higher versions (written concurrently), number the new value.
      const seen = w.context.version ?? 0;
      const kept = obj.siblings.filter((s) => (s.version ?? 0) > seen);
      const version = obj.version + 1;
      fresh.version = version;
      return {
        obj: { siblings: canonical([...kept, fresh]), clock: {}, version },
        changed: true,
      };
    }
    case 'version-vectors': {
      // One clock per object (Riak before dotted version vectors): if the client's context has
      // seen the whole object, the write replaces every sibling; otherwise the replica cannot
      // tell which siblings the client saw, so it keeps them all and adds the new one.
      const dot = w.dot!;
      if (covers(obj.clock, dot)) return { obj, changed: false };
      const context = w.context.vv ?? {};
      const parts = writeParts(scheme, w);
      if (descends(context, obj.clock)) {
        // The context covers the object's clock, so their merge is the context itself.
        return { obj: { siblings: parts.alone, clock: parts.clock!, version: 0 }, changed: true };
      }
      const clock = withDot(mergeVV(obj.clock, context), dot);
      return {
        obj: { siblings: canonical([...obj.siblings, parts.sibling]), clock, version: 0 },
        changed: true,
      };
    }
    case 'dotted-version-vectors': {
      // Each sibling carries the dot of the write that made it: a write supersedes exactly the
      // siblings whose dots its context covers, and keeps the truly concurrent ones.
      const dot = w.dot!;
      if (covers(obj.clock, dot)) return { obj, changed: false };
      const context = w.context.vv ?? {};
      const parts = writeParts(scheme, w);
      const kept = obj.siblings.filter((s) => !covers(context, s.dot));
      const clock = descends(context, obj.clock) ? parts.clock! : withDot(mergeVV(obj.clock, context), dot);
      const siblings = kept.length === 0 ? parts.alone : canonical([...kept, parts.sibling]);
      return { obj: { siblings, clock, version: 0 }, changed: true };
    }
    case 'timestamps': {
      const parts = writeParts(scheme, w);
      const winner = obj.siblings[0];
      if (winner && !lwwNewer(parts.sibling, winner)) return { obj, changed: false, rejectedBy: winner };
      return {
        obj: { siblings: parts.alone, clock: {}, version: 0 },
        changed: true,
      };
    }
  }
}

/** Same values (by the op that wrote each) in the same canonical order. */
function sameOps(a: Sibling[], b: Sibling[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.op !== b[i]!.op) return false;
  return true;
}

function unionByOp(a: Sibling[], b: Sibling[]): Sibling[] {
  const byOp = new Map<string, Sibling>();
  for (const s of [...a, ...b]) if (!byOp.has(s.op ?? '')) byOp.set(s.op ?? '', s);
  return canonical([...byOp.values()]);
}

/** Reconciles two replicas' copies of a key. Symmetric: merge(a, b) and merge(b, a) are equal. */
export function mergeObjects(
  scheme: VersioningScheme,
  a: StoredObject | undefined,
  b: StoredObject | undefined,
): StoredObject | undefined {
  if (!a) return b;
  if (!b) return a;
  switch (scheme) {
    case 'version-numbers': {
      // Versions are per replica, so they only compare meaningfully for a single replica: the
      // copy with the higher version wins, equal versions keep the values of both.
      if (a.version !== b.version) return a.version > b.version ? a : b;
      return { siblings: unionByOp(a.siblings, b.siblings), clock: {}, version: a.version };
    }
    case 'version-vectors': {
      const order = compare(a.clock, b.clock);
      if (order === 'after' || (order === 'equal' && sameOps(a.siblings, b.siblings))) return a;
      if (order === 'before') return b;
      return { siblings: unionByOp(a.siblings, b.siblings), clock: mergeVV(a.clock, b.clock), version: 0 };
    }
    case 'dotted-version-vectors': {
      // A sibling survives if the other copy has it too, or has never seen its dot.
      const has = (o: StoredObject, s: Sibling) => o.siblings.some((t) => sameDot(t.dot, s.dot));
      const keepA = a.siblings.filter((s) => has(b, s) || !covers(b.clock, s.dot));
      const keepB = b.siblings.filter((s) => !has(a, s) && !covers(a.clock, s.dot));
      return { siblings: canonical([...keepA, ...keepB]), clock: mergeVV(a.clock, b.clock), version: 0 };
    }
    case 'timestamps': {
      const wa = a.siblings[0];
      const wb = b.siblings[0];
      if (!wa) return b;
      if (!wb) return a;
      return lwwNewer(wb, wa) ? b : a;
    }
  }
}

function sameDot(x: [string, number] | undefined, y: [string, number] | undefined): boolean {
  return x !== undefined && y !== undefined && x[0] === y[0] && x[1] === y[1];
}

// Contexts, clocks and stored objects are never changed once made (every operation here builds new
// ones), so they are shared freely: between a replica's copy, its acknowledgements and the client.
const NO_CONTEXT: CausalContext = Object.freeze({});
const VERSION_ZERO: CausalContext = Object.freeze({ version: 0 });
const EMPTY_VV_CONTEXT: CausalContext = Object.freeze({ vv: Object.freeze({}) });

/** The causal context a reader or writer of this copy gets back. */
export function contextOf(scheme: VersioningScheme, obj: StoredObject | undefined): CausalContext {
  if (!obj)
    return scheme === 'version-numbers'
      ? VERSION_ZERO
      : scheme === 'timestamps'
        ? NO_CONTEXT
        : EMPTY_VV_CONTEXT;
  if (scheme === 'version-numbers') return { version: obj.version };
  if (scheme === 'timestamps') return NO_CONTEXT;
  return recentContexts.get(obj.clock, () => ({ vv: obj.clock }));
}

function isEmptyContext(c: CausalContext): boolean {
  return c.version === undefined && c.vv === undefined;
}

/** Combines contexts (several replicas acknowledged, or a client learns more). */
export function mergeContexts(a: CausalContext, b: CausalContext): CausalContext {
  if (a === b || isEmptyContext(b)) return a;
  if (isEmptyContext(a)) return b;
  const version =
    a.version !== undefined || b.version !== undefined ? Math.max(a.version ?? 0, b.version ?? 0) : undefined;
  let vv: VersionVector | undefined;
  if (a.vv && b.vv) vv = descends(a.vv, b.vv) ? a.vv : descends(b.vv, a.vv) ? b.vv : mergeVV(a.vv, b.vv);
  else vv = a.vv ?? b.vv;
  // One side already knows everything the other does: keep it rather than build an equal copy.
  if (version === a.version && vv === a.vv) return a;
  if (version === b.version && vv === b.vv) return b;
  const out: CausalContext = {};
  if (version !== undefined) out.version = version;
  if (vv) out.vv = vv;
  return out;
}

/** Values a read returns: every sibling but tombstones. */
export function visibleValues(obj: StoredObject | undefined): Sibling[] {
  if (!obj) return [];
  for (const s of obj.siblings) if (s.tombstone) return obj.siblings.filter((t) => !t.tombstone);
  return obj.siblings;
}

/** How many values a read of this copy would return. */
export function visibleCount(obj: StoredObject): number {
  let n = 0;
  for (const s of obj.siblings) if (!s.tombstone) n++;
  return n;
}

/** A short human description of a copy's version, for notes ("had version 1, sent version 2"). */
export function describeVersion(scheme: VersioningScheme, obj: StoredObject | undefined): string {
  if (!obj || obj.siblings.length === 0) return 'nothing';
  if (scheme === 'version-numbers') return `version ${obj.version}`;
  if (scheme === 'timestamps') return `timestamp ${obj.siblings[0]?.ts ?? 0}`;
  return `version ${formatVV(obj.clock)}`;
}

/** A canonical string of a copy: equal digests mean the replicas hold the same thing. */
export function digest(obj: StoredObject | undefined): string {
  if (!obj || (obj.siblings.length === 0 && Object.keys(obj.clock).length === 0)) return '';
  const sibs = obj.siblings.map((s) =>
    [s.op ?? '', s.tombstone ? 'x' : '', s.version ?? '', s.dot ? s.dot.join(':') : '', s.ts ?? ''].join('/'),
  );
  return `${sibs.join(',')}|${formatVV(obj.clock)}|${obj.version}`;
}

// State reconstruction over a trace, for the debugger (stepping both ways) and the timeline (state
// panel, in-flight arrows, crash shading, partition bands).
//
// The replay never rescans the trace per query: it keeps immutable checkpoints of every actor's state
// (copy-on-write: an actor or map untouched since the previous checkpoint is shared, and list fields
// such as the replication log share one backing array between versions), so `stateAt` costs the events
// since the nearest checkpoint plus one copy of the state. Checkpoints and indexes are built lazily and
// incrementally, so a trace that is still being recorded can be queried as it grows.
//
// What the replay reads from events (the simulator's conventions):
// - `state` with `key`: data key `key` now holds `after` (siblings); `before` is not needed.
// - `state` with `field` and `value`: protocol field set; with `append`: list field grew by one item;
//   with `truncate`: list field cut to that length.
// - `crash` / `recover` on a node set `up`; `offline` / `online` on a client set `offline`.
// - `addNode`: the node (detail `id`/`node`, else the event's actor) exists from then on; before, it is
//   absent from `stateAt`.
// - `partition` (detail `groups`: string[][], an actor in no group reaches every group), `cut`
//   (`from`/`to`, one way) and `heal` (detail `links`, or `from`/`to`, or nothing = heal all) change the
//   set of cut links. Fault details may sit on the event or in its `detail` object.

import type { EventDetail, Trace } from './store';
import type { Message, Sibling } from './types';

/** One actor's state right after some event. Treat as immutable: it may share arrays with the trace. */
export interface ActorState {
  up: boolean;
  /** Multi-leader offline client (keeps a local replica). */
  offline?: boolean;
  data: Record<string, Sibling[]>;
  fields: Record<string, unknown>;
}

/** Every present node and client (not the network pseudo-actor), by actor id. */
export type ReplayState = Record<string, ActorState>;

export interface InflightMessage {
  msg: number;
  /** The send event. */
  send: number;
  sentAt: number;
  from: string;
  to: string;
  type: string;
  payload?: Message;
}

export interface DownSpan {
  /** Crash event and its time. */
  crash: number;
  start: number;
  /** Recover event and its time; absent when the node is still down at the end of the trace. */
  recover?: number;
  end?: number;
  diskLost?: boolean;
}

/** A directed link that cannot carry messages. */
export interface CutLink {
  from: string;
  to: string;
  /** The partition/cut event that cut it. */
  since: number;
}

export interface PartitionSpan {
  from: string;
  to: string;
  startEvent: number;
  start: number;
  /** Absent while the link is still cut at the end of the trace. */
  endEvent?: number;
  end?: number;
}

export type ChangeKind = 'data' | 'field' | 'up' | 'offline' | 'added';

/** The net change of one thing between two points of the run. */
export interface StateChange {
  actor: string;
  kind: ChangeKind;
  /** Data key or field name; absent for `up`, `offline`, `added`. */
  name?: string;
  before: unknown;
  after: unknown;
  /** Events in the range that touched it, in order. */
  events: number[];
}

/** A list field version: the first `length` items of a backing array that versions share. */
class ListVersion {
  constructor(
    readonly base: unknown[],
    readonly length: number,
  ) {}

  append(item: unknown): ListVersion {
    const { base, length } = this;
    if (length === base.length) {
      base.push(item);
      return new ListVersion(base, length + 1);
    }
    // Another version already wrote past us; replaying the same event again writes the same item.
    if (base[length] === item) return new ListVersion(base, length + 1);
    const copy = base.slice(0, length);
    copy.push(item);
    return new ListVersion(copy, length + 1);
  }

  truncate(n: number): ListVersion {
    return new ListVersion(this.base, Math.max(0, Math.min(n, this.length)));
  }

  toArray(): unknown[] {
    return this.base.slice(0, this.length);
  }
}

interface ActorSnap {
  present: boolean;
  up: boolean;
  offline: boolean;
  data: Map<string, Sibling[]>;
  fields: Map<string, unknown>;
}

/** A working copy: maps are cloned on first write (copy-on-write over a snapshot). */
class WorkActor implements ActorSnap {
  present: boolean;
  up: boolean;
  offline: boolean;
  data: Map<string, Sibling[]>;
  fields: Map<string, unknown>;
  private ownData = false;
  private ownFields = false;
  /** Whether anything changed since `from`. */
  dirty = false;

  constructor(from: ActorSnap) {
    this.present = from.present;
    this.up = from.up;
    this.offline = from.offline;
    this.data = from.data;
    this.fields = from.fields;
  }

  setData(key: string, after: Sibling[]): void {
    if (!this.ownData) {
      this.data = new Map(this.data);
      this.ownData = true;
    }
    this.data.set(key, after);
    this.dirty = true;
  }

  setField(name: string, value: unknown): void {
    if (!this.ownFields) {
      this.fields = new Map(this.fields);
      this.ownFields = true;
    }
    this.fields.set(name, value);
    this.dirty = true;
  }

  /** Freeze into a snapshot; later writes clone again. */
  snapshot(): ActorSnap {
    this.ownData = false;
    this.ownFields = false;
    this.dirty = false;
    return {
      present: this.present,
      up: this.up,
      offline: this.offline,
      data: this.data,
      fields: this.fields,
    };
  }
}

interface Checkpoint {
  /** State before event `at` (after events 0..at-1). */
  at: number;
  actors: ActorSnap[];
}

const NEVER = Number.POSITIVE_INFINITY;

function faultField(d: EventDetail | undefined, name: string): unknown {
  if (!d) return undefined;
  const top = (d as Record<string, unknown>)[name];
  return top !== undefined ? top : d.detail?.[name];
}

function isStringArrayArray(v: unknown): v is string[][] {
  return Array.isArray(v) && v.every((g) => Array.isArray(g) && g.every((x) => typeof x === 'string'));
}

export interface ReplayOptions {
  /** Minimum events between state checkpoints (default 512): stateAt replays at most about this many. */
  stride?: number;
  /** Events between rows of the in-flight message index (default 1024). */
  messageStride?: number;
}

export class TraceReplay {
  /** Minimum events between two state checkpoints. */
  readonly stride: number;
  /** Events between two rows of the in-flight index. */
  readonly messageStride: number;
  private readonly trace: Trace;
  private checkpoints: Checkpoint[] = [];
  /** Working state at `checkpointsBuiltTo` while building checkpoints. */
  private builder: WorkActor[];
  private builtTo = 0;
  /** Actors that exist only from their addNode event on. */
  private readonly lateActors = new Set<number>();

  // Message index, in order of send.
  private msgIds: number[] = [];
  private msgSend: number[] = [];
  private msgEnd: number[] = [];
  private readonly msgIndex = new Map<number, number>();
  /** inflight[j]: message indexes with send < j*this.messageStride and end >= j*this.messageStride. */
  private inflightGrid: number[][] = [[]];
  private indexedTo = 0;
  private downs: DownSpan[][];
  private cutEvents: number[] = [];

  constructor(trace: Trace, options: ReplayOptions = {}) {
    this.trace = trace;
    this.stride = Math.max(4, options.stride ?? 512);
    this.messageStride = Math.max(4, options.messageStride ?? 1024);
    this.downs = trace.actors.map(() => []);
    this.builder = trace.actors.map((a) => new WorkActor(this.initialSnap(a.kind)));
    this.checkpoints.push({ at: 0, actors: this.builder.map((w) => w.snapshot()) });
    this.catchUpIndex();
  }

  private initialSnap(kind: string): ActorSnap {
    return { present: kind !== 'network', up: true, offline: false, data: new Map(), fields: new Map() };
  }

  /** Forget everything from `event` on (after TraceRecorder.truncate, e.g. a what-if fork). */
  invalidateFrom(event: number): void {
    this.checkpoints = this.checkpoints.filter((c) => c.at <= event);
    const last = this.checkpoints[this.checkpoints.length - 1]!;
    this.builder = last.actors.map((s) => new WorkActor(s));
    this.builtTo = last.at;
    // Rebuild the cheap indexes from scratch; they are a single pass over event kinds.
    this.msgIds = [];
    this.msgSend = [];
    this.msgEnd = [];
    this.msgIndex.clear();
    this.inflightGrid = [[]];
    this.indexedTo = 0;
    this.downs = this.trace.actors.map(() => []);
    this.cutEvents = [];
    this.catchUpIndex();
  }

  // ---------------------------------------------------------------------------------------------
  // State

  /** Every present actor's state right after `event` (-1 = before the first event). */
  stateAt(event: number): ReplayState {
    const work = this.workAt(event);
    const out: ReplayState = {};
    for (let a = 0; a < work.length; a++) {
      const w = work[a]!;
      if (!w.present) continue;
      out[this.trace.actorId(a)] = materialize(w);
    }
    return out;
  }

  /** One actor's state right after `event`, or undefined when it does not exist (yet). */
  actorStateAt(event: number, actor: string): ActorState | undefined {
    const a = this.trace.actorIndex.get(actor);
    if (a === undefined) return undefined;
    const w = this.workAt(event)[a]!;
    return w.present ? materialize(w) : undefined;
  }

  /**
   * The net changes from right after `a` to right after `b` (either order): every data key, field,
   * up/offline flag or membership that differs, with the events in between that touched it.
   */
  changesBetween(a: number, b: number): StateChange[] {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    this.checkEvent(hi);
    const touched = new Map<string, StateChange>();
    const trace = this.trace;
    const touch = (actor: number, kind: ChangeKind, name: string | undefined, event: number): void => {
      const id = `${actor}\u0000${kind}\u0000${name ?? ''}`;
      let c = touched.get(id);
      if (!c) {
        c = { actor: trace.actorId(actor), kind, before: undefined, after: undefined, events: [] };
        if (name !== undefined) c.name = name;
        touched.set(id, c);
      }
      c.events.push(event);
    };
    for (let e = lo + 1; e <= hi; e++) {
      const kind = trace.kind(e);
      const d = trace.detail(e);
      if (kind === 'state') {
        if (d?.key !== undefined) touch(trace.actorOf(e), 'data', d.key, e);
        else if (d?.field !== undefined) touch(trace.actorOf(e), 'field', d.field, e);
      } else if (kind === 'crash' || kind === 'recover') {
        touch(this.subject(e), 'up', undefined, e);
      } else if (kind === 'offline' || kind === 'online') {
        touch(this.subject(e), 'offline', undefined, e);
      } else if (kind === 'addNode') {
        touch(this.subject(e), 'added', undefined, e);
      }
    }
    if (touched.size === 0) return [];
    const from = this.workAt(a);
    const to = this.workAt(b);
    const out: StateChange[] = [];
    for (const c of touched.values()) {
      const i = trace.actorIndex.get(c.actor)!;
      const x = from[i]!;
      const y = to[i]!;
      const pick = (w: ActorSnap): unknown => {
        switch (c.kind) {
          case 'data':
            return w.data.get(c.name!);
          case 'field': {
            const v = w.fields.get(c.name!);
            return v instanceof ListVersion ? v.toArray() : v;
          }
          case 'up':
            return w.up;
          case 'offline':
            return w.offline;
          case 'added':
            return w.present;
        }
      };
      c.before = pick(x);
      c.after = pick(y);
      if (!sameValue(c.before, c.after)) out.push(c);
    }
    return out;
  }

  private checkEvent(event: number): void {
    if (!Number.isInteger(event) || event < -1 || event >= this.trace.length) {
      throw new RangeError(`no event ${event}: the trace has ${this.trace.length} events`);
    }
  }

  /** Working state after `event`, from the nearest checkpoint at or before it. */
  private workAt(event: number): ActorSnap[] {
    this.checkEvent(event);
    const target = event + 1;
    this.buildCheckpointsTo(target);
    const cp = this.checkpointBefore(target);
    const work = cp.actors.map((s) => new WorkActor(s));
    for (let e = cp.at; e < target; e++) this.apply(work, e);
    return work;
  }

  private checkpointBefore(at: number): Checkpoint {
    const cps = this.checkpoints;
    let lo = 0;
    let hi = cps.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (cps[mid]!.at <= at) lo = mid;
      else hi = mid - 1;
    }
    return cps[lo]!;
  }

  /** Extend the checkpoint list so that one sits within `stride` (or the copy budget) of `target`. */
  private buildCheckpointsTo(target: number): void {
    this.catchUpIndex();
    const work = this.builder;
    while (this.builtTo < target) {
      const e = this.builtTo;
      this.apply(work, e);
      this.builtTo = e + 1;
      const last = this.checkpoints[this.checkpoints.length - 1]!;
      const since = this.builtTo - last.at;
      if (since >= this.stride) {
        // A checkpoint copies the maps of actors that changed; amortize that copy over at least as
        // many events as entries it holds, so checkpoints never cost more memory than the events.
        let cost = 0;
        for (const w of work) if (w.dirty) cost += w.data.size + w.fields.size;
        if (since * 4 >= cost) {
          this.checkpoints.push({
            at: this.builtTo,
            actors: work.map((w, i) => (w.dirty ? w.snapshot() : last.actors[i]!)),
          });
        }
      }
    }
  }

  private apply(work: WorkActor[], e: number): void {
    const trace = this.trace;
    const kind = trace.kind(e);
    switch (kind) {
      case 'state': {
        const d = trace.detail(e);
        if (!d) return;
        const w = work[trace.actorOf(e)]!;
        if (d.key !== undefined) {
          w.setData(d.key, d.after ?? []);
        } else if (d.field !== undefined) {
          if (d.append !== undefined) {
            const cur = w.fields.get(d.field);
            const list =
              cur instanceof ListVersion
                ? cur
                : new ListVersion(Array.isArray(cur) ? cur.slice() : [], Array.isArray(cur) ? cur.length : 0);
            w.setField(d.field, list.append(d.append));
          } else if (d.truncate !== undefined) {
            const cur = w.fields.get(d.field);
            const list =
              cur instanceof ListVersion
                ? cur
                : new ListVersion(Array.isArray(cur) ? cur.slice() : [], Array.isArray(cur) ? cur.length : 0);
            w.setField(d.field, list.truncate(d.truncate));
          } else {
            w.setField(d.field, d.value);
          }
        }
        return;
      }
      case 'crash':
      case 'recover': {
        const w = work[this.subject(e)]!;
        w.up = kind === 'recover';
        w.dirty = true;
        return;
      }
      case 'offline':
      case 'online': {
        const w = work[this.subject(e)]!;
        w.offline = kind === 'offline';
        w.dirty = true;
        return;
      }
      case 'addNode': {
        const w = work[this.subject(e)]!;
        w.present = true;
        w.up = true;
        w.dirty = true;
        return;
      }
      default:
        return;
    }
  }

  /** The actor a fault event is about: its own actor, unless recorded on the network pseudo-actor. */
  private subject(e: number): number {
    const trace = this.trace;
    const own = trace.actorOf(e);
    const d = trace.detail(e);
    const named = faultField(d, 'node') ?? faultField(d, 'id') ?? faultField(d, 'client');
    if (typeof named === 'string' && (trace.kind(e) === 'addNode' || trace.actors[own]!.kind === 'network')) {
      const i = trace.actorIndex.get(named);
      if (i !== undefined) return i;
    }
    return own;
  }

  // ---------------------------------------------------------------------------------------------
  // Index: messages, crashes, partitions

  private catchUpIndex(): void {
    const trace = this.trace;
    const n = trace.length;
    for (let e = this.indexedTo; e < n; e++) {
      const kind = trace.kind(e);
      if (kind === 'send') {
        const d = trace.detail(e);
        if (d?.msg !== undefined && !this.msgIndex.has(d.msg)) {
          this.msgIndex.set(d.msg, this.msgIds.length);
          this.msgIds.push(d.msg);
          this.msgSend.push(e);
          this.msgEnd.push(NEVER);
        }
      } else if (kind === 'deliver' || kind === 'drop') {
        const d = trace.detail(e);
        const m = d?.msg === undefined ? undefined : this.msgIndex.get(d.msg);
        if (m !== undefined) this.endMessage(m, e);
      } else if (kind === 'crash' || kind === 'recover') {
        const list = this.downs[this.subject(e)]!;
        const open = list[list.length - 1];
        if (kind === 'crash') {
          if (!open || open.recover !== undefined) {
            const span: DownSpan = { crash: e, start: trace.time(e) };
            const disk = faultField(trace.detail(e), 'disk');
            if (disk === 'lost' || faultField(trace.detail(e), 'diskLost') === true) span.diskLost = true;
            list.push(span);
          }
        } else if (open && open.recover === undefined) {
          open.recover = e;
          open.end = trace.time(e);
        }
      } else if (kind === 'partition' || kind === 'cut' || kind === 'heal') {
        this.cutEvents.push(e);
      } else if (kind === 'addNode') {
        this.markLate(this.subject(e), e);
      }
      if ((e + 1) % this.messageStride === 0) {
        // Grid row for "before event e+1": messages sent so far whose end is not yet known or later.
        const row: number[] = [];
        const prev = this.inflightGrid[this.inflightGrid.length - 1]!;
        const lastRowAt = (this.inflightGrid.length - 1) * this.messageStride;
        for (const m of prev) if (this.msgEnd[m]! >= e + 1) row.push(m);
        for (let m = this.firstMessageSentFrom(lastRowAt); m < this.msgIds.length; m++) {
          if (this.msgEnd[m]! >= e + 1) row.push(m);
        }
        this.inflightGrid.push(row);
      }
    }
    this.indexedTo = n;
  }

  /** A node added by `addNode` at `e` is absent from every state before it. */
  private markLate(a: number, e: number): void {
    if (this.lateActors.has(a)) return;
    this.lateActors.add(a);
    for (const cp of this.checkpoints) {
      // Snapshots before e are distinct objects from those after (addNode dirties the actor), so
      // replacing them here cannot leak into later checkpoints.
      if (cp.at <= e) cp.actors[a] = { ...cp.actors[a]!, present: false };
    }
    if (this.builtTo <= e) this.builder[a]!.present = false;
  }

  private endMessage(m: number, e: number): void {
    const old = this.msgEnd[m]!;
    if (old === NEVER) {
      this.msgEnd[m] = e;
      return;
    }
    // A duplicate copy delivered later: the message stays in flight until its last copy arrives, so
    // the grid rows between the two ends must list it too.
    this.msgEnd[m] = Math.max(old, e);
    for (
      let j = Math.floor(old / this.messageStride) + 1;
      j * this.messageStride <= e && j < this.inflightGrid.length;
      j++
    ) {
      const row = this.inflightGrid[j]!;
      if (!row.includes(m)) row.push(m);
    }
  }

  /** Index of the first message whose send event is >= `event`. */
  private firstMessageSentFrom(event: number): number {
    const s = this.msgSend;
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid]! < event) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Messages sent at or before `event` and neither delivered nor dropped by then, in order of send. */
  inflightAt(event: number): InflightMessage[] {
    this.checkEvent(event);
    this.catchUpIndex();
    const j = Math.min(Math.floor((event + 1) / this.messageStride), this.inflightGrid.length - 1);
    const rowAt = j * this.messageStride;
    const found: number[] = [];
    for (const m of this.inflightGrid[j]!) if (this.msgEnd[m]! > event) found.push(m);
    for (let m = this.firstMessageSentFrom(rowAt); m < this.msgIds.length && this.msgSend[m]! <= event; m++) {
      if (this.msgEnd[m]! > event) found.push(m);
    }
    found.sort((x, y) => x - y);
    return found.map((m) => this.describe(m));
  }

  /** Every message of the trace with its send and its last delivery or drop (undefined = never). */
  messageSpan(msg: number): { send: number; end?: number } | undefined {
    this.catchUpIndex();
    const m = this.msgIndex.get(msg);
    if (m === undefined) return undefined;
    const end = this.msgEnd[m]!;
    return end === NEVER ? { send: this.msgSend[m]! } : { send: this.msgSend[m]!, end };
  }

  private describe(m: number): InflightMessage {
    const send = this.msgSend[m]!;
    const d = this.trace.detail(send) ?? {};
    const out: InflightMessage = {
      msg: this.msgIds[m]!,
      send,
      sentAt: this.trace.time(send),
      from: d.from ?? this.trace.actorId(this.trace.actorOf(send)),
      to: d.to ?? '',
      type: d.type ?? d.payload?.type ?? '',
    };
    if (d.payload !== undefined) out.payload = d.payload;
    return out;
  }

  /** Crash spans of a node, in order. */
  downSpans(actor: string): DownSpan[] {
    this.catchUpIndex();
    const a = this.trace.actorIndex.get(actor);
    return a === undefined ? [] : this.downs[a]!.map((s) => ({ ...s }));
  }

  /** The links cut at virtual time `time` (after every fault event at that time). */
  partitionsAt(time: number): CutLink[] {
    this.catchUpIndex();
    const cut = new Map<string, CutLink>();
    for (const e of this.cutEvents) {
      if (this.trace.time(e) > time) break;
      this.applyCut(cut, e, () => {});
    }
    return [...cut.values()];
  }

  /** Every cut link of the run with when it started and ended, for drawing bands. */
  partitionSpans(): PartitionSpan[] {
    this.catchUpIndex();
    const cut = new Map<string, CutLink>();
    const spans: PartitionSpan[] = [];
    const open = new Map<string, PartitionSpan>();
    for (const e of this.cutEvents) {
      this.applyCut(cut, e, (id, link, added) => {
        if (added) {
          const span: PartitionSpan = {
            from: link.from,
            to: link.to,
            startEvent: e,
            start: this.trace.time(e),
          };
          open.set(id, span);
          spans.push(span);
        } else {
          const span = open.get(id);
          if (span) {
            span.endEvent = e;
            span.end = this.trace.time(e);
            open.delete(id);
          }
        }
      });
    }
    return spans;
  }

  private applyCut(
    cut: Map<string, CutLink>,
    e: number,
    changed: (id: string, link: CutLink, added: boolean) => void,
  ): void {
    const trace = this.trace;
    const d = trace.detail(e);
    const add = (from: string, to: string): void => {
      const id = `${from}\u0000${to}`;
      if (cut.has(id)) return;
      const link = { from, to, since: e };
      cut.set(id, link);
      changed(id, link, true);
    };
    const remove = (id: string): void => {
      const link = cut.get(id);
      if (!link) return;
      cut.delete(id);
      changed(id, link, false);
    };
    const kind = trace.kind(e);
    if (kind === 'partition') {
      const groups = faultField(d, 'groups');
      if (!isStringArrayArray(groups)) return;
      for (let g = 0; g < groups.length; g++) {
        for (let h = 0; h < groups.length; h++) {
          if (g === h) continue;
          for (const x of groups[g]!) for (const y of groups[h]!) if (x !== y) add(x, y);
        }
      }
    } else if (kind === 'cut') {
      const from = faultField(d, 'from');
      const to = faultField(d, 'to');
      if (typeof from === 'string' && typeof to === 'string') add(from, to);
    } else {
      const links = faultField(d, 'links');
      const from = faultField(d, 'from');
      const to = faultField(d, 'to');
      if (Array.isArray(links)) {
        for (const l of links as { from?: unknown; to?: unknown }[]) {
          if (typeof l?.from === 'string' && typeof l.to === 'string') remove(`${l.from}\u0000${l.to}`);
        }
      } else if (typeof from === 'string' && typeof to === 'string') {
        remove(`${from}\u0000${to}`);
      } else {
        for (const id of [...cut.keys()]) remove(id);
      }
    }
  }
}

function materialize(w: ActorSnap): ActorState {
  const data: Record<string, Sibling[]> = {};
  for (const [k, v] of w.data) data[k] = v;
  const fields: Record<string, unknown> = {};
  for (const [k, v] of w.fields) fields[k] = v instanceof ListVersion ? v.toArray() : v;
  const s: ActorState = { up: w.up, data, fields };
  if (w.offline) s.offline = true;
  return s;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

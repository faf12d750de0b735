// Everything the timeline derives from a trace once (and incrementally as events are appended):
// message pairs, crash spans, partitions, clock skews, conflict marks, anomaly links, the message
// types and keys the filters offer, and which traffic is periodic (heartbeats and the like).
import type { EventDetail, Trace } from '../../traces/store';
import {
  OUTLINE_CONFLICT,
  OUTLINE_COUNT_SHIFT,
  OUTLINE_FAILED,
  OUTLINE_MARK,
  OUTLINE_RESOLVED,
  OUTLINE_SIBLINGS_READ,
  outlineOf,
} from '../../traces/transfer';
import type { Anomaly } from '../../traces/types';

export const NONE = -1;

/** A span on one actor's lane: from `start` (event id) to `end` (event id, or NONE = still open). */
export interface CrashSpan {
  actor: number;
  start: number;
  end: number;
  diskLost: boolean;
}

/** A network fault in force from `start` to `end` (NONE = never healed). */
export interface NetworkSpan {
  start: number;
  end: number;
  /** Partition groups (actors in no group reach every group), or a one-way cut. */
  groups?: string[][];
  cut?: { from: string; to: string };
}

export interface SkewMark {
  actor: number;
  event: number;
  offset: number;
  drift: number;
}

/** Conflict marks: where siblings arise, where they are resolved, where a read sees several. */
export const MARK_CONFLICT = OUTLINE_CONFLICT;
export const MARK_RESOLVED = OUTLINE_RESOLVED;
export const MARK_SIBLINGS_READ = OUTLINE_SIBLINGS_READ;

const PERIODIC_NAME = /heartbeat|ping|pong|gossip|anti-?entropy|keep-?alive|tick/i;

function asGroups(v: unknown): string[][] | undefined {
  if (!Array.isArray(v)) return undefined;
  if (!v.every((g) => Array.isArray(g) && g.every((x) => typeof x === 'string'))) return undefined;
  return v as string[][];
}

export class TimelineModel {
  readonly trace: Trace;
  /** For a send: its deliver or drop; for a deliver or drop: its send. NONE otherwise. */
  partner: Int32Array = new Int32Array(0);
  /** Interned message type per event (index into `types`), NONE for events without one. */
  typeOf: Int32Array = new Int32Array(0);
  /** Interned data key per event (index into `keys`), NONE when the event touches no key. */
  keyOf: Int32Array = new Int32Array(0);
  marks: Uint8Array = new Uint8Array(0);
  /** What drawing needs of each event's detail (traces/transfer.ts OUTLINE_*): marks, failures, counts. */
  facts: Uint16Array = new Uint16Array(0);
  types: string[] = [];
  keys: string[] = [];
  typeCount: number[] = [];
  periodicTypes = new Set<number>();
  crashes: CrashSpan[] = [];
  network: NetworkSpan[] = [];
  skews: SkewMark[] = [];
  /** Anomalies by the event where they become visible, and every event an anomaly involves. */
  anomaliesAt = new Map<number, Anomaly[]>();
  anomalyInvolved = new Set<number>();
  /** Events sorted by anomaly event, for "next anomaly". */
  anomalyEvents: number[] = [];
  /** Whether positions (times) never decrease with the id; then visible ranges are binary searches. */
  monotonic = true;

  private processed = 0;
  private readonly typeIndex = new Map<string, number>();
  private readonly keyIndex = new Map<string, number>();
  private readonly sendOfMsg = new Map<number, number>();
  private readonly openCrash = new Map<number, CrashSpan>();
  /** Sends per message type, and how many of them a timer caused (to tell periodic traffic). */
  private sendsOfType: number[] = [];
  private timerSendsOfType: number[] = [];

  /**
   * Whether the data keys are known (`keys`, `keyOf`): not while a trace shown from its head waits
   * for its details.
   */
  readonly keysKnown: boolean;
  /** The outline the host computed, used instead of the details for the events it covers. */
  private readonly outline: Uint16Array | undefined;

  constructor(trace: Trace, opts: { outline?: Uint16Array; keys?: boolean } = {}) {
    this.trace = trace;
    this.outline = opts.outline;
    this.keysKnown = opts.keys ?? true;
    this.update();
  }

  get length(): number {
    return this.processed;
  }

  /** Process events appended since the last call; rebuilds from scratch after a truncation. */
  update(): void {
    const t = this.trace;
    if (t.length < this.processed) this.reset();
    const n = t.length;
    if (this.partner.length < n) {
      const cap = Math.max(n, this.partner.length * 2, 1024);
      this.partner = resize(this.partner, cap, NONE);
      this.typeOf = resize(this.typeOf, cap, NONE);
      this.keyOf = resize(this.keyOf, cap, NONE);
      const marks = new Uint8Array(cap);
      marks.set(this.marks);
      this.marks = marks;
      const facts = new Uint16Array(cap);
      facts.set(this.facts);
      this.facts = facts;
    }
    for (let i = this.processed; i < n; i++) this.ingest(i);
    this.processed = n;
    this.indexAnomalies();
    this.classifyPeriodic();
  }

  private reset(): void {
    this.processed = 0;
    this.partner.fill(NONE);
    this.typeOf.fill(NONE);
    this.keyOf.fill(NONE);
    this.marks.fill(0);
    this.facts.fill(0);
    this.types = [];
    this.keys = [];
    this.typeCount = [];
    this.typeIndex.clear();
    this.keyIndex.clear();
    this.sendOfMsg.clear();
    this.openCrash.clear();
    this.sendsOfType = [];
    this.timerSendsOfType = [];
    this.crashes = [];
    this.network = [];
    this.skews = [];
    this.monotonic = true;
  }

  private internType(type: string): number {
    let i = this.typeIndex.get(type);
    if (i === undefined) {
      i = this.types.length;
      this.types.push(type);
      this.typeCount.push(0);
      this.typeIndex.set(type, i);
    }
    return i;
  }

  private internKey(key: string): number {
    let i = this.keyIndex.get(key);
    if (i === undefined) {
      i = this.keys.length;
      this.keys.push(key);
      this.keyIndex.set(key, i);
    }
    return i;
  }

  private ingest(i: number): void {
    const t = this.trace;
    if (i > 0 && t.time(i) < t.time(i - 1)) this.monotonic = false;
    const kind = t.kind(i);
    const actor = t.actorOf(i);
    const message = kind === 'send' || kind === 'deliver' || kind === 'drop';
    // A message event's type and id come from the columns; its detail object (built per call) is
    // only needed for its payload's key.
    let d: EventDetail | undefined;
    if (!message || this.keysKnown) d = t.detail(i);
    if (message) {
      const type = t.msgTypeOf(i);
      if (type !== undefined) {
        const ti = this.internType(type);
        this.typeOf[i] = ti;
        this.typeCount[ti]!++;
      }
    }
    if (this.keysKnown) {
      const key = d?.key ?? d?.op?.dataKey ?? payloadKey(d?.payload);
      if (key !== undefined) this.keyOf[i] = this.internKey(key);
    }
    const outline = this.outline;
    const facts = outline !== undefined && i < outline.length ? outline[i]! : outlineOf(kind, d);
    this.facts[i] = facts;
    this.marks[i] = facts & OUTLINE_MARK;
    switch (kind) {
      case 'send': {
        const msg = t.msgOf(i);
        if (msg !== undefined) this.sendOfMsg.set(msg, i);
        if (this.typeOf[i] !== NONE) this.noteSend(this.typeOf[i]!, t.cause(i));
        break;
      }
      case 'deliver':
      case 'drop': {
        const msg = t.msgOf(i);
        const s = msg !== undefined ? this.sendOfMsg.get(msg) : undefined;
        if (s !== undefined) {
          this.partner[i] = s;
          this.partner[s] = i;
          this.sendOfMsg.delete(msg!);
        }
        break;
      }
      case 'crash': {
        const span: CrashSpan = { actor, start: i, end: NONE, diskLost: d?.detail?.disk === 'lost' };
        this.crashes.push(span);
        this.openCrash.set(actor, span);
        break;
      }
      case 'recover': {
        const span = this.openCrash.get(actor);
        if (span) {
          span.end = i;
          this.openCrash.delete(actor);
        }
        break;
      }
      case 'partition': {
        const groups = asGroups(d?.detail?.groups);
        this.network.push(groups ? { start: i, end: NONE, groups } : { start: i, end: NONE });
        break;
      }
      case 'cut': {
        const from = d?.detail?.from;
        const to = d?.detail?.to;
        const cut = typeof from === 'string' && typeof to === 'string' ? { from, to } : undefined;
        this.network.push(cut ? { start: i, end: NONE, cut } : { start: i, end: NONE });
        break;
      }
      case 'heal': {
        this.heal(i, d?.detail);
        break;
      }
      case 'skew': {
        const node = d?.detail?.node;
        const target = typeof node === 'string' ? t.actorIndex.get(node) : actor;
        const offset = Number(d?.detail?.offset ?? 0);
        const drift = Number(d?.detail?.drift ?? 0);
        this.skews.push({ actor: target ?? actor, event: i, offset: offset || 0, drift: drift || 0 });
        break;
      }
      default:
        break;
    }
  }

  /**
   * `heal` with `links` heals those cuts; with `cut` (the links still cut afterwards, as the
   * simulator records it) ends every span none of whose links remain; with neither, heals all.
   */
  private heal(event: number, detail: Record<string, unknown> | undefined): void {
    // Links come as { from, to } objects or [from, to] pairs (the simulator's `cut` list).
    const asLinks = (v: unknown): { from: string; to: string }[] | undefined => {
      if (!Array.isArray(v)) return undefined;
      const out: { from: string; to: string }[] = [];
      for (const l of v as unknown[]) {
        if (Array.isArray(l) && typeof l[0] === 'string' && typeof l[1] === 'string')
          out.push({ from: l[0], to: l[1] });
        else if (typeof l === 'object' && l !== null) {
          const { from, to } = l as { from?: unknown; to?: unknown };
          if (typeof from === 'string' && typeof to === 'string') out.push({ from, to });
        }
      }
      return out;
    };
    const healed = asLinks(detail?.links);
    const remaining = healed ? undefined : asLinks(detail?.cut);
    const has = (list: { from: string; to: string }[], from: string, to: string): boolean =>
      list.some((l) => l.from === from && l.to === to);
    for (const span of this.network) {
      if (span.end !== NONE) continue;
      let ends = true;
      if (healed) ends = span.cut !== undefined && has(healed, span.cut.from, span.cut.to);
      else if (remaining) {
        if (span.cut) ends = !has(remaining, span.cut.from, span.cut.to);
        else if (span.groups) {
          const g = span.groups;
          ends = !remaining.some((l) => {
            const a = g.findIndex((x) => x.includes(l.from));
            const b = g.findIndex((x) => x.includes(l.to));
            return a >= 0 && b >= 0 && a !== b;
          });
        }
      }
      if (ends) span.end = event;
    }
  }

  private noteSend(type: number, cause: number | undefined): void {
    this.sendsOfType[type] = (this.sendsOfType[type] ?? 0) + 1;
    if (cause !== undefined && this.trace.kind(cause) === 'timer')
      this.timerSendsOfType[type] = (this.timerSendsOfType[type] ?? 0) + 1;
  }

  /**
   * Periodic traffic: message types named like heartbeats or gossip, and types that are (almost)
   * always sent straight from a timer firing, which is how protocols do periodic work. Replies
   * (HeartbeatAck, ...) share the name and follow.
   */
  private classifyPeriodic(): void {
    this.periodicTypes.clear();
    this.types.forEach((name, i) => {
      const sends = this.sendsOfType[i] ?? 0;
      const fromTimer = this.timerSendsOfType[i] ?? 0;
      if (PERIODIC_NAME.test(name) || (sends >= 8 && fromTimer >= 0.9 * sends)) this.periodicTypes.add(i);
    });
  }

  private indexAnomalies(): void {
    this.anomaliesAt.clear();
    this.anomalyInvolved.clear();
    const n = this.processed;
    for (const a of this.trace.anomalies) {
      if (a.event < 0 || a.event >= n) continue;
      const list = this.anomaliesAt.get(a.event);
      if (list) list.push(a);
      else this.anomaliesAt.set(a.event, [a]);
      this.anomalyInvolved.add(a.event);
      for (const r of a.related ?? []) if (r >= 0 && r < n) this.anomalyInvolved.add(r);
    }
    this.anomalyEvents = [...this.anomaliesAt.keys()].sort((a, b) => a - b);
  }

  isPeriodic(event: number): boolean {
    const ti = this.typeOf[event]!;
    if (ti !== NONE) return this.periodicTypes.has(ti);
    if (this.trace.kind(event) === 'timer') {
      const name = this.trace.detail(event)?.timer;
      return name !== undefined && PERIODIC_NAME.test(name);
    }
    return false;
  }

  typeName(event: number): string | undefined {
    const ti = this.typeOf[event]!;
    return ti === NONE ? undefined : this.types[ti];
  }

  /** Whether a response failed (drawn in the drop colour). */
  failed(event: number): boolean {
    return (this.facts[event]! & OUTLINE_FAILED) !== 0;
  }

  /** The number of siblings a conflict or siblings-read mark shows. */
  markCount(event: number): number {
    return this.facts[event]! >> OUTLINE_COUNT_SHIFT;
  }

  keyName(event: number): string | undefined {
    const ki = this.keyOf[event]!;
    return ki === NONE ? undefined : this.keys[ki];
  }

  /** Messages sent at or before `current` and not delivered or dropped by then. */
  isInFlight(send: number, current: number): boolean {
    if (send > current) return false;
    const end = this.partner[send]!;
    return end === NONE || end > current;
  }

  /** The clock skew in force on an actor at an event (the latest skew event up to it). */
  skewAt(actor: number, event: number): SkewMark | undefined {
    let found: SkewMark | undefined;
    for (const s of this.skews) if (s.actor === actor && s.event <= event) found = s;
    return found;
  }

  /** Whether the actor is down (crashed and not yet recovered) just after `event`. */
  isDown(actor: number, event: number): boolean {
    for (const c of this.crashes)
      if (c.actor === actor && c.start <= event && (c.end === NONE || c.end > event)) return true;
    return false;
  }
}

function payloadKey(p: unknown): string | undefined {
  if (typeof p !== 'object' || p === null) return undefined;
  const k = (p as Record<string, unknown>).key;
  return typeof k === 'string' ? k : undefined;
}

function resize(a: Int32Array, size: number, fill: number): Int32Array {
  const b = new Int32Array(size);
  b.fill(fill);
  b.set(a);
  return b;
}

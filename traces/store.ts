import type {
  Actor,
  Anomaly,
  EventKind,
  ExpectationResult,
  Message,
  NodeFinalState,
  TraceEvent,
  TraceHeader,
  TraceStats,
  VersionVector,
} from './types';
import { EVENT_KINDS } from './types';

/**
 * Everything an event carries besides its columns. Send, deliver and drop of one message share one
 * detail object, so a message costs one object however many events mention it.
 */
export type EventDetail = Omit<TraceEvent, 'id' | 'time' | 'actor' | 'kind' | 'vc' | 'cause' | 'line'>;

const KIND_CODE = new Map<EventKind, number>(EVENT_KINDS.map((k, i) => [k, i]));
const NONE = -1;

function grow<T extends Float64Array | Int32Array | Uint32Array | Uint16Array | Uint8Array>(
  array: T,
  size: number,
): T {
  const bigger = new (array.constructor as new (n: number) => T)(size);
  bigger.set(array);
  return bigger;
}

/**
 * A trace held in columns: one typed-array slot per event for time, actor, kind, cause, line and
 * the actor's own clock counter, and an index of each actor's events. Vector clocks are stored
 * compactly: between two receives an actor's clock changes only in its own entry, so a full row is
 * kept only for events that merge another actor's clock (deliveries and the like), and every event
 * points at the latest such row of its actor. Any entry of any event's clock is then O(1), and
 * happens-before and causal-cone queries never rescan the trace.
 */
export class Trace {
  header: TraceHeader;
  readonly actors: Actor[];
  readonly actorIndex = new Map<string, number>();
  anomalies: Anomaly[] = [];
  expectations: ExpectationResult[] = [];
  final: Record<string, NodeFinalState> = {};
  stats: TraceStats = { events: 0, messages: 0, dropped: 0, virtualTime: 0 };
  /** Results of a `sweep`, when the file holds them (TraceFile.sweep). */
  sweep?: unknown;

  protected count = 0;
  protected capacity: number;
  protected times: Float64Array;
  protected actorCol: Uint16Array;
  protected kindCol: Uint8Array;
  protected causeCol: Int32Array;
  protected lineCol: Int32Array;
  /** The event's own entry in its vector clock. */
  protected seqCol: Uint32Array;
  /** Index of the clock row in force for the event (its actor's latest merge), or -1 for none. */
  protected rowCol: Int32Array;
  protected details: (EventDetail | undefined)[] = [];
  /** Message id of send/deliver/drop events recorded with `appendMessageEvent`, or -1. */
  protected msgCol: Int32Array;
  /** Per message (by id): sender and receiver actor indexes, interned type, payload. */
  protected msgFrom: Uint16Array;
  protected msgTo: Uint16Array;
  protected msgType: Uint16Array;
  protected msgPayload: Message[] = [];
  protected messageCount = 0;
  protected readonly typeNames: string[] = [];
  protected readonly typeCodes = new Map<string, number>();
  /** Row-major clock rows: row r's entry for actor a is at r * width + a. */
  protected rows: Uint32Array;
  protected rowCount = 0;
  protected readonly width: number;
  protected perActor: Int32Array[];
  protected perActorCount: Int32Array;

  constructor(header: TraceHeader, initialCapacity = 1024) {
    this.header = header;
    this.actors = header.actors;
    header.actors.forEach((a, i) => {
      this.actorIndex.set(a.id, i);
    });
    this.width = Math.max(1, header.actors.length);
    this.capacity = Math.max(16, initialCapacity);
    this.times = new Float64Array(this.capacity);
    this.actorCol = new Uint16Array(this.capacity);
    this.kindCol = new Uint8Array(this.capacity);
    this.causeCol = new Int32Array(this.capacity);
    this.lineCol = new Int32Array(this.capacity);
    this.seqCol = new Uint32Array(this.capacity);
    this.rowCol = new Int32Array(this.capacity);
    this.msgCol = new Int32Array(this.capacity);
    this.details = new Array(this.capacity);
    this.rows = new Uint32Array(Math.max(16, this.capacity >> 2) * this.width);
    const m = Math.max(16, this.capacity >> 1);
    this.msgFrom = new Uint16Array(m);
    this.msgTo = new Uint16Array(m);
    this.msgType = new Uint16Array(m);
    this.perActor = header.actors.map(() => new Int32Array(64));
    this.perActorCount = new Int32Array(header.actors.length);
  }

  get length(): number {
    return this.count;
  }

  actorId(index: number): string {
    return this.actors[index]!.id;
  }

  time(event: number): number {
    return this.times[event]!;
  }

  /** Index into `actors` of the actor the event happened on. */
  actorOf(event: number): number {
    return this.actorCol[event]!;
  }

  kind(event: number): EventKind {
    return EVENT_KINDS[this.kindCol[event]!]!;
  }

  cause(event: number): number | undefined {
    const c = this.causeCol[event]!;
    return c === NONE ? undefined : c;
  }

  line(event: number): number | undefined {
    const l = this.lineCol[event]!;
    return l === NONE ? undefined : l;
  }

  /** Everything but the columns. Message events get a fresh object each call (id, from, to, type, payload). */
  detail(event: number): EventDetail | undefined {
    const m = this.msgCol[event]!;
    if (m === NONE) return this.details[event];
    const d: EventDetail = {
      msg: m,
      from: this.actors[this.msgFrom[m]!]!.id,
      to: this.actors[this.msgTo[m]!]!.id,
      type: this.typeNames[this.msgType[m]!]!,
      payload: this.msgPayload[m]!,
    };
    const extra = this.details[event];
    return extra ? Object.assign(d, extra) : d;
  }

  /** The message id of a send, deliver or drop event, if it has one. */
  msgOf(event: number): number | undefined {
    const m = this.msgCol[event]!;
    if (m !== NONE) return m;
    return this.details[event]?.msg;
  }

  /** The message type of a send, deliver or drop event, without building its detail. */
  msgTypeOf(event: number): string | undefined {
    const m = this.msgCol[event]!;
    if (m !== NONE) return this.typeNames[this.msgType[m]!];
    return this.details[event]?.type;
  }

  /** Number of messages registered with `registerMessage`. */
  get messages(): number {
    return this.messageCount;
  }

  message(msg: number): { from: string; to: string; type: string; payload: Message } {
    return {
      from: this.actors[this.msgFrom[msg]!]!.id,
      to: this.actors[this.msgTo[msg]!]!.id,
      type: this.typeNames[this.msgType[msg]!]!,
      payload: this.msgPayload[msg]!,
    };
  }

  /** The event's own counter (its 1-based position among its actor's events, unless imported clocks skip). */
  seq(event: number): number {
    return this.seqCol[event]!;
  }

  vcEntry(event: number, actor: number): number {
    if (actor === this.actorCol[event]) return this.seqCol[event]!;
    const row = this.rowCol[event]!;
    return row === NONE ? 0 : this.rows[row * this.width + actor]!;
  }

  vc(event: number): VersionVector {
    const out: VersionVector = {};
    for (let a = 0; a < this.actors.length; a++) {
      const v = this.vcEntry(event, a);
      if (v !== 0) out[this.actors[a]!.id] = v;
    }
    return out;
  }

  /** Number of events on an actor. */
  actorEventCount(actor: number): number {
    return this.perActorCount[actor]!;
  }

  /** The id of the actor's n-th event (0-based). */
  actorEvent(actor: number, n: number): number {
    return this.perActor[actor]![n]!;
  }

  /** Position (0-based) of an event among its actor's events. */
  positionOnActor(event: number): number {
    const list = this.perActor[this.actorCol[event]!]!;
    let lo = 0;
    let hi = this.perActorCount[this.actorCol[event]!]! - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]! < event) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The event that precedes this one on the same actor, if any. */
  previousOnActor(event: number): number | undefined {
    const p = this.positionOnActor(event);
    return p > 0 ? this.perActor[this.actorCol[event]!]![p - 1] : undefined;
  }

  event(id: number): TraceEvent {
    if (id < 0 || id >= this.count) throw new RangeError(`no event ${id}: the trace has ${this.count}`);
    const e: TraceEvent = {
      id,
      time: this.times[id]!,
      actor: this.actors[this.actorCol[id]!]!.id,
      kind: this.kind(id),
      vc: this.vc(id),
    };
    const cause = this.causeCol[id]!;
    if (cause !== NONE) e.cause = cause;
    const line = this.lineCol[id]!;
    if (line !== NONE) e.line = line;
    const d = this.detail(id);
    if (d) Object.assign(e, d);
    return e;
  }

  *events(from = 0, to = this.count): IterableIterator<TraceEvent> {
    for (let i = from; i < to; i++) yield this.event(i);
  }

  /** Bytes held by the columns and clock rows (not counting detail objects). */
  columnBytes(): number {
    let perActor = 0;
    for (const a of this.perActor) perActor += a.byteLength;
    return (
      this.times.byteLength +
      this.actorCol.byteLength +
      this.kindCol.byteLength +
      this.causeCol.byteLength +
      this.lineCol.byteLength +
      this.seqCol.byteLength +
      this.rowCol.byteLength +
      this.rows.byteLength +
      this.msgCol.byteLength +
      this.msgFrom.byteLength * 3 +
      this.msgPayload.length * 8 +
      perActor +
      this.details.length * 8
    );
  }
}

/**
 * Appends events to a Trace, computing each one's vector clock from its actor's previous event and
 * its cause: own entry + 1, merged with the cause's clock when the cause is on another actor.
 */
export class TraceRecorder extends Trace {
  /**
   * Record an event; returns its id. `cause` may be on any actor; its clock is merged in.
   * `vc` forces a given clock (used by importers whose logs carry their own clocks).
   */
  append(
    time: number,
    actor: number,
    kind: EventKind,
    cause: number | undefined,
    line: number | undefined,
    detail?: EventDetail,
    vc?: VersionVector,
  ): number {
    const id = this.count;
    if (id === this.capacity) this.enlarge();
    this.times[id] = time;
    this.actorCol[id] = actor;
    this.kindCol[id] = KIND_CODE.get(kind)!;
    this.causeCol[id] = cause === undefined ? NONE : cause;
    this.lineCol[id] = line === undefined ? NONE : line;
    this.msgCol[id] = NONE;
    if (detail !== undefined) this.details[id] = detail;
    else this.details[id] = undefined;

    const n = this.perActorCount[actor]!;
    const prev = n > 0 ? this.perActor[actor]![n - 1]! : NONE;
    if (vc) {
      const row = this.newRow();
      const base = row * this.width;
      for (let a = 0; a < this.actors.length; a++) this.rows[base + a] = vc[this.actors[a]!.id] ?? 0;
      this.rowCol[id] = row;
      this.seqCol[id] = vc[this.actors[actor]!.id] ?? 0;
    } else {
      this.seqCol[id] = n + 1;
      const merges = cause !== undefined && cause !== NONE && this.actorCol[cause] !== actor;
      if (!merges) {
        this.rowCol[id] = prev === NONE ? NONE : this.rowCol[prev]!;
      } else {
        const w = this.width;
        const row = this.newRow();
        const rows = this.rows;
        const base = row * w;
        const mine = prev === NONE ? NONE : this.rowCol[prev]!;
        if (mine !== NONE) rows.copyWithin(base, mine * w, mine * w + w);
        const theirs = this.rowCol[cause]!;
        if (theirs !== NONE) {
          const t = theirs * w;
          for (let a = 0; a < w; a++) {
            const v = rows[t + a]!;
            if (v > rows[base + a]!) rows[base + a] = v;
          }
        }
        const causeActor = this.actorCol[cause]!;
        const causeSeq = this.seqCol[cause]!;
        if (causeSeq > rows[base + causeActor]!) rows[base + causeActor] = causeSeq;
        rows[base + actor] = n + 1;
        this.rowCol[id] = row;
      }
    }
    let list = this.perActor[actor]!;
    if (n === list.length) {
      list = grow(list, Math.max(16, Math.ceil(list.length * 1.5)));
      this.perActor[actor] = list;
    }
    list[n] = id;
    this.perActorCount[actor] = n + 1;
    this.count = id + 1;
    return id;
  }

  /**
   * Register a message once; its send, deliver and drop events then refer to it by id and carry no
   * detail object of their own. Both actors must be in the trace's actor list.
   */
  registerMessage(from: number, to: number, type: string, payload: Message): number {
    const m = this.messageCount;
    if (m === this.msgFrom.length) {
      const size = Math.max(16, Math.ceil(m * 1.5));
      this.msgFrom = grow(this.msgFrom, size);
      this.msgTo = grow(this.msgTo, size);
      this.msgType = grow(this.msgType, size);
    }
    let code = this.typeCodes.get(type);
    if (code === undefined) {
      code = this.typeNames.length;
      this.typeNames.push(type);
      this.typeCodes.set(type, code);
    }
    this.msgFrom[m] = from;
    this.msgTo[m] = to;
    this.msgType[m] = code;
    this.msgPayload.push(payload);
    this.messageCount = m + 1;
    return m;
  }

  /** Record a send, deliver or drop of a registered message; `extra` holds e.g. a drop's reason. */
  appendMessageEvent(
    time: number,
    actor: number,
    kind: 'send' | 'deliver' | 'drop',
    cause: number | undefined,
    line: number | undefined,
    msg: number,
    extra?: EventDetail,
  ): number {
    const id = this.append(time, actor, kind, cause, line, extra);
    this.msgCol[id] = msg;
    return id;
  }

  /** Replace the detail of an event already recorded (e.g. a drop reason found at delivery time). */
  setDetail(event: number, detail: EventDetail): void {
    this.details[event] = detail;
  }

  /** Forget every event from `length` on (used when a run forks from an earlier point). */
  truncate(length: number): void {
    if (length >= this.count) return;
    let rowsInUse = 0;
    for (let a = 0; a < this.actors.length; a++) {
      const list = this.perActor[a]!;
      let n = this.perActorCount[a]!;
      while (n > 0 && list[n - 1]! >= length) n--;
      this.perActorCount[a] = n;
      if (n > 0) rowsInUse = Math.max(rowsInUse, this.rowCol[list[n - 1]!]! + 1);
    }
    this.rowCount = rowsInUse;
    let messages = 0;
    for (let e = 0; e < length; e++) if (this.msgCol[e]! >= messages) messages = this.msgCol[e]! + 1;
    this.messageCount = messages;
    this.msgPayload.length = messages;
    this.details.fill(undefined, length, this.count);
    this.count = length;
  }

  /**
   * Release the slack that growth left in every column, so a finished trace holds exactly what it
   * stores. Appending afterwards still works (the columns grow again).
   */
  compact(): void {
    const n = this.count;
    this.times = this.times.slice(0, n);
    this.actorCol = this.actorCol.slice(0, n);
    this.kindCol = this.kindCol.slice(0, n);
    this.causeCol = this.causeCol.slice(0, n);
    this.lineCol = this.lineCol.slice(0, n);
    this.seqCol = this.seqCol.slice(0, n);
    this.rowCol = this.rowCol.slice(0, n);
    this.msgCol = this.msgCol.slice(0, n);
    this.details = this.details.slice(0, n);
    this.capacity = n;
    this.rows = this.rows.slice(0, this.rowCount * this.width);
    const m = this.messageCount;
    this.msgFrom = this.msgFrom.slice(0, m);
    this.msgTo = this.msgTo.slice(0, m);
    this.msgType = this.msgType.slice(0, m);
    this.perActor = this.perActor.map((list, a) => list.slice(0, this.perActorCount[a]!));
  }

  private newRow(): number {
    if ((this.rowCount + 1) * this.width > this.rows.length)
      this.rows = grow(this.rows, this.rows.length * 2);
    return this.rowCount++;
  }

  private enlarge(): void {
    const size = Math.max(16, Math.ceil(this.capacity * 1.5));
    const details = new Array<EventDetail | undefined>(size);
    for (let i = 0; i < this.count; i++) details[i] = this.details[i];
    this.details = details;
    this.msgCol = grow(this.msgCol, size);
    this.times = grow(this.times, size);
    this.actorCol = grow(this.actorCol, size);
    this.kindCol = grow(this.kindCol, size);
    this.causeCol = grow(this.causeCol, size);
    this.lineCol = grow(this.lineCol, size);
    this.seqCol = grow(this.seqCol, size);
    this.rowCol = grow(this.rowCol, size);
    this.capacity = size;
  }
}

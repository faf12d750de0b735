import type {
  Actor,
  Anomaly,
  EventKind,
  ExpectationResult,
  Message,
  NodeFinalState,
  OpInfo,
  OpResult,
  Sibling,
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
// The codes of the kinds recorded most, looked up once rather than per event.
const REQUEST_CODE = KIND_CODE.get('request')!;
const RESPONSE_CODE = KIND_CODE.get('response')!;
const STATE_CODE = KIND_CODE.get('state')!;
const MESSAGE_CODES = {
  send: KIND_CODE.get('send')!,
  deliver: KIND_CODE.get('deliver')!,
  drop: KIND_CODE.get('drop')!,
};
const NONE = -1;
/** The line column starts 16 bits wide, with this for "no line", and widens on the first line beyond. */
const NO_LINE_16 = 0xffff;

// Side tables a non-message event's detail can live in (see `refCol`).
const GENERIC = 0;
const REQUEST = 1;
const RESPONSE = 2;
const DATA = 3;

function grow<T extends Float64Array | Int32Array | Uint32Array | Uint16Array | Uint8Array>(
  array: T,
  size: number,
): T {
  const bigger = new (array.constructor as new (n: number) => T)(size);
  bigger.set(array);
  return bigger;
}

/**
 * Everything a trace stores, exactly as the store holds it (for `Trace.columns` and
 * `Trace.fromColumns`: the compact transfer of a trace to a webview). Typed arrays are views of
 * exactly `length` (events), `rowCount * width`, light-record, and message slots; each actor's event
 * index and clock are not included, as they follow from the columns.
 */
export interface TraceColumns {
  times: Float64Array;
  actorCol: Uint16Array;
  kindCol: Uint8Array;
  causeCol: Int32Array;
  /** 16 bits (0xffff for no line) or 32 (-1 for no line). */
  lineCol: Uint16Array | Int32Array;
  seqCol: Uint32Array;
  rowCol: Int32Array;
  refCol: Int32Array;
  rows: Uint32Array;
  lightBase: Int32Array;
  lightActor: Uint16Array;
  lightValue: Uint32Array;
  msgFrom: Uint16Array;
  msgTo: Uint16Array;
  msgType: Uint16Array;
  typeNames: string[];
  msgPayload: Message[];
  detailList: EventDetail[];
  requestOps: OpInfo[];
  responseOps: OpInfo[];
  responseResults: OpResult[];
  dataKeys: string[];
  dataBefore: Sibling[][];
  dataAfter: Sibling[][];
  /** Extra detail of message events (a drop's reason), by event id, in ascending order. */
  messageExtras: [number, EventDetail][];
}

/**
 * A trace held in columns: one typed-array slot per event for time, actor, kind, cause, line and
 * the actor's own clock counter, and an index of each actor's events. Vector clocks are stored
 * compactly: between two receives an actor's clock changes only in its own entry, so every event
 * points at its actor's clock as of its latest merge of another actor's clock (a delivery and the
 * like). That clock is a full row, or — most merges only raise the sender's entry — a light record:
 * one full row plus one entry that differs. Any entry of any event's clock is then O(1), and
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
  /** 16 bits wide (NO_LINE_16 for none) until a line needs more, then 32 (NONE for none). */
  protected lineCol: Uint16Array | Int32Array;
  protected noLine: number = NO_LINE_16;
  /** The event's own entry in its vector clock. */
  protected seqCol: Uint32Array;
  /**
   * The clock in force for the event (its actor's as of its latest merge): a full row index (>= 0),
   * `-2 - i` for light record `i`, or -1 for none (every other entry is 0).
   */
  protected rowCol: Int32Array;
  /** Light records: a full row (or -1), and the one entry that differs from it. */
  protected lightBase: Int32Array;
  protected lightActor: Uint16Array;
  protected lightValue: Uint32Array;
  protected lightCount = 0;
  /**
   * What else the event carries, in one column: a registered message's id (>= 0) for send, deliver
   * and drop events recorded with `appendMessageEvent`; -1 for nothing; otherwise `-2 - r` where
   * `r & 3` names a side table and `r >>> 2` the row in it. Most events are message events, so a
   * per-event pointer slot would mostly be empty; and requests, responses and data changes keep
   * their parts in parallel arrays rather than one object each, building that object on demand.
   */
  protected refCol: Int32Array;
  protected detailList: EventDetail[] = [];
  protected requestOps: OpInfo[] = [];
  protected responseOps: OpInfo[] = [];
  protected responseResults: OpResult[] = [];
  protected dataKeys: string[] = [];
  protected dataBefore: Sibling[][] = [];
  protected dataAfter: Sibling[][] = [];
  /** Extra detail of message events (a drop's reason), by event id: rare, so kept aside. */
  protected messageExtras = new Map<number, EventDetail>();
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
  /**
   * Each actor's event ids in order, built on first use and extended as events arrive (a run being
   * recorded never asks, so appending does not pay for it): `perActor[a]` holds `perActorListed[a]`
   * ids, covering every event below `perActorIndexed`.
   */
  protected perActor: Int32Array[];
  protected perActorListed: Int32Array;
  protected perActorIndexed = 0;
  protected perActorCount: Int32Array;
  /** Each actor's clock as of its latest event, as `rowCol` refers to it (what its next event starts from). */
  protected actorClock: Int32Array;

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
    this.lineCol = new Uint16Array(this.capacity);
    this.seqCol = new Uint32Array(this.capacity);
    this.rowCol = new Int32Array(this.capacity);
    this.refCol = new Int32Array(this.capacity);
    this.rows = new Uint32Array(Math.max(16, this.capacity >> 4) * this.width);
    const lights = Math.max(16, this.capacity >> 2);
    this.lightBase = new Int32Array(lights);
    this.lightActor = new Uint16Array(lights);
    this.lightValue = new Uint32Array(lights);
    const m = Math.max(16, this.capacity >> 1);
    this.msgFrom = new Uint16Array(m);
    this.msgTo = new Uint16Array(m);
    this.msgType = new Uint16Array(m);
    this.perActor = header.actors.map(() => new Int32Array(16));
    this.perActorListed = new Int32Array(header.actors.length);
    this.perActorCount = new Int32Array(header.actors.length);
    this.actorClock = new Int32Array(header.actors.length).fill(NONE);
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
    return l === this.noLine ? undefined : l;
  }

  /** Everything but the columns. Message events get a fresh object each call (id, from, to, type, payload). */
  detail(event: number): EventDetail | undefined {
    const m = this.refCol[event]!;
    if (m < NONE) {
      const r = -2 - m;
      const i = r >>> 2;
      switch (r & 3) {
        case GENERIC:
          return this.detailList[i];
        case REQUEST:
          return { op: this.requestOps[i]! };
        case RESPONSE:
          return { op: this.responseOps[i]!, result: this.responseResults[i]! };
        default:
          return { key: this.dataKeys[i]!, before: this.dataBefore[i]!, after: this.dataAfter[i]! };
      }
    }
    if (m === NONE) return undefined;
    const d: EventDetail = {
      msg: m,
      from: this.actors[this.msgFrom[m]!]!.id,
      to: this.actors[this.msgTo[m]!]!.id,
      type: this.typeNames[this.msgType[m]!]!,
      payload: this.msgPayload[m]!,
    };
    const extra = this.messageExtras.get(event);
    return extra ? Object.assign(d, extra) : d;
  }

  /** The message id of a send, deliver or drop event, if it has one. */
  msgOf(event: number): number | undefined {
    const m = this.refCol[event]!;
    if (m >= 0) return m;
    return this.genericDetail(m)?.msg;
  }

  /** The message type of a send, deliver or drop event, without building its detail. */
  msgTypeOf(event: number): string | undefined {
    const m = this.refCol[event]!;
    if (m >= 0) return this.typeNames[this.msgType[m]!];
    return this.genericDetail(m)?.type;
  }

  private genericDetail(ref: number): EventDetail | undefined {
    if (ref >= NONE) return undefined;
    const r = -2 - ref;
    return (r & 3) === GENERIC ? this.detailList[r >>> 2] : undefined;
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
    return this.clockEntry(this.rowCol[event]!, actor);
  }

  /** Entry `actor` of a clock as `rowCol` refers to it. */
  protected clockEntry(ref: number, actor: number): number {
    if (ref >= 0) return this.rows[ref * this.width + actor]!;
    if (ref === NONE) return 0;
    const i = -2 - ref;
    if (this.lightActor[i] === actor) return this.lightValue[i]!;
    const base = this.lightBase[i]!;
    return base === NONE ? 0 : this.rows[base * this.width + actor]!;
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
    if (this.perActorIndexed < this.count) this.indexActors();
    return this.perActor[actor]![n]!;
  }

  /** Brings every actor's list of events up to the last event appended. */
  protected indexActors(): void {
    const listed = this.perActorListed;
    for (let e = this.perActorIndexed; e < this.count; e++) {
      const a = this.actorCol[e]!;
      let list = this.perActor[a]!;
      const n = listed[a]!;
      if (n === list.length) {
        list = grow(list, larger(Math.max(list.length, this.perActorCount[a]! - n)));
        this.perActor[a] = list;
      }
      list[n] = e;
      listed[a] = n + 1;
    }
    this.perActorIndexed = this.count;
  }

  /** Position (0-based) of an event among its actor's events. */
  positionOnActor(event: number): number {
    if (this.perActorIndexed < this.count) this.indexActors();
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
    // positionOnActor brings the lists up to date.
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
    if (line !== this.noLine) e.line = line;
    const d = this.detail(id);
    if (d) Object.assign(e, d);
    return e;
  }

  *events(from = 0, to = this.count): IterableIterator<TraceEvent> {
    for (let i = from; i < to; i++) yield this.event(i);
  }

  /**
   * The store's columns and side tables as they are (views of the used part of each column, the
   * side-table arrays themselves: nothing is copied, so the caller must not change them).
   */
  columns(): TraceColumns {
    const n = this.count;
    const m = this.messageCount;
    const l = this.lightCount;
    return {
      times: this.times.subarray(0, n),
      actorCol: this.actorCol.subarray(0, n),
      kindCol: this.kindCol.subarray(0, n),
      causeCol: this.causeCol.subarray(0, n),
      lineCol: this.lineCol.subarray(0, n),
      seqCol: this.seqCol.subarray(0, n),
      rowCol: this.rowCol.subarray(0, n),
      refCol: this.refCol.subarray(0, n),
      rows: this.rows.subarray(0, this.rowCount * this.width),
      lightBase: this.lightBase.subarray(0, l),
      lightActor: this.lightActor.subarray(0, l),
      lightValue: this.lightValue.subarray(0, l),
      msgFrom: this.msgFrom.subarray(0, m),
      msgTo: this.msgTo.subarray(0, m),
      msgType: this.msgType.subarray(0, m),
      typeNames: this.typeNames,
      msgPayload: this.msgPayload,
      detailList: this.detailList,
      requestOps: this.requestOps,
      responseOps: this.responseOps,
      responseResults: this.responseResults,
      dataKeys: this.dataKeys,
      dataBefore: this.dataBefore,
      dataAfter: this.dataAfter,
      messageExtras: [...this.messageExtras],
    };
  }

  /**
   * A trace made of columns another trace's `columns()` gave (after a transfer). The columns are
   * adopted, not copied. They must be consistent — `traces/transfer.ts` checks them before calling
   * this — as no query checks its indexes. Each actor's event index and clock are rebuilt.
   */
  static fromColumns<T extends Trace>(
    this: new (
      header: TraceHeader,
      initialCapacity?: number,
    ) => T,
    header: TraceHeader,
    c: TraceColumns,
  ): T {
    const t = new this(header, 16);
    t.adoptColumns(c);
    return t;
  }

  private adoptColumns(c: TraceColumns): void {
    const n = c.times.length;
    this.count = n;
    this.capacity = n;
    this.times = c.times;
    this.actorCol = c.actorCol;
    this.kindCol = c.kindCol;
    this.causeCol = c.causeCol;
    this.lineCol = c.lineCol;
    this.noLine = c.lineCol instanceof Uint16Array ? NO_LINE_16 : NONE;
    this.seqCol = c.seqCol;
    this.rowCol = c.rowCol;
    this.refCol = c.refCol;
    this.rows = c.rows;
    this.rowCount = c.rows.length / this.width;
    this.lightBase = c.lightBase;
    this.lightActor = c.lightActor;
    this.lightValue = c.lightValue;
    this.lightCount = c.lightBase.length;
    this.msgFrom = c.msgFrom;
    this.msgTo = c.msgTo;
    this.msgType = c.msgType;
    this.messageCount = c.msgFrom.length;
    this.msgPayload = c.msgPayload;
    this.typeNames.length = 0;
    this.typeCodes.clear();
    for (const name of c.typeNames) {
      this.typeCodes.set(name, this.typeNames.length);
      this.typeNames.push(name);
    }
    this.detailList = c.detailList;
    this.requestOps = c.requestOps;
    this.responseOps = c.responseOps;
    this.responseResults = c.responseResults;
    this.dataKeys = c.dataKeys;
    this.dataBefore = c.dataBefore;
    this.dataAfter = c.dataAfter;
    this.messageExtras = new Map(c.messageExtras);
    // Each actor's events in order, and its clock as of its latest event (what its next one starts from).
    const actors = this.actors.length;
    const counts = new Int32Array(actors);
    for (let e = 0; e < n; e++) counts[c.actorCol[e]!]!++;
    this.perActor = Array.from({ length: actors }, (_, a) => new Int32Array(Math.max(16, counts[a]!)));
    this.perActorCount = new Int32Array(actors);
    this.actorClock = new Int32Array(actors).fill(NONE);
    for (let e = 0; e < n; e++) {
      const a = c.actorCol[e]!;
      this.perActor[a]![this.perActorCount[a]!++] = e;
      this.actorClock[a] = c.rowCol[e]!;
    }
    this.perActorListed = this.perActorCount.slice();
    this.perActorIndexed = n;
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
      this.lightBase.byteLength +
      this.lightActor.byteLength +
      this.lightValue.byteLength +
      this.refCol.byteLength +
      this.msgFrom.byteLength * 3 +
      this.msgPayload.length * 8 +
      perActor +
      (this.detailList.length +
        this.requestOps.length +
        this.responseOps.length * 2 +
        this.dataKeys.length * 3) *
        8
    );
  }
}

/**
 * Appends events to a Trace, computing each one's vector clock from its actor's previous event and
 * its cause: own entry + 1, merged with the cause's clock when the cause is on another actor.
 */
export class TraceRecorder extends Trace {
  /** The clock a merge computes, before it is known whether it needs a full row. */
  private readonly mergeScratch = new Uint32Array(this.width);

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
    const id = this.appendColumns(time, actor, KIND_CODE.get(kind)!, cause, line, vc);
    if (detail !== undefined) this.refCol[id] = this.addGeneric(detail);
    return id;
  }

  /** A client's request: the same event as `append(..., { op })`, stored without the wrapper. */
  appendRequest(
    time: number,
    actor: number,
    cause: number | undefined,
    line: number | undefined,
    op: OpInfo,
  ): number {
    const id = this.appendColumns(time, actor, REQUEST_CODE, cause, line, undefined);
    this.refCol[id] = sideRef(REQUEST, this.requestOps.length);
    this.requestOps.push(op);
    return id;
  }

  /** A response: the same event as `append(..., { op, result })`, stored without the wrapper. */
  appendResponse(
    time: number,
    actor: number,
    cause: number | undefined,
    line: number | undefined,
    op: OpInfo,
    result: OpResult,
  ): number {
    const id = this.appendColumns(time, actor, RESPONSE_CODE, cause, line, undefined);
    this.refCol[id] = sideRef(RESPONSE, this.responseOps.length);
    this.responseOps.push(op);
    this.responseResults.push(result);
    return id;
  }

  /** A change of a key's values: the same event as `append(..., { key, before, after })`. */
  appendData(
    time: number,
    actor: number,
    cause: number | undefined,
    line: number | undefined,
    key: string,
    before: Sibling[],
    after: Sibling[],
  ): number {
    const id = this.appendColumns(time, actor, STATE_CODE, cause, line, undefined);
    this.refCol[id] = sideRef(DATA, this.dataKeys.length);
    this.dataKeys.push(key);
    this.dataBefore.push(before);
    this.dataAfter.push(after);
    return id;
  }

  private addGeneric(detail: EventDetail): number {
    const ref = sideRef(GENERIC, this.detailList.length);
    this.detailList.push(detail);
    return ref;
  }

  /** Every column of a new event but its detail (`refCol` is left at "none"). */
  private appendColumns(
    time: number,
    actor: number,
    kindCode: number,
    cause: number | undefined,
    line: number | undefined,
    vc: VersionVector | undefined,
  ): number {
    const id = this.count;
    if (id === this.capacity) this.enlarge();
    this.times[id] = time;
    this.actorCol[id] = actor;
    this.kindCol[id] = kindCode;
    this.causeCol[id] = cause === undefined ? NONE : cause;
    if (line === undefined) this.lineCol[id] = this.noLine;
    else {
      if (line >= this.noLine && this.noLine === NO_LINE_16) this.widenLines();
      this.lineCol[id] = line;
    }
    this.refCol[id] = NONE;

    const n = this.perActorCount[actor]!;
    if (vc) {
      const row = this.newRow();
      const base = row * this.width;
      for (let a = 0; a < this.actors.length; a++) this.rows[base + a] = vc[this.actors[a]!.id] ?? 0;
      this.rowCol[id] = row;
      this.actorClock[actor] = row;
      this.seqCol[id] = vc[this.actors[actor]!.id] ?? 0;
    } else {
      this.seqCol[id] = n + 1;
      const mine = this.actorClock[actor]!;
      if (cause === undefined || cause === NONE || this.actorCol[cause] === actor) this.rowCol[id] = mine;
      else this.actorClock[actor] = this.rowCol[id] = this.mergedClock(actor, n + 1, mine, cause);
    }
    this.perActorCount[actor] = n + 1;
    this.count = id + 1;
    return id;
  }

  /**
   * The clock of an event of `actor` (its `seq`-th) that merges `cause`'s clock into its own
   * (`mine`, as `rowCol` refers to it). Reuses the actor's full row when nothing but its own entry
   * changes, records a light record when one entry does, and only otherwise writes a full row.
   */
  private mergedClock(actor: number, seq: number, mine: number, cause: number): number {
    const w = this.width;
    const rows = this.rows;
    const causeActor = this.actorCol[cause]!;
    const causeSeq = this.seqCol[cause]!;
    // Each clock as a full row (or none) plus at most one overriding entry; `mine`'s row is the base
    // the result is compared with.
    let base = mine;
    let mineActor = -1;
    let mineValue = 0;
    if (mine < NONE) {
      base = this.lightBase[-2 - mine]!;
      mineActor = this.lightActor[-2 - mine]!;
      mineValue = this.lightValue[-2 - mine]!;
    }
    const theirs = this.rowCol[cause]!;
    let theirBase = theirs;
    let theirActor = -1;
    let theirValue = 0;
    if (theirs < NONE) {
      theirBase = this.lightBase[-2 - theirs]!;
      theirActor = this.lightActor[-2 - theirs]!;
      theirValue = this.lightValue[-2 - theirs]!;
    }
    const baseStart = base * w;
    const theirStart = theirBase * w;
    const merged = this.mergeScratch;
    let diffs = 0;
    let diffActor = 0;
    let diffValue = 0;
    for (let a = 0; a < w; a++) {
      if (a === actor) {
        merged[a] = seq;
        continue;
      }
      const b = base === NONE ? 0 : rows[baseStart + a]!;
      const m = a === mineActor ? mineValue : b;
      let t: number;
      if (a === causeActor) t = causeSeq;
      else if (a === theirActor) t = theirValue;
      else t = theirBase === NONE ? 0 : rows[theirStart + a]!;
      const v = t > m ? t : m;
      merged[a] = v;
      if (v !== b) {
        diffs++;
        diffActor = a;
        diffValue = v;
      }
    }
    if (diffs === 0) return base;
    if (diffs === 1) {
      const i = this.newLight();
      this.lightBase[i] = base;
      this.lightActor[i] = diffActor;
      this.lightValue[i] = diffValue;
      return -2 - i;
    }
    const row = this.newRow();
    this.rows.set(merged, row * w);
    return row;
  }

  /**
   * Register a message once; its send, deliver and drop events then refer to it by id and carry no
   * detail object of their own. Both actors must be in the trace's actor list.
   */
  registerMessage(from: number, to: number, type: string, payload: Message): number {
    const m = this.messageCount;
    if (m === this.msgFrom.length) {
      const size = larger(m);
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
    const id = this.appendColumns(time, actor, MESSAGE_CODES[kind], cause, line, undefined);
    this.refCol[id] = msg;
    if (extra) this.messageExtras.set(id, extra);
    return id;
  }

  /** Replace the detail of an event already recorded (e.g. a drop reason found at delivery time). */
  setDetail(event: number, detail: EventDetail): void {
    const ref = this.refCol[event]!;
    if (ref >= 0) this.messageExtras.set(event, detail);
    else if (ref < NONE && ((-2 - ref) & 3) === GENERIC) this.detailList[(-2 - ref) >>> 2] = detail;
    else this.refCol[event] = this.addGeneric(detail);
  }

  /** Forget every event from `length` on (used when a run forks from an earlier point). */
  truncate(length: number): void {
    if (length >= this.count) return;
    if (this.perActorIndexed < this.count) this.indexActors();
    let rowsInUse = 0;
    let lightsInUse = 0;
    for (let a = 0; a < this.actors.length; a++) {
      const list = this.perActor[a]!;
      let n = this.perActorCount[a]!;
      while (n > 0 && list[n - 1]! >= length) n--;
      this.perActorCount[a] = n;
      this.perActorListed[a] = n;
      this.actorClock[a] = n === 0 ? NONE : this.rowCol[list[n - 1]!]!;
      if (n === 0) continue;
      let ref = this.actorClock[a]!;
      if (ref < NONE) {
        lightsInUse = Math.max(lightsInUse, -1 - ref);
        ref = this.lightBase[-2 - ref]!;
      }
      if (ref >= 0) rowsInUse = Math.max(rowsInUse, ref + 1);
    }
    this.rowCount = rowsInUse;
    this.lightCount = lightsInUse;
    let messages = 0;
    const inUse = [0, 0, 0, 0];
    for (let e = 0; e < length; e++) {
      const ref = this.refCol[e]!;
      if (ref >= messages) messages = ref + 1;
      else if (ref < NONE) {
        const r = -2 - ref;
        inUse[r & 3] = Math.max(inUse[r & 3]!, (r >>> 2) + 1);
      }
    }
    this.messageCount = messages;
    this.msgPayload.length = messages;
    this.detailList.length = inUse[GENERIC]!;
    this.requestOps.length = inUse[REQUEST]!;
    this.responseOps.length = inUse[RESPONSE]!;
    this.responseResults.length = inUse[RESPONSE]!;
    this.dataKeys.length = inUse[DATA]!;
    this.dataBefore.length = inUse[DATA]!;
    this.dataAfter.length = inUse[DATA]!;
    for (const e of [...this.messageExtras.keys()]) if (e >= length) this.messageExtras.delete(e);
    this.count = length;
    this.perActorIndexed = length;
  }

  /**
   * Release the slack that growth left in every column, so a finished trace holds exactly what it
   * stores. Appending afterwards still works (the columns grow again).
   */
  compact(): void {
    // A column with little slack (under an eighth) is kept: copying a million-event trace to save a
    // few percent costs more than it saves.
    const n = this.count;
    if (roomy(this.capacity, n)) {
      this.times = this.times.slice(0, n);
      this.actorCol = this.actorCol.slice(0, n);
      this.kindCol = this.kindCol.slice(0, n);
      this.causeCol = this.causeCol.slice(0, n);
      this.lineCol = this.lineCol.slice(0, n);
      this.seqCol = this.seqCol.slice(0, n);
      this.rowCol = this.rowCol.slice(0, n);
      this.refCol = this.refCol.slice(0, n);
      this.capacity = n;
    }
    if (roomy(this.rows.length, this.rowCount * this.width))
      this.rows = this.rows.slice(0, this.rowCount * this.width);
    const l = this.lightCount;
    if (roomy(this.lightBase.length, l)) {
      this.lightBase = this.lightBase.slice(0, l);
      this.lightActor = this.lightActor.slice(0, l);
      this.lightValue = this.lightValue.slice(0, l);
    }
    const m = this.messageCount;
    if (roomy(this.msgFrom.length, m)) {
      this.msgFrom = this.msgFrom.slice(0, m);
      this.msgTo = this.msgTo.slice(0, m);
      this.msgType = this.msgType.slice(0, m);
    }
    // Lists not built yet stay unbuilt: they are made when first asked for.
    this.perActor = this.perActor.map((list, a) =>
      roomy(list.length, this.perActorListed[a]!) ? list.slice(0, this.perActorListed[a]!) : list,
    );
    // Arrays that grew by pushing keep spare capacity: copies hold exactly their elements.
    this.msgPayload = this.msgPayload.slice();
    this.detailList = this.detailList.slice();
    this.requestOps = this.requestOps.slice();
    this.responseOps = this.responseOps.slice();
    this.responseResults = this.responseResults.slice();
    this.dataKeys = this.dataKeys.slice();
    this.dataBefore = this.dataBefore.slice();
    this.dataAfter = this.dataAfter.slice();
  }

  private widenLines(): void {
    const wide = new Int32Array(this.capacity);
    const narrow = this.lineCol;
    for (let i = 0; i < this.count; i++) wide[i] = narrow[i] === NO_LINE_16 ? NONE : narrow[i]!;
    this.lineCol = wide;
    this.noLine = NONE;
  }

  private newRow(): number {
    if ((this.rowCount + 1) * this.width > this.rows.length)
      this.rows = grow(this.rows, Math.max(16 * this.width, larger(this.rows.length)));
    return this.rowCount++;
  }

  private newLight(): number {
    const i = this.lightCount;
    if (i === this.lightBase.length) {
      const size = larger(i);
      this.lightBase = grow(this.lightBase, size);
      this.lightActor = grow(this.lightActor, size);
      this.lightValue = grow(this.lightValue, size);
    }
    this.lightCount = i + 1;
    return i;
  }

  private enlarge(): void {
    const size = larger(this.capacity);
    this.refCol = grow(this.refCol, size);
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

/**
 * The next size of a growing column. Growing copies everything held so far, so columns grow four
 * times over up to a few million slots (a long run copies a third of what it ends with, not all of
 * it), then double; `compact()` gives the slack back when the run stops.
 */
function larger(size: number): number {
  return Math.max(16, size < 1 << 22 ? size * 4 : size * 2);
}

/** Whether a column of `capacity` slots holding `used` has enough spare room to be worth copying. */
function roomy(capacity: number, used: number): boolean {
  return capacity > used + (used >> 3);
}

function sideRef(table: number, index: number): number {
  return -2 - ((index << 2) | table);
}

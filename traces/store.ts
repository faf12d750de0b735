import type {
  Actor,
  Anomaly,
  EventKind,
  ExpectationResult,
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
 * A trace held in columns: one typed-array slot per event for time, actor, kind, cause and line, a
 * dense vector clock row per event, and an index of each actor's events. Happens-before and
 * causal-cone queries read these directly and never rescan the trace.
 */
export class Trace {
  header: TraceHeader;
  readonly actors: Actor[];
  readonly actorIndex = new Map<string, number>();
  anomalies: Anomaly[] = [];
  expectations: ExpectationResult[] = [];
  final: Record<string, NodeFinalState> = {};
  stats: TraceStats = { events: 0, messages: 0, dropped: 0, virtualTime: 0 };

  protected count = 0;
  protected capacity: number;
  protected times: Float64Array;
  protected actorCol: Uint16Array;
  protected kindCol: Uint8Array;
  protected causeCol: Int32Array;
  protected lineCol: Int32Array;
  protected details: (EventDetail | undefined)[] = [];
  /** Row-major vector clocks: event i's entry for actor a is at i * width + a. */
  protected clocks: Uint32Array;
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
    this.clocks = new Uint32Array(this.capacity * this.width);
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

  detail(event: number): EventDetail | undefined {
    return this.details[event];
  }

  /** The event's own counter: its 1-based position among its actor's events. */
  seq(event: number): number {
    return this.clocks[event * this.width + this.actorCol[event]!]!;
  }

  vcEntry(event: number, actor: number): number {
    return this.clocks[event * this.width + actor]!;
  }

  vc(event: number): VersionVector {
    const out: VersionVector = {};
    const base = event * this.width;
    for (let a = 0; a < this.actors.length; a++) {
      const v = this.clocks[base + a]!;
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

  /** The event that precedes this one on the same actor, if any. */
  previousOnActor(event: number): number | undefined {
    const s = this.seq(event);
    return s > 1 ? this.perActor[this.actorCol[event]!]![s - 2] : undefined;
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
    const d = this.details[id];
    if (d) Object.assign(e, d);
    return e;
  }

  *events(from = 0, to = this.count): IterableIterator<TraceEvent> {
    for (let i = from; i < to; i++) yield this.event(i);
  }

  /** Approximate bytes held by the columns (not counting detail objects). */
  columnBytes(): number {
    let perActor = 0;
    for (const a of this.perActor) perActor += a.byteLength;
    return (
      this.times.byteLength +
      this.actorCol.byteLength +
      this.kindCol.byteLength +
      this.causeCol.byteLength +
      this.lineCol.byteLength +
      this.clocks.byteLength +
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
    if (detail !== undefined) this.details[id] = detail;
    else if (this.details.length === id) this.details.push(undefined);

    const w = this.width;
    const row = id * w;
    const clocks = this.clocks;
    const n = this.perActorCount[actor]!;
    if (vc) {
      for (let a = 0; a < this.actors.length; a++) clocks[row + a] = vc[this.actors[a]!.id] ?? 0;
    } else {
      if (n > 0) {
        const prev = this.perActor[actor]![n - 1]! * w;
        for (let a = 0; a < w; a++) clocks[row + a] = clocks[prev + a]!;
      }
      if (cause !== undefined && cause !== NONE && this.actorCol[cause] !== actor) {
        const c = cause * w;
        for (let a = 0; a < w; a++) {
          const v = clocks[c + a]!;
          if (v > clocks[row + a]!) clocks[row + a] = v;
        }
      }
      clocks[row + actor] = n + 1;
    }
    let list = this.perActor[actor]!;
    if (n === list.length) {
      list = grow(list, list.length * 2);
      this.perActor[actor] = list;
    }
    list[n] = id;
    this.perActorCount[actor] = n + 1;
    this.count = id + 1;
    return id;
  }

  /** Replace the detail of an event already recorded (e.g. a drop reason found at delivery time). */
  setDetail(event: number, detail: EventDetail): void {
    this.details[event] = detail;
  }

  /** Forget every event from `length` on (used when a run forks from an earlier point). */
  truncate(length: number): void {
    if (length >= this.count) return;
    for (let a = 0; a < this.actors.length; a++) {
      const list = this.perActor[a]!;
      let n = this.perActorCount[a]!;
      while (n > 0 && list[n - 1]! >= length) n--;
      this.perActorCount[a] = n;
    }
    this.details.length = length;
    this.count = length;
  }

  private enlarge(): void {
    const size = this.capacity * 2;
    this.times = grow(this.times, size);
    this.actorCol = grow(this.actorCol, size);
    this.kindCol = grow(this.kindCol, size);
    this.causeCol = grow(this.causeCol, size);
    this.lineCol = grow(this.lineCol, size);
    this.clocks = grow(this.clocks, size * this.width);
    this.capacity = size;
  }
}

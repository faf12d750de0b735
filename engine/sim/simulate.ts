// The discrete-event simulator. It owns virtual time, the event queue, the network, clocks,
// storage latency, client timeouts and faults; it runs a protocol family's state machines and
// turns their effects into trace events. Same scenario + same seed = the same trace, byte for byte.

import type { EventDetail } from '../../traces/store';
import { TraceRecorder } from '../../traces/store';
import type { Actor, Message, OpInfo, OpResult, Sibling, TraceHeader } from '../../traces/types';
import { NETWORK_ACTOR } from '../../traces/types';
import type {
  ClientContext,
  ClientInput,
  ClientOperation,
  NodeInput,
  Out,
  ProtocolContext,
  ProtocolFamily,
} from '../protocols/protocol';
import type {
  ClientItem,
  ClientSpec,
  ClusterConfig,
  FaultAction,
  FaultItem,
  Scenario,
  ScenarioItem,
} from '../scenario/model';
import { allNodeIds } from '../scenario/model';
import { sample } from './distributions';
import { EventQueue } from './eventQueue';
import { Network } from './network';
import { RandomSource, type RandomStream } from './random';

export type InterventionAction =
  | { kind: 'deliver'; msg: number }
  | { kind: 'drop'; msg: number }
  | { kind: 'fault'; fault: FaultAction };

/** A what-if: applied once `atEvent` events have been recorded, before anything else happens. */
export interface Intervention {
  atEvent: number;
  action: InterventionAction;
}

export interface SimOptions {
  seed?: number;
  maxEvents?: number;
  /** Overrides `run.until`. */
  until?: number | 'quiet';
  interventions?: Intervention[];
}

export type StopReason = 'quiet' | 'until' | 'maxEvents' | 'idle';

export interface RunResult {
  trace: TraceRecorder;
  scenario: Scenario;
  stopReason: StopReason;
  stopMessage?: string;
  /** Message types and timers the family marks as periodic background traffic. */
  periodicMessages: readonly string[];
  periodicTimers: readonly string[];
}

/** How long after the last scenario item a `quiet` run keeps going at least, ms. */
export const QUIET_GRACE_MS = 1000;

const DELIVER = 1;
const TIMER = 2;
const PERSISTED = 3;
const OP_TIMEOUT = 4;

/**
 * One agenda entry. A single shape for every kind keeps the hot loop monomorphic. Entries are
 * recycled once popped (see `release`): a run schedules about one per event, and allocating them
 * would make them the bulk of what the garbage collector copies, since most outlive a scavenge.
 */
class Entry {
  kind = 0;
  live = false;
  periodic = false;
  actor = -1;
  cause = -1;
  line = -1;
  incarnation = 0;
  /** Timer data, persisted data, op key or (deliveries) the message payload. */
  ref: unknown = undefined;
  name = '';
  lost = '';
  /** Deliveries: the registered message id and its sender's index. */
  msg = -1;
  from = -1;
}

interface PendingOp {
  op: OpInfo;
  client: number;
  request: number;
  timeout: Entry;
  line: number;
}

class ActorContext implements ClientContext {
  now = 0;
  clock = 0;
  event = -1;
  line: number | undefined = undefined;
  spec!: ClientSpec;
  offset = 0;
  drift = 0;

  constructor(
    readonly self: string,
    private readonly rng: RandomStream,
    readonly nodes: readonly string[],
    readonly cluster: ClusterConfig,
    readonly scenario: Scenario,
    private readonly versions: Map<string, number>,
  ) {}

  random(): number {
    return this.rng.next();
  }

  engineVersion(node: string): number {
    return this.versions.get(node) ?? 1;
  }
}

interface ActorRuntime {
  index: number;
  id: string;
  kind: 'node' | 'client' | 'network';
  up: boolean;
  started: boolean;
  incarnation: number;
  state: unknown;
  ctx: ActorContext;
  out: Out;
  timers: Map<string, Entry>;
  data: Map<string, Sibling[]>;
  fields: Map<string, unknown>;
  opCounter: number;
  storage: RandomStream;
}

/**
 * The trace keeps what protocols hand to `out` by reference: a protocol must never mutate a
 * message, sibling or field value after handing it over (it builds a new one instead). Under test
 * that rule is enforced by freezing what was handed over, so a violation fails loudly at the
 * mutation instead of silently rewriting history.
 */
const FREEZE_HANDED_OVER = typeof process !== 'undefined' && process.env?.VITEST !== undefined;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The sibling list as recorded: the array is copied (protocols often grow their own in place). */
function recordedSiblings(list: Sibling[]): Sibling[] {
  const copy = list.slice();
  if (FREEZE_HANDED_OVER) for (const s of copy) deepFreeze(s);
  return copy;
}

/** A sibling list kept as it is, from a family that never changes one it handed over. */
function handedOver(list: Sibling[]): Sibling[] {
  return FREEZE_HANDED_OVER ? deepFreeze(list) : list;
}

const NO_SIBLINGS: Sibling[] = Object.freeze([]) as unknown as Sibling[];

function recordedValue<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  // Field values are often a protocol's own live objects (a lag table, a log entry): copy them.
  return structuredClone(value);
}

export class Simulation {
  readonly trace: TraceRecorder;
  readonly scenario: Scenario;
  private readonly family: ProtocolFamily;
  private readonly queue = new EventQueue<Entry>();
  /** Popped entries, ready for reuse. */
  private readonly spareEntries: Entry[] = [];
  /**
   * Killed entries still in the queue (cancelled timers, timeouts of answered ops). They are purged
   * once they outnumber the live ones: most timers are cancelled, and a queue full of them makes
   * every push and pop walk a deeper heap.
   */
  private deadEntries = 0;
  /** The input every delivered message is handed over in (see NodeInput: inputs are not kept). */
  private readonly messageInput = { kind: 'message' as const, from: '', msg: NO_MESSAGE };
  /** Likewise for every fired timer and every completed storage write. */
  private readonly timerInput: { kind: 'timer'; name: string; data?: unknown } = { kind: 'timer', name: '' };
  private readonly persistedInput: { kind: 'persisted'; data: unknown } = {
    kind: 'persisted',
    data: undefined,
  };
  /** Sum over executed entries of the queue's length when each was popped (see `meanQueueLength`). */
  private queueLengthSum = 0;
  private executed = 0;
  private readonly random: RandomSource;
  private readonly network: Network;
  private readonly actors: ActorRuntime[] = [];
  private readonly byId = new Map<string, ActorRuntime>();
  private readonly membership: string[] = [];
  private readonly engineVersions = new Map<string, number>();
  private readonly periodicTimers: Set<string>;
  private readonly periodicMessages: Set<string>;
  private readonly pendingOps = new Map<string, PendingOp>();
  /** Zero-latency storage writes waiting for the current event's handler to return, in order. */
  private readonly immediateActors: ActorRuntime[] = [];
  private readonly immediateData: unknown[] = [];
  private immediateCount = 0;
  private readonly networkActor: number;
  private readonly interventions: Intervention[];
  private readonly maxEvents: number;
  private readonly until: number | 'quiet';
  private readonly lastItemTime: number;
  /**
   * The scenario's items in time order (stable: file order at equal times), run from `nextItem` on.
   * They stay out of the queue: a scenario can have tens of thousands, and the queue would be that
   * much deeper for the whole run. An item runs before any queued entry of the same time, as if it
   * had been queued first.
   */
  private readonly items: ScenarioItem[];
  private readonly itemTimes: Float64Array;
  /** For client items, the client's actor index (resolved once, not per operation). */
  private readonly itemClients: Int32Array;
  private nextItem = 0;

  private readonly timerDetails = new Map<string, EventDetail>();
  private now = 0;
  /** Live agenda entries that are not periodic background work (what keeps a `quiet` run going). */
  private busy = 0;
  private currentEvent = -1;
  private currentLine = -1;
  private stopped: { reason: StopReason; message?: string } | undefined;

  constructor(scenario: Scenario, family: ProtocolFamily, options: SimOptions = {}) {
    this.scenario = scenario;
    this.family = family;
    const seed = options.seed ?? scenario.seed;
    this.random = new RandomSource(seed);
    this.maxEvents = options.maxEvents ?? scenario.run.maxEvents;
    this.until = options.until ?? scenario.run.until;
    this.interventions = (options.interventions ?? []).slice().sort((a, b) => a.atEvent - b.atEvent);
    this.periodicTimers = new Set(family.periodicTimers);
    this.periodicMessages = new Set(family.periodicMessages);

    const nodeIds = allNodeIds(scenario);
    const actors: Actor[] = [
      ...nodeIds.map((id): Actor => {
        const spec = scenario.cluster.nodes.find((n) => n.id === id);
        return spec ? { id, kind: 'node', line: spec.line } : { id, kind: 'node' };
      }),
      ...scenario.clients.map((c): Actor => ({ id: c.id, kind: 'client', line: c.line })),
      { id: NETWORK_ACTOR, kind: 'network' },
    ];
    const header: TraceHeader = {
      format: 'replication-trace',
      version: 1,
      scenario: {
        title: scenario.title,
        seed,
        replication: scenario.cluster.replication,
        ...(scenario.file ? { file: scenario.file } : {}),
      },
      actors,
    };
    this.trace = new TraceRecorder(header, Math.min(1 << 16, this.maxEvents + 16));
    this.network = new Network(
      scenario.network,
      actors.map((a) => a.id),
    );
    this.networkActor = actors.length - 1;
    for (const n of scenario.cluster.nodes) this.engineVersions.set(n.id, n.engineVersion);
    for (const e of scenario.events) {
      if (e.type === 'fault' && e.action.kind === 'addNode')
        this.engineVersions.set(e.action.id, e.action.engineVersion);
    }

    actors.forEach((a, index) => {
      const rt = this.makeActor(a, index);
      this.actors.push(rt);
      this.byId.set(a.id, rt);
    });
    for (const c of scenario.clients) this.byId.get(c.id)!.ctx.spec = c;
    for (const [node, clock] of Object.entries(scenario.clocks)) {
      const rt = this.byId.get(node);
      if (rt) {
        rt.ctx.offset = clock.offset;
        rt.ctx.drift = clock.drift;
      }
    }

    this.items = scenario.events
      .map((item, order) => ({ item, order }))
      .sort((a, b) => a.item.at - b.item.at || a.order - b.order)
      .map(({ item }) => item);
    this.itemTimes = Float64Array.from(this.items, (item) => item.at);
    this.itemClients = Int32Array.from(this.items, (item) =>
      item.type === 'client' ? (this.byId.get(item.client)?.index ?? -1) : -1,
    );
    this.busy += this.items.length;
    this.lastItemTime = this.items.length > 0 ? this.items[this.items.length - 1]!.at : 0;
    this.startActors();
  }

  private makeActor(a: Actor, index: number): ActorRuntime {
    const ctx = new ActorContext(
      a.id,
      this.random.stream(`${a.kind}:${a.id}`),
      this.membership,
      this.scenario.cluster,
      this.scenario,
      this.engineVersions,
    );
    const rt: ActorRuntime = {
      index,
      id: a.id,
      kind: a.kind,
      up: false,
      started: false,
      incarnation: 0,
      state: undefined,
      ctx,
      out: undefined as unknown as Out,
      timers: new Map(),
      data: new Map(),
      fields: new Map(),
      opCounter: 0,
      storage: this.random.stream(`storage:${a.id}`),
    };
    rt.out = {
      send: (to, msg) => this.send(rt, to, msg),
      setTimer: (name, after, data) => this.setTimer(rt, name, after, data),
      cancelTimer: (name) => this.cancelTimer(rt, name),
      persist: (data) => this.persist(rt, data),
      complete: (opKey, result) => this.complete(rt, opKey, result),
      data: (key, after) => this.recordData(rt, key, after),
      field: (name, value) => this.recordField(rt, name, value),
      append: (name, item) => this.recordAppend(rt, name, item),
      truncate: (name, length) => this.recordTruncate(rt, name, length),
      descendsFrom: (line) => {
        this.currentLine = line ?? -1;
      },
      note: (text, detail) => this.record(rt, 'note', detail ? { text, detail } : { text }),
      anomaly: (kind, explain, related, key) =>
        this.record(rt, 'anomaly', {
          text: explain,
          detail: { kind, explain, related: related ?? [this.currentEvent], ...(key ? { key } : {}) },
        }),
    };
    return rt;
  }

  private startActors(): void {
    for (const n of this.scenario.cluster.nodes) {
      const rt = this.byId.get(n.id)!;
      this.membership.push(n.id);
      rt.up = true;
      rt.started = true;
    }
    for (const n of this.scenario.cluster.nodes) {
      const rt = this.byId.get(n.id)!;
      this.prepare(rt, -1, undefined);
      rt.state = this.family.initNode(rt.ctx);
    }
    for (const c of this.scenario.clients) {
      const rt = this.byId.get(c.id)!;
      rt.up = true;
      rt.started = true;
      this.prepare(rt, -1, undefined);
      rt.state = this.family.initClient(rt.ctx);
    }
    for (const n of this.scenario.cluster.nodes)
      this.dispatchNode(this.byId.get(n.id)!, { kind: 'start' }, -1, undefined);
    for (const c of this.scenario.clients)
      this.dispatchClient(this.byId.get(c.id)!, { kind: 'start' }, -1, undefined);
  }

  // ---- running -------------------------------------------------------------------------------

  /** Runs until the scenario's stop condition, or until `eventLimit` events exist in the trace. */
  run(eventLimit = Number.POSITIVE_INFINITY): RunResult {
    const queue = this.queue;
    const trace = this.trace;
    while (!this.stopped && trace.length < eventLimit) {
      if (this.interventions.length > 0 && this.interventions[0]!.atEvent <= trace.length) {
        this.intervene(this.interventions.shift()!);
        continue;
      }
      if (trace.length >= this.maxEvents) {
        this.stop(
          'maxEvents',
          `stopped after ${trace.length} events (run.maxEvents = ${this.maxEvents}) at ${this.now}ms: the run had not finished; raise run.maxEvents or shorten the scenario`,
        );
        break;
      }
      const queued = queue.peekTime();
      const itemTime =
        this.nextItem < this.itemTimes.length ? this.itemTimes[this.nextItem]! : Number.POSITIVE_INFINITY;
      const nextTime = itemTime <= queued ? itemTime : queued;
      if (nextTime === Number.POSITIVE_INFINITY) {
        this.stop(this.until === 'quiet' ? 'quiet' : 'idle');
        break;
      }
      if (this.until === 'quiet') {
        if (this.busy === 0 && nextTime > this.lastItemTime + QUIET_GRACE_MS) {
          this.now = Math.max(this.now, this.lastItemTime + QUIET_GRACE_MS);
          this.stop('quiet');
          break;
        }
      } else if (nextTime > this.until) {
        this.now = this.until;
        this.stop('until');
        break;
      }
      if (itemTime <= queued) {
        this.busy--;
        this.now = itemTime;
        const i = this.nextItem++;
        this.runItem(this.items[i]!, this.itemClients[i]!);
        continue;
      }
      this.queueLengthSum += queue.length;
      const entry = queue.pop()!;
      if (entry.live) {
        this.executed++;
        entry.live = false;
        if (!entry.periodic) this.busy--;
        this.now = queue.poppedTime;
        this.execute(entry);
      } else this.deadEntries--;
      this.release(entry);
    }
    return this.result();
  }

  /** Mean number of entries waiting in the queue (live or cancelled) each time one was taken out. */
  get meanQueueLength(): number {
    return this.executed === 0 ? 0 : this.queueLengthSum / this.executed;
  }

  get finished(): boolean {
    return this.stopped !== undefined;
  }

  result(): RunResult {
    const trace = this.trace;
    trace.stats.events = trace.length;
    trace.stats.virtualTime = this.now;
    if (this.stopped) {
      trace.stats.stopReason = this.stopped.reason;
      if (this.stopped.message) trace.stats.stopMessage = this.stopped.message;
    }
    trace.final = this.finalState();
    return {
      trace,
      scenario: this.scenario,
      stopReason: this.stopped?.reason ?? 'maxEvents',
      ...(this.stopped?.message ? { stopMessage: this.stopped.message } : {}),
      periodicMessages: this.family.periodicMessages,
      periodicTimers: this.family.periodicTimers,
    };
  }

  private stop(reason: StopReason, message?: string): void {
    this.stopped = message ? { reason, message } : { reason };
    this.trace.compact();
  }

  private execute(entry: Entry): void {
    switch (entry.kind) {
      case DELIVER:
        this.deliver(entry);
        return;
      case TIMER:
        this.fireTimer(entry);
        return;
      case PERSISTED: {
        const rt = this.actors[entry.actor]!;
        if (!rt.up || rt.incarnation !== entry.incarnation) return;
        const id = this.trace.append(
          this.now,
          rt.index,
          'persisted',
          entry.cause,
          lineOrUndefined(entry.line),
        );
        this.dispatch(rt, { kind: 'persisted', data: entry.ref }, id, lineOrUndefined(entry.line));
        return;
      }
      case OP_TIMEOUT:
        this.timeoutOp(entry.ref as string);
        return;
    }
  }

  private schedule(
    time: number,
    kind: number,
    actor: number,
    cause: number,
    line: number,
    ref: unknown,
    periodic: boolean,
    name = '',
    incarnation = 0,
  ): Entry {
    const entry = this.spareEntries.pop() ?? new Entry();
    entry.kind = kind;
    entry.live = true;
    entry.periodic = periodic;
    entry.actor = actor;
    entry.cause = cause;
    entry.line = line;
    entry.incarnation = incarnation;
    entry.ref = ref;
    entry.name = name;
    entry.lost = '';
    entry.msg = -1;
    entry.from = -1;
    if (!periodic) this.busy++;
    this.queue.push(time, entry);
    return entry;
  }

  /**
   * A popped entry goes back to the pool. Nothing refers to it any more: a fired timer has left
   * its actor's table (a replaced or cancelled one left it earlier) and an op's timeout entry left
   * with the pending op.
   */
  private release(entry: Entry): void {
    entry.ref = undefined;
    this.spareEntries.push(entry);
  }

  private kill(entry: Entry): void {
    if (!entry.live) return;
    entry.live = false;
    if (!entry.periodic) this.busy--;
    if (++this.deadEntries > 64 && this.deadEntries * 2 > this.queue.length) {
      this.queue.removeWhere(isDead, this.releaseEntry);
      this.deadEntries = 0;
    }
  }

  private readonly releaseEntry = (entry: Entry): void => this.release(entry);

  // ---- dispatch ------------------------------------------------------------------------------

  private prepare(rt: ActorRuntime, event: number, line: number | undefined): void {
    const ctx = rt.ctx;
    ctx.now = this.now;
    ctx.clock = this.now * (1 + ctx.drift) + ctx.offset;
    ctx.event = event;
    ctx.line = line;
    this.currentEvent = event;
    this.currentLine = line ?? -1;
  }

  private dispatch(
    rt: ActorRuntime,
    input: NodeInput & ClientInput,
    event: number,
    line: number | undefined,
  ): void {
    if (rt.kind === 'client') this.dispatchClient(rt, input, event, line);
    else this.dispatchNode(rt, input, event, line);
  }

  private dispatchNode(rt: ActorRuntime, input: NodeInput, event: number, line: number | undefined): void {
    this.prepare(rt, event, line);
    this.family.onNode(rt.state, input, rt.ctx, rt.out);
    this.drainImmediate(event, line);
  }

  private dispatchClient(
    rt: ActorRuntime,
    input: ClientInput,
    event: number,
    line: number | undefined,
  ): void {
    this.prepare(rt, event, line);
    this.family.onClient(rt.state, input, rt.ctx, rt.out);
    this.drainImmediate(event, line);
  }

  /** Storage writes with no latency are applied within the event that asked for them. */
  private drainImmediate(event: number, line: number | undefined): void {
    if (this.immediateCount === 0) return;
    const actors = this.immediateActors;
    const datas = this.immediateData;
    const input = this.persistedInput;
    // A handler may ask for more writes: they join the end of the lists and are taken in turn.
    for (let i = 0; i < this.immediateCount; i++) {
      const actor = actors[i]!;
      const data = datas[i];
      datas[i] = undefined;
      if (!actor.up) continue;
      this.prepare(actor, event, line);
      input.data = data;
      if (actor.kind === 'client') this.family.onClient(actor.state, input, actor.ctx, actor.out);
      else this.family.onNode(actor.state, input, actor.ctx, actor.out);
    }
    input.data = undefined;
    // The slots stay allocated for the next event's writes (their data already let go).
    this.immediateCount = 0;
  }

  // ---- effects -------------------------------------------------------------------------------

  private record(rt: ActorRuntime, kind: 'note' | 'anomaly', detail: EventDetail): number {
    return this.trace.append(
      this.now,
      rt.index,
      kind,
      causeOrUndefined(this.currentEvent),
      lineOrUndefined(this.currentLine),
      detail,
    );
  }

  private send(rt: ActorRuntime, to: string, msg: Message): void {
    const target = this.byId.get(to);
    const cause = causeOrUndefined(this.currentEvent);
    const line = this.currentLine;
    if (!target || target.kind === 'network') {
      // Protocols only address actors of the scenario; this is a protocol bug, shown rather than hidden.
      this.record(rt, 'note', {
        text: `${rt.id} tried to send ${msg.type} to ${to}, which is not in the scenario`,
      });
      return;
    }
    const msgId = this.trace.registerMessage(rt.index, target.index, msg.type, msg);
    if (FREEZE_HANDED_OVER) deepFreeze(msg);
    const id = this.trace.appendMessageEvent(this.now, rt.index, 'send', cause, lineOrUndefined(line), msgId);
    this.trace.stats.messages++;
    const periodic = this.periodicMessages.has(msg.type);
    const link = this.network.link(rt.index, target.index);
    link.rng ??= this.random.stream(link.stream);
    const rng = link.rng;
    const copies = link.duplicate > 0 && rng.next() < link.duplicate ? 2 : 1;
    for (let c = 0; c < copies; c++) {
      let arrival = this.now + sample(link.latency, rng);
      if (this.network.fifo) {
        if (arrival < link.lastArrival) arrival = link.lastArrival;
        link.lastArrival = arrival;
      }
      const e = this.schedule(arrival, DELIVER, target.index, id, line, msg, periodic);
      e.msg = msgId;
      e.from = rt.index;
      if (this.network.isCut(rt.index, target.index)) e.lost = 'partition';
      else if (link.drop > 0 && rng.next() < link.drop) e.lost = 'loss';
    }
  }

  private deliver(entry: Entry): void {
    const target = entry.actor >= 0 ? this.actors[entry.actor] : undefined;
    const line = lineOrUndefined(entry.line);
    let reason = entry.lost;
    if (!reason && target) {
      if (this.network.isCut(entry.from, target.index)) reason = 'partition';
      else if (!target.started) reason = `${target.id} is not in the cluster yet`;
      else if (!target.up) reason = `${target.id} is down`;
    }
    if (reason || !target) {
      this.trace.appendMessageEvent(this.now, this.networkActor, 'drop', entry.cause, line, entry.msg, {
        reason: reason || 'lost',
      });
      this.trace.stats.dropped++;
      return;
    }
    const id = this.trace.appendMessageEvent(this.now, target.index, 'deliver', entry.cause, line, entry.msg);
    const input = this.messageInput;
    input.from = this.actors[entry.from]!.id;
    input.msg = entry.ref as Message;
    this.dispatch(target, input, id, line);
    input.msg = NO_MESSAGE;
  }

  private setTimer(rt: ActorRuntime, name: string, after: number, data: unknown): void {
    const old = rt.timers.get(name);
    if (old) this.kill(old);
    const e = this.schedule(
      this.now + Math.max(0, after),
      TIMER,
      rt.index,
      this.currentEvent,
      this.currentLine,
      data,
      this.periodicTimers.has(name),
      name,
      rt.incarnation,
    );
    rt.timers.set(name, e);
  }

  /** Timer events share one detail object per timer name: periodic timers then cost no allocation. */
  private timerDetail(name: string): EventDetail {
    let d = this.timerDetails.get(name);
    if (!d) {
      d = { timer: name };
      this.timerDetails.set(name, d);
    }
    return d;
  }

  private cancelTimer(rt: ActorRuntime, name: string): void {
    const old = rt.timers.get(name);
    if (old) {
      this.kill(old);
      rt.timers.delete(name);
    }
  }

  private fireTimer(entry: Entry): void {
    const rt = this.actors[entry.actor]!;
    if (rt.timers.get(entry.name) === entry) rt.timers.delete(entry.name);
    if (!rt.up || rt.incarnation !== entry.incarnation) return;
    const line = lineOrUndefined(entry.line);
    const id = this.trace.append(
      this.now,
      rt.index,
      'timer',
      causeOrUndefined(entry.cause),
      line,
      this.timerDetail(entry.name),
    );
    const input = this.timerInput;
    input.name = entry.name;
    input.data = entry.ref;
    this.dispatch(rt, input, id, line);
    input.data = undefined;
  }

  private persist(rt: ActorRuntime, data: unknown): void {
    const dist = this.scenario.storage.nodes[rt.id] ?? this.scenario.storage.default;
    const delay = dist ? sample(dist, rt.storage) : 0;
    if (delay <= 0) {
      const i = this.immediateCount++;
      this.immediateActors[i] = rt;
      this.immediateData[i] = data;
      return;
    }
    this.schedule(
      this.now + delay,
      PERSISTED,
      rt.index,
      this.currentEvent,
      this.currentLine,
      data,
      false,
      '',
      rt.incarnation,
    );
  }

  private complete(rt: ActorRuntime, opKey: string, result: OpResult): void {
    const pending = this.pendingOps.get(opKey);
    if (!pending) return; // already answered (timed out): a late result changes nothing
    this.pendingOps.delete(opKey);
    this.kill(pending.timeout);
    this.trace.appendResponse(
      this.now,
      rt.index,
      causeOrUndefined(this.currentEvent),
      pending.line,
      pending.op,
      result,
    );
  }

  private timeoutOp(opKey: string): void {
    const pending = this.pendingOps.get(opKey);
    if (!pending) return;
    this.pendingOps.delete(opKey);
    const rt = this.actors[pending.client]!;
    const id = this.trace.appendResponse(this.now, rt.index, pending.request, pending.line, pending.op, {
      ok: false,
      error: 'timeout',
    });
    this.dispatchClient(rt, { kind: 'timedOut', opKey }, id, pending.line);
  }

  /** A state event on `rt`, descending from the input being handled. */
  private recordState(rt: ActorRuntime, detail: EventDetail): void {
    this.trace.append(
      this.now,
      rt.index,
      'state',
      causeOrUndefined(this.currentEvent),
      lineOrUndefined(this.currentLine),
      detail,
    );
  }

  private recordData(rt: ActorRuntime, key: string, after: Sibling[]): void {
    const before = rt.data.get(key) ?? NO_SIBLINGS;
    const recorded = this.family.immutableData ? handedOver(after) : recordedSiblings(after);
    rt.data.set(key, recorded);
    this.trace.appendData(
      this.now,
      rt.index,
      causeOrUndefined(this.currentEvent),
      lineOrUndefined(this.currentLine),
      key,
      before,
      recorded,
    );
  }

  private recordField(rt: ActorRuntime, name: string, value: unknown): void {
    const v = recordedValue(value);
    rt.fields.set(name, v);
    this.recordState(rt, { field: name, value: v });
  }

  private recordAppend(rt: ActorRuntime, name: string, item: unknown): void {
    const v = recordedValue(item);
    let list = rt.fields.get(name);
    if (!Array.isArray(list)) {
      list = [];
      rt.fields.set(name, list);
    }
    (list as unknown[]).push(v);
    this.recordState(rt, { field: name, append: v });
  }

  private recordTruncate(rt: ActorRuntime, name: string, length: number): void {
    const list = rt.fields.get(name);
    if (Array.isArray(list)) list.length = Math.min(list.length, length);
    this.recordState(rt, { field: name, truncate: length });
  }

  // ---- scenario items and faults ---------------------------------------------------------------

  private runItem(item: ScenarioItem, client: number): void {
    if (item.type === 'client') this.startOp(item, this.actors[client]!);
    else this.applyFault(item.action, item);
  }

  private startOp(item: ClientItem, rt: ActorRuntime): void {
    const a = item.action;
    rt.opCounter++;
    // One object serves the trace and the client library: the op as recorded, with its line.
    const op: ClientOperation = {
      key: item.id ?? `${item.client}#${rt.opCounter}`,
      client: item.client,
      kind: a.kind,
      dataKey: a.key,
      line: item.line,
    };
    if (item.id) op.id = item.id;
    if ('value' in a) op.value = a.value;
    if (a.kind === 'increment') op.by = a.by;
    const request = this.trace.appendRequest(this.now, rt.index, undefined, item.line, op);
    const timeout = this.schedule(
      this.now + rt.ctx.spec.timeout,
      OP_TIMEOUT,
      rt.index,
      request,
      item.line,
      op.key,
      false,
    );
    this.pendingOps.set(op.key, { op, client: rt.index, request, timeout, line: item.line });
    this.dispatchClient(rt, { kind: 'op', op }, request, item.line);
  }

  private applyFault(action: FaultAction, item: FaultItem | undefined): void {
    const line = item?.line;
    switch (action.kind) {
      case 'crash': {
        const rt = this.byId.get(action.node)!;
        const lost = action.disk === 'lost';
        const id = this.trace.append(this.now, rt.index, 'crash', undefined, line, {
          text: `${rt.id} crashes${lost ? ' and loses its disk' : ''}${rt.up ? '' : ' (it was already down)'}`,
          detail: { disk: action.disk },
        });
        if (!rt.up) return;
        rt.up = false;
        rt.incarnation++;
        for (const t of rt.timers.values()) this.kill(t);
        rt.timers.clear();
        this.prepare(rt, id, line);
        rt.state = this.family.crash(rt.state, lost, rt.ctx);
        if (lost)
          for (const key of [...rt.data.keys()])
            if ((rt.data.get(key) ?? []).length) this.recordData(rt, key, []);
        return;
      }
      case 'recover': {
        const rt = this.byId.get(action.node)!;
        const id = this.trace.append(this.now, rt.index, 'recover', undefined, line, {
          text: rt.up ? `${rt.id} is already up` : `${rt.id} recovers`,
        });
        if (rt.up || !rt.started) return;
        rt.up = true;
        this.dispatchNode(rt, { kind: 'recover' }, id, line);
        return;
      }
      case 'partition': {
        const groups = action.groups.map((g) => g.map((a) => this.byId.get(a)!.index));
        this.network.partition(groups);
        this.trace.append(this.now, this.networkActor, 'partition', undefined, line, {
          text: `partition ${action.groups.map((g) => `[${g.join(', ')}]`).join(' | ')}`,
          detail: { groups: action.groups, cut: this.network.cutLinks() },
        });
        return;
      }
      case 'cut': {
        this.network.cutLink(this.byId.get(action.from)!.index, this.byId.get(action.to)!.index);
        this.trace.append(this.now, this.networkActor, 'cut', undefined, line, {
          text: `cut ${action.from} -> ${action.to}`,
          detail: { from: action.from, to: action.to, cut: this.network.cutLinks() },
        });
        return;
      }
      case 'heal': {
        if (!action.links) this.network.healAll();
        else
          for (const l of action.links)
            this.network.healLink(this.byId.get(l.from)!.index, this.byId.get(l.to)!.index);
        this.trace.append(this.now, this.networkActor, 'heal', undefined, line, {
          text: action.links
            ? `heal ${action.links.map((l) => `${l.from} -> ${l.to}`).join(', ')}`
            : 'heal all',
          detail: { ...(action.links ? { links: action.links } : {}), cut: this.network.cutLinks() },
        });
        return;
      }
      case 'skew': {
        const rt = this.byId.get(action.node)!;
        if (action.offset !== undefined) rt.ctx.offset = action.offset;
        if (action.drift !== undefined) rt.ctx.drift = action.drift;
        this.trace.append(this.now, rt.index, 'skew', undefined, line, {
          text: `${rt.id}'s clock: offset ${rt.ctx.offset}ms, drift ${rt.ctx.drift}`,
          detail: { offset: rt.ctx.offset, drift: rt.ctx.drift },
        });
        return;
      }
      case 'addNode': {
        const rt = this.byId.get(action.id)!;
        const id = this.trace.append(this.now, rt.index, 'addNode', undefined, line, {
          text: `${rt.id} joins as ${action.as}`,
          detail: { as: action.as, engineVersion: action.engineVersion },
        });
        if (rt.started) return;
        rt.started = true;
        rt.up = true;
        this.membership.push(rt.id);
        this.prepare(rt, id, line);
        rt.state = this.family.initNode(rt.ctx);
        this.dispatchNode(rt, { kind: 'start', joining: { as: action.as } }, id, line);
        for (const other of this.actors) {
          if (other.kind === 'node' && other !== rt && other.up && other.started) {
            this.dispatchNode(other, { kind: 'membership', added: rt.id, as: action.as }, id, line);
          }
        }
        return;
      }
      case 'failover': {
        const rt = this.byId.get(action.node)!;
        const id = this.trace.append(this.now, rt.index, 'failover', undefined, line, {
          text: rt.up
            ? `manual failover: promote ${rt.id}`
            : `manual failover: cannot promote ${rt.id}, it is down`,
        });
        if (rt.up) this.dispatchNode(rt, { kind: 'promote' }, id, line);
        return;
      }
      case 'offline':
      case 'online': {
        const rt = this.byId.get(action.client)!;
        const id = this.trace.append(this.now, rt.index, action.kind, undefined, line, {
          text: `${rt.id} goes ${action.kind}`,
        });
        this.dispatchClient(rt, { kind: action.kind }, id, line);
        return;
      }
    }
  }

  // ---- what-if ---------------------------------------------------------------------------------

  private intervene(intervention: Intervention): void {
    const a = intervention.action;
    const describe =
      a.kind === 'fault'
        ? `what-if: ${a.fault.kind} ${JSON.stringify(a.fault)}`
        : `what-if: ${a.kind} message ${a.msg}${a.kind === 'deliver' ? ' now' : ''}`;
    const fork = this.trace.append(this.now, this.networkActor, 'fork', undefined, undefined, {
      text: describe,
      detail: { atEvent: intervention.atEvent, action: a },
    });
    if (a.kind === 'fault') {
      this.applyFault(a.fault, undefined);
      return;
    }
    let found: Entry | undefined;
    for (const { item } of this.queue.entries()) {
      if (item.live && item.kind === DELIVER && item.msg === a.msg) {
        found = item;
        break;
      }
    }
    if (!found) {
      this.trace.setDetail(fork, {
        text: `${describe}: message ${a.msg} is not in flight`,
        detail: { action: a },
      });
      return;
    }
    // A copy: killing may purge the entry from the queue and recycle it.
    const message = Object.assign(new Entry(), found);
    this.kill(found);
    if (a.kind === 'drop') {
      this.trace.appendMessageEvent(
        this.now,
        this.networkActor,
        'drop',
        message.cause,
        lineOrUndefined(message.line),
        message.msg,
        {
          reason: 'dropped by what-if',
        },
      );
      this.trace.stats.dropped++;
    } else this.deliver(message);
  }

  // ---- end state -------------------------------------------------------------------------------

  private finalState(): RunResult['trace']['final'] {
    const out: RunResult['trace']['final'] = {};
    for (const rt of this.actors) {
      if (rt.kind === 'network') continue;
      if (rt.kind === 'client' && rt.data.size === 0) continue;
      if (rt.kind === 'node' && !rt.started) continue;
      out[rt.id] = {
        up: rt.up,
        data: Object.fromEntries([...rt.data].filter(([, v]) => v.length > 0)),
        fields: Object.fromEntries(rt.fields),
      };
    }
    return out;
  }

  /** Messages in flight right now (for views of a paused run). */
  inFlight(): { msg: number; from: string; to: string; type: string; arrival: number }[] {
    const out: { msg: number; from: string; to: string; type: string; arrival: number }[] = [];
    for (const { time, item } of this.queue.entries()) {
      if (item.live && item.kind === DELIVER) {
        const m = this.trace.message(item.msg);
        out.push({ msg: item.msg, from: m.from, to: m.to, type: m.type, arrival: time });
      }
    }
    return out.sort((x, y) => x.arrival - y.arrival || x.msg - y.msg);
  }
}

const NO_MESSAGE: Message = Object.freeze({ type: '' });

function isDead(entry: Entry): boolean {
  return !entry.live;
}

function causeOrUndefined(event: number): number | undefined {
  return event < 0 ? undefined : event;
}

function lineOrUndefined(line: number): number | undefined {
  return line < 0 ? undefined : line;
}

/** Runs a scenario to its stop condition with the given family. */
export function simulateWith(
  scenario: Scenario,
  family: ProtocolFamily,
  options: SimOptions = {},
): RunResult {
  return new Simulation(scenario, family, options).run();
}

export type { ProtocolContext };

// One pass over a trace that indexes what the protocol-independent checkers need: every client
// operation (request, response, result), where and when each write's value was first stored on
// each replica, each replica's data at the end, and which nodes are up at the end. Checkers then
// work per key and per op without rescanning the trace.

import type { Trace } from '../../traces/store';
import type { OpInfo, OpResult, Sibling } from '../../traces/types';
import type { CrdtType, Scenario } from '../scenario/model';
import { formatMs, formatSiblings, formatValue, siblingOps } from './values';

export interface OpRecord {
  /** Op key (OpInfo.key). */
  key: string;
  info: OpInfo;
  /** Actor index of the client. */
  client: number;
  request: number;
  /** Response event, or -1 when the op never completed. */
  response: number;
  result?: OpResult;
  /** write, delete, increment, add or remove. */
  mutation: boolean;
  /** Cached History.dispatch. */
  dispatch?: number;
  /** Mutations: 1-based position among its client's mutations, in request order. */
  ordinal: number;
  /**
   * Mutations: what the write depends on, per client slot (History.clientSlot): the highest
   * ordinal of that client's writes it causally follows.
   */
  deps?: Uint32Array;
}

export interface KeyState {
  siblings: Sibling[];
  /** The state event that set them. */
  event: number;
}

const MAX_CAUSE_STEPS = 64;
/** Client events examined after a request to find the send that carries it. */
const MAX_DISPATCH_SCAN = 256;
const MUTATIONS = new Set(['write', 'delete', 'increment', 'add', 'remove']);

export class History {
  readonly ops = new Map<string, OpRecord>();
  /** Every op, in request order. */
  readonly opList: OpRecord[] = [];
  /** Mutations per data key, in request order. */
  readonly writesByKey = new Map<string, OpRecord[]>();
  /** Deletes per data key, in request order. */
  readonly deletesByKey = new Map<string, OpRecord[]>();
  /** op key -> actor index -> first state event on that actor whose `after` carries the op. */
  readonly storedOn = new Map<string, Map<number, number>>();
  /** Delete op key -> ops stored beside its tombstone as siblings somewhere (reads hide tombstones). */
  readonly besideTombstone = new Map<string, Set<string>>();
  /** op key -> first state event anywhere that carries it. */
  readonly firstStore = new Map<string, number>();
  /** State events that change a data key, in order. */
  readonly dataEvents: number[] = [];
  /** State events that change a protocol field, in order. */
  readonly fieldEvents: number[] = [];
  readonly anomalyEvents: number[] = [];
  /** crash, recover and addNode events of nodes, in order. */
  readonly lifeEvents: number[] = [];
  /** Per actor: data key -> what it holds at the end. */
  readonly finalData: Map<string, KeyState>[];
  /** Per actor: up at the end (clients always). */
  readonly up: boolean[];
  readonly isNode: boolean[];
  /** Actor indices of the nodes. */
  readonly nodes: number[] = [];
  /** Per actor: its slot in dependency vectors (clients only; -1 for others). */
  readonly clientSlot: Int32Array;
  readonly clientCount: number;
  private readonly mutationCount: number[];

  constructor(
    readonly trace: Trace,
    readonly scenario: Scenario,
  ) {
    const n = trace.actors.length;
    this.finalData = Array.from({ length: n }, () => new Map());
    this.isNode = trace.actors.map((a) => a.kind === 'node');
    const declared = new Set(scenario.cluster.nodes.map((x) => x.id));
    const added = new Set<string>();
    for (const e of scenario.events)
      if (e.type === 'fault' && e.action.kind === 'addNode') added.add(e.action.id);
    // Nodes added during the run are down until their addNode event; undeclared ones (hand-built
    // or imported traces) are taken to be up.
    this.up = trace.actors.map((a) => a.kind !== 'node' || declared.has(a.id) || !added.has(a.id));
    trace.actors.forEach((a, i) => {
      if (a.kind === 'node') this.nodes.push(i);
    });
    this.clientSlot = new Int32Array(trace.actors.length).fill(-1);
    let slots = 0;
    trace.actors.forEach((a, i) => {
      if (a.kind === 'client') this.clientSlot[i] = slots++;
    });
    this.clientCount = slots;
    this.mutationCount = new Array(trace.actors.length).fill(0);

    for (let i = 0; i < trace.length; i++) {
      switch (trace.kind(i)) {
        case 'request':
          this.onRequest(i);
          break;
        case 'response':
          this.onResponse(i);
          break;
        case 'state':
          this.onState(i);
          break;
        case 'crash':
          if (this.isNode[trace.actorOf(i)]) {
            this.up[trace.actorOf(i)] = false;
            this.lifeEvents.push(i);
          }
          break;
        case 'recover':
        case 'addNode':
          if (this.isNode[trace.actorOf(i)]) {
            this.up[trace.actorOf(i)] = true;
            this.lifeEvents.push(i);
          }
          break;
        case 'anomaly':
          this.anomalyEvents.push(i);
          break;
        default:
          break;
      }
    }
    this.computeDependencies();
  }

  /**
   * Data causality between writes, as causal-consistency systems track it (not every message a
   * node happens to exchange): a write depends on the client's own earlier writes that had
   * completed when it was sent, on every write the client had read (and what those depended on),
   * and on the write it replaced where it was first stored (a replica accepted it on top).
   * Vectors per client slot, filled in one pass in event order.
   */
  private computeDependencies(): void {
    const trace = this.trace;
    const width = this.clientCount;
    const know = Array.from({ length: width }, () => new Uint32Array(width));
    const sentAt = new Map<number, OpRecord[]>();
    for (const op of this.opList) {
      if (!op.mutation || this.clientSlot[op.client]! < 0) continue;
      const e = this.dispatch(op);
      const l = sentAt.get(e);
      if (l) l.push(op);
      else sentAt.set(e, [op]);
    }
    // An entry k for client c means "c's writes 1..k". A write whose client sent it before the
    // previous one completed (pipelining) does not follow it, so it cannot stand for that prefix:
    // then only what it depends on is learnt (fewer dependencies, never invented ones).
    const learn = (into: Uint32Array, w: OpRecord) => {
      if (w.deps) for (let c = 0; c < width; c++) if (w.deps[c]! > into[c]!) into[c] = w.deps[c]!;
      const slot = this.clientSlot[w.client]!;
      const chained = (w.deps?.[slot] ?? 0) >= w.ordinal - 1;
      if (slot >= 0 && chained && w.ordinal > into[slot]!) into[slot] = w.ordinal;
    };
    // Only dispatches, responses and data changes matter: visit those, in event order.
    const visit = new Int32Array(sentAt.size + this.opList.length + this.dataEvents.length);
    let n = 0;
    for (const e of sentAt.keys()) visit[n++] = e;
    for (const op of this.opList) if (op.response >= 0) visit[n++] = op.response;
    for (const e of this.dataEvents) visit[n++] = e;
    const order = visit.subarray(0, n).sort();
    let last = -1;
    for (const e of order) {
      if (e === last) continue;
      last = e;
      const sent = sentAt.get(e);
      if (sent) for (const op of sent) op.deps = know[this.clientSlot[op.client]!]!.slice();
      const kind = trace.kind(e);
      if (kind === 'response') {
        const d = trace.detail(e);
        const rec = d?.op ? this.ops.get(d.op.key) : undefined;
        const slot = rec ? this.clientSlot[rec.client]! : -1;
        if (!rec || rec.response !== e || slot < 0 || !rec.result?.ok) continue;
        if (rec.mutation) learn(know[slot]!, rec);
        else
          for (const v of rec.result.values ?? [])
            for (const o of siblingOps(v)) {
              const w = this.ops.get(o);
              if (w?.mutation) learn(know[slot]!, w);
            }
      } else if (kind === 'state') {
        const d = trace.detail(e);
        if (!d?.after || !d.before || d.before.length === 0) continue;
        let kept: Set<string> | undefined;
        for (const s of d.after)
          for (const o of siblingOps(s)) {
            const b = this.ops.get(o);
            if (!b?.mutation || this.firstStore.get(o) !== e) continue;
            b.deps ??= new Uint32Array(width);
            kept ??= new Set(d.after.flatMap(siblingOps));
            for (const p of d.before) {
              // Kept beside it as a sibling: the replica judged them concurrent, not ordered.
              if (!acceptedAfter(s, p) || siblingOps(p).some((x) => kept!.has(x))) continue;
              for (const a of siblingOps(p)) {
                const w = this.ops.get(a);
                if (w?.mutation && w !== b) learn(b.deps, w);
              }
            }
          }
      }
    }
  }

  private onRequest(i: number): void {
    const op = this.trace.detail(i)?.op;
    if (!op || this.ops.has(op.key)) return;
    const rec: OpRecord = {
      key: op.key,
      info: op,
      client: this.trace.actorOf(i),
      request: i,
      response: -1,
      mutation: MUTATIONS.has(op.kind),
      ordinal: 0,
    };
    if (rec.mutation) rec.ordinal = ++this.mutationCount[rec.client]!;
    this.ops.set(op.key, rec);
    this.opList.push(rec);
    if (rec.mutation) {
      let list = this.writesByKey.get(op.dataKey);
      if (!list) {
        list = [];
        this.writesByKey.set(op.dataKey, list);
      }
      list.push(rec);
      if (op.kind === 'delete') {
        let deletes = this.deletesByKey.get(op.dataKey);
        if (!deletes) {
          deletes = [];
          this.deletesByKey.set(op.dataKey, deletes);
        }
        deletes.push(rec);
      }
    }
  }

  private onResponse(i: number): void {
    const d = this.trace.detail(i);
    const rec = d?.op ? this.ops.get(d.op.key) : undefined;
    if (!rec || rec.response >= 0) return;
    rec.response = i;
    rec.result = d?.result;
  }

  private onState(i: number): void {
    const d = this.trace.detail(i);
    if (!d) return;
    if (d.key === undefined || d.after === undefined) {
      if (d.field !== undefined) this.fieldEvents.push(i);
      return;
    }
    const actor = this.trace.actorOf(i);
    this.dataEvents.push(i);
    this.finalData[actor]!.set(d.key, { siblings: d.after, event: i });
    if (d.after.length > 1) this.noteTombstoneSiblings(d.after);
    for (const s of d.after) {
      for (const op of siblingOps(s)) {
        let where = this.storedOn.get(op);
        if (!where) {
          where = new Map();
          this.storedOn.set(op, where);
          this.firstStore.set(op, i);
        }
        if (!where.has(actor)) where.set(actor, i);
      }
    }
  }

  private noteTombstoneSiblings(after: readonly Sibling[]): void {
    for (const t of after) {
      if (!t.tombstone) continue;
      for (const del of siblingOps(t)) {
        let beside = this.besideTombstone.get(del);
        if (!beside) {
          beside = new Set();
          this.besideTombstone.set(del, beside);
        }
        for (const s of after) if (!s.tombstone) for (const o of siblingOps(s)) beside.add(o);
      }
    }
  }

  // ---- queries -------------------------------------------------------------------------------

  /** Event a happened before event b (vector clocks). */
  hb(a: number, b: number): boolean {
    return a !== b && this.trace.vcEntry(b, this.trace.actorOf(a)) >= this.trace.seq(a);
  }

  concurrent(a: number, b: number): boolean {
    return a !== b && !this.hb(a, b) && !this.hb(b, a);
  }

  /**
   * The client event that sent the op on its way. A client library that holds an op until the
   * previous one completes sends it later than its request event, knowing more; this is what it
   * knew. Found as the client's first send between request and response whose payload names the
   * op (or the client's own store, for an offline client's replica), else by
   * walking back the cause chain of the op's first store to the client; else the request.
   */
  dispatch(op: OpRecord): number {
    if (op.dispatch !== undefined) return op.dispatch;
    const trace = this.trace;
    const local = this.storedOn.get(op.key)?.get(op.client);
    if (local !== undefined) {
      // An offline client's replica applied it first: that is where it started.
      op.dispatch = Math.max(op.request, local);
      return op.dispatch;
    }
    let found = -1;
    const from = trace.seq(op.request);
    const count = trace.actorEventCount(op.client);
    for (let n = from; n < count && n < from + MAX_DISPATCH_SCAN && found < 0; n++) {
      const e = trace.actorEvent(op.client, n);
      if (op.response >= 0 && e > op.response) break;
      if (trace.kind(e) !== 'send') continue;
      const payload = trace.detail(e)?.payload;
      if (payload && names(payload, op.key, 4)) found = e;
    }
    let e = found < 0 ? this.firstStore.get(op.key) : undefined;
    for (let step = 0; e !== undefined && step < MAX_CAUSE_STEPS; step++) {
      if (trace.actorOf(e) === op.client) {
        if (e > op.request) found = e;
        break;
      }
      e = trace.cause(e);
    }
    op.dispatch = found < 0 ? op.request : found;
    return op.dispatch;
  }

  /** Write b depends on write a (see computeDependencies). */
  before(a: OpRecord, b: OpRecord): boolean {
    if (a === b || !a.mutation || !b.deps) return false;
    const slot = this.clientSlot[a.client]!;
    return slot >= 0 && b.deps[slot]! >= a.ordinal;
  }

  /** Neither write happened before the other. */
  concurrentOps(a: OpRecord, b: OpRecord): boolean {
    return a !== b && !this.before(a, b) && !this.before(b, a);
  }

  acked(op: OpRecord): boolean {
    return op.response >= 0 && op.result?.ok === true;
  }

  actorName(actor: number): string {
    return this.trace.actorId(actor);
  }

  time(event: number): string {
    return formatMs(this.trace.time(event));
  }

  /** The CRDT type of a key, if the scenario declares one. */
  crdtType(key: string): CrdtType | undefined {
    const c = this.scenario.cluster;
    return c.replication === 'multi-leader' ? c.types[key] : undefined;
  }

  /** Keys whose ops commute (counters, sets): every op must be reflected, none overwrites another. */
  isCumulative(key: string): boolean {
    const t = this.crdtType(key);
    return t === 'counter' || t === 'set';
  }

  /** Live replicas that hold data: nodes up at the end, plus clients keeping an offline replica. */
  liveReplicas(): number[] {
    const out: number[] = [];
    for (let a = 0; a < this.up.length; a++) {
      if (this.isNode[a] ? this.up[a] : this.finalData[a]!.size > 0) out.push(a);
    }
    return out;
  }

  /** `alice's write cart = [milk, eggs] (op alice#2)`. */
  describeWrite(op: OpRecord, possessive = true): string {
    const who = possessive ? `${op.info.client}'s ` : '';
    const k = op.info.dataKey;
    const v = formatValue(op.info.value);
    switch (op.info.kind) {
      case 'delete':
        return `${who}delete of ${k} (op ${op.key})`;
      case 'increment':
        return `${who}increment of ${k} by ${op.info.by ?? 1} (op ${op.key})`;
      case 'add':
        return `${who}add of ${v} to ${k} (op ${op.key})`;
      case 'remove':
        return `${who}remove of ${v} from ${k} (op ${op.key})`;
      default:
        return `${who}write ${k} = ${v} (op ${op.key})`;
    }
  }

  /** `bob read cart = [milk] from f1 at 12ms`. */
  describeRead(op: OpRecord, withReader = true): string {
    const where = op.result?.servedBy ? ` from ${op.result.servedBy}` : '';
    const at = op.response >= 0 ? ` at ${this.time(op.response)}` : '';
    const what = `${op.info.dataKey} = ${formatSiblings(op.result?.values)}${where}${at}`;
    return withReader ? `${op.info.client} read ${what}` : what;
  }
}

/**
 * Whether a replica that stored sibling `later` where `earlier` was ordered it after `earlier`:
 * not when version vectors say they are concurrent (the replica resolved a conflict), nor when a
 * timestamp alone decided (last write wins compares clocks, not arrival).
 */
export function acceptedAfter(later: Sibling, earlier: Sibling): boolean {
  const covers = dominates(later, earlier);
  if (covers !== undefined) return covers;
  return later.ts === undefined || later.version !== undefined;
}

/** Whether sibling `a`'s version vector covers sibling `b` (its dot, or its whole vector); undefined without vectors. */
export function dominates(a: Sibling, b: Sibling): boolean | undefined {
  if (!a.vv) return undefined;
  if (b.dot) return (a.vv[b.dot[0]] ?? 0) >= b.dot[1];
  if (!b.vv) return undefined;
  for (const [k, v] of Object.entries(b.vv)) if ((a.vv[k] ?? 0) < v) return false;
  return true;
}

/** Whether `value` holds the string `key` somewhere within `depth` levels (a message naming an op). */
function names(value: unknown, key: string, depth: number): boolean {
  if (value === key) return true;
  if (depth === 0 || value === null || typeof value !== 'object') return false;
  for (const v of Array.isArray(value) ? value : Object.values(value))
    if (names(v, key, depth - 1)) return true;
  return false;
}

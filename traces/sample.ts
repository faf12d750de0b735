// Hand-built traces for tests, goldens and benchmarks: a thin layer over TraceRecorder that fills in
// message ids, from/to and the data mirror the way the simulator does, without needing the engine.

import type { EventDetail } from './store';
import { TraceRecorder } from './store';
import type { Actor, ActorKind, Message, OpInfo, OpResult, Sibling, TraceHeader } from './types';
import { NETWORK_ACTOR, TRACE_FORMAT, TRACE_VERSION } from './types';

export class TraceScript {
  readonly trace: TraceRecorder;
  private nextMsg = 1;
  private readonly mirror = new Map<string, Sibling[]>();
  private readonly sends = new Map<number, EventDetail>();
  now = 0;

  constructor(actors: [string, ActorKind][], title = 'sample', seed = 1, capacity = 1024) {
    const list: Actor[] = actors.map(([id, kind]) => ({ id, kind }));
    const header: TraceHeader = {
      format: TRACE_FORMAT,
      version: TRACE_VERSION,
      scenario: { title, seed },
      actors: list,
    };
    this.trace = new TraceRecorder(header, capacity);
  }

  private idx(actor: string): number {
    const i = this.trace.actorIndex.get(actor);
    if (i === undefined) throw new Error(`unknown actor ${actor}`);
    return i;
  }

  /** Advance virtual time by `ms` and return the new time. */
  at(ms: number): this {
    this.now = ms;
    return this;
  }

  event(
    actor: string,
    kind: Parameters<TraceRecorder['append']>[2],
    detail?: EventDetail,
    cause?: number,
    line?: number,
  ): number {
    return this.trace.append(this.now, this.idx(actor), kind, cause, line, detail);
  }

  /** A send; returns [event id, message id]. */
  send(from: string, to: string, msg: Message, cause?: number): [number, number] {
    const id = this.nextMsg++;
    const detail: EventDetail = { msg: id, from, to, type: msg.type, payload: msg };
    this.sends.set(id, detail);
    return [this.event(from, 'send', detail, cause), id];
  }

  deliver(msg: number, sendEvent: number): number {
    const d = this.sends.get(msg)!;
    return this.event(d.to!, 'deliver', d, sendEvent);
  }

  drop(msg: number, sendEvent: number, reason = 'loss'): number {
    const d = this.sends.get(msg)!;
    // Drops belong to the network pseudo-actor when the trace has one, else to the receiver.
    const owner = this.trace.actorIndex.has(NETWORK_ACTOR) ? NETWORK_ACTOR : d.to!;
    return this.trace.append(this.now, this.idx(owner), 'drop', sendEvent, undefined, { ...d, reason });
  }

  data(actor: string, key: string, after: Sibling[], cause?: number): number {
    const m = `${actor}\u0000${key}`;
    const before = this.mirror.get(m) ?? [];
    this.mirror.set(m, after);
    return this.event(actor, 'state', { key, before, after }, cause);
  }

  field(actor: string, field: string, value: unknown, cause?: number): number {
    return this.event(actor, 'state', { field, value }, cause);
  }

  append(actor: string, field: string, item: unknown, cause?: number): number {
    return this.event(actor, 'state', { field, append: item }, cause);
  }

  truncate(actor: string, field: string, length: number, cause?: number): number {
    return this.event(actor, 'state', { field, truncate: length }, cause);
  }

  request(client: string, op: OpInfo, line?: number): number {
    return this.event(client, 'request', { op }, undefined, line);
  }

  response(client: string, op: OpInfo, result: OpResult, cause?: number): number {
    return this.event(client, 'response', { op, result }, cause);
  }
}

/**
 * A small replicated-write run: alice writes x=1 through the leader, the leader replicates to two
 * followers, f2 crashes before acking and recovers; a partition cuts f1 off for a while; bob reads
 * a stale value from f2.
 */
export function sampleTrace(): TraceRecorder {
  const s = new TraceScript([
    ['leader', 'node'],
    ['f1', 'node'],
    ['f2', 'node'],
    ['alice', 'client'],
    ['bob', 'client'],
    [NETWORK_ACTOR, 'network'],
  ]);
  const w: OpInfo = { key: 'w1', id: 'w1', client: 'alice', kind: 'write', dataKey: 'x', value: 1 };
  const r: OpInfo = { key: 'bob#1', client: 'bob', kind: 'read', dataKey: 'x' };
  s.at(0);
  s.field('leader', 'role', 'leader');
  s.field('f1', 'role', 'follower');
  s.field('f2', 'role', 'follower');
  s.at(1);
  const req = s.request('alice', w, 12);
  const [sw, mw] = s.send('alice', 'leader', { type: 'Write', key: 'x', value: 1 }, req);
  s.at(3);
  const dw = s.deliver(mw, sw);
  const st = s.data('leader', 'x', [{ value: 1, op: 'w1', version: 1 }], dw);
  s.append('leader', 'log', { key: 'x', value: 1, op: 'w1' }, st);
  const [s1, m1] = s.send('leader', 'f1', { type: 'Replicate', key: 'x', value: 1, version: 1 }, st);
  const [s2, m2] = s.send('leader', 'f2', { type: 'Replicate', key: 'x', value: 1, version: 1 }, st);
  s.at(4);
  s.event('f2', 'crash', { detail: { disk: 'kept' } });
  s.at(5);
  s.drop(m2, s2, 'crashed');
  const d1 = s.deliver(m1, s1);
  const f1st = s.data('f1', 'x', [{ value: 1, op: 'w1', version: 1 }], d1);
  const [sa, ma] = s.send('f1', 'leader', { type: 'Ack', version: 1 }, f1st);
  s.at(7);
  const da = s.deliver(ma, sa);
  const [sok, mok] = s.send('leader', 'alice', { type: 'WriteOk', version: 1 }, da);
  s.at(8);
  const dok = s.deliver(mok, sok);
  s.response('alice', w, { ok: true, servedBy: 'leader' }, dok);
  s.at(10);
  s.event(NETWORK_ACTOR, 'partition', { detail: { groups: [['leader', 'f2', 'alice', 'bob'], ['f1']] } });
  s.at(12);
  s.event('f2', 'recover');
  s.at(14);
  const rq = s.request('bob', r, 13);
  const [sr, mr] = s.send('bob', 'f2', { type: 'Read', key: 'x' }, rq);
  s.at(15);
  const dr = s.deliver(mr, sr);
  const [srr, mrr] = s.send('f2', 'bob', { type: 'ReadOk', values: [] }, dr);
  s.at(16);
  const drr = s.deliver(mrr, srr);
  const resp = s.response('bob', r, { ok: true, values: [], servedBy: 'f2' }, drr);
  s.event('bob', 'anomaly', { text: 'stale read', detail: { kind: 'stale-read' } }, resp);
  s.at(20);
  s.event(NETWORK_ACTOR, 'heal', {});
  s.trace.anomalies.push({
    kind: 'stale-read',
    event: resp,
    explain: 'bob read nothing from f2 after alice’s write of x=1 was acknowledged.',
    related: [req, resp],
    key: 'x',
  });
  s.trace.final = {
    leader: { up: true, data: { x: [{ value: 1, op: 'w1', version: 1 }] }, fields: { role: 'leader' } },
    f1: { up: true, data: { x: [{ value: 1, op: 'w1', version: 1 }] }, fields: { role: 'follower' } },
    f2: { up: true, data: {}, fields: { role: 'follower' } },
  };
  s.trace.stats = { events: s.trace.length, messages: 7, dropped: 1, virtualTime: 20, stopReason: 'quiet' };
  return s.trace;
}

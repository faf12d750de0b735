import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TraceReplay } from './replay';
import { sampleTrace, TraceScript } from './sample';
import type { Trace } from './store';
import type { Sibling } from './types';
import { NETWORK_ACTOR } from './types';

/** The obvious replay from event 0, to check the checkpointed one against. */
function naiveState(trace: Trace, upTo: number) {
  const added = new Set<string>();
  for (let e = 0; e < trace.length; e++)
    if (trace.kind(e) === 'addNode') added.add(trace.actorId(trace.actorOf(e)));
  const st: Record<
    string,
    { up: boolean; data: Record<string, Sibling[]>; fields: Record<string, unknown> }
  > = {};
  for (const a of trace.actors) {
    if (a.kind !== 'network' && !added.has(a.id)) st[a.id] = { up: true, data: {}, fields: {} };
  }
  for (let e = 0; e <= upTo; e++) {
    const actor = trace.actorId(trace.actorOf(e));
    const d = trace.detail(e);
    const kind = trace.kind(e);
    if (kind === 'addNode') st[actor] = { up: true, data: {}, fields: {} };
    const s = st[actor];
    if (!s) continue;
    if (kind === 'crash') s.up = false;
    if (kind === 'recover') s.up = true;
    if (kind === 'state' && d) {
      if (d.key !== undefined) s.data[d.key] = d.after ?? [];
      else if (d.field !== undefined) {
        const cur = (s.fields[d.field] as unknown[] | undefined) ?? [];
        if (d.append !== undefined) s.fields[d.field] = [...cur, d.append];
        else if (d.truncate !== undefined) s.fields[d.field] = cur.slice(0, d.truncate);
        else s.fields[d.field] = d.value;
      }
    }
  }
  return st;
}

function naiveInflight(trace: Trace, upTo: number): number[] {
  const open = new Map<number, number>();
  for (let e = 0; e <= upTo; e++) {
    const d = trace.detail(e);
    if (trace.kind(e) === 'send') open.set(d!.msg!, e);
    if (trace.kind(e) === 'deliver' || trace.kind(e) === 'drop') open.delete(d!.msg!);
  }
  return [...open.values()].sort((a, b) => a - b);
}

describe('TraceReplay on the sample run', () => {
  const trace = sampleTrace();
  const replay = new TraceReplay(trace);
  const find = (pred: (e: number) => boolean): number => {
    for (let e = 0; e < trace.length; e++) if (pred(e)) return e;
    throw new Error('not found');
  };

  it('shows the empty cluster before the first event', () => {
    const s = replay.stateAt(-1);
    expect(Object.keys(s)).toEqual(['leader', 'f1', 'f2', 'alice', 'bob']);
    expect(s.leader).toEqual({ up: true, data: {}, fields: {} });
  });

  it('applies data and field changes as of the event', () => {
    const write = find((e) => trace.kind(e) === 'state' && trace.detail(e)?.key === 'x');
    expect(replay.stateAt(write - 1).leader!.data.x).toBeUndefined();
    expect(replay.stateAt(write).leader!.data.x).toEqual([{ value: 1, op: 'w1', version: 1 }]);
    expect(replay.stateAt(write + 1).leader!.fields.log).toEqual([{ key: 'x', value: 1, op: 'w1' }]);
    expect(replay.stateAt(write).leader!.fields.role).toBe('leader');
  });

  it('marks a node down from its crash to its recover', () => {
    const crash = find((e) => trace.kind(e) === 'crash');
    const recover = find((e) => trace.kind(e) === 'recover');
    expect(replay.stateAt(crash - 1).f2!.up).toBe(true);
    expect(replay.stateAt(crash).f2!.up).toBe(false);
    expect(replay.stateAt(recover - 1).f2!.up).toBe(false);
    expect(replay.stateAt(recover).f2!.up).toBe(true);
    expect(replay.downSpans('f2')).toEqual([{ crash, start: 4, recover, end: 12 }]);
    expect(replay.downSpans('leader')).toEqual([]);
  });

  it('lists messages in flight with their send, ends and payload', () => {
    const s2 = find((e) => trace.kind(e) === 'send' && trace.detail(e)?.to === 'f2');
    const inflight = replay.inflightAt(s2);
    expect(inflight.map((m) => [m.from, m.to, m.type])).toEqual([
      ['leader', 'f1', 'Replicate'],
      ['leader', 'f2', 'Replicate'],
    ]);
    expect(inflight[1]).toMatchObject({ send: s2, sentAt: 3, payload: { type: 'Replicate', version: 1 } });
    const drop = find((e) => trace.kind(e) === 'drop');
    expect(replay.inflightAt(drop).map((m) => m.to)).toEqual(['f1']);
    expect(replay.inflightAt(trace.length - 1)).toEqual([]);
  });

  it('knows which links a partition cuts and when the heal restores them', () => {
    expect(replay.partitionsAt(9)).toEqual([]);
    const cut = replay.partitionsAt(10);
    expect(cut).toHaveLength(8);
    expect(cut.map((l) => `${l.from}>${l.to}`)).toContain('f1>leader');
    expect(cut.map((l) => `${l.from}>${l.to}`)).toContain('bob>f1');
    expect(replay.partitionsAt(20)).toEqual([]);
    const spans = replay.partitionSpans();
    expect(spans).toHaveLength(8);
    expect(spans.every((s) => s.start === 10 && s.end === 20)).toBe(true);
  });

  it('reports the net changes between two points in either direction', () => {
    const crash = find((e) => trace.kind(e) === 'crash');
    const forward = replay.changesBetween(-1, crash);
    expect(forward.find((c) => c.actor === 'f2' && c.kind === 'up')).toMatchObject({
      before: true,
      after: false,
    });
    expect(forward.find((c) => c.actor === 'leader' && c.name === 'x')).toMatchObject({
      kind: 'data',
      before: undefined,
      after: [{ value: 1, op: 'w1', version: 1 }],
    });
    const backward = replay.changesBetween(crash, -1);
    expect(backward.find((c) => c.actor === 'f2' && c.kind === 'up')).toMatchObject({
      before: false,
      after: true,
    });
    // A crash and recover in the range cancel out.
    const recover = find((e) => trace.kind(e) === 'recover');
    expect(replay.changesBetween(crash - 1, recover).some((c) => c.kind === 'up')).toBe(false);
  });

  it('rejects an event outside the trace', () => {
    expect(() => replay.stateAt(trace.length)).toThrow(/no event/);
  });
});

describe('TraceReplay membership and growth', () => {
  it('keeps a node added by addNode absent until it joins', () => {
    const s = new TraceScript([
      ['a', 'node'],
      ['b', 'node'],
    ]);
    s.field('a', 'role', 'leader');
    const add = s.event('b', 'addNode', { detail: { id: 'b', as: 'follower' } });
    s.field('b', 'role', 'follower');
    const replay = new TraceReplay(s.trace);
    expect(Object.keys(replay.stateAt(0))).toEqual(['a']);
    expect(Object.keys(replay.stateAt(add))).toEqual(['a', 'b']);
    expect(replay.changesBetween(0, add)).toEqual([
      { actor: 'b', kind: 'added', before: false, after: true, events: [add] },
    ]);
  });

  it('follows a trace that grows after the replay was made, and forgets a truncated tail', () => {
    const s = new TraceScript([['a', 'node']]);
    const replay = new TraceReplay(s.trace, { stride: 16, messageStride: 16 });
    for (let i = 0; i < 100; i++) s.append('a', 'log', i);
    expect(replay.stateAt(99).a!.fields.log).toHaveLength(100);
    s.trace.truncate(50);
    replay.invalidateFrom(50);
    s.truncate('a', 'log', 10);
    s.append('a', 'log', 'x');
    expect(replay.stateAt(51).a!.fields.log).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 'x']);
    expect(replay.stateAt(49).a!.fields.log).toHaveLength(50);
  });

  it('keeps a duplicated message in flight until its last copy arrives', () => {
    const s = new TraceScript([
      ['a', 'node'],
      ['b', 'node'],
    ]);
    const [send, m] = s.send('a', 'b', { type: 'Ping' });
    const first = s.deliver(m, send);
    for (let i = 0; i < 2100; i++) s.field('a', 'tick', i);
    const second = s.deliver(m, send);
    const replay = new TraceReplay(s.trace);
    expect(replay.inflightAt(first).map((x) => x.msg)).toEqual([m]);
    expect(replay.inflightAt(2000).map((x) => x.msg)).toEqual([m]);
    expect(replay.inflightAt(second)).toEqual([]);
    expect(replay.messageSpan(m)).toEqual({ send, end: second });
  });
});

/** Random runs of sends, deliveries, drops, data and list changes, crashes. */
const ACTORS = ['n1', 'n2', 'n3', 'c1'];
const opArb = fc.oneof(
  fc.record({ t: fc.constant('send' as const), from: fc.nat(3), to: fc.nat(3) }),
  fc.record({ t: fc.constant('end' as const), which: fc.nat(), drop: fc.boolean() }),
  fc.record({
    t: fc.constant('data' as const),
    actor: fc.nat(3),
    key: fc.constantFrom('x', 'y', 'z'),
    v: fc.nat(9),
  }),
  fc.record({ t: fc.constant('field' as const), actor: fc.nat(3), v: fc.nat(9) }),
  fc.record({ t: fc.constant('append' as const), actor: fc.nat(3), v: fc.nat(9) }),
  fc.record({ t: fc.constant('truncate' as const), actor: fc.nat(3), n: fc.nat(5) }),
  fc.record({ t: fc.constant('crash' as const), actor: fc.nat(2) }),
);

type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

function build(ops: Op[]): Trace {
  const s = new TraceScript([
    ...ACTORS.map((a): [string, 'node' | 'client'] => [a, a[0] === 'c' ? 'client' : 'node']),
    [NETWORK_ACTOR, 'network'],
  ]);
  const open: [number, number][] = [];
  let t = 0;
  for (const op of ops) {
    s.at(t++);
    switch (op.t) {
      case 'send':
        open.push(s.send(ACTORS[op.from]!, ACTORS[op.to]!, { type: 'M' }));
        break;
      case 'end': {
        if (open.length === 0) break;
        const [send, m] = open.splice(op.which % open.length, 1)[0]!;
        if (op.drop) s.drop(m, send);
        else s.deliver(m, send);
        break;
      }
      case 'data':
        s.data(ACTORS[op.actor]!, op.key, [{ value: op.v, op: `w${op.v}` }]);
        break;
      case 'field':
        s.field(ACTORS[op.actor]!, 'term', op.v);
        break;
      case 'append':
        s.append(ACTORS[op.actor]!, 'log', op.v);
        break;
      case 'truncate':
        s.truncate(ACTORS[op.actor]!, 'log', op.n);
        break;
      case 'crash':
        s.event(ACTORS[op.actor]!, 'crash');
        s.event(ACTORS[op.actor]!, 'recover');
        break;
    }
  }
  return s.trace;
}

describe('TraceReplay matches a full replay', () => {
  it('gives the same state and in-flight messages at every event, queried in any order', () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { minLength: 1, maxLength: 300 }),
        fc.array(fc.nat(), { maxLength: 40 }),
        (ops, queries) => {
          const trace = build(ops);
          if (trace.length === 0) return;
          const replay = new TraceReplay(trace, { stride: 16, messageStride: 8 });
          for (const q of queries) {
            const e = q % trace.length;
            expect(replay.stateAt(e)).toEqual(naiveState(trace, e));
            expect(replay.inflightAt(e).map((m) => m.send)).toEqual(naiveInflight(trace, e));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ancestorsAmong,
  causalChain,
  causalFrontier,
  causalFuture,
  causalFutureRanges,
  causalPast,
  causalPastRanges,
  clockProblem,
  concurrent,
  concurrentRanges,
  happensBefore,
  maximalAmong,
  rangeSize,
  rangesContain,
  rangesToIds,
  relation,
} from './causality';
import { sampleTrace, TraceScript } from './sample';
import type { Trace } from './store';

/** Happens-before from the graph itself (program order + cause edges), by search. */
function reach(trace: Trace): boolean[][] {
  const n = trace.length;
  const r = Array.from({ length: n }, () => new Array<boolean>(n).fill(false));
  for (let b = 0; b < n; b++) {
    const preds: number[] = [];
    const prev = trace.previousOnActor(b);
    if (prev !== undefined) preds.push(prev);
    const c = trace.cause(b);
    if (c !== undefined) preds.push(c);
    for (const p of preds) {
      r[p]![b] = true;
      for (let a = 0; a < n; a++) if (r[a]![p]) r[a]![b] = true;
    }
  }
  return r;
}

const graphArb = fc.array(fc.record({ actor: fc.nat(3), cause: fc.option(fc.nat(), { nil: undefined }) }), {
  minLength: 1,
  maxLength: 60,
});

function build(spec: { actor: number; cause: number | undefined }[]): Trace {
  const s = new TraceScript([
    ['a', 'node'],
    ['b', 'node'],
    ['c', 'node'],
    ['d', 'client'],
  ]);
  spec.forEach((x, i) => {
    const cause = x.cause === undefined || i === 0 ? undefined : x.cause % i;
    s.event(['a', 'b', 'c', 'd'][x.actor]!, 'note', undefined, cause);
  });
  return s.trace;
}

describe('causality queries agree with the happens-before graph', () => {
  it('happensBefore, concurrent, cones and concurrent ranges', () => {
    fc.assert(
      fc.property(graphArb, (spec) => {
        const trace = build(spec);
        const r = reach(trace);
        const n = trace.length;
        for (let a = 0; a < n; a++) {
          const past: number[] = [];
          const future: number[] = [];
          const conc: number[] = [];
          for (let b = 0; b < n; b++) {
            expect(happensBefore(trace, a, b)).toBe(r[a]![b]);
            expect(concurrent(trace, a, b)).toBe(a !== b && !r[a]![b] && !r[b]![a]);
            if (r[b]![a]) past.push(b);
            if (r[a]![b]) future.push(b);
            if (a !== b && !r[a]![b] && !r[b]![a]) conc.push(b);
          }
          expect([...causalPast(trace, a)]).toEqual(past);
          expect([...causalFuture(trace, a)]).toEqual(future);
          expect([...rangesToIds(trace, concurrentRanges(trace, a))]).toEqual(conc);
          expect(rangeSize(causalPastRanges(trace, a, true))).toBe(past.length + 1);
          expect([...causalFuture(trace, a, true)]).toEqual([a, ...future].sort((x, y) => x - y));
        }
        expect(clockProblem(trace)).toBeUndefined();
      }),
      { numRuns: 80 },
    );
  });
});

describe('causality on the sample run', () => {
  const trace = sampleTrace();
  const find = (pred: (e: number) => boolean): number => {
    for (let e = 0; e < trace.length; e++) if (pred(e)) return e;
    throw new Error('not found');
  };
  const write = find((e) => trace.kind(e) === 'request' && trace.actorId(trace.actorOf(e)) === 'alice');
  const ack = find((e) => trace.kind(e) === 'response' && trace.actorId(trace.actorOf(e)) === 'alice');
  const bobRead = find((e) => trace.kind(e) === 'request' && trace.actorId(trace.actorOf(e)) === 'bob');
  const f1Store = find(
    (e) =>
      trace.kind(e) === 'state' && trace.detail(e)?.key === 'x' && trace.actorId(trace.actorOf(e)) === 'f1',
  );

  it('says the acknowledged write happens before its acknowledgement, and bob read concurrently', () => {
    expect(relation(trace, write, ack)).toBe('before');
    expect(relation(trace, ack, write)).toBe('after');
    expect(relation(trace, write, write)).toBe('same');
    expect(relation(trace, ack, bobRead)).toBe('concurrent');
  });

  it('walks the cause chain of the acknowledgement back to the client request', () => {
    const chain = causalChain(trace, ack);
    expect(chain[0]).toBe(ack);
    expect(chain[chain.length - 1]).toBe(write);
    expect(chain.map((e) => trace.kind(e))).toEqual([
      'response',
      'deliver',
      'send',
      'deliver',
      'send',
      'state',
      'deliver',
      'send',
      'state',
      'deliver',
      'send',
      'request',
    ]);
    expect(chain).toContain(f1Store);
  });

  it('gives the frontier of the acknowledgement: the last event seen on each actor', () => {
    const frontier = causalFrontier(trace, ack);
    expect(frontier[trace.actorIndex.get('alice')!]).toBe(ack);
    expect(frontier[trace.actorIndex.get('f1')!]).toBe(
      find((e) => trace.kind(e) === 'send' && trace.actorId(trace.actorOf(e)) === 'f1'),
    );
    expect(frontier[trace.actorIndex.get('bob')!]).toBe(-1);
  });

  it('filters candidates by causal order and finds the latest among them', () => {
    expect(ancestorsAmong(trace, ack, [bobRead, write, f1Store])).toEqual([write, f1Store]);
    expect(maximalAmong(trace, [write, f1Store, bobRead])).toEqual([f1Store, bobRead]);
    expect(rangesContain(trace, causalFutureRanges(trace, write), ack)).toBe(true);
    expect(rangesContain(trace, causalFutureRanges(trace, write), bobRead)).toBe(false);
  });

  it('rejects an event id outside the trace', () => {
    expect(() => happensBefore(trace, 0, trace.length)).toThrow(/no event/);
  });
});

describe('clockProblem', () => {
  it('reports an own entry that does not increase', () => {
    const s = new TraceScript([
      ['a', 'node'],
      ['b', 'node'],
    ]);
    s.trace.append(0, 0, 'note', undefined, undefined, undefined, { a: 1 });
    s.trace.append(0, 0, 'note', undefined, undefined, undefined, { a: 1, b: 1 });
    expect(clockProblem(s.trace)).toMatch(/event 1 on a: its own clock entry 1 does not increase/);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TraceRecorder } from './store';
import type { OpInfo, Sibling, TraceHeader } from './types';

const header = (actors: number): TraceHeader => ({
  format: 'replication-trace',
  version: 1,
  scenario: { title: 'store test', seed: 1, replication: 'leaderless' },
  actors: Array.from({ length: actors }, (_, i) => ({ id: `a${i}`, kind: 'node' as const })),
});

/** One append of a generated run: which actor, and (as a fraction of the events so far) which cause. */
interface Step {
  actor: number;
  cause: number | null;
  form: 'plain' | 'request' | 'response' | 'data' | 'message';
  line: number | null;
}

const stepArb = (actors: number): fc.Arbitrary<Step> =>
  fc.record({
    actor: fc.nat(actors - 1),
    cause: fc
      .option(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { nil: null })
      .map((c) => (c === null ? null : c)),
    form: fc.constantFrom('plain', 'request', 'response', 'data', 'message'),
    line: fc.option(fc.nat(200_000), { nil: null }),
  });

/** Replays steps into a recorder, and alongside into plain arrays of full vector clocks. */
function record(actors: number, steps: Step[]) {
  const trace = new TraceRecorder(header(actors), 16);
  const clocks: number[][] = [];
  const last: (number[] | undefined)[] = new Array(actors).fill(undefined);
  const details: unknown[] = [];
  steps.forEach((step, id) => {
    const cause = step.cause === null || id === 0 ? undefined : Math.floor(step.cause * id);
    const line = step.line ?? undefined;
    const op: OpInfo = { key: `op${id}`, client: 'a0', kind: 'write', dataKey: 'k' };
    const sibling: Sibling = { value: id, op: op.key };
    let got: number;
    switch (step.form) {
      case 'request':
        got = trace.appendRequest(id, step.actor, cause, line, op);
        details.push({ op });
        break;
      case 'response':
        got = trace.appendResponse(id, step.actor, cause, line, op, { ok: true });
        details.push({ op, result: { ok: true } });
        break;
      case 'data':
        got = trace.appendData(id, step.actor, cause, line, 'k', [], [sibling]);
        details.push({ key: 'k', before: [], after: [sibling] });
        break;
      case 'message': {
        const msg = trace.registerMessage(step.actor, 0, 'Ping', { type: 'Ping', n: id });
        got = trace.appendMessageEvent(id, step.actor, 'send', cause, line, msg);
        details.push({
          msg,
          from: `a${step.actor}`,
          to: 'a0',
          type: 'Ping',
          payload: { type: 'Ping', n: id },
        });
        break;
      }
      default:
        got = trace.append(id, step.actor, 'note', cause, line, { text: `note ${id}` });
        details.push({ text: `note ${id}` });
    }
    expect(got).toBe(id);
    const clock = [...(last[step.actor] ?? new Array(actors).fill(0))];
    if (cause !== undefined) {
      const theirs = clocks[cause]!;
      for (let a = 0; a < actors; a++) clock[a] = Math.max(clock[a]!, theirs[a]!);
    }
    clock[step.actor] = (last[step.actor]?.[step.actor] ?? 0) + 1;
    clocks.push(clock);
    last[step.actor] = clock;
  });
  return { trace, clocks, details };
}

const runArb = fc
  .integer({ min: 1, max: 7 })
  .chain((actors) =>
    fc.tuple(fc.constant(actors), fc.array(stepArb(actors), { minLength: 1, maxLength: 300 })),
  );

describe('the columnar trace store', () => {
  it('gives every event the vector clock a naive full-vector computation gives', () => {
    fc.assert(
      fc.property(runArb, ([actors, steps]) => {
        const { trace, clocks } = record(actors, steps);
        for (let e = 0; e < trace.length; e++)
          for (let a = 0; a < actors; a++) expect(trace.vcEntry(e, a)).toBe(clocks[e]![a]);
      }),
      { numRuns: 150 },
    );
  });

  it('gives back each event’s detail, line and cause, before and after compacting', () => {
    fc.assert(
      fc.property(runArb, ([actors, steps]) => {
        const { trace, details } = record(actors, steps);
        const check = () =>
          steps.forEach((step, e) => {
            expect(trace.detail(e)).toEqual(details[e]);
            expect(trace.line(e)).toBe(step.line ?? undefined);
          });
        check();
        trace.compact();
        check();
      }),
      { numRuns: 100 },
    );
  });

  it('after truncating, holds exactly what a recorder fed only the kept events holds, and appends on', () => {
    fc.assert(
      fc.property(runArb, fc.double({ min: 0, max: 1, noNaN: true }), ([actors, steps], at) => {
        const keep = Math.floor(at * steps.length);
        const full = record(actors, steps).trace;
        full.truncate(keep);
        const { trace: fresh } = record(actors, steps.slice(0, keep));
        expect(full.length).toBe(keep);
        for (let e = 0; e < keep; e++) {
          expect(full.event(e)).toEqual(fresh.event(e));
        }
        // Appending after a truncation continues the clocks as if the dropped events never happened.
        const id = full.append(1e6, 0, 'note', keep > 0 ? keep - 1 : undefined, undefined);
        const id2 = fresh.append(1e6, 0, 'note', keep > 0 ? keep - 1 : undefined, undefined);
        expect(full.event(id)).toEqual(fresh.event(id2));
      }),
      { numRuns: 100 },
    );
  });

  it('lists each actor’s events in order however appends, queries, compaction and truncation interleave', () => {
    fc.assert(
      fc.property(
        runArb,
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { maxLength: 4 }),
        fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
        ([actors, steps], queryPoints, truncateAt) => {
          const { trace } = record(actors, []);
          const expectLists = () => {
            for (let a = 0; a < actors; a++) {
              const mine: number[] = [];
              for (let e = 0; e < trace.length; e++) if (trace.actorOf(e) === a) mine.push(e);
              expect(trace.actorEventCount(a)).toBe(mine.length);
              mine.forEach((e, n) => {
                expect(trace.actorEvent(a, n)).toBe(e);
                expect(trace.positionOnActor(e)).toBe(n);
                expect(trace.previousOnActor(e)).toBe(n > 0 ? mine[n - 1] : undefined);
              });
            }
          };
          const queryAt = new Set(queryPoints.map((q) => Math.floor(q * steps.length)));
          steps.forEach((step, id) => {
            if (queryAt.has(id)) expectLists();
            if (id === steps.length >> 1) trace.compact();
            trace.append(id, step.actor, 'note', undefined, undefined);
          });
          if (truncateAt !== null) {
            trace.truncate(Math.floor(truncateAt * steps.length));
            trace.append(1e6, actors - 1, 'note', undefined, undefined);
          }
          expectLists();
        },
      ),
      { numRuns: 150 },
    );
  });

  it('widens the line column when a line does not fit 16 bits, keeping earlier lines and "no line"', () => {
    const trace = new TraceRecorder(header(1), 16);
    trace.append(0, 0, 'note', undefined, 12);
    trace.append(1, 0, 'note', undefined, undefined);
    trace.append(2, 0, 'note', undefined, 70_000);
    trace.append(3, 0, 'note', undefined, undefined);
    expect([0, 1, 2, 3].map((e) => trace.line(e))).toEqual([12, undefined, 70_000, undefined]);
  });

  it('replaces a compactly stored detail with the one given to setDetail', () => {
    const trace = new TraceRecorder(header(2), 16);
    const op: OpInfo = { key: 'c#1', client: 'a1', kind: 'read', dataKey: 'k' };
    trace.appendResponse(0, 1, undefined, 3, op, { ok: true, values: [] });
    trace.setDetail(0, { op, result: { ok: false, error: 'timeout' } });
    expect(trace.detail(0)).toEqual({ op, result: { ok: false, error: 'timeout' } });
  });
});

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenarioText } from '../engine/run';
import { readTraceJson, TraceError, traceToJson } from './io';
import { sampleTrace } from './sample';
import { type Trace, TraceRecorder } from './store';
import {
  fromTransfer,
  isTraceTransfer,
  type TraceTransfer,
  type TransferColumns,
  toTransfer,
  transferBuffers,
} from './transfer';
import type { TraceHeader, VersionVector } from './types';

const EXAMPLES = [
  'examples/leaderless/sloppy-quorum-hinted-handoff.scenario.yaml',
  'examples/leaderless/sibling-merge-with-tombstone.scenario.yaml',
  'examples/multi-leader/circular-crash.scenario.yaml',
  'examples/multi-leader/crdt-or-set.scenario.yaml',
  'examples/single-leader/failover-lost-writes.scenario.yaml',
];

function engineTrace(file: string): TraceRecorder {
  const outcome = runScenarioText(readFileSync(file, 'utf8'), file);
  if (!outcome.result) throw new Error(`${file} does not run: ${JSON.stringify(outcome.diagnostics)}`);
  return outcome.result.trace;
}

/** Everything a consumer reads of a trace, by its public queries. */
function expectSameTrace(a: Trace, b: Trace): void {
  expect(b.length).toBe(a.length);
  expect(b.header).toEqual(a.header);
  for (let e = 0; e < a.length; e++) {
    expect(b.event(e)).toEqual(a.event(e));
    expect(b.msgOf(e)).toBe(a.msgOf(e));
    expect(b.msgTypeOf(e)).toBe(a.msgTypeOf(e));
    expect(b.positionOnActor(e)).toBe(a.positionOnActor(e));
  }
  expect(b.messages).toBe(a.messages);
  for (let m = 0; m < a.messages; m++) expect(b.message(m)).toEqual(a.message(m));
  for (let x = 0; x < a.actors.length; x++) {
    expect(b.actorEventCount(x)).toBe(a.actorEventCount(x));
    for (let k = 0; k < a.actorEventCount(x); k++) expect(b.actorEvent(x, k)).toBe(a.actorEvent(x, k));
  }
  expect(b.anomalies).toEqual(a.anomalies);
  expect(b.expectations).toEqual(a.expectations);
  expect(b.final).toEqual(a.final);
  expect(b.stats).toEqual(a.stats);
  expect(b.sweep).toEqual(a.sweep);
}

/** The same continuation on both: a delivery merging another actor's clock, a plain event, a message. */
function appendMore(t: TraceRecorder): number[] {
  const n = t.length;
  const last = t.time(n - 1);
  const actors = t.actors.length;
  const from = t.actorOf(n - 1);
  const to = (from + 1) % actors;
  const msg = t.registerMessage(from, to, 'AfterTransfer', { type: 'AfterTransfer', n });
  const sent = t.appendMessageEvent(last + 1, from, 'send', n - 1, 3, msg);
  const got = t.appendMessageEvent(last + 2, to, 'deliver', sent, undefined, msg);
  const note = t.append(last + 3, to, 'note', got, 70_000, { text: 'after' });
  const imported = t.append(last + 4, from, 'note', undefined, undefined, undefined, {
    [t.actorId(from)]: 99,
  });
  return [sent, got, note, imported];
}

function roundTrip(t: Trace): TraceRecorder {
  // Through a structured clone, as postMessage delivers it.
  return fromTransfer(structuredClone(toTransfer(t)));
}

describe('trace transfer', () => {
  it.each(EXAMPLES)('gives back every event, message and result of an engine run (%s)', (file) => {
    const original = engineTrace(file);
    const copy = roundTrip(original);
    expectSameTrace(original, copy);
    // Both keep recording the same way after the transfer (clocks continue, columns grow).
    const ids = appendMore(original);
    expect(appendMore(copy)).toEqual(ids);
    expectSameTrace(original, copy);
  });

  it('gives back the hand-built sample trace, and one read from its JSON file', () => {
    const sample = sampleTrace();
    expectSameTrace(sample, roundTrip(sample));
    // A trace read from JSON keeps a full clock row per event: those go through too.
    const read = readTraceJson(traceToJson(sample));
    read.sweep = { csv: 't_ms,runs,p_consistent\n0,10,0.5\n' };
    const copy = roundTrip(read);
    expectSameTrace(read, copy);
    expect(appendMore(copy)).toEqual(appendMore(read));
    expectSameTrace(read, copy);
  });

  it('gives back generated runs of every event form, with widened lines, imported clocks and drop reasons', () => {
    const step = fc.record({
      actor: fc.nat(5),
      cause: fc.option(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { nil: null }),
      form: fc.constantFrom('plain', 'request', 'response', 'data', 'send', 'drop', 'vc'),
      line: fc.option(fc.nat(100_000), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(step, { minLength: 0, maxLength: 200 }),
        fc.boolean(),
        (actors, steps, compact) => {
          const header: TraceHeader = {
            format: 'replication-trace',
            version: 1,
            scenario: { title: 'generated', seed: 7 },
            actors: Array.from({ length: actors }, (_, i) => ({ id: `a${i}`, kind: 'node' as const })),
          };
          const t = new TraceRecorder(header, 16);
          steps.forEach((s, id) => {
            const actor = s.actor % actors;
            const cause = s.cause === null || id === 0 ? undefined : Math.floor(s.cause * id);
            const line = s.line ?? undefined;
            const op = { key: `op${id}`, client: 'a0', kind: 'write' as const, dataKey: `k${id % 3}` };
            switch (s.form) {
              case 'request':
                t.appendRequest(id, actor, cause, line, op);
                break;
              case 'response':
                t.appendResponse(id, actor, cause, line, op, { ok: id % 2 === 0, error: 'timeout' });
                break;
              case 'data':
                t.appendData(
                  id,
                  actor,
                  cause,
                  line,
                  op.dataKey,
                  [],
                  [{ value: id, op: op.key, vv: { a0: id } }],
                );
                break;
              case 'send':
              case 'drop': {
                const msg = t.registerMessage(actor, 0, `T${id % 4}`, { type: `T${id % 4}`, n: id });
                t.appendMessageEvent(
                  id,
                  actor,
                  s.form,
                  cause,
                  line,
                  msg,
                  s.form === 'drop' ? { reason: 'crashed' } : undefined,
                );
                break;
              }
              case 'vc': {
                const vc: VersionVector = {};
                for (let a = 0; a < actors; a++) if ((id + a) % 2 === 0) vc[`a${a}`] = id + a;
                t.append(id, actor, 'note', cause, line, { text: `imported ${id}` }, vc);
                break;
              }
              default:
                t.append(id, actor, 'note', cause, line, { text: `note ${id}` });
            }
          });
          t.anomalies =
            t.length > 0 ? [{ kind: 'stale-read', event: t.length - 1, explain: 'x', related: [0] }] : [];
          if (compact) t.compact();
          const copy = roundTrip(t);
          expectSameTrace(t, copy);
          if (t.length > 0) {
            expect(appendMore(copy)).toEqual(appendMore(t));
            expectSameTrace(t, copy);
          }
        },
      ),
      { numRuns: 120 },
    );
  });

  it('copies the columns, so the trace stays usable when the transfer’s buffers are handed over', () => {
    const t = sampleTrace();
    const transfer = toTransfer(t);
    const buffers = transferBuffers(transfer);
    expect(new Set(buffers).size).toBe(buffers.length);
    // Transferring (detaching) every buffer leaves the trace untouched.
    structuredClone(transfer, { transfer: buffers });
    expect(transfer.times.length).toBe(0);
    expect(t.event(t.length - 1)).toEqual(sampleTrace().event(t.length - 1));
    expect(isTraceTransfer(toTransfer(t))).toBe(true);
    expect(isTraceTransfer({ format: 'replication-trace' })).toBe(false);
  });

  describe('refuses a corrupt transfer with a TraceError saying what is wrong', () => {
    const good = (): TraceTransfer => toTransfer(engineTrace(EXAMPLES[0]!));
    const meta = (t: TraceTransfer): Record<string, unknown> => JSON.parse(new TextDecoder().decode(t.meta));
    /** The transfer with some fields of its metadata replaced (undefined: left out). */
    const withMeta = (
      t: TraceTransfer,
      change: (m: Record<string, unknown>) => Record<string, unknown>,
    ): TraceTransfer => {
      const m = meta(t);
      return { ...t, meta: new TextEncoder().encode(JSON.stringify({ ...m, ...change(m) })) };
    };
    const set = (
      t: TraceTransfer,
      column: keyof TransferColumns,
      at: number,
      value: number,
    ): TraceTransfer => {
      t[column][at] = value;
      return t;
    };
    const cases: [string, (t: TraceTransfer) => unknown, RegExp][] = [
      ['not an object', () => 'trace', /not an object/],
      ['another format', (t) => ({ ...t, format: 'replication-trace' }), /format is "replication-trace"/],
      ['another version', (t) => ({ ...t, version: 2 }), /version 2 is not supported/],
      [
        'a column of the wrong type',
        (t) => ({ ...t, kindCol: Array.from(t.kindCol) }),
        /'kindCol' must be a Uint8Array/,
      ],
      [
        'columns of different lengths',
        (t) => ({ ...t, causeCol: t.causeCol.slice(1) }),
        /'causeCol' has \d+ entries, expected \d+/,
      ],
      ['an unknown kind', (t) => set(t, 'kindCol', 3, 200), /event 3 has kind code 200/],
      ['an actor beyond the list', (t) => set(t, 'actorCol', 5, 999), /event 5 names actor 999/],
      [
        'a cause that is not earlier',
        (t) => set(t, 'causeCol', 4, 4),
        /event 4 has cause 4, not an earlier event/,
      ],
      ['a clock row out of range', (t) => set(t, 'rowCol', 6, 1e6), /event 6 refers to clock 1000000/],
      ['a light record out of range', (t) => set(t, 'rowCol', 6, -2 - 1e6), /event 6 refers to clock/],
      ['a message out of range', (t) => set(t, 'refCol', 2, 1e6), /event 2 refers to message 1000000/],
      [
        'a side-table row out of range',
        (t) => set(t, 'refCol', 2, -2 - (1e5 << 2)),
        /side table 0, beyond its/,
      ],
      ['a time that is not a number', (t) => set(t, 'times', 1, Number.NaN), /event 1 has time NaN/],
      ['a message type beyond the names', (t) => set(t, 'msgType', 0, 999), /message 0 has type code 999/],
      [
        'clock rows not a multiple of the actors',
        (t) => ({ ...t, rows: t.rows.slice(1) }),
        /not a multiple of/,
      ],
      [
        'metadata that is not JSON',
        (t) => ({ ...t, meta: new TextEncoder().encode('{"header":') }),
        /'meta' is not UTF-8 JSON/,
      ],
      [
        'metadata that is not UTF-8',
        (t) => ({ ...t, meta: new Uint8Array([0x7b, 0xff, 0x7d]) }),
        /'meta' is not UTF-8 JSON/,
      ],
      [
        'a header without actors',
        (t) => withMeta(t, (m) => ({ header: { ...(m.header as object), actors: 3 } })),
        /no actors list/,
      ],
      [
        'payloads missing',
        (t) => withMeta(t, () => ({ msgPayload: [] })),
        /'msgPayload' has 0 entries, expected \d+/,
      ],
      [
        'responses without results',
        (t) => withMeta(t, () => ({ responseResults: [] })),
        /'responseResults' has 0 entries/,
      ],
      [
        'an anomaly beyond the trace',
        (t) => withMeta(t, () => ({ anomalies: [{ kind: 'x', event: 1e6, explain: 'y' }] })),
        /anomaly 0 must have/,
      ],
      [
        'a drop reason on a non-message event',
        (t) => withMeta(t, () => ({ messageExtras: [[-1, {}]] })),
        /message extra 0/,
      ],
      ['no final state', (t) => withMeta(t, () => ({ final: undefined })), /'final' must be an object/],
    ];
    it.each(cases)('%s', (_, corrupt, message) => {
      let error: unknown;
      try {
        fromTransfer(corrupt(good()));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(TraceError);
      expect((error as Error).message).toMatch(/^the trace transfer is corrupt: /);
      expect((error as Error).message).toMatch(message);
    });

    it('and any single corrupted column entry either is refused so or loads a trace every query of which works', () => {
      const base = good();
      const names = [
        'actorCol',
        'kindCol',
        'causeCol',
        'lineCol',
        'seqCol',
        'rowCol',
        'refCol',
        'rows',
        'lightBase',
        'lightActor',
        'msgFrom',
        'msgTo',
        'msgType',
      ] as const;
      fc.assert(
        fc.property(
          fc.constantFrom(...names),
          fc.nat(),
          fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
          (name, at, value) => {
            const t = structuredClone(base);
            const col = t[name];
            if (col.length === 0) return;
            col[at % col.length] = value;
            let trace: TraceRecorder;
            try {
              trace = fromTransfer(t);
            } catch (e) {
              expect(e).toBeInstanceOf(TraceError);
              return;
            }
            for (let e = 0; e < trace.length; e++) trace.event(e);
          },
        ),
        { numRuns: 300 },
      );
    });
  });
});

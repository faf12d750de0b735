import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenarioText } from '../engine/run';
import { readTraceJson, TraceError, traceToJson } from './io';
import { sampleTrace } from './sample';
import { type Trace, TraceRecorder } from './store';
import {
  attachDetails,
  DetailsReceiver,
  fromTransfer,
  fromTransferHead,
  headBuffers,
  isTraceTransfer,
  isTransferHead,
  OUTLINE_CONFLICT,
  OUTLINE_COUNT_SHIFT,
  OUTLINE_FAILED,
  OUTLINE_MARK,
  OUTLINE_RESOLVED,
  OUTLINE_SIBLINGS_READ,
  outlineOf,
  type TraceTransfer,
  type TraceTransferDetails,
  type TraceTransferHead,
  type TransferColumns,
  toTransfer,
  toTransferParts,
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

/**
 * Through the two parts, each a structured clone: the head first, the details written after — in
 * one part, or in parts of `rows` rows.
 */
function roundTripParts(t: Trace, rows?: number): TraceRecorder {
  const { head, details, detailParts } = toTransferParts(t);
  const shown = fromTransferHead(structuredClone(head));
  if (rows === undefined) return attachDetails(shown, structuredClone(details()));
  const { count, part } = detailParts(rows);
  const receiver = new DetailsReceiver(shown);
  for (let i = 0; i < count - 1; i++) expect(receiver.take(structuredClone(part(i)))).toBeUndefined();
  const whole = receiver.take(structuredClone(part(count - 1)));
  expect(whole).toBeDefined();
  return whole!;
}

describe('trace transfer', () => {
  it.each(EXAMPLES)('gives back every event, message and result of an engine run (%s)', (file) => {
    const original = engineTrace(file);
    const copy = roundTrip(original);
    expectSameTrace(original, copy);
    expectSameTrace(original, roundTripParts(original));
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
    expectSameTrace(read, roundTripParts(read));
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
          expectSameTrace(t, roundTripParts(t));
          expectSameTrace(t, roundTripParts(t, 1 + (steps.length % 13)));
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

  describe('in two parts', () => {
    /** A generic-path trace (as read from a file) with every kind drawing reads from details. */
    function genericTrace(): TraceRecorder {
      const header: TraceHeader = {
        format: 'replication-trace',
        version: 1,
        scenario: { title: 'generic', seed: 1 },
        actors: [
          { id: 'n1', kind: 'node' },
          { id: 'n2', kind: 'node' },
          { id: 'c1', kind: 'client' },
        ],
      };
      const t = new TraceRecorder(header);
      const op = { key: 'c1#1', client: 'c1', kind: 'read' as const, dataKey: 'x' };
      const two = [
        { value: 1, op: 'a' },
        { value: 2, op: 'b' },
      ];
      t.append(0, 2, 'request', undefined, 3, { op });
      t.append(1, 2, 'send', 0, undefined, {
        msg: 0,
        from: 'c1',
        to: 'n1',
        type: 'Get',
        payload: { type: 'Get', key: 'x' },
      });
      t.append(2, 0, 'deliver', 1, undefined, {
        msg: 0,
        from: 'c1',
        to: 'n1',
        type: 'Get',
        payload: { type: 'Get', key: 'x' },
      });
      t.append(3, 0, 'state', 2, undefined, { key: 'x', before: [two[0]!], after: two });
      t.append(4, 0, 'state', 3, undefined, { key: 'x', before: two, after: [{ value: 3, op: 'c' }] });
      t.append(5, 1, 'timer', undefined, undefined, { timer: 'heartbeat' });
      t.append(6, 1, 'crash', undefined, 9, { text: 'n2 crashes', detail: { disk: 'lost' } });
      t.append(7, 0, 'drop', 2, undefined, {
        msg: 7,
        from: 'n1',
        to: 'n2',
        type: 'Ack',
        payload: { type: 'Ack' },
        reason: 'crashed',
      });
      t.append(8, 0, 'send', 4, undefined, {
        msg: 3e9,
        from: 'n1',
        to: 'c1',
        type: 'Odd',
        payload: { type: 'Odd' },
      });
      t.append(9, 2, 'response', 8, undefined, { op, result: { ok: true, values: two } });
      t.append(10, 2, 'response', 9, undefined, { op, result: { ok: false, error: 'timeout' } });
      t.anomalies = [{ kind: 'stale-read', event: 9, explain: 'old', related: [3] }];
      return t;
    }

    it('gives back the same trace as one transfer, for engine runs and generic traces alike', () => {
      for (const t of [engineTrace(EXAMPLES[1]!), genericTrace(), syntheticish()])
        expectSameTrace(t, roundTripParts(t));
    });

    it('keeps message extras whatever order they were set in', () => {
      const t = engineTrace(EXAMPLES[0]!);
      const messages = [...Array(t.length).keys()].filter(
        (e) => t.msgOf(e) !== undefined && t.kind(e) !== 'send',
      );
      t.setDetail(messages[5]!, { reason: 'later event, set first' });
      t.setDetail(messages[1]!, { reason: 'earlier event, set after' });
      expectSameTrace(t, roundTrip(t));
      expectSameTrace(t, roundTripParts(t));
      expectSameTrace(t, roundTripParts(t, 3));
    });

    it('sends the details in parts of any size', () => {
      const t = syntheticish();
      for (const rows of [1, 5, 64, 1e6]) expectSameTrace(t, roundTripParts(t, rows));
      expect(toTransferParts(t).detailParts(5).count).toBeGreaterThan(10);
      expect(toTransferParts(new TraceRecorder(t.header)).detailParts().count).toBe(1);
    });

    it('refuses details parts out of order, missing, or whose rows do not follow on', () => {
      const t = syntheticish();
      const { head, detailParts } = toTransferParts(t);
      const { count, part } = detailParts(10);
      expect(count).toBeGreaterThan(3);
      const fresh = () => new DetailsReceiver(fromTransferHead(head));
      const r1 = fresh();
      r1.take(part(0));
      expect(() => r1.take(part(2))).toThrow(/details part 2 came where part 1 of \d+ was expected/);
      const all = Array.from({ length: count }, (_, i) => part(i));
      expect(() => attachDetails(fromTransferHead(head), all.slice(0, -1))).toThrow(
        new RegExp(`only ${count - 1} of ${count} details parts came`),
      );
      const second = part(1);
      const meta = JSON.parse(new TextDecoder().decode(second.meta));
      const shifted = { ...second, meta: new TextEncoder().encode(JSON.stringify({ ...meta, start: {} })) };
      const r2 = fresh();
      r2.take(part(0));
      expect(() => r2.take(shifted)).toThrow(/details part 1: '\w+' starts at row 0, after \d+ rows/);
      const r3 = fresh();
      r3.take(part(0));
      expect(() => r3.take({ ...part(1), parts: count + 1 })).toThrow(/says there are/);
    });

    it('shows the columns, anomalies and everything drawing reads from the head alone', () => {
      const full = genericTrace();
      const { head, details } = toTransferParts(full);
      expect(isTransferHead(head)).toBe(true);
      const shown = fromTransferHead(structuredClone(head));
      const t = shown.trace;
      expect(t.length).toBe(full.length);
      expect(t.anomalies).toEqual(full.anomalies);
      for (let e = 0; e < full.length; e++) {
        expect(t.time(e)).toBe(full.time(e));
        expect(t.kind(e)).toBe(full.kind(e));
        expect(t.vc(e)).toEqual(full.vc(e));
        expect(shown.outline[e]).toBe(outlineOf(full.kind(e), full.detail(e)));
      }
      // Message ends and types, timer names and fault details are there; payloads, ops, values not yet.
      expect(t.detail(1)).toEqual({ msg: 0, from: 'c1', to: 'n1', type: 'Get' });
      expect(t.detail(5)).toEqual({ timer: 'heartbeat' });
      expect(t.detail(6)).toEqual({ text: 'n2 crashes', detail: { disk: 'lost' } });
      expect(t.detail(7)).toEqual({ msg: 7, from: 'n1', to: 'n2', type: 'Ack' });
      // A message id the outline cannot hold goes whole.
      expect(t.detail(8)).toEqual(full.detail(8));
      expect(t.detail(0)).toEqual({});
      expect(shown.outline[3]).toBe(OUTLINE_CONFLICT | (2 << OUTLINE_COUNT_SHIFT));
      expect(shown.outline[4]! & OUTLINE_MARK).toBe(OUTLINE_RESOLVED);
      expect(shown.outline[9]).toBe(OUTLINE_SIBLINGS_READ | (2 << OUTLINE_COUNT_SHIFT));
      expect(shown.outline[10]).toBe(OUTLINE_FAILED);
      // The details complete it; the head's trace stays as it was.
      const whole = attachDetails(shown, structuredClone(details()));
      expectSameTrace(full, whole);
      expect(t.detail(0)).toEqual({});
    });

    it('outlines an engine run’s side tables: marks from the data and response rows', () => {
      const full = engineTrace('examples/leaderless/sibling-merge-with-tombstone.scenario.yaml');
      const shown = fromTransferHead(structuredClone(toTransferParts(full).head));
      let marked = 0;
      for (let e = 0; e < full.length; e++) {
        expect(shown.outline[e]).toBe(outlineOf(full.kind(e), full.detail(e)));
        if (shown.outline[e]! & OUTLINE_MARK) marked++;
        if (full.kind(e) === 'send')
          expect(shown.trace.detail(e)).toMatchObject({ ...full.detail(e), payload: undefined });
      }
      expect(marked).toBeGreaterThan(0);
    });

    it('hands over distinct buffers and writes the details only when asked', () => {
      const t = sampleTrace();
      const { head, details } = toTransferParts(t);
      const kept = structuredClone(head);
      const buffers = headBuffers(head);
      expect(new Set(buffers).size).toBe(buffers.length);
      // Handing the head's buffers over leaves the trace, and so the details written after, intact.
      structuredClone(head, { transfer: buffers });
      expect(head.times.length).toBe(0);
      expectSameTrace(t, attachDetails(fromTransferHead(kept), details()));
    });

    it('refuses a head as a whole transfer, and a whole transfer as a head', () => {
      const t = sampleTrace();
      expect(() => fromTransfer(toTransferParts(t).head)).toThrow(/two-part transfer.*fromTransferHead/);
      expect(() => fromTransferHead(toTransfer(t))).toThrow(/part undefined is not a head/);
    });

    describe('refuses a corrupt head or details with a TraceError saying what is wrong', () => {
      const parts = (trace = genericTrace()): { head: TraceTransferHead; details: TraceTransferDetails } => {
        const p = toTransferParts(trace);
        return { head: p.head, details: p.details() };
      };
      const json = (bytes: Uint8Array): Record<string, unknown> =>
        JSON.parse(new TextDecoder().decode(bytes));
      const encode = (v: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(v));
      const withDetails = (d: TraceTransferDetails, change: (m: Record<string, unknown>) => object) => ({
        ...d,
        meta: encode({ ...json(d.meta), ...change(json(d.meta)) }),
      });
      const headCases: [string, (h: TraceTransferHead) => unknown, RegExp][] = [
        [
          'an outline column of the wrong length',
          (h) => ({ ...h, outline: h.outline.slice(1) }),
          /'outline' has/,
        ],
        [
          'a generic type beyond the names',
          (h) => ({ ...h, genericType: h.genericType.fill(99) }),
          /has type 99 of/,
        ],
        [
          'a generic end beyond the actors',
          (h) => ({ ...h, genericTo: h.genericTo.fill(7) }),
          /is to actor 7 of 3/,
        ],
        ['no details id', (h) => ({ ...h, detailsId: '' }), /no details id/],
        [
          'a full row beyond the generic rows',
          (h) => ({ ...h, meta: encode({ ...json(h.meta), fullRows: [[99, {}]] }) }),
          /full row 0 must be/,
        ],
        ['a column out of range', (h) => ({ ...h, kindCol: h.kindCol.fill(200) }), /kind code 200/],
      ];
      it.each(headCases)('head: %s', (_, corrupt, message) => {
        expect(() => fromTransferHead(corrupt(parts().head))).toThrow(TraceError);
        expect(() => fromTransferHead(corrupt(parts().head))).toThrow(message);
      });

      const detailCases: [string, (d: TraceTransferDetails) => unknown, RegExp][] = [
        ['not an object', () => 42, /the details is not an object/],
        ['another format', (d) => ({ ...d, format: 'x' }), /format is "x"/],
        [
          'details that are not JSON',
          (d) => ({ ...d, meta: new TextEncoder().encode('[1,') }),
          /'meta' is not UTF-8 JSON/,
        ],
        [
          'a payload that is not a message',
          (d) => withDetails(d, () => ({ msgPayload: [] })),
          /'msgPayload' has 0 entries/,
        ],
        [
          'a result without ok',
          (d) =>
            withDetails(d, (m) => ({ responseResults: (m.responseResults as unknown[]).map(() => ({})) })),
          /'responseResults' entry 0 must be a result/,
        ],
        [
          'a generic detail that is not an object',
          (d) => withDetails(d, (m) => ({ detailList: (m.detailList as unknown[]).map(() => 'x') })),
          /'detailList' entry 0 must be an object/,
        ],
        [
          'an extra for no message event',
          (d) => withDetails(d, () => ({ messageExtras: [[0, { reason: 'x' }]] })),
          /message extra 0 must be/,
        ],
      ];
      it.each(detailCases)('details: %s', (_, corrupt, message) => {
        const { head, details } = parts(syntheticish());
        const shown = fromTransferHead(head);
        let error: unknown;
        try {
          attachDetails(shown, corrupt(details));
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(TraceError);
        expect((error as Error).message).toMatch(message);
      });

      it('details of another trace: another id, other table sizes, or generic details that contradict the columns', () => {
        const { head } = parts();
        const shown = fromTransferHead(head);
        const other = toTransferParts(sampleTrace()).details();
        expect(() => attachDetails(shown, other)).toThrow(/details are for another trace/);
        // Another trace's details under this head's id: their tables do not fit the columns.
        expect(() => attachDetails(shown, { ...other, detailsId: head.detailsId })).toThrow(
          /'msgPayload' has \d+ entries, expected 0|'detailList' has \d+ entries, expected \d+/,
        );
        // Same sizes, different content: the outline's message ids say so.
        const { details } = parts();
        const tampered = withDetails(details, (m) => ({
          detailList: (m.detailList as { msg?: number }[]).map((d) => (d.msg === 0 ? { ...d, msg: 5 } : d)),
        }));
        expect(() => attachDetails(shown, { ...tampered, detailsId: head.detailsId })).toThrow(
          /generic detail 1 has another 'msg' than the columns/,
        );
      });
    });
  });
});

/** A trace recorded every way at once: registered messages, side tables and generic details. */
function syntheticish(): TraceRecorder {
  const t = engineTrace(EXAMPLES[0]!);
  t.append(t.time(t.length - 1), 0, 'note', undefined, undefined, { text: 'generic', msg: 1 });
  return t;
}

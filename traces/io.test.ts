import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NdjsonTraceReader,
  readTrace,
  readTraceJson,
  readTraceNdjson,
  TraceError,
  traceFromFile,
  traceToFile,
  traceToJson,
  traceToNdjson,
  writeTraceJson,
} from './io';
import { type Schema, validateJsonSchema } from './json-schema';
import { sampleTrace, TraceScript } from './sample';
import type { TraceFile } from './types';

const schema = JSON.parse(
  readFileSync(join(__dirname, '..', 'schemas', 'trace.schema.json'), 'utf8'),
) as Schema;

function errorOf(f: () => unknown): TraceError {
  try {
    f();
  } catch (e) {
    if (e instanceof TraceError) return e;
    throw e;
  }
  throw new Error('expected a TraceError');
}

const randomTrace = fc
  .array(
    fc.record({
      actor: fc.nat(2),
      kind: fc.constantFrom('note', 'timer', 'msg', 'data', 'crash'),
      dt: fc.nat(5),
      text: fc.string(),
    }),
    { maxLength: 80 },
  )
  .map((ops) => {
    const s = new TraceScript([
      ['n1', 'node'],
      ['n2', 'node'],
      ['c', 'client'],
    ]);
    const names = ['n1', 'n2', 'c'];
    let t = 0;
    for (const op of ops) {
      t += op.dt + 0.25;
      s.at(t);
      const a = names[op.actor]!;
      if (op.kind === 'msg') {
        const [send, m] = s.send(a, names[(op.actor + 1) % 3]!, { type: 'Hello', text: op.text });
        s.deliver(m, send);
      } else if (op.kind === 'data') s.data(a, op.text, [{ value: op.text, op: 'w' }]);
      else if (op.kind === 'note') s.event(a, 'note', { text: op.text });
      else if (op.kind === 'timer') s.event(a, 'timer', { timer: 'hb' });
      else s.event(a, 'crash');
    }
    return s.trace;
  });

describe('trace JSON and NDJSON round trips', () => {
  it('reads back what it writes, in both forms', () => {
    fc.assert(
      fc.property(randomTrace, (trace) => {
        const file = traceToFile(trace);
        expect(traceToFile(readTraceJson(traceToJson(trace)))).toEqual(file);
        expect(traceToFile(readTraceNdjson(traceToNdjson(trace)))).toEqual(file);
        expect(traceToFile(readTrace(traceToNdjson(trace)))).toEqual(file);
        expect(traceToFile(traceFromFile(JSON.parse(JSON.stringify(file))))).toEqual(file);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps anomalies, final state and stats of the sample run', () => {
    const trace = sampleTrace();
    const back = readTraceJson(traceToJson(trace));
    expect(back.anomalies).toEqual(trace.anomalies);
    expect(back.final).toEqual(trace.final);
    expect(back.stats).toEqual(trace.stats);
    expect(back.vc(trace.length - 1)).toEqual(trace.vc(trace.length - 1));
  });

  it('streams a large trace in chunks instead of one string', () => {
    const s = new TraceScript([['a', 'node']]);
    for (let i = 0; i < 5000; i++) s.event('a', 'note', { text: `note number ${i}` });
    const chunks: string[] = [];
    writeTraceJson(s.trace, (c) => chunks.push(c));
    expect(chunks.length).toBeGreaterThan(3);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(1 << 17);
    expect(readTraceJson(chunks.join('')).length).toBe(5000);
  });

  it('reads NDJSON pushed in arbitrary pieces', () => {
    const text = traceToNdjson(sampleTrace());
    const reader = new NdjsonTraceReader();
    for (let i = 0; i < text.length; i += 37) reader.push(text.slice(i, i + 37));
    expect(traceToFile(reader.finish())).toEqual(traceToFile(sampleTrace()));
  });

  it('loads an NDJSON trace without a footer and counts its stats', () => {
    const lines = traceToNdjson(sampleTrace()).trim().split('\n');
    const back = readTraceNdjson(lines.slice(0, -1).join('\n'));
    expect(back.stats).toMatchObject({ events: back.length, messages: 7, dropped: 1, virtualTime: 20 });
  });
});

describe('trace files match the JSON Schema', () => {
  it('accepts every written trace', () => {
    fc.assert(
      fc.property(randomTrace, (trace) => {
        expect(validateJsonSchema(schema, JSON.parse(traceToJson(trace)))).toEqual([]);
      }),
      { numRuns: 30 },
    );
    expect(validateJsonSchema(schema, traceToFile(sampleTrace()))).toEqual([]);
  });

  it('rejects an event without a vector clock and a send without its message id', () => {
    const file = JSON.parse(traceToJson(sampleTrace())) as TraceFile;
    const bad = file.events as unknown as Record<string, unknown>[];
    delete bad[0]!.vc;
    const send = bad.findIndex((e) => e.kind === 'send');
    delete bad[send]!.msg;
    const problems = validateJsonSchema(schema, file);
    expect(problems).toContainEqual({ path: '/events/0', message: "missing required property 'vc'" });
    expect(problems).toContainEqual({ path: `/events/${send}`, message: "missing required property 'msg'" });
  });
});

describe('reading a bad trace says where and what', () => {
  const good = traceToJson(sampleTrace());
  const file = (): Record<string, unknown> & { events: Record<string, unknown>[] } => JSON.parse(good);

  it('points at the line and column of broken JSON', () => {
    const lines = good.split('\n');
    lines[5] = lines[5]!.replace('"kind"', 'kind');
    const e = errorOf(() => readTraceJson(lines.join('\n')));
    expect(e.message).toMatch(
      /^line 6, column \d+: not valid JSON: unexpected 'k', expected a property name/,
    );
    expect(e.line).toBe(6);
  });

  it('rejects another format or version', () => {
    expect(errorOf(() => traceFromFile({ ...file(), format: 'shiviz' })).message).toBe(
      'not a replication trace: format is "shiviz" (expected "replication-trace")',
    );
    expect(errorOf(() => traceFromFile({ ...file(), version: 2 })).message).toBe(
      'trace version 2 is not supported (this reader reads version 1)',
    );
  });

  it('names a missing field', () => {
    const f = file();
    delete f.events[3]!.time;
    expect(errorOf(() => traceFromFile(f)).message).toBe("event 3: missing field 'time'");
    const g = file();
    delete g.actors;
    expect(errorOf(() => traceFromFile(g)).message).toBe("missing field 'actors' (a list of { id, kind })");
  });

  it('names an unknown actor', () => {
    const f = file();
    f.events[4]!.actor = 'zed';
    const e = errorOf(() => traceFromFile(f));
    expect(e.message).toBe(
      "event 4: unknown actor 'zed' (declared actors: leader, f1, f2, alice, bob, $network)",
    );
    expect(e.event).toBe(4);
  });

  it('rejects ids out of order and a cause pointing forward', () => {
    const f = file();
    f.events[2]!.id = 7;
    expect(errorOf(() => traceFromFile(f)).message).toBe(
      'event 7: event ids out of order: expected id 2 here (ids are positions 0, 1, 2, ...)',
    );
    const g = file();
    g.events[5]!.cause = 9;
    expect(errorOf(() => traceFromFile(g)).message).toBe(
      'event 5: cause 9 points forward; a cause must be an earlier event',
    );
  });

  it('gives the NDJSON line of a bad event', () => {
    const lines = traceToNdjson(sampleTrace()).split('\n');
    lines[3] = lines[3]!.replace('"kind":"state"', '"kind":"teleport"');
    const e = errorOf(() => readTraceNdjson(lines.join('\n')));
    expect(e.message).toMatch(/^line 4: event 2: unknown kind "teleport" \(one of send, deliver/);
    expect(e.line).toBe(4);
    lines[3] = '{"id": 2,';
    expect(errorOf(() => readTraceNdjson(lines.join('\n'))).message).toBe(
      'line 4, column 10: not valid JSON: unexpected end of input, expected a property name in double quotes',
    );
  });

  it('rejects anything after the NDJSON footer, and an empty file', () => {
    const text = `${traceToNdjson(sampleTrace())}{"id":99}\n`;
    expect(errorOf(() => readTraceNdjson(text)).message).toMatch(
      /^line \d+: nothing may follow the footer line/,
    );
    expect(errorOf(() => readTrace('  \n')).message).toBe('the trace file is empty');
  });

  it('checks kind-specific fields', () => {
    const f = file();
    const resp = f.events.findIndex((e) => e.kind === 'response');
    delete f.events[resp]!.result;
    expect(errorOf(() => traceFromFile(f)).message).toMatch(
      new RegExp(`^event ${resp}: a response needs 'result' with a boolean 'ok'`),
    );
    const g = file();
    g.events[0]!.vc = { leader: 1, ghost: 2 };
    expect(errorOf(() => traceFromFile(g)).message).toBe("event 0: 'vc' names unknown actor 'ghost'");
  });
});

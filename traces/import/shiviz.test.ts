import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clockProblem, happensBefore } from '../causality';
import { readTraceJson, TraceError, traceToJson } from '../io';
import type { Trace } from '../store';
import { detectShivizParser, importShiviz, listShivizExecutions } from './shiviz';

const DIR = join(__dirname, '..', '..', '..', 'shared', 'data', 'shiviz');
const parsers = JSON.parse(readFileSync(join(DIR, 'parsers.json'), 'utf8')) as {
  log: string;
  parser: string | null;
  delimiter: string | null;
}[];

const FACEBOOK =
  '(?<ip>(\\d{1,3}\\.){3}\\d{1,3}) (?<date>(\\d{1,2}/){2}\\d{4} (\\d{2}:){2}\\d{2} (AM|PM)) (?<action>(INFO|GET|POST)) (?<event>.*)\\n(?<host>\\w*) (?<clock>.*)';

/** Expressions worked out for the logs parsers.json does not list (same shapes as their siblings). */
const UNLISTED: Record<string, { parser: string; delimiter?: string }> = {
  'reliable-broadcast.log': {
    parser:
      '\\[\\w+\\] \\[(?<date>([^ ]+ [^ ]+))\\] [^ ]+ \\[akka://Broadcast/user/(?<host>\\w+)\\] (?<clock>.*\\}) (?<event>.*)',
  },
  'voldemort.log': {
    parser:
      '\\[(?<date>\\d{4}-\\d{2}-\\d{2} (\\d{2}:){2}\\d{2},\\d{3}) (?<path>\\S*)\\] (?<priority>(INFO|WARN)) (?<event>.*)\\n(?<host>\\S*) (?<clock>{.*})',
  },
  'facebook-study.log': { parser: FACEBOOK },
  'facebook-multiple-study.log': { parser: FACEBOOK, delimiter: '^=== (?<trace>.*) ===$' },
};

function optionsFor(log: string): { parser?: string; delimiter?: string } {
  const listed = parsers.find((p) => p.log === log);
  if (listed) return { parser: listed.parser ?? undefined, delimiter: listed.delimiter ?? undefined };
  const mine = UNLISTED[log];
  if (!mine) throw new Error(`no expression for ${log}`);
  return mine;
}

/**
 * Entries counted independently of the importer: one line per entry carries the host and its clock,
 * recognised here by a plain per-shape line pattern.
 */
function countEntries(log: string, text: string): { events: number; hosts: number } {
  let lines = text.split('\n');
  let entry: RegExp;
  if (log === 'ewd998.log') {
    // First execution only: up to the second `=== ... ===` separator.
    const second = lines.findIndex((l, i) => i > 0 && /^=== .* ===$/.test(l));
    lines = lines.slice(0, second);
    entry = /^\/\\ Host = (\S+)$/;
  } else if (log.includes('reliable-broadcast')) {
    entry = /\[akka:\/\/Broadcast\/user\/(\w+)\] \{/;
  } else if (log === 'RpcClientServer.log') {
    lines = lines.slice(2);
    entry = /^(\S+) \{.*\}\s*$/;
  } else {
    if (log.includes('multiple') || log === 'multiple-comparison.log') {
      const second = lines.findIndex((l, i) => i > 0 && /^=== .* ===$/.test(l));
      lines = lines.slice(1, second);
    }
    entry = /^(\S+) \{.*\}\s*$/;
  }
  const hosts = new Set<string>();
  let events = 0;
  for (const l of lines) {
    const m = entry.exec(l);
    if (m) {
      events++;
      hosts.add(m[1]!);
    }
  }
  return { events, hosts: hosts.size };
}

/** Each host's own clock entry goes 1, 2, 3, ... along its events. */
function ownEntriesCountUp(trace: Trace): string | undefined {
  for (let a = 0; a < trace.actors.length; a++) {
    for (let p = 0; p < trace.actorEventCount(a); p++) {
      const v = trace.vcEntry(trace.actorEvent(a, p), a);
      if (v !== p + 1) return `${trace.actorId(a)} event #${p + 1} has own entry ${v}`;
    }
  }
  return undefined;
}

const LOGS = readdirSync(DIR).filter((f) => f.endsWith('.log'));

describe('importing every ShiViz sample log', () => {
  it('has all the sample logs to test', () => {
    expect(LOGS).toHaveLength(15);
  });

  for (const log of LOGS) {
    it(`imports ${log} with its events, hosts, messages and exact clocks`, () => {
      const text = readFileSync(join(DIR, log), 'utf8');
      const result = importShiviz(text, { ...optionsFor(log), fileName: log });
      const { trace } = result;
      const expected = countEntries(log, text);
      expect(trace.length).toBe(expected.events);
      expect(result.hosts).toHaveLength(expected.hosts);
      expect(ownEntriesCountUp(trace)).toBeUndefined();
      expect(clockProblem(trace)).toBeUndefined();
      let delivers = 0;
      for (let e = 0; e < trace.length; e++) {
        if (e > 0) expect(trace.time(e)).toBeGreaterThanOrEqual(trace.time(e - 1));
        if (trace.kind(e) === 'deliver') {
          delivers++;
          const send = trace.cause(e)!;
          expect(trace.actorOf(send)).not.toBe(trace.actorOf(e));
          expect(happensBefore(trace, send, e)).toBe(true);
          expect(trace.time(send)).toBeLessThan(trace.time(e));
          expect(trace.detail(e)!.from).toBe(trace.actorId(trace.actorOf(send)));
        }
      }
      expect(delivers).toBeGreaterThan(0);
      expect(result.messages).toBeGreaterThanOrEqual(delivers);
      // The result is a valid trace file.
      expect(readTraceJson(traceToJson(trace)).length).toBe(trace.length);
      // Without any expression the importer recognises the same shape and reads the same events.
      expect(importShiviz(text).trace.length).toBe(trace.length);
    });
  }

  it('keeps the logged clock of an event exactly, and the other named groups as detail', () => {
    const text = readFileSync(join(DIR, 'chord.log'), 'utf8');
    const { trace } = importShiviz(text, optionsFor('chord.log'));
    const line = text
      .split('\n')
      .findIndex((l) => l.startsWith('client-testGetEveryNSeconds {"client-testGetEveryNSeconds":3,'));
    const e = [...Array(trace.length).keys()].find((i) => trace.line(i) === line + 1)!;
    expect(trace.vc(e)).toEqual({
      'client-testGetEveryNSeconds': 3,
      'front-end': 23,
      'kv-node-10': 249,
      'kv-node-30': 203,
      'kv-node-40': 195,
      'kv-node-60': 146,
      'kv-node-70': 43,
    });
    expect(trace.detail(e)?.text).toBe('Received Put reply');
    expect(trace.kind(e)).toBe('deliver');
    const fb = importShiviz(
      readFileSync(join(DIR, 'facebook.log'), 'utf8'),
      optionsFor('facebook.log'),
    ).trace;
    expect(fb.detail(0)?.detail).toMatchObject({
      ip: '24.22.130.14',
      action: 'GET',
      date: '5/27/2013 10:53:39 AM',
    });
  });

  it('reads the upload format: expression on line 1, delimiter on line 2', () => {
    const text = readFileSync(join(DIR, 'RpcClientServer.log'), 'utf8');
    const { trace, hosts } = importShiviz(text);
    expect(hosts).toEqual(['client', 'server']);
    expect(trace.line(0)).toBe(4);
    // The client's RPC call is delivered to the server, whose response comes back.
    const deliveries = [...Array(trace.length).keys()]
      .filter((e) => trace.kind(e) === 'deliver')
      .map((e) => `${trace.detail(trace.cause(e)!)!.text} -> ${trace.detail(e)!.text}`);
    expect(deliveries).toEqual([
      'Making RPC call -> Received RPC request',
      'Sending response to RPC request -> Received RPC Call response from server',
      'Making RPC call -> Received RPC request',
      'Sending response to RPC request -> Received RPC Call response from server',
    ]);
  });

  it('reads clocks written as strings with escaped quotes, skipping zero entries and unmatched lines', () => {
    const { trace, skippedLines, executions } = importShiviz(
      readFileSync(join(DIR, 'ewd998.log'), 'utf8'),
      optionsFor('ewd998.log'),
    );
    expect(executions).toEqual([
      '78 actions (EWD998Chan!EWD998!terminationDetected)',
      '249 actions',
      '666 actions',
    ]);
    expect(trace.vc(0)).toEqual({ n6: 1 });
    expect(skippedLines).toBeGreaterThan(50);
    expect(trace.detail(0)?.detail).toMatchObject({
      counter: expect.any(String),
      active: expect.any(String),
    });
  });

  it('counts the dead-letter line of reliable-broadcast.log as skipped', () => {
    const r = importShiviz(
      readFileSync(join(DIR, 'reliable-broadcast.log'), 'utf8'),
      optionsFor('reliable-broadcast.log'),
    );
    expect(r.skippedLines).toBe(1);
  });

  it('keeps host names with brackets', () => {
    const r = importShiviz(readFileSync(join(DIR, 'voldemort.log'), 'utf8'), optionsFor('voldemort.log'));
    expect(r.hosts).toContain('42795@jvoldemortThread[main,5,main]');
  });

  it('lists executions and imports one by name or index', () => {
    const text = readFileSync(join(DIR, 'multiple-comparison.log'), 'utf8');
    const opts = optionsFor('multiple-comparison.log');
    expect(listShivizExecutions(text, opts)).toEqual([
      'Base execution',
      'Same as base',
      'Different host from base',
      'All events are different from base',
      'Some events are different from base',
    ]);
    const byName = importShiviz(text, { ...opts, execution: 'Different host from base' });
    expect(byName.execution).toBe('Different host from base');
    expect(importShiviz(text, { ...opts, execution: 2 }).hosts).toEqual(byName.hosts);
    expect(() => importShiviz(text, { ...opts, execution: 'nope' })).toThrow(
      /no execution "nope" in this log \(executions: Base execution, Same as base/,
    );
  });

  it('recognises each log shape without being told', () => {
    const shapes = Object.fromEntries(
      LOGS.map((l) => [l, detectShivizParser(readFileSync(join(DIR, l), 'utf8'))?.name]),
    );
    expect(shapes['reliable-broadcast.log']).toBe('Akka log lines');
    expect(shapes['ewd998.log']).toBe('TLA+ TLC trace with Host and Clock variables');
    expect(shapes['voldemort.log']).toBe('log4j line, then host and clock');
    expect(shapes['facebook-study.log']).toBe('web log line, then host and clock');
    expect(
      detectShivizParser(readFileSync(join(DIR, 'facebook-multiple-study.log'), 'utf8'))?.delimiter,
    ).toBe('^=== (?<trace>.*) ===$');
  });
});

describe('bad ShiViz input says where and what', () => {
  const parser = '(?<host>\\S*) (?<clock>{.*})\\n(?<event>.*)';
  const message = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(TraceError);
      return (e as Error).message;
    }
    throw new Error('expected an error');
  };

  it('names the line of a clock that is not JSON', () => {
    const log = 'a {"a":1}\nstart\na {"a":2, b:1}\nnext\n';
    expect(message(() => importShiviz(log, { parser }))).toMatch(
      /^line 3: clock is not valid JSON: \{"a":2, b:1\}/,
    );
  });

  it('rejects an expression without host or clock groups, or one that does not compile', () => {
    expect(message(() => importShiviz('x', { parser: '(?<event>.*)' }))).toMatch(
      /needs named groups host and clock .* it lacks host and clock/,
    );
    expect(message(() => importShiviz('x', { parser: '(?<host>' }))).toMatch(
      /^the parser expression is not a valid regular expression/,
    );
  });

  it('says when the expression matches nothing', () => {
    expect(message(() => importShiviz('hello\nworld\n', { parser }))).toBe(
      'the parser expression matches nothing in the log',
    );
  });

  it('rejects a host whose own counter repeats, hinting at executions', () => {
    const log = 'a {"a":1}\nx\na {"a":1}\ny\n';
    expect(message(() => importShiviz(log, { parser }))).toMatch(
      /^line 3: host "a" logs clock value 1 twice \(also at line 1\); if the file holds several executions/,
    );
  });

  it('rejects a clock without its own host', () => {
    expect(message(() => importShiviz('a {"b":1}\nx\n', { parser }))).toBe(
      'line 1: the clock of host "a" has no entry for "a" itself',
    );
  });

  it('rejects clocks that wait on each other', () => {
    const log = 'a {"a":1, "b":1}\nx\nb {"b":1, "a":1}\ny\n';
    expect(message(() => importShiviz(log, { parser }))).toMatch(/^line 1: the clocks are inconsistent/);
  });
});

// Reading and writing trace files: the JSON form of the spec and NDJSON for large runs.
//
// NDJSON layout (an extension of the spec, documented in traces/README.md):
//   line 1      {"format":"replication-trace","version":1,"scenario":{...},"actors":[...]}
//   lines 2..   one event per line, ids 0, 1, 2, ... in order
//   last line   {"footer":{"anomalies":[...],"expectations":[...],"final":{...},"stats":{...}}}
// The footer is optional when reading (a run that was cut short still loads; stats are then counted).
//
// Writers stream: they hand chunks of text to a `write` callback, so a million events never become one
// giant string. Readers validate everything a consumer relies on and fail with a TraceError that says
// where (line, or event id) and what, never with a bare stack.

import { findJsonSyntaxError } from './json-syntax';
import type { EventDetail, Trace } from './store';
import { TraceRecorder } from './store';
import type {
  Actor,
  Anomaly,
  EventKind,
  ExpectationResult,
  NodeFinalState,
  TraceEvent,
  TraceFile,
  TraceHeader,
  TraceStats,
  VersionVector,
} from './types';
import { EVENT_KINDS, TRACE_FORMAT, TRACE_VERSION } from './types';

/** A trace file that cannot be read: `message` already says where and what. */
export class TraceError extends Error {
  override name = 'TraceError';
  /** 1-based line of the file, when known. */
  line?: number;
  column?: number;
  /** Event id, when the problem is in one event. */
  event?: number;

  constructor(message: string, where: { line?: number; column?: number; event?: number } = {}) {
    super(message);
    if (where.line !== undefined) this.line = where.line;
    if (where.column !== undefined) this.column = where.column;
    if (where.event !== undefined) this.event = where.event;
  }
}

export type ChunkSink = (chunk: string) => void;

const CHUNK = 1 << 16;

/** Batches small strings into chunks of about 64 KiB for the sink. */
class Batcher {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly sink: ChunkSink) {}
  add(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= CHUNK) this.flush();
  }
  flush(): void {
    if (this.parts.length === 0) return;
    this.sink(this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}

function headerOf(trace: Trace): TraceHeader {
  return {
    format: TRACE_FORMAT,
    version: TRACE_VERSION,
    scenario: trace.header.scenario,
    actors: trace.actors,
  };
}

/** Counted stats for a trace whose file had none. */
export function countStats(trace: Trace): TraceStats {
  let messages = 0;
  let dropped = 0;
  for (let e = 0; e < trace.length; e++) {
    const k = trace.kind(e);
    if (k === 'send') messages++;
    else if (k === 'drop') dropped++;
  }
  return {
    events: trace.length,
    messages,
    dropped,
    virtualTime: trace.length > 0 ? trace.time(trace.length - 1) : 0,
  };
}

/**
 * Write the whole trace file as JSON, one event per line (so diffs and goldens read well), in chunks.
 */
export function writeTraceJson(trace: Trace, write: ChunkSink): void {
  const out = new Batcher(write);
  const h = headerOf(trace);
  out.add(`{"format":${JSON.stringify(h.format)},"version":${h.version},\n`);
  out.add(`"scenario":${JSON.stringify(h.scenario)},\n`);
  out.add(`"actors":${JSON.stringify(h.actors)},\n"events":[`);
  for (let e = 0; e < trace.length; e++) {
    out.add(e === 0 ? '\n' : ',\n');
    out.add(JSON.stringify(trace.event(e)));
  }
  out.add(trace.length > 0 ? '\n],\n' : '],\n');
  out.add(`"anomalies":${JSON.stringify(trace.anomalies)},\n`);
  out.add(`"expectations":${JSON.stringify(trace.expectations)},\n`);
  out.add(`"final":${JSON.stringify(trace.final)},\n`);
  out.add(`"stats":${JSON.stringify(trace.stats)}`);
  if (trace.sweep !== undefined) out.add(`,\n"sweep":${JSON.stringify(trace.sweep)}`);
  out.add('}\n');
  out.flush();
}

/** Write the trace as NDJSON: header line, one line per event, footer line. */
export function writeTraceNdjson(trace: Trace, write: ChunkSink): void {
  const out = new Batcher(write);
  out.add(`${JSON.stringify(headerOf(trace))}\n`);
  for (let e = 0; e < trace.length; e++) out.add(`${JSON.stringify(trace.event(e))}\n`);
  const footer: NdjsonFooter['footer'] = {
    anomalies: trace.anomalies,
    expectations: trace.expectations,
    final: trace.final,
    stats: trace.stats,
  };
  if (trace.sweep !== undefined) footer.sweep = trace.sweep;
  out.add(`${JSON.stringify({ footer })}\n`);
  out.flush();
}

/** The whole JSON text (for small traces and tests). */
export function traceToJson(trace: Trace): string {
  const parts: string[] = [];
  writeTraceJson(trace, (c) => parts.push(c));
  return parts.join('');
}

export function traceToNdjson(trace: Trace): string {
  const parts: string[] = [];
  writeTraceNdjson(trace, (c) => parts.push(c));
  return parts.join('');
}

export interface NdjsonFooter {
  footer: {
    anomalies: Anomaly[];
    expectations: ExpectationResult[];
    final: Record<string, NodeFinalState>;
    stats: TraceStats;
    sweep?: unknown;
  };
}

/** The JSON object form of a trace (every event materialized). */
export function traceToFile(trace: Trace): TraceFile {
  const file: TraceFile = {
    ...headerOf(trace),
    events: [...trace.events()],
    anomalies: trace.anomalies,
    expectations: trace.expectations,
    final: trace.final,
    stats: trace.stats,
  };
  if (trace.sweep !== undefined) file.sweep = trace.sweep;
  return file;
}

// ---------------------------------------------------------------------------------------------------
// Validation

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

function show(v: unknown): string {
  const s = JSON.stringify(v);
  if (s === undefined) return String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

const KIND_SET = new Set<string>(EVENT_KINDS);
const ACTOR_KINDS = new Set(['node', 'client', 'network']);
const MESSAGE_KINDS = new Set(['send', 'deliver', 'drop']);

/** Validates the header part of a trace file (format, version, scenario, actors). */
function readHeader(raw: unknown, where: { line?: number }): TraceHeader {
  const at = where.line !== undefined ? `line ${where.line}: ` : '';
  const err = (m: string): TraceError => new TraceError(`${at}${m}`, where);
  if (!isObj(raw)) throw err(`a trace must be a JSON object, found ${show(raw)}`);
  if (raw.format === undefined) throw err(`missing field 'format' (expected "${TRACE_FORMAT}")`);
  if (raw.format !== TRACE_FORMAT) {
    throw err(`not a replication trace: format is ${show(raw.format)} (expected "${TRACE_FORMAT}")`);
  }
  if (raw.version === undefined) throw err(`missing field 'version' (expected ${TRACE_VERSION})`);
  if (raw.version !== TRACE_VERSION) {
    throw err(
      `trace version ${show(raw.version)} is not supported (this reader reads version ${TRACE_VERSION})`,
    );
  }
  const sc = raw.scenario;
  if (sc === undefined) throw err(`missing field 'scenario'`);
  if (!isObj(sc)) throw err(`'scenario' must be an object, found ${show(sc)}`);
  if (typeof sc.title !== 'string') throw err(`'scenario.title' must be a string, found ${show(sc.title)}`);
  if (typeof sc.seed !== 'number') throw err(`'scenario.seed' must be a number, found ${show(sc.seed)}`);
  if (sc.file !== undefined && typeof sc.file !== 'string') throw err(`'scenario.file' must be a string`);
  if (!Array.isArray(raw.actors)) throw err(`missing field 'actors' (a list of { id, kind })`);
  if (raw.actors.length > 65535) throw err(`too many actors (${raw.actors.length}; at most 65535)`);
  const seen = new Set<string>();
  const actors: Actor[] = raw.actors.map((a: unknown, i: number) => {
    if (!isObj(a) || typeof a.id !== 'string' || a.id === '') {
      throw err(`actors[${i}] must be { id: string, kind }, found ${show(a)}`);
    }
    if (typeof a.kind !== 'string' || !ACTOR_KINDS.has(a.kind)) {
      throw err(`actor '${a.id}': kind must be node, client or network, found ${show(a.kind)}`);
    }
    if (seen.has(a.id)) throw err(`actor '${a.id}' is declared twice`);
    seen.add(a.id);
    const actor: Actor = { id: a.id, kind: a.kind as Actor['kind'] };
    if (a.line !== undefined) {
      if (!isInt(a.line) || a.line < 1) throw err(`actor '${a.id}': line must be a positive integer`);
      actor.line = a.line;
    }
    return actor;
  });
  return { format: TRACE_FORMAT, version: TRACE_VERSION, scenario: sc as TraceHeader['scenario'], actors };
}

/** Appends validated events to a recorder, one at a time. */
class EventLoader {
  readonly trace: TraceRecorder;
  private readonly actorNames: string;

  constructor(header: TraceHeader, capacity: number) {
    this.trace = new TraceRecorder(header, Math.max(16, capacity));
    const ids = header.actors.map((a) => a.id);
    this.actorNames = ids.length > 12 ? `${ids.slice(0, 12).join(', ')}, ...` : ids.join(', ');
  }

  add(raw: unknown, where: { line?: number }): void {
    const trace = this.trace;
    const expected = trace.length;
    const at = where.line !== undefined ? `line ${where.line}: ` : '';
    const id = isObj(raw) && isInt(raw.id) ? raw.id : expected;
    const loc = { ...where, event: id };
    const err = (m: string): TraceError => new TraceError(`${at}event ${id}: ${m}`, loc);
    if (!isObj(raw))
      throw new TraceError(`${at}events[${expected}] must be an object, found ${show(raw)}`, where);
    if (raw.id === undefined) throw err(`missing field 'id'`);
    if (!isInt(raw.id)) throw err(`'id' must be an integer, found ${show(raw.id)}`);
    if (raw.id !== expected) {
      throw err(`event ids out of order: expected id ${expected} here (ids are positions 0, 1, 2, ...)`);
    }
    const { time, actor, kind, vc, cause, line } = raw;
    if (time === undefined) throw err(`missing field 'time'`);
    if (typeof time !== 'number' || !Number.isFinite(time) || time < 0) {
      throw err(`'time' must be a non-negative number of ms, found ${show(time)}`);
    }
    if (actor === undefined) throw err(`missing field 'actor'`);
    if (typeof actor !== 'string') throw err(`'actor' must be a string, found ${show(actor)}`);
    const a = trace.actorIndex.get(actor);
    if (a === undefined) throw err(`unknown actor '${actor}' (declared actors: ${this.actorNames})`);
    if (kind === undefined) throw err(`missing field 'kind'`);
    if (typeof kind !== 'string' || !KIND_SET.has(kind)) {
      throw err(`unknown kind ${show(kind)} (one of ${EVENT_KINDS.join(', ')})`);
    }
    if (vc === undefined) throw err(`missing field 'vc' (the event's vector clock)`);
    if (!isObj(vc)) throw err(`'vc' must be an object actor -> counter, found ${show(vc)}`);
    for (const [k, v] of Object.entries(vc)) {
      if (!trace.actorIndex.has(k)) throw err(`'vc' names unknown actor '${k}'`);
      if (!isInt(v) || v < 0 || v > 0xffffffff)
        throw err(`'vc.${k}' must be a non-negative integer, found ${show(v)}`);
    }
    if (cause !== undefined) {
      if (!isInt(cause) || cause < 0) throw err(`'cause' must be an event id, found ${show(cause)}`);
      if (cause >= expected) {
        throw err(`cause ${cause} points forward; a cause must be an earlier event`);
      }
    }
    if (line !== undefined && (!isInt(line) || line < 1)) {
      throw err(`'line' must be a positive integer (a scenario line), found ${show(line)}`);
    }
    const { id: _i, time: _t, actor: _a, kind: _k, vc: _v, cause: _c, line: _l, ...rest } = raw;
    this.checkDetail(kind as EventKind, rest, err);
    const detail = Object.keys(rest).length > 0 ? (rest as EventDetail) : undefined;
    trace.append(
      time,
      a,
      kind as EventKind,
      cause as number | undefined,
      line as number | undefined,
      detail,
      vc as VersionVector,
    );
  }

  private checkDetail(kind: EventKind, d: Obj, err: (m: string) => TraceError): void {
    const actorField = (name: string): void => {
      const v = d[name];
      if (v === undefined) return;
      if (typeof v !== 'string') throw err(`'${name}' must be an actor id, found ${show(v)}`);
      if (!this.trace.actorIndex.has(v)) throw err(`'${name}' names unknown actor '${v}'`);
    };
    actorField('from');
    actorField('to');
    if (d.msg !== undefined && !isInt(d.msg))
      throw err(`'msg' must be an integer message id, found ${show(d.msg)}`);
    if (MESSAGE_KINDS.has(kind)) {
      for (const f of ['msg', 'from', 'to']) if (d[f] === undefined) throw err(`a ${kind} needs '${f}'`);
    }
    if (d.payload !== undefined && (!isObj(d.payload) || typeof d.payload.type !== 'string')) {
      throw err(`'payload' must be a message object with a string 'type'`);
    }
    if (kind === 'state' && d.key === undefined && d.field === undefined) {
      throw err(`a state event needs 'key' (a data key) or 'field' (a protocol field)`);
    }
    for (const f of ['before', 'after']) {
      const v = d[f];
      if (v === undefined) continue;
      if (!Array.isArray(v)) throw err(`'${f}' must be a list of siblings, found ${show(v)}`);
      v.forEach((s, i) => {
        if (!isObj(s) || !('value' in s))
          throw err(`'${f}[${i}]' must be a sibling { value, ... }, found ${show(s)}`);
      });
    }
    if (d.truncate !== undefined && (!isInt(d.truncate) || d.truncate < 0)) {
      throw err(`'truncate' must be a length (non-negative integer), found ${show(d.truncate)}`);
    }
    if (kind === 'request' || kind === 'response') {
      const op = d.op;
      if (op === undefined) throw err(`a ${kind} needs 'op'`);
      if (!isObj(op)) throw err(`'op' must be an object, found ${show(op)}`);
      for (const f of ['key', 'client', 'kind', 'dataKey']) {
        if (typeof op[f] !== 'string') throw err(`'op.${f}' must be a string, found ${show(op[f])}`);
      }
    }
    if (kind === 'response') {
      if (!isObj(d.result) || typeof d.result.ok !== 'boolean') {
        throw err(`a response needs 'result' with a boolean 'ok', found ${show(d.result)}`);
      }
    }
    if (d.detail !== undefined && !isObj(d.detail))
      throw err(`'detail' must be an object, found ${show(d.detail)}`);
  }
}

function checkAnomalies(raw: unknown, events: number, at: string): Anomaly[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw new TraceError(`${at}'anomalies' must be a list, found ${show(raw)}`);
  raw.forEach((x: unknown, i: number) => {
    const err = (m: string): TraceError => new TraceError(`${at}anomalies[${i}]: ${m}`);
    if (!isObj(x)) throw err(`must be an object, found ${show(x)}`);
    if (typeof x.kind !== 'string') throw err(`'kind' must be a string`);
    if (typeof x.explain !== 'string') throw err(`'explain' must be a string`);
    if (!isInt(x.event) || x.event < 0 || x.event >= Math.max(events, 1)) {
      throw err(`'event' must be an event id of this trace (0..${events - 1}), found ${show(x.event)}`);
    }
    if (!Array.isArray(x.related) || !x.related.every((r) => isInt(r) && r >= 0 && r < events)) {
      throw err(`'related' must be a list of event ids of this trace, found ${show(x.related)}`);
    }
  });
  return raw as Anomaly[];
}

function checkList<T>(raw: unknown, name: string, at: string): T[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw new TraceError(`${at}'${name}' must be a list, found ${show(raw)}`);
  return raw as T[];
}

function checkObject<T>(raw: unknown, name: string, at: string, fallback: T): T {
  if (raw === undefined) return fallback;
  if (!isObj(raw)) throw new TraceError(`${at}'${name}' must be an object, found ${show(raw)}`);
  return raw as T;
}

function finishTrace(trace: TraceRecorder, rest: Obj, at: string): TraceRecorder {
  trace.anomalies = checkAnomalies(rest.anomalies, trace.length, at);
  trace.expectations = checkList<ExpectationResult>(rest.expectations, 'expectations', at);
  trace.final = checkObject<Record<string, NodeFinalState>>(rest.final, 'final', at, {});
  trace.stats = checkObject<TraceStats>(rest.stats, 'stats', at, countStats(trace));
  if (rest.sweep !== undefined) trace.sweep = rest.sweep;
  return trace;
}

/** Build a columnar trace from the JSON object form, validating it. */
export function traceFromFile(file: unknown): TraceRecorder {
  const header = readHeader(file, {});
  const raw = file as Obj;
  if (raw.events === undefined) throw new TraceError(`missing field 'events'`);
  if (!Array.isArray(raw.events)) throw new TraceError(`'events' must be a list, found ${show(raw.events)}`);
  const loader = new EventLoader(header, raw.events.length);
  for (const e of raw.events) loader.add(e, {});
  return finishTrace(loader.trace, raw, '');
}

function parseJson(text: string, lineOffset: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const s = findJsonSyntaxError(text);
    const line = (s?.line ?? 1) + lineOffset;
    const column = s?.column ?? 1;
    throw new TraceError(`line ${line}, column ${column}: not valid JSON: ${s?.message ?? 'cannot parse'}`, {
      line,
      column,
    });
  }
}

/** Read a JSON trace file. */
export function readTraceJson(text: string): TraceRecorder {
  if (text.trim() === '') throw new TraceError('the trace file is empty');
  return traceFromFile(parseJson(text, 0));
}

/** Reads NDJSON incrementally: push chunks as they arrive, then finish(). */
export class NdjsonTraceReader {
  private pending = '';
  private lineNo = 0;
  private loader: EventLoader | undefined;
  private footer: Obj | undefined;
  private footerLine = 0;

  constructor(private readonly capacity = 1024) {}

  push(chunk: string): void {
    const text = this.pending + chunk;
    let start = 0;
    for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
      this.line(text.slice(start, nl));
      start = nl + 1;
    }
    this.pending = text.slice(start);
  }

  finish(): TraceRecorder {
    if (this.pending !== '') {
      this.line(this.pending);
      this.pending = '';
    }
    if (!this.loader) throw new TraceError('the trace file is empty');
    return finishTrace(this.loader.trace, this.footer ?? {}, this.footer ? `line ${this.footerLine}: ` : '');
  }

  private line(raw: string): void {
    this.lineNo++;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.trim() === '') return;
    const n = this.lineNo;
    if (this.footer)
      throw new TraceError(`line ${n}: nothing may follow the footer line (line ${this.footerLine})`, {
        line: n,
      });
    const value = parseJson(text, n - 1);
    if (!this.loader) {
      if (isObj(value) && 'events' in value) {
        throw new TraceError(`line ${n}: this is a JSON trace (it has 'events'), not NDJSON`, { line: n });
      }
      this.loader = new EventLoader(readHeader(value, { line: n }), this.capacity);
      return;
    }
    if (isObj(value) && 'footer' in value) {
      if (!isObj(value.footer)) throw new TraceError(`line ${n}: 'footer' must be an object`, { line: n });
      this.footer = value.footer;
      this.footerLine = n;
      return;
    }
    this.loader.add(value, { line: n });
  }
}

/** Read an NDJSON trace file. */
export function readTraceNdjson(text: string): TraceRecorder {
  const reader = new NdjsonTraceReader(Math.max(1024, text.length >> 7));
  reader.push(text);
  return reader.finish();
}

/** Whether a text looks like NDJSON (a first line that is a header object without events). */
export function looksLikeNdjson(text: string): boolean {
  const nl = text.indexOf('\n');
  const first = (nl === -1 ? text : text.slice(0, nl)).trim();
  if (!first.startsWith('{') || !first.endsWith('}')) return false;
  try {
    const v = JSON.parse(first);
    return isObj(v) && v.format !== undefined && !('events' in v);
  } catch {
    return false;
  }
}

/** Read a trace in either form. */
export function readTrace(text: string): TraceRecorder {
  return looksLikeNdjson(text) ? readTraceNdjson(text) : readTraceJson(text);
}

/** Every event of a trace in its JSON form (convenience for tests and small exports). */
export function traceEvents(trace: Trace): TraceEvent[] {
  return [...trace.events()];
}

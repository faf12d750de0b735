// A trace in a form that crosses a postMessage boundary cheaply (extension host -> timeline webview):
// the store's typed-array columns, each copied to exactly its length (so a structured clone, or
// VS Code's webview bridge, passes them as binary buffers), and one UTF-8 JSON document holding
// everything object-shaped (header, payloads, side tables, anomalies, final state, ...).
//
// A million-event trace as JSON text costs seconds to parse and validate, and as a million event
// objects even longer to clone; as columns it costs a copy of some tens of megabytes plus a parse
// of the object-shaped part alone. `fromTransfer` trusts nothing: every length, index and code is
// checked, and a corrupt transfer is a TraceError that says what is wrong.
//
// The JSON part travels as bytes rather than a string because VS Code serializes a webview message
// with JSON.stringify, typed arrays aside: a string of JSON would be escaped and parsed once more.

import { TraceError } from './io';
import { type EventDetail, type Trace, type TraceColumns, TraceRecorder } from './store';
import type {
  Actor,
  Anomaly,
  ExpectationResult,
  Message,
  NodeFinalState,
  OpInfo,
  OpResult,
  Sibling,
  TraceHeader,
  TraceStats,
} from './types';
import { EVENT_KINDS, TRACE_FORMAT, TRACE_VERSION } from './types';

export const TRANSFER_FORMAT = 'replication-trace-transfer';
export const TRANSFER_VERSION = 1;

/** The typed-array columns of a transfer (see `TraceColumns` in store.ts for what each holds). */
export interface TransferColumns {
  times: Float64Array;
  actorCol: Uint16Array;
  kindCol: Uint8Array;
  causeCol: Int32Array;
  lineCol: Uint16Array | Int32Array;
  seqCol: Uint32Array;
  rowCol: Int32Array;
  refCol: Int32Array;
  rows: Uint32Array;
  lightBase: Int32Array;
  lightActor: Uint16Array;
  lightValue: Uint32Array;
  msgFrom: Uint16Array;
  msgTo: Uint16Array;
  msgType: Uint16Array;
}

export interface TraceTransfer extends TransferColumns {
  format: typeof TRANSFER_FORMAT;
  version: typeof TRANSFER_VERSION;
  /** UTF-8 JSON of `TransferMeta`. */
  meta: Uint8Array;
}

/** The object-shaped part of a trace, as the transfer's `meta` JSON holds it. */
export interface TransferMeta {
  header: TraceHeader;
  anomalies: Anomaly[];
  expectations: ExpectationResult[];
  final: Record<string, NodeFinalState>;
  stats: TraceStats;
  sweep?: unknown;
  typeNames: string[];
  msgPayload: Message[];
  detailList: EventDetail[];
  requestOps: OpInfo[];
  responseOps: OpInfo[];
  responseResults: OpResult[];
  dataKeys: string[];
  dataBefore: Sibling[][];
  dataAfter: Sibling[][];
  messageExtras: [number, EventDetail][];
}

type ColumnType =
  | Float64ArrayConstructor
  | Uint16ArrayConstructor
  | Uint8ArrayConstructor
  | Int32ArrayConstructor
  | Uint32ArrayConstructor;

/** Each column, the array types it may have, and which length it shares with others. */
const COLUMNS: [keyof TransferColumns, ColumnType[], 'events' | 'rows' | 'lights' | 'messages'][] = [
  ['times', [Float64Array], 'events'],
  ['actorCol', [Uint16Array], 'events'],
  ['kindCol', [Uint8Array], 'events'],
  ['causeCol', [Int32Array], 'events'],
  ['lineCol', [Uint16Array, Int32Array], 'events'],
  ['seqCol', [Uint32Array], 'events'],
  ['rowCol', [Int32Array], 'events'],
  ['refCol', [Int32Array], 'events'],
  ['rows', [Uint32Array], 'rows'],
  ['lightBase', [Int32Array], 'lights'],
  ['lightActor', [Uint16Array], 'lights'],
  ['lightValue', [Uint32Array], 'lights'],
  ['msgFrom', [Uint16Array], 'messages'],
  ['msgTo', [Uint16Array], 'messages'],
  ['msgType', [Uint16Array], 'messages'],
];

/**
 * The transfer form of a trace. Columns are copied (the trace stays usable, and the copies may be
 * handed to postMessage's transfer list); the object-shaped part is serialized once.
 */
export function toTransfer(trace: Trace): TraceTransfer {
  const c = trace.columns();
  const meta: TransferMeta = {
    header: trace.header,
    anomalies: trace.anomalies,
    expectations: trace.expectations,
    final: trace.final,
    stats: trace.stats,
    typeNames: c.typeNames,
    msgPayload: c.msgPayload,
    detailList: c.detailList,
    requestOps: c.requestOps,
    responseOps: c.responseOps,
    responseResults: c.responseResults,
    dataKeys: c.dataKeys,
    dataBefore: c.dataBefore,
    dataAfter: c.dataAfter,
    messageExtras: c.messageExtras,
  };
  if (trace.sweep !== undefined) meta.sweep = trace.sweep;
  return {
    format: TRANSFER_FORMAT,
    version: TRANSFER_VERSION,
    times: c.times.slice(),
    actorCol: c.actorCol.slice(),
    kindCol: c.kindCol.slice(),
    causeCol: c.causeCol.slice(),
    lineCol: c.lineCol.slice(),
    seqCol: c.seqCol.slice(),
    rowCol: c.rowCol.slice(),
    refCol: c.refCol.slice(),
    rows: c.rows.slice(),
    lightBase: c.lightBase.slice(),
    lightActor: c.lightActor.slice(),
    lightValue: c.lightValue.slice(),
    msgFrom: c.msgFrom.slice(),
    msgTo: c.msgTo.slice(),
    msgType: c.msgType.slice(),
    meta: new TextEncoder().encode(JSON.stringify(meta)),
  };
}

/** The buffers of a transfer, for postMessage's transfer list (the transfer is unusable after). */
export function transferBuffers(t: TraceTransfer): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const [name] of COLUMNS) out.push(t[name].buffer as ArrayBuffer);
  out.push(t.meta.buffer as ArrayBuffer);
  return out;
}

/** Whether a value looks like a transfer (its format tag); `fromTransfer` checks the rest. */
export function isTraceTransfer(v: unknown): v is TraceTransfer {
  return typeof v === 'object' && v !== null && (v as { format?: unknown }).format === TRANSFER_FORMAT;
}

const corrupt = (what: string): TraceError => new TraceError(`the trace transfer is corrupt: ${what}`);

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isIndex = (v: unknown, below: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < below;

function list<T>(meta: Record<string, unknown>, name: string, length?: number): T[] {
  const v = meta[name];
  if (!Array.isArray(v)) throw corrupt(`'${name}' must be a list`);
  if (length !== undefined && v.length !== length)
    throw corrupt(`'${name}' has ${v.length} entries, expected ${length}`);
  return v as T[];
}

function checkHeader(raw: unknown): TraceHeader {
  if (!isObj(raw)) throw corrupt('no header');
  if (raw.format !== TRACE_FORMAT || raw.version !== TRACE_VERSION)
    throw corrupt(`the header is not a "${TRACE_FORMAT}" version ${TRACE_VERSION} header`);
  const sc = raw.scenario;
  if (!isObj(sc) || typeof sc.title !== 'string') throw corrupt('the header has no scenario title');
  if (!Array.isArray(raw.actors) || raw.actors.length > 65535) throw corrupt('the header has no actors list');
  const seen = new Set<string>();
  for (const [i, a] of (raw.actors as unknown[]).entries()) {
    if (
      !isObj(a) ||
      typeof a.id !== 'string' ||
      a.id === '' ||
      !['node', 'client', 'network'].includes(a.kind as string)
    )
      throw corrupt(`actor ${i} must be { id, kind: node|client|network }`);
    if (seen.has(a.id)) throw corrupt(`actor '${a.id}' is declared twice`);
    seen.add(a.id);
  }
  return { ...(raw as unknown as TraceHeader), actors: raw.actors as Actor[] };
}

/**
 * The trace a transfer holds, as a recorder (so a later `append` message still works). Throws a
 * TraceError naming the first inconsistency: a wrong array type or length, an index out of range,
 * an unknown kind, a cause that is not an earlier event, metadata that is not the expected JSON.
 */
export function fromTransfer(t: unknown): TraceRecorder {
  if (!isObj(t)) throw corrupt('not an object');
  if (t.format !== TRANSFER_FORMAT)
    throw corrupt(`format is ${JSON.stringify(t.format)}, expected "${TRANSFER_FORMAT}"`);
  if (t.version !== TRANSFER_VERSION)
    throw corrupt(`version ${JSON.stringify(t.version)} is not supported (expected ${TRANSFER_VERSION})`);
  const lengths: Record<string, number> = {};
  for (const [name, types, group] of COLUMNS) {
    const col = t[name];
    if (!types.some((type) => col instanceof type))
      throw corrupt(`column '${name}' must be a ${types.map((type) => type.name).join(' or ')}`);
    const length = (col as { length: number }).length;
    if (group !== 'rows') {
      if (lengths[group] === undefined) lengths[group] = length;
      else if (lengths[group] !== length)
        throw corrupt(
          `column '${name}' has ${length} entries, expected ${lengths[group]} like the other ${group} columns`,
        );
    }
  }
  const c = t as unknown as TraceTransfer;
  if (!(t.meta instanceof Uint8Array)) throw corrupt("'meta' must be a Uint8Array of UTF-8 JSON");
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(c.meta));
  } catch (e) {
    throw corrupt(`'meta' is not UTF-8 JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!isObj(raw)) throw corrupt("'meta' is not a JSON object");
  const header = checkHeader(raw.header);
  const actors = header.actors.length;
  const width = Math.max(1, actors);
  const n = lengths.events!;
  const lights = lengths.lights!;
  const messages = lengths.messages!;
  if (c.rows.length % width !== 0)
    throw corrupt(`the clock rows hold ${c.rows.length} entries, not a multiple of ${width} actors`);
  const rowCount = c.rows.length / width;

  const typeNames = list<string>(raw, 'typeNames');
  if (!typeNames.every((s) => typeof s === 'string')) throw corrupt('message type names must be text');
  const responseOps = list<OpInfo>(raw, 'responseOps');
  const dataKeys = list<string>(raw, 'dataKeys');
  const columns: TraceColumns = {
    ...c,
    typeNames,
    msgPayload: list<Message>(raw, 'msgPayload', messages),
    detailList: list<EventDetail>(raw, 'detailList'),
    requestOps: list<OpInfo>(raw, 'requestOps'),
    responseOps,
    responseResults: list<OpResult>(raw, 'responseResults', responseOps.length),
    dataKeys,
    dataBefore: list<Sibling[]>(raw, 'dataBefore', dataKeys.length),
    dataAfter: list<Sibling[]>(raw, 'dataAfter', dataKeys.length),
    messageExtras: list<[number, EventDetail]>(raw, 'messageExtras'),
  };
  const tables = [
    columns.detailList.length,
    columns.requestOps.length,
    columns.responseOps.length,
    columns.dataKeys.length,
  ];

  const kinds = EVENT_KINDS.length;
  const { times, actorCol, kindCol, causeCol, rowCol, refCol } = c;
  for (let e = 0; e < n; e++) {
    const time = times[e]!;
    if (!(time >= 0) || time === Number.POSITIVE_INFINITY) throw corrupt(`event ${e} has time ${time}`);
    if (actorCol[e]! >= actors) throw corrupt(`event ${e} names actor ${actorCol[e]} of ${actors}`);
    if (kindCol[e]! >= kinds)
      throw corrupt(`event ${e} has kind code ${kindCol[e]}; there are ${kinds} kinds`);
    const cause = causeCol[e]!;
    if (cause < -1 || cause >= e) throw corrupt(`event ${e} has cause ${cause}, not an earlier event`);
    const row = rowCol[e]!;
    if (row >= rowCount || (row < -1 && -2 - row >= lights))
      throw corrupt(`event ${e} refers to clock ${row}, beyond ${rowCount} rows and ${lights} light records`);
    const ref = refCol[e]!;
    if (ref >= messages) throw corrupt(`event ${e} refers to message ${ref} of ${messages}`);
    if (ref < -1) {
      const r = -2 - ref;
      if (r >>> 2 >= tables[r & 3]!)
        throw corrupt(
          `event ${e} refers to detail ${r >>> 2} of side table ${r & 3}, beyond its ${tables[r & 3]} rows`,
        );
    }
  }
  for (let i = 0; i < lights; i++) {
    const base = c.lightBase[i]!;
    if (base < -1 || base >= rowCount)
      throw corrupt(`light clock record ${i} refers to row ${base} of ${rowCount}`);
    if (c.lightActor[i]! >= width)
      throw corrupt(`light clock record ${i} names actor ${c.lightActor[i]} of ${actors}`);
  }
  for (let m = 0; m < messages; m++) {
    if (c.msgFrom[m]! >= actors || c.msgTo[m]! >= actors)
      throw corrupt(`message ${m} names an actor beyond ${actors}`);
    if (c.msgType[m]! >= typeNames.length)
      throw corrupt(`message ${m} has type code ${c.msgType[m]} of ${typeNames.length}`);
  }
  for (const [i, x] of columns.messageExtras.entries()) {
    if (!Array.isArray(x) || !isIndex(x[0], n) || refCol[x[0]]! < 0 || !isObj(x[1]))
      throw corrupt(`message extra ${i} must be [message event id, detail]`);
  }

  const anomalies = list<Anomaly>(raw, 'anomalies');
  for (const [i, a] of anomalies.entries()) {
    if (!isObj(a) || typeof a.kind !== 'string' || !isIndex(a.event, n) || typeof a.explain !== 'string')
      throw corrupt(`anomaly ${i} must have a kind, an event of the trace and an explanation`);
    if (a.related !== undefined && !(Array.isArray(a.related) && a.related.every((r) => isIndex(r, n))))
      throw corrupt(`anomaly ${i}: related must be events of the trace`);
  }
  if (!isObj(raw.final)) throw corrupt("'final' must be an object");
  if (!isObj(raw.stats)) throw corrupt("'stats' must be an object");

  const trace = TraceRecorder.fromColumns(header, columns);
  trace.anomalies = anomalies;
  trace.expectations = list<ExpectationResult>(raw, 'expectations');
  trace.final = raw.final as Record<string, NodeFinalState>;
  trace.stats = raw.stats as unknown as TraceStats;
  if (raw.sweep !== undefined) trace.sweep = raw.sweep;
  return trace;
}

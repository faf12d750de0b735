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
  EventKind,
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

/** What every form of transfer carries as JSON: the trace's header and its whole-run facts. */
export interface TransferFacts {
  header: TraceHeader;
  anomalies: Anomaly[];
  expectations: ExpectationResult[];
  final: Record<string, NodeFinalState>;
  stats: TraceStats;
  sweep?: unknown;
  typeNames: string[];
}

function factsOf(trace: Trace, typeNames: string[]): TransferFacts {
  const facts: TransferFacts = {
    header: trace.header,
    anomalies: trace.anomalies,
    expectations: trace.expectations,
    final: trace.final,
    stats: trace.stats,
    typeNames,
  };
  if (trace.sweep !== undefined) facts.sweep = trace.sweep;
  return facts;
}

/** The object-shaped part of a trace, as the transfer's `meta` JSON holds it. */
export interface TransferMeta extends TransferFacts {
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
    ...factsOf(trace, c.typeNames),
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

/** The lengths of a transfer's column groups, checked to agree within each group. */
interface ColumnLengths {
  events: number;
  lights: number;
  messages: number;
}

/** Every typed-array column of a transfer has the right type, and columns of a group one length. */
function checkColumns(t: Record<string, unknown>): ColumnLengths {
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
  return { events: lengths.events!, lights: lengths.lights!, messages: lengths.messages! };
}

/** The JSON object a part's UTF-8 bytes hold. */
function decodeJson(bytes: unknown, name: string): Record<string, unknown> {
  if (!(bytes instanceof Uint8Array)) throw corrupt(`'${name}' must be a Uint8Array of UTF-8 JSON`);
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    throw corrupt(`'${name}' is not UTF-8 JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!isObj(raw)) throw corrupt(`'${name}' is not a JSON object`);
  return raw;
}

/** The format tag and version of a transfer or of its details part. */
function checkEnvelope(t: unknown, format: string, what: string): Record<string, unknown> {
  if (!isObj(t)) throw corrupt(`${what} is not an object`);
  if (t.format !== format) throw corrupt(`format is ${JSON.stringify(t.format)}, expected "${format}"`);
  if (t.version !== TRANSFER_VERSION)
    throw corrupt(`version ${JSON.stringify(t.version)} is not supported (expected ${TRANSFER_VERSION})`);
  return t;
}

/** The side tables an event's `refCol` may point into, by table code (store.ts: GENERIC, REQUEST, RESPONSE, DATA). */
type TableSizes = [generic: number, request: number, response: number, data: number];

/**
 * Every event's columns are in range: time, actor, kind, cause (an earlier event), clock (a row or
 * light record), message or side-table row; light records and messages name real rows and actors.
 */
function checkEvents(
  c: TransferColumns,
  actors: number,
  lengths: ColumnLengths,
  typeCount: number,
  tables: TableSizes,
): void {
  const width = Math.max(1, actors);
  const { events: n, lights, messages } = lengths;
  if (c.rows.length % width !== 0)
    throw corrupt(`the clock rows hold ${c.rows.length} entries, not a multiple of ${width} actors`);
  const rowCount = c.rows.length / width;
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
    if (c.msgType[m]! >= typeCount)
      throw corrupt(`message ${m} has type code ${c.msgType[m]} of ${typeCount}`);
  }
}

/** The object-shaped side tables, as the details (or a whole transfer's meta) hold them. */
type DetailTables = Pick<
  TraceColumns,
  | 'msgPayload'
  | 'detailList'
  | 'requestOps'
  | 'responseOps'
  | 'responseResults'
  | 'dataKeys'
  | 'dataBefore'
  | 'dataAfter'
  | 'messageExtras'
>;

/** Each entry of a list has the shape the store's queries rely on; names the first that has not. */
function checkEntries<T>(items: T[], name: string, ok: (v: T) => boolean, shape: string): void {
  for (let i = 0; i < items.length; i++)
    if (!ok(items[i]!)) throw corrupt(`'${name}' entry ${i} must be ${shape}`);
}

/**
 * The side tables of `raw`, each a list of the right length and entries of the right shape. `sizes`
 * gives the lengths the columns imply (a head's tables); without it, they only have to agree
 * with each other.
 */
function readTables(
  raw: Record<string, unknown>,
  events: number,
  refCol: Int32Array,
  messages: number,
  sizes?: { detailList: number; requestOps: number; responseOps: number; dataKeys: number },
): DetailTables {
  const responseOps = list<OpInfo>(raw, 'responseOps', sizes?.responseOps);
  const dataKeys = list<string>(raw, 'dataKeys', sizes?.dataKeys);
  const t: DetailTables = {
    msgPayload: list<Message>(raw, 'msgPayload', messages),
    detailList: list<EventDetail>(raw, 'detailList', sizes?.detailList),
    requestOps: list<OpInfo>(raw, 'requestOps', sizes?.requestOps),
    responseOps,
    responseResults: list<OpResult>(raw, 'responseResults', responseOps.length),
    dataKeys,
    dataBefore: list<Sibling[]>(raw, 'dataBefore', dataKeys.length),
    dataAfter: list<Sibling[]>(raw, 'dataAfter', dataKeys.length),
    messageExtras: list<[number, EventDetail]>(raw, 'messageExtras'),
  };
  checkEntries(
    t.msgPayload,
    'msgPayload',
    (p) => isObj(p) && typeof p.type === 'string',
    'a message with a type',
  );
  checkEntries(t.detailList, 'detailList', isObj, 'an object');
  checkEntries(t.requestOps, 'requestOps', isObj, 'an operation object');
  checkEntries(t.responseOps, 'responseOps', isObj, 'an operation object');
  checkEntries(
    t.responseResults,
    'responseResults',
    (r) => isObj(r) && typeof r.ok === 'boolean',
    'a result with ok true or false',
  );
  checkEntries(t.dataKeys, 'dataKeys', (k) => typeof k === 'string', 'a key (text)');
  checkEntries(t.dataBefore, 'dataBefore', Array.isArray, 'a list of siblings');
  checkEntries(t.dataAfter, 'dataAfter', Array.isArray, 'a list of siblings');
  for (const [i, x] of t.messageExtras.entries()) {
    if (!Array.isArray(x) || !isIndex(x[0], events) || refCol[x[0]]! < 0 || !isObj(x[1]))
      throw corrupt(`message extra ${i} must be [message event id, detail]`);
  }
  return t;
}

function checkAnomalyList(raw: Record<string, unknown>, n: number): Anomaly[] {
  const anomalies = list<Anomaly>(raw, 'anomalies');
  for (const [i, a] of anomalies.entries()) {
    if (!isObj(a) || typeof a.kind !== 'string' || !isIndex(a.event, n) || typeof a.explain !== 'string')
      throw corrupt(`anomaly ${i} must have a kind, an event of the trace and an explanation`);
    if (a.related !== undefined && !(Array.isArray(a.related) && a.related.every((r) => isIndex(r, n))))
      throw corrupt(`anomaly ${i}: related must be events of the trace`);
  }
  return anomalies;
}

/** The trace-wide parts every transfer's first JSON holds (header aside): checked, for `finish`. */
interface TraceParts {
  anomalies: Anomaly[];
  expectations: ExpectationResult[];
  final: Record<string, NodeFinalState>;
  stats: TraceStats;
  sweep?: unknown;
}

function readTraceParts(raw: Record<string, unknown>, n: number): TraceParts {
  const anomalies = checkAnomalyList(raw, n);
  if (!isObj(raw.final)) throw corrupt("'final' must be an object");
  if (!isObj(raw.stats)) throw corrupt("'stats' must be an object");
  const parts: TraceParts = {
    anomalies,
    expectations: list<ExpectationResult>(raw, 'expectations'),
    final: raw.final as Record<string, NodeFinalState>,
    stats: raw.stats as unknown as TraceStats,
  };
  if (raw.sweep !== undefined) parts.sweep = raw.sweep;
  return parts;
}

function finish(header: TraceHeader, columns: TraceColumns, parts: TraceParts): TraceRecorder {
  const trace = TraceRecorder.fromColumns(header, columns);
  trace.anomalies = parts.anomalies;
  trace.expectations = parts.expectations;
  trace.final = parts.final;
  trace.stats = parts.stats;
  if (parts.sweep !== undefined) trace.sweep = parts.sweep;
  return trace;
}

function checkTypeNames(raw: Record<string, unknown>): string[] {
  const typeNames = list<string>(raw, 'typeNames');
  if (!typeNames.every((s) => typeof s === 'string')) throw corrupt('message type names must be text');
  return typeNames;
}

/**
 * The trace a transfer holds, as a recorder (so a later `append` message still works). Throws a
 * TraceError naming the first inconsistency: a wrong array type or length, an index out of range,
 * an unknown kind, a cause that is not an earlier event, metadata that is not the expected JSON.
 * A two-part transfer's head is refused here: see `fromTransferHead` and `attachDetails`.
 */
export function fromTransfer(t: unknown): TraceRecorder {
  const o = checkEnvelope(t, TRANSFER_FORMAT, 'the transfer');
  if (o.part !== undefined)
    throw corrupt(
      `this is the ${JSON.stringify(o.part)} part of a two-part transfer, whose details come separately (fromTransferHead, then attachDetails)`,
    );
  const lengths = checkColumns(o);
  const c = o as unknown as TraceTransfer;
  const raw = decodeJson(o.meta, 'meta');
  const header = checkHeader(raw.header);
  const typeNames = checkTypeNames(raw);
  const tables = readTables(raw, lengths.events, c.refCol, lengths.messages);
  checkEvents(c, header.actors.length, lengths, typeNames.length, [
    tables.detailList.length,
    tables.requestOps.length,
    tables.responseOps.length,
    tables.dataKeys.length,
  ]);
  return finish(header, { ...c, typeNames, ...tables }, readTraceParts(raw, lengths.events));
}

// -------------------------------------------------------------------------------------------------
// Two parts: what the first paint needs, then the details.
//
// A million-event trace's object-shaped side tables (payloads, operations, values, generic details)
// are tens to hundreds of megabytes of JSON: seconds to write in the host and to read in the view.
// Drawing needs little of them, so a head goes first — the columns, the small trace-wide parts, and
// an outline of the side tables (what the timeline draws from them: message ids, types, ends and
// timer names of generic details, conflict and sibling marks, failed responses, fault details in
// full) — and the details follow in a second part, written after the head has been posted. The
// details are checked against the head as strictly as a whole transfer is.

export const TRANSFER_DETAILS_FORMAT = 'replication-trace-transfer-details';

/**
 * What an event's detail says that drawing needs, packed in 16 bits: the low two bits a mark
 * (OUTLINE_CONFLICT: a state change that makes more live siblings than before, more than one;
 * OUTLINE_RESOLVED: one that takes several live siblings down to at most one; OUTLINE_SIBLINGS_READ:
 * a response returning several values), OUTLINE_FAILED for a failed response, and from bit 3 the
 * number of siblings a conflict or read mark shows (at most 8191).
 */
export const OUTLINE_MARK = 3;
export const OUTLINE_CONFLICT = 1;
export const OUTLINE_RESOLVED = 2;
export const OUTLINE_SIBLINGS_READ = 3;
export const OUTLINE_FAILED = 4;
export const OUTLINE_COUNT_SHIFT = 3;
const OUTLINE_COUNT_MAX = 0x1fff;

function liveSiblings(s: Sibling[] | undefined): number {
  if (!Array.isArray(s)) return 0;
  let n = 0;
  for (const x of s) if (!x?.tombstone) n++;
  return n;
}

/** The outline (see OUTLINE_MARK) of an event of `kind` with detail `d`. */
export function outlineOf(kind: EventKind, d: EventDetail | undefined): number {
  if (d === undefined) return 0;
  if (kind === 'state' && d.key !== undefined) {
    const before = liveSiblings(d.before);
    const after = liveSiblings(d.after);
    const count = Math.min(OUTLINE_COUNT_MAX, Array.isArray(d.after) ? d.after.length : 0);
    if (after > 1 && after > before) return OUTLINE_CONFLICT | (count << OUTLINE_COUNT_SHIFT);
    if (before > 1 && after <= 1) return OUTLINE_RESOLVED;
    return 0;
  }
  if (kind === 'response' && d.result) {
    const r = d.result;
    let out = r.ok === false ? OUTLINE_FAILED : 0;
    const values = Array.isArray(r.values) ? r.values.length : 0;
    if (values > 1)
      out |= OUTLINE_SIBLINGS_READ | (Math.min(OUTLINE_COUNT_MAX, values) << OUTLINE_COUNT_SHIFT);
    return out;
  }
  return 0;
}

/** Per generic detail row, the fields drawing reads (the rows themselves come with the details). */
export interface TransferOutline {
  /** Per event: its outline (OUTLINE_*). */
  outline: Uint16Array;
  /** Per generic detail row: its `msg`, or -1. */
  genericMsg: Int32Array;
  /** Per generic detail row: its `type` and `timer` as indexes into the head's `names`, or 0xffff. */
  genericType: Uint16Array;
  genericTimer: Uint16Array;
  /** Per generic detail row: its `from` and `to` as actor indexes, or 0xffff. */
  genericFrom: Uint16Array;
  genericTo: Uint16Array;
}

const OUTLINE_COLUMNS: [keyof TransferOutline, ColumnType, 'events' | 'generic'][] = [
  ['outline', Uint16Array, 'events'],
  ['genericMsg', Int32Array, 'generic'],
  ['genericType', Uint16Array, 'generic'],
  ['genericTimer', Uint16Array, 'generic'],
  ['genericFrom', Uint16Array, 'generic'],
  ['genericTo', Uint16Array, 'generic'],
];

const NO_INDEX = 0xffff;

/** The first part of a two-part transfer: columns, outline and the small trace-wide parts. */
export interface TraceTransferHead extends TransferColumns, TransferOutline {
  format: typeof TRANSFER_FORMAT;
  version: typeof TRANSFER_VERSION;
  part: 'head';
  /** Names the details part that completes this head (it carries the same id). */
  detailsId: string;
  /** UTF-8 JSON of `TransferHeadMeta`. */
  meta: Uint8Array;
}

/** The head's JSON part. */
export interface TransferHeadMeta extends TransferFacts {
  /** Sizes of the side tables the details hold (message payloads: one per message). */
  tables: { detailList: number; requestOps: number; responseOps: number; dataKeys: number };
  /** The message types and timer names `genericType` and `genericTimer` refer to. */
  names: string[];
  /**
   * Generic detail rows given whole: those of the rare events drawn from their detail (crashes,
   * partitions, cuts, heals, skews, membership changes, ...), and any whose light fields do not fit
   * the outline columns.
   */
  fullRows: [number, EventDetail][];
}

/** The second part: every side table, for the head with the same `detailsId`. */
export interface TraceTransferDetails {
  format: typeof TRANSFER_DETAILS_FORMAT;
  version: typeof TRANSFER_VERSION;
  detailsId: string;
  /**
   * The details may come in several parts, in order (so that neither side writes or reads them in
   * one long stretch): this one's place (0-based) and how many there are. Absent: the only part.
   */
  part?: number;
  parts?: number;
  /**
   * UTF-8 JSON of consecutive rows of the side tables: `{ msgPayload: [...], detailList: [...], ...,
   * start: { msgPayload: 0, ... } }` — each table present holds the rows from `start` (0 if not
   * given), which must follow the rows earlier parts brought.
   */
  meta: Uint8Array;
}

/** The side tables, in the order their rows are cut into parts. */
const DETAIL_TABLES: (keyof DetailTables)[] = [
  'msgPayload',
  'detailList',
  'requestOps',
  'responseOps',
  'responseResults',
  'dataKeys',
  'dataBefore',
  'dataAfter',
  'messageExtras',
];

/** Rows per details part: some megabytes of JSON, a tenth of a second or so to write or read. */
export const DETAIL_ROWS_PER_PART = 65_536;

/** Kinds of events whose generic details the head carries only as outline fields. */
const LIGHT_KINDS = new Set<EventKind>([
  'send',
  'deliver',
  'drop',
  'timer',
  'request',
  'response',
  'state',
  'note',
  'persisted',
]);

let partsMade = 0;

/**
 * A trace as two parts: the head, built now (columns copied, outline computed, small JSON), and
 * its details, written when `details()` is called — after the head is posted, so that writing
 * the bulky JSON is not on the way to the first paint. The trace must not change in between.
 */
export function toTransferParts(trace: Trace): {
  head: TraceTransferHead;
  /** The details in one part. */
  details: () => TraceTransferDetails;
  /** The details in `count` parts of at most `rowsPerPart` rows, each written when asked for. */
  detailParts: (rowsPerPart?: number) => { count: number; part: (i: number) => TraceTransferDetails };
} {
  const c = trace.columns();
  const n = c.times.length;
  const generic = c.detailList.length;
  const outline = new Uint16Array(n);
  const genericMsg = new Int32Array(generic).fill(-1);
  const genericType = new Uint16Array(generic).fill(NO_INDEX);
  const genericTimer = new Uint16Array(generic).fill(NO_INDEX);
  const genericFrom = new Uint16Array(generic).fill(NO_INDEX);
  const genericTo = new Uint16Array(generic).fill(NO_INDEX);
  const names: string[] = [];
  const nameIndex = new Map<string, number>();
  const fullRows: [number, EventDetail][] = [];
  const name = (s: unknown): number => {
    if (typeof s !== 'string') return -1;
    let i = nameIndex.get(s);
    if (i === undefined) {
      if (names.length >= NO_INDEX) return -1;
      i = names.length;
      names.push(s);
      nameIndex.set(s, i);
    }
    return i;
  };
  const actor = (s: unknown): number => {
    if (typeof s !== 'string') return -1;
    return trace.actorIndex.get(s) ?? -1;
  };
  const { refCol, kindCol } = c;
  for (let e = 0; e < n; e++) {
    const ref = refCol[e]!;
    if (ref >= -1) continue;
    const r = -2 - ref;
    const row = r >>> 2;
    const kind = EVENT_KINDS[kindCol[e]!]!;
    switch (r & 3) {
      case 0: {
        const d = c.detailList[row];
        if (d === undefined) break;
        outline[e] = outlineOf(kind, d);
        if (!LIGHT_KINDS.has(kind)) {
          fullRows.push([row, d]);
          break;
        }
        // A field present but not representable in the outline: the row goes whole.
        const msg = d.msg;
        const type = d.type === undefined ? 0 : name(d.type);
        const timer = d.timer === undefined ? 0 : name(d.timer);
        const from = d.from === undefined ? 0 : actor(d.from);
        const to = d.to === undefined ? 0 : actor(d.to);
        if (
          (msg !== undefined && !(Number.isInteger(msg) && msg >= 0 && msg <= 0x7fffffff)) ||
          type < 0 ||
          timer < 0 ||
          from < 0 ||
          to < 0
        ) {
          fullRows.push([row, d]);
          break;
        }
        if (msg !== undefined) genericMsg[row] = msg;
        if (d.type !== undefined) genericType[row] = type;
        if (d.timer !== undefined) genericTimer[row] = timer;
        if (d.from !== undefined) genericFrom[row] = from;
        if (d.to !== undefined) genericTo[row] = to;
        break;
      }
      case 2:
        outline[e] = outlineOf(kind, { result: c.responseResults[row]! });
        break;
      case 3:
        outline[e] = outlineOf(kind, {
          key: c.dataKeys[row]!,
          before: c.dataBefore[row]!,
          after: c.dataAfter[row]!,
        });
        break;
      default:
        break;
    }
  }
  const detailsId = `${Date.now().toString(36)}.${(++partsMade).toString(36)}.${Math.random().toString(36).slice(2, 10)}`;
  const tables = {
    detailList: generic,
    requestOps: c.requestOps.length,
    responseOps: c.responseOps.length,
    dataKeys: c.dataKeys.length,
  };
  const meta: TransferHeadMeta = {
    ...factsOf(trace, c.typeNames),
    tables,
    names,
    fullRows,
  };
  const head: TraceTransferHead = {
    format: TRANSFER_FORMAT,
    version: TRANSFER_VERSION,
    part: 'head',
    detailsId,
    ...copyColumns(c),
    outline,
    genericMsg,
    genericType,
    genericTimer,
    genericFrom,
    genericTo,
    meta: new TextEncoder().encode(JSON.stringify(meta)),
  };
  const messages = c.msgFrom.length;
  // The rows as they are now (the trace must not change, but a recorder's arrays may have spare room).
  const rows: Record<keyof DetailTables, readonly unknown[]> = {
    msgPayload: c.msgPayload.slice(0, messages),
    detailList: c.detailList.slice(0, tables.detailList),
    requestOps: c.requestOps.slice(0, tables.requestOps),
    responseOps: c.responseOps.slice(0, tables.responseOps),
    responseResults: c.responseResults.slice(0, tables.responseOps),
    dataKeys: c.dataKeys.slice(0, tables.dataKeys),
    dataBefore: c.dataBefore.slice(0, tables.dataKeys),
    dataAfter: c.dataAfter.slice(0, tables.dataKeys),
    messageExtras: c.messageExtras.filter(([e]) => e < n),
  };
  const envelope = (body: object, part: number, parts: number): TraceTransferDetails => ({
    format: TRANSFER_DETAILS_FORMAT,
    version: TRANSFER_VERSION,
    detailsId,
    part,
    parts,
    meta: new TextEncoder().encode(JSON.stringify(body)),
  });
  const details = (): TraceTransferDetails => envelope(rows, 0, 1);
  const detailParts = (rowsPerPart = DETAIL_ROWS_PER_PART) => {
    const per = Math.max(1, Math.floor(rowsPerPart));
    let total = 0;
    for (const name of DETAIL_TABLES) total += rows[name].length;
    const count = Math.max(1, Math.ceil(total / per));
    // Part i holds rows [i * per, (i + 1) * per) of the tables laid end to end.
    const part = (i: number): TraceTransferDetails => {
      if (!Number.isInteger(i) || i < 0 || i >= count)
        throw new RangeError(`no details part ${i} of ${count}`);
      const body: Record<string, unknown> = {};
      const start: Record<string, number> = {};
      let from = i * per;
      let left = per;
      for (const name of DETAIL_TABLES) {
        const table = rows[name];
        if (from >= table.length) {
          from -= table.length;
          continue;
        }
        if (left === 0) break;
        const to = Math.min(table.length, from + left);
        body[name] = table.slice(from, to);
        start[name] = from;
        left -= to - from;
        from = 0;
      }
      body.start = start;
      return envelope(body, i, count);
    };
    return { count, part };
  };
  return { head, details, detailParts };
}

/** The buffers of a head, for postMessage's transfer list (the head is unusable after). */
export function headBuffers(t: TraceTransferHead): ArrayBuffer[] {
  const out = transferBuffers(t as unknown as TraceTransfer);
  for (const [name] of OUTLINE_COLUMNS) out.push(t[name].buffer as ArrayBuffer);
  return out;
}

/** A trace shown from its head while its details are on their way (see `attachDetails`). */
export interface TraceHead {
  /**
   * The trace as far as the head tells it: every column and query; generic details hold only the
   * outline's fields (message id, type, ends, timer name) but for rows sent whole; payloads,
   * operations, results, values and message extras are missing until the details arrive.
   */
  readonly trace: TraceRecorder;
  /** Per event: its outline (OUTLINE_*). */
  readonly outline: Uint16Array;
  readonly detailsId: string;
  /** What `attachDetails` checks the details against. */
  readonly columns: TransferColumns;
  readonly typeNames: string[];
  readonly tables: TransferHeadMeta['tables'];
  readonly generic: Pick<
    TransferOutline,
    'genericMsg' | 'genericType' | 'genericTimer' | 'genericFrom' | 'genericTo'
  >;
  readonly names: string[];
}

/** Whether a value looks like the head of a two-part transfer; `fromTransferHead` checks the rest. */
export function isTransferHead(v: unknown): v is TraceTransferHead {
  return isTraceTransfer(v) && (v as { part?: unknown }).part === 'head';
}

/**
 * The trace a head shows until its details come: checked as strictly as a whole transfer (columns,
 * indexes, header, anomalies) and the outline (lengths, names, actors, the rows sent whole).
 */
export function fromTransferHead(t: unknown): TraceHead {
  const o = checkEnvelope(t, TRANSFER_FORMAT, 'the transfer');
  if (o.part !== 'head') throw corrupt(`part ${JSON.stringify(o.part)} is not a head`);
  if (typeof o.detailsId !== 'string' || o.detailsId === '') throw corrupt('the head has no details id');
  const lengths = checkColumns(o);
  const c = o as unknown as TraceTransferHead;
  const raw = decodeJson(o.meta, 'meta');
  const header = checkHeader(raw.header);
  const typeNames = checkTypeNames(raw);
  const names = list<string>(raw, 'names');
  if (!names.every((s) => typeof s === 'string')) throw corrupt('the outline names must be text');
  const sizes = raw.tables;
  if (!isObj(sizes)) throw corrupt("'tables' must give the side tables' sizes");
  const size = (name: string): number => {
    const v = sizes[name];
    if (!isIndex(v, 0x7fffffff)) throw corrupt(`'tables.${name}' must be a size`);
    return v;
  };
  const tables = {
    detailList: size('detailList'),
    requestOps: size('requestOps'),
    responseOps: size('responseOps'),
    dataKeys: size('dataKeys'),
  };
  for (const [name, type, group] of OUTLINE_COLUMNS) {
    const col = o[name];
    if (!(col instanceof type)) throw corrupt(`outline column '${name}' must be a ${type.name}`);
    const expected = group === 'events' ? lengths.events : tables.detailList;
    if ((col as { length: number }).length !== expected)
      throw corrupt(
        `outline column '${name}' has ${(col as { length: number }).length} entries, expected ${expected}`,
      );
  }
  const actors = header.actors.length;
  checkEvents(c, actors, lengths, typeNames.length, [
    tables.detailList,
    tables.requestOps,
    tables.responseOps,
    tables.dataKeys,
  ]);
  // Generic details as far as the outline tells them.
  const detailList: EventDetail[] = new Array(tables.detailList);
  const ids = header.actors.map((a) => a.id);
  const { genericMsg, genericType, genericTimer, genericFrom, genericTo } = c;
  for (let r = 0; r < tables.detailList; r++) {
    const d: EventDetail = {};
    const msg = genericMsg[r]!;
    if (msg >= 0) d.msg = msg;
    const type = genericType[r]!;
    if (type !== NO_INDEX) {
      if (type >= names.length)
        throw corrupt(`generic detail ${r} has type ${type} of ${names.length} names`);
      d.type = names[type]!;
    }
    const timer = genericTimer[r]!;
    if (timer !== NO_INDEX) {
      if (timer >= names.length)
        throw corrupt(`generic detail ${r} has timer ${timer} of ${names.length} names`);
      d.timer = names[timer]!;
    }
    const from = genericFrom[r]!;
    const to = genericTo[r]!;
    if (from !== NO_INDEX) {
      if (from >= actors) throw corrupt(`generic detail ${r} is from actor ${from} of ${actors}`);
      d.from = ids[from]!;
    }
    if (to !== NO_INDEX) {
      if (to >= actors) throw corrupt(`generic detail ${r} is to actor ${to} of ${actors}`);
      d.to = ids[to]!;
    }
    detailList[r] = d;
  }
  for (const [i, x] of list<[number, EventDetail]>(raw, 'fullRows').entries()) {
    if (!Array.isArray(x) || !isIndex(x[0], tables.detailList) || !isObj(x[1]))
      throw corrupt(`full row ${i} must be [generic detail row, detail]`);
    detailList[x[0]] = x[1] as EventDetail;
  }
  const trace = finish(
    header,
    {
      ...copyView(c),
      typeNames,
      msgPayload: new Array(lengths.messages),
      detailList,
      requestOps: new Array(tables.requestOps),
      responseOps: new Array(tables.responseOps),
      responseResults: new Array(tables.responseOps),
      dataKeys: new Array(tables.dataKeys),
      dataBefore: new Array(tables.dataKeys),
      dataAfter: new Array(tables.dataKeys),
      messageExtras: [],
    },
    readTraceParts(raw, lengths.events),
  );
  return {
    trace,
    outline: c.outline,
    detailsId: o.detailsId,
    columns: copyView(c),
    typeNames,
    tables,
    generic: { genericMsg, genericType, genericTimer, genericFrom, genericTo },
    names,
  };
}

/**
 * Takes a head's details part by part, in order, and gives the whole trace once the last is in:
 * the head's columns with the details' side tables. Throws a TraceError when a part is corrupt (not
 * JSON, out of order, rows that do not follow on) or, at the end, the tables are (a wrong length or
 * shape, an extra for no message event), or when the details belong to another trace (another
 * details id, or generic details that contradict the head's outline). The head's trace is left as
 * it was.
 */
export class DetailsReceiver {
  private next = 0;
  private parts = 0;
  private readonly rows = new Map<keyof DetailTables, unknown[]>();

  constructor(readonly head: TraceHead) {}

  /** Parts taken so far, and how many there are (0 until the first has come). */
  get progress(): { received: number; parts: number } {
    return { received: this.next, parts: this.parts };
  }

  take(details: unknown): TraceRecorder | undefined {
    const head = this.head;
    const o = checkEnvelope(details, TRANSFER_DETAILS_FORMAT, 'the details');
    if (o.detailsId !== head.detailsId)
      throw new TraceError(
        `the trace details are for another trace (details ${JSON.stringify(o.detailsId)}, the timeline shows ${JSON.stringify(head.detailsId)})`,
      );
    const part = o.part ?? 0;
    const parts = o.parts ?? 1;
    if (!isIndex(parts, 0x7fffffff) || parts < 1)
      throw corrupt(`the details' number of parts is ${JSON.stringify(parts)}`);
    if (this.parts !== 0 && parts !== this.parts)
      throw corrupt(
        `details part ${JSON.stringify(part)} says there are ${parts} parts, earlier ones ${this.parts}`,
      );
    if (part !== this.next)
      throw corrupt(
        `details part ${JSON.stringify(part)} came where part ${this.next} of ${parts} was expected`,
      );
    const raw = decodeJson(o.meta, 'meta');
    const start = raw.start;
    if (start !== undefined && !isObj(start))
      throw corrupt(`details part ${part}: 'start' must be an object`);
    for (const name of DETAIL_TABLES) {
      const v = raw[name];
      if (v === undefined) continue;
      if (!Array.isArray(v)) throw corrupt(`details part ${part}: '${name}' must be a list`);
      const had = this.rows.get(name);
      const from = start?.[name] ?? 0;
      if (from !== (had?.length ?? 0))
        throw corrupt(
          `details part ${part}: '${name}' starts at row ${JSON.stringify(from)}, after ${had?.length ?? 0} rows`,
        );
      if (!had) this.rows.set(name, v);
      else for (const x of v) had.push(x);
    }
    this.parts = parts;
    this.next = part + 1;
    if (this.next < parts) return undefined;
    const tables: Record<string, unknown> = {};
    for (const name of DETAIL_TABLES) tables[name] = this.rows.get(name) ?? [];
    return complete(head, tables);
  }
}

/**
 * The whole trace from a head and its details (one part, or every part in order); see
 * `DetailsReceiver` for what is checked.
 */
export function attachDetails(head: TraceHead, details: unknown): TraceRecorder {
  const receiver = new DetailsReceiver(head);
  const list = Array.isArray(details) ? details : [details];
  let whole: TraceRecorder | undefined;
  for (const part of list) whole = receiver.take(part);
  if (!whole)
    throw corrupt(`only ${receiver.progress.received} of ${receiver.progress.parts} details parts came`);
  return whole;
}

/** The head's trace completed with the side tables the details brought, once checked. */
function complete(head: TraceHead, raw: Record<string, unknown>): TraceRecorder {
  const c = head.columns;
  const n = c.times.length;
  const tables = readTables(raw, n, c.refCol, c.msgFrom.length, head.tables);
  const { genericMsg, genericType, genericTimer, genericFrom, genericTo } = head.generic;
  const names = head.names;
  const ids = head.trace.actors.map((a) => a.id);
  const differs = (r: number, field: string): TraceError =>
    new TraceError(
      `the trace details do not fit the trace: generic detail ${r} has another '${field}' than the columns`,
    );
  for (let r = 0; r < tables.detailList.length; r++) {
    const d = tables.detailList[r]!;
    if (genericMsg[r]! >= 0 && d.msg !== genericMsg[r]) throw differs(r, 'msg');
    if (genericType[r] !== NO_INDEX && d.type !== names[genericType[r]!]) throw differs(r, 'type');
    if (genericTimer[r] !== NO_INDEX && d.timer !== names[genericTimer[r]!]) throw differs(r, 'timer');
    if (genericFrom[r] !== NO_INDEX && d.from !== ids[genericFrom[r]!]) throw differs(r, 'from');
    if (genericTo[r] !== NO_INDEX && d.to !== ids[genericTo[r]!]) throw differs(r, 'to');
  }
  const t = head.trace;
  return finish(
    t.header,
    { ...c, typeNames: head.typeNames, ...tables },
    {
      anomalies: t.anomalies,
      expectations: t.expectations,
      final: t.final,
      stats: t.stats,
      ...(t.sweep !== undefined ? { sweep: t.sweep } : {}),
    },
  );
}

/** Copies of the store's columns, each exactly its length. */
function copyColumns(c: TransferColumns): TransferColumns {
  const out = {} as Record<keyof TransferColumns, unknown>;
  for (const [name] of COLUMNS) out[name] = c[name].slice();
  return out as unknown as TransferColumns;
}

/** The columns of a transfer, as they are (no copy). */
function copyView(c: TransferColumns): TransferColumns {
  const out = {} as Record<keyof TransferColumns, unknown>;
  for (const [name] of COLUMNS) out[name] = c[name];
  return out as unknown as TransferColumns;
}

// The messages between the extension host and the timeline webview, declared once and used by both
// sides. Everything that crosses the boundary is validated on arrival: a bad message becomes a clear
// error in the view (or the host's log), never an exception.
import {
  TRANSFER_DETAILS_FORMAT,
  TRANSFER_FORMAT,
  TRANSFER_VERSION,
  type TraceTransfer,
  type TraceTransferDetails,
  type TraceTransferHead,
} from '../traces/transfer';
import type { Anomaly, TraceEvent, TraceFile } from '../traces/types';

/** Where a what-if intervention forked the run: the first event of the new branch. */
export interface ForkPoint {
  event: number;
  /** What was done there, e.g. `drop message 41` or `crash n2`. */
  label: string;
}

/** One row of a staleness sweep: P(consistent read) after t ms, or P(within k versions). */
export interface StalenessRow {
  /** `t_ms` for time-based staleness, `k` for version-based. */
  x: number;
  runs: number;
  p: number;
}

export interface StalenessSeries {
  measure: 't' | 'k';
  rows: StalenessRow[];
  title?: string;
}

export type HostToWebview =
  /**
   * Show a trace: its transfer form (`transfer`, traces/transfer.ts: typed-array columns and one
   * JSON part — what the extension sends, by far the cheapest for big traces), the JSON object form
   * (`trace`), or the text of a .trace.json or .trace.ndjson file (`text`, parsed in the webview).
   * `current` is the debugger's current event, if any. A transfer may be the head of a two-part
   * transfer (`part: 'head'`: columns and what drawing needs), whose details follow in `loadDetails`.
   */
  | { type: 'load'; transfer: TraceTransfer | TraceTransferHead; title?: string; current?: number }
  | { type: 'load'; trace: TraceFile; title?: string; current?: number }
  | { type: 'load'; text: string; title?: string; current?: number }
  /**
   * The details of the trace whose head `load` brought (payloads, operations, values, ...), in one
   * part or several, in order (`part` of `parts`).
   */
  | { type: 'loadDetails'; details: TraceTransferDetails }
  /**
   * More events. `from` is the id of the first one; when it is below the current length the run
   * forked earlier and everything from `from` on is replaced.
   */
  | { type: 'append'; from: number; events: TraceEvent[]; anomalies?: Anomaly[] }
  /** The debugger's current event (null: not paused). Highlight and scroll into view. */
  | { type: 'currentEvent'; id: number | null }
  /** Fork points of what-if interventions so far. */
  | { type: 'fork'; forks: ForkPoint[] }
  /** Sweep results as CSV text (`t_ms,runs,p_consistent` or `k,runs,p_within_k`). */
  | { type: 'sweep'; csv: string; title?: string }
  /** The host asks for an export of the current view (e.g. from a command). */
  | { type: 'requestExport'; format: ExportFormat };

export type ExportFormat = 'svg' | 'png';

export type WebviewToHost =
  | { type: 'ready' }
  /** The user picked an event: move the debugger there. */
  | { type: 'jumpTo'; event: number }
  /** The rendered view; `data` is SVG text, or a PNG as base64. */
  | { type: 'exportResult'; format: ExportFormat; data: string; suggestedName: string }
  /** The webview rejected something it was sent; the host logs it. */
  | { type: 'error'; message: string };

export type Validated<T> = { ok: true; value: T } | { ok: false; error: string };

const fail = <T>(error: string): Validated<T> => ({ ok: false, error });

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** Shallow check of a trace file's envelope; events are checked one by one when loaded. */
export function checkTraceEnvelope(t: unknown): string | undefined {
  if (!isRecord(t)) return 'the trace is not an object';
  if (t.format !== 'replication-trace')
    return `the trace's format is ${JSON.stringify(t.format)}, expected "replication-trace"`;
  if (t.version !== 1) return `trace version ${JSON.stringify(t.version)} is not supported (expected 1)`;
  if (!Array.isArray(t.actors)) return 'the trace has no actors list';
  for (const [i, a] of t.actors.entries()) {
    if (!isRecord(a) || typeof a.id !== 'string' || !['node', 'client', 'network'].includes(a.kind as string))
      return `actor ${i} must be { id: string, kind: node|client|network }`;
  }
  if (!Array.isArray(t.events)) return 'the trace has no events list';
  if (t.anomalies !== undefined && !Array.isArray(t.anomalies)) return "the trace's anomalies must be a list";
  if (!isRecord(t.scenario)) return 'the trace has no scenario header';
  return undefined;
}

export function checkAnomalies(list: unknown[]): string | undefined {
  for (const [i, a] of list.entries()) {
    if (!isRecord(a) || typeof a.kind !== 'string' || !isInt(a.event) || typeof a.explain !== 'string')
      return `anomaly ${i} must have kind, event and explain`;
    if (a.related !== undefined && !(Array.isArray(a.related) && a.related.every(isInt)))
      return `anomaly ${i}: related must be a list of event ids`;
  }
  return undefined;
}

/** Validate a message from the host; events themselves are validated as they are loaded. */
export function validateHostMessage(m: unknown): Validated<HostToWebview> {
  if (!isRecord(m) || typeof m.type !== 'string') return fail('message without a type');
  switch (m.type) {
    case 'load': {
      if (m.transfer !== undefined) {
        // The columns and metadata are checked in full when the trace is built (fromTransfer).
        const t = m.transfer;
        if (!isRecord(t) || t.format !== TRANSFER_FORMAT)
          return fail(`load: the transfer is not a "${TRANSFER_FORMAT}"`);
        if (t.version !== TRANSFER_VERSION)
          return fail(
            `load: transfer version ${JSON.stringify(t.version)} is not supported (expected ${TRANSFER_VERSION})`,
          );
        if (!(t.meta instanceof Uint8Array)) return fail('load: the transfer has no metadata');
      } else if (typeof m.text === 'string') {
        if (m.text.trim() === '') return fail('load: the trace file is empty');
      } else {
        const problem = checkTraceEnvelope(m.trace) ?? checkAnomalies((m.trace as TraceFile).anomalies ?? []);
        if (problem) return fail(`load: ${problem}`);
      }
      if (m.current !== undefined && m.current !== null && !isInt(m.current))
        return fail('load: current must be an event id');
      if (m.title !== undefined && typeof m.title !== 'string') return fail('load: title must be text');
      return { ok: true, value: m as HostToWebview };
    }
    case 'loadDetails': {
      // Checked in full against the head they complete (attachDetails).
      const d = m.details;
      if (!isRecord(d) || d.format !== TRANSFER_DETAILS_FORMAT)
        return fail(`loadDetails: the details are not "${TRANSFER_DETAILS_FORMAT}"`);
      if (d.version !== TRANSFER_VERSION)
        return fail(
          `loadDetails: details version ${JSON.stringify(d.version)} is not supported (expected ${TRANSFER_VERSION})`,
        );
      if (typeof d.detailsId !== 'string') return fail('loadDetails: the details have no id');
      if ((d.part !== undefined && !isInt(d.part)) || (d.parts !== undefined && !isInt(d.parts)))
        return fail('loadDetails: part and parts must be whole numbers');
      if (!(d.meta instanceof Uint8Array)) return fail('loadDetails: the details have no data');
      return { ok: true, value: m as HostToWebview };
    }
    case 'append': {
      if (!isInt(m.from) || m.from < 0) return fail('append: from must be a non-negative event id');
      if (!Array.isArray(m.events)) return fail('append: events must be a list');
      if (m.anomalies !== undefined) {
        if (!Array.isArray(m.anomalies)) return fail('append: anomalies must be a list');
        const problem = checkAnomalies(m.anomalies);
        if (problem) return fail(`append: ${problem}`);
      }
      return { ok: true, value: m as HostToWebview };
    }
    case 'currentEvent':
      if (m.id !== null && (!isInt(m.id) || m.id < 0))
        return fail('currentEvent: id must be an event id or null');
      return { ok: true, value: m as HostToWebview };
    case 'fork': {
      if (!Array.isArray(m.forks)) return fail('fork: forks must be a list');
      for (const [i, f] of m.forks.entries())
        if (!isRecord(f) || !isInt(f.event) || typeof f.label !== 'string')
          return fail(`fork: fork ${i} must be { event: id, label: text }`);
      return { ok: true, value: m as HostToWebview };
    }
    case 'sweep':
      if (typeof m.csv !== 'string') return fail('sweep: csv must be text');
      return { ok: true, value: m as HostToWebview };
    case 'requestExport':
      if (m.format !== 'svg' && m.format !== 'png') return fail('requestExport: format must be svg or png');
      return { ok: true, value: m as HostToWebview };
    default:
      return fail(`unknown message type ${JSON.stringify(m.type)}`);
  }
}

/** Validate a message from the webview (the host never trusts it either). */
export function validateWebviewMessage(m: unknown): Validated<WebviewToHost> {
  if (!isRecord(m) || typeof m.type !== 'string') return fail('message without a type');
  switch (m.type) {
    case 'ready':
      return { ok: true, value: { type: 'ready' } };
    case 'jumpTo':
      if (!isInt(m.event) || m.event < 0) return fail('jumpTo: event must be an event id');
      return { ok: true, value: { type: 'jumpTo', event: m.event } };
    case 'exportResult':
      if (m.format !== 'svg' && m.format !== 'png') return fail('exportResult: format must be svg or png');
      if (typeof m.data !== 'string' || m.data.length === 0) return fail('exportResult: data must be text');
      if (typeof m.suggestedName !== 'string' || !/^[\w.-]+$/.test(m.suggestedName))
        return fail('exportResult: suggestedName must be a plain file name');
      return { ok: true, value: m as WebviewToHost };
    case 'error':
      if (typeof m.message !== 'string') return fail('error: message must be text');
      return { ok: true, value: { type: 'error', message: m.message } };
    default:
      return fail(`unknown message type ${JSON.stringify(m.type)}`);
  }
}

/** Parse sweep CSV (`t_ms,runs,p_consistent` or `k,runs,p_within_k`); throws with the line on error. */
export function parseSweepCsv(csv: string, title?: string): StalenessSeries {
  const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.startsWith('#'));
  if (lines.length === 0) throw new Error('sweep CSV is empty');
  const header = lines[0]!.split(',').map((h) => h.trim());
  let measure: 't' | 'k';
  if (header[0] === 't_ms' && header[1] === 'runs' && header[2] === 'p_consistent') measure = 't';
  else if (header[0] === 'k' && header[1] === 'runs' && header[2] === 'p_within_k') measure = 'k';
  else
    throw new Error(
      `sweep CSV line 1: expected header "t_ms,runs,p_consistent" or "k,runs,p_within_k", found "${lines[0]}"`,
    );
  const rows: StalenessRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    const cells = lines[i]!.split(',').map((c) => Number(c.trim()));
    const [x, runs, p] = cells;
    if (cells.length < 3 || !Number.isFinite(x) || !Number.isFinite(runs) || !Number.isFinite(p))
      throw new Error(`sweep CSV line ${i + 1}: expected three numbers, found "${lines[i]}"`);
    if (p! < 0 || p! > 1) throw new Error(`sweep CSV line ${i + 1}: probability ${p} is outside [0, 1]`);
    rows.push({ x: x!, runs: runs!, p: p! });
  }
  rows.sort((a, b) => a.x - b.x);
  return title === undefined ? { measure, rows } : { measure, rows, title };
}

// Turns what the host sends into the columnar store the timeline reads. A transfer (what the
// extension sends) becomes the store directly, its columns adopted as they arrived and checked by
// fromTransfer; JSON traces go through the trace reader of traces/io (one validator for every
// consumer); appended events are checked here, one by one, so a bad event is reported with its id.
import { readTrace, traceFromFile } from '../../traces/io';
import { type EventDetail, TraceRecorder } from '../../traces/store';
import { fromTransfer, fromTransferHead, isTransferHead, type TraceHead } from '../../traces/transfer';
import type { Anomaly, TraceEvent } from '../../traces/types';
import { EVENT_KINDS } from '../../traces/types';

const KINDS = new Set<string>(EVENT_KINDS);
const COLUMN_FIELDS = new Set(['id', 'time', 'actor', 'kind', 'vc', 'cause', 'line']);

export class TraceLoadError extends Error {}

/**
 * A trace from a `load` message: its transfer form, the JSON object form, or the text of a
 * .trace.json / .ndjson file.
 */
export function loadTrace(source: { transfer?: unknown; trace?: unknown; text?: string }): TraceRecorder {
  if (source.transfer !== undefined) return fromTransfer(source.transfer);
  return source.text !== undefined ? readTrace(source.text) : traceFromFile(source.trace);
}

/**
 * What a `load` message shows: the whole trace, or — for the head of a two-part transfer — the
 * trace as far as the head tells it, with `head` to complete it when the details come.
 */
export function loadShown(source: { transfer?: unknown; trace?: unknown; text?: string }): {
  trace: TraceRecorder;
  head?: TraceHead;
} {
  if (isTransferHead(source.transfer)) {
    const head = fromTransferHead(source.transfer);
    return { trace: head.trace, head };
  }
  return { trace: loadTrace(source) };
}

interface CheckedEvent {
  e: TraceEvent;
  actor: number;
  detail: EventDetail | undefined;
}

/** Check one appended event; returns what the recorder needs, or throws saying what is wrong. */
function checkEvent(trace: TraceRecorder, raw: unknown, expected: number): CheckedEvent {
  const e = raw as TraceEvent | null | undefined;
  if (typeof e !== 'object' || e === null) throw new TraceLoadError(`event ${expected} is not an object`);
  if (e.id !== expected)
    throw new TraceLoadError(`event ${expected} has id ${JSON.stringify(e.id)}; ids must be 0..n-1 in order`);
  if (typeof e.time !== 'number' || !Number.isFinite(e.time))
    throw new TraceLoadError(`event ${expected}: time must be a number of milliseconds`);
  const actor = trace.actorIndex.get(e.actor);
  if (actor === undefined)
    throw new TraceLoadError(`event ${expected}: unknown actor ${JSON.stringify(e.actor)}`);
  if (!KINDS.has(e.kind))
    throw new TraceLoadError(`event ${expected}: unknown kind ${JSON.stringify(e.kind)}`);
  if (e.cause !== undefined && (!Number.isInteger(e.cause) || e.cause < 0 || e.cause >= expected))
    throw new TraceLoadError(`event ${expected}: cause ${JSON.stringify(e.cause)} is not an earlier event`);
  if (typeof e.vc !== 'object' || e.vc === null)
    throw new TraceLoadError(`event ${expected}: vc must be an object of counters`);
  let detail: EventDetail | undefined;
  for (const k in e) {
    if (COLUMN_FIELDS.has(k)) continue;
    if (!detail) detail = {};
    (detail as Record<string, unknown>)[k] = (e as unknown as Record<string, unknown>)[k];
  }
  return { e, actor, detail };
}

/**
 * Apply an `append` message: truncate to `from` if the run forked, then append. Everything is checked
 * first, so a bad message leaves the trace as it was.
 */
export function applyAppend(
  trace: TraceRecorder,
  from: number,
  events: readonly TraceEvent[],
  anomalies: readonly Anomaly[] | undefined,
): void {
  if (from > trace.length)
    throw new TraceLoadError(`append starts at event ${from} but the timeline has ${trace.length} events`);
  const checked = events.map((e, i) => checkEvent(trace, e, from + i));
  const end = from + events.length;
  for (const a of anomalies ?? [])
    if (a.event >= end)
      throw new TraceLoadError(`anomaly ${a.kind} names event ${a.event}, beyond the trace`);
  if (from < trace.length) {
    trace.truncate(from);
    trace.anomalies = trace.anomalies.filter((a) => a.event < from);
  }
  for (const { e, actor, detail } of checked)
    trace.append(e.time, actor, e.kind, e.cause, e.line, detail, e.vc);
  if (anomalies) trace.anomalies = [...trace.anomalies, ...anomalies];
}

export { TraceRecorder };

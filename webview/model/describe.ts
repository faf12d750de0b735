// One-line descriptions of events: tooltips, the screen-reader list and search all use them.
import type { Sibling, Value } from '../../traces/types';
import type { TimelineModel } from './timelineModel';

export function formatValue(v: Value | undefined): string {
  if (v === undefined) return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function formatSiblings(s: Sibling[] | undefined): string {
  if (!s || s.length === 0) return '(none)';
  const live = s.map((x) => (x.tombstone ? '(deleted)' : formatValue(x.value)));
  return live.length === 1 ? live[0]! : `${live.length} siblings: ${live.join(' | ')}`;
}

/** A virtual time for people: at most three decimals (floats from skewed clocks and latencies). */
export function formatTime(ms: number): string {
  return `${roundMs(ms)} ms`;
}

/** A number of milliseconds rounded to the microsecond, without trailing zeros. */
export function roundMs(ms: number): number {
  return Number.isInteger(ms) ? ms : +ms.toFixed(3);
}

/** What happened, without the actor and time. */
export function eventSummary(model: TimelineModel, id: number): string {
  const t = model.trace;
  const d = t.detail(id);
  const kind = t.kind(id);
  switch (kind) {
    case 'send':
      return `sends ${d?.type ?? 'a message'} to ${d?.to ?? '?'}`;
    case 'deliver':
      return `receives ${d?.type ?? 'a message'} from ${d?.from ?? '?'}`;
    case 'drop':
      return `${d?.type ?? 'message'} from ${d?.from ?? '?'} to ${d?.to ?? '?'} dropped${d?.reason ? ` (${d.reason})` : ''}`;
    case 'timer':
      return `timer ${d?.timer ?? ''} fires`;
    case 'request': {
      const op = d?.op;
      if (!op) return 'client request';
      const val = op.value !== undefined ? ` ${formatValue(op.value)}` : '';
      return `${op.kind} ${op.dataKey}${val} (${op.key})`;
    }
    case 'response': {
      const r = d?.result;
      const op = d?.op;
      const what = op ? `${op.kind} ${op.dataKey}` : 'response';
      if (!r) return what;
      if (!r.ok) return `${what} failed: ${r.error ?? 'error'}`;
      if (r.values) return `${what} returns ${formatSiblings(r.values)}`;
      return `${what} ok`;
    }
    case 'state':
      if (d?.key !== undefined) return `${d.key}: ${formatSiblings(d.before)} → ${formatSiblings(d.after)}`;
      if (d?.field !== undefined) {
        if (d.append !== undefined) return `${d.field} += ${JSON.stringify(d.append)}`;
        if (d.truncate !== undefined) return `${d.field} truncated to ${d.truncate}`;
        return `${d.field} = ${JSON.stringify(d.value)}`;
      }
      return 'state change';
    default:
      return d?.text ?? kind;
  }
}

/** A full label: `#12 n1 at 3 ms: sends Replicate to n2`, plus anomalies and conflict marks. */
export function eventLabel(model: TimelineModel, id: number): string {
  const t = model.trace;
  let s = `#${id} ${t.actorId(t.actorOf(id))} at ${formatTime(t.time(id))}: ${eventSummary(model, id)}`;
  const anomalies = model.anomaliesAt.get(id);
  if (anomalies) s += `. Anomaly: ${anomalies.map((a) => `${a.kind}, ${a.explain}`).join('; ')}`;
  return s;
}

/** The text search matches against: cheap fields only, so searching a million events stays fast. */
export function searchText(model: TimelineModel, id: number): string {
  const t = model.trace;
  const d = t.detail(id);
  let s = `#${id} ${t.actorId(t.actorOf(id))} ${t.kind(id)}`;
  if (d) {
    if (d.type) s += ` ${d.type}`;
    if (d.key) s += ` ${d.key}`;
    if (d.field) s += ` ${d.field}`;
    if (d.timer) s += ` ${d.timer}`;
    if (d.text) s += ` ${d.text}`;
    if (d.op) s += ` ${d.op.key} ${d.op.dataKey} ${d.op.id ?? ''} ${formatValue(d.op.value)}`;
    if (d.after) s += ` ${formatSiblings(d.after)}`;
    if (d.result?.error) s += ` ${d.result.error}`;
  }
  return s.toLowerCase();
}

// Export a trace in the Chrome trace event format (chrome://tracing, Perfetto, Speedscope): one track
// (thread) per actor, an instant event per trace event, a slice per crash (down time), and flow arrows
// from each send to its delivery or drop. Flow arrows bind to slices, so send, deliver and drop events
// are 1 µs slices rather than instants. Timestamps are virtual time in microseconds.

import { describeEvent } from '../describe';
import type { Trace } from '../store';

export interface ChromeTraceEvent {
  name: string;
  ph: string;
  ts?: number;
  dur?: number;
  pid: number;
  tid?: number;
  cat?: string;
  s?: string;
  id?: number;
  bp?: string;
  args?: Record<string, unknown>;
}

export interface ChromeTrace {
  traceEvents: ChromeTraceEvent[];
  displayTimeUnit: 'ms';
  otherData: Record<string, unknown>;
}

const PID = 1;
const US = 1000;

export function exportChrome(trace: Trace): ChromeTrace {
  const events: ChromeTraceEvent[] = [];
  events.push({
    name: 'process_name',
    ph: 'M',
    pid: PID,
    args: { name: trace.header.scenario.title || 'run' },
  });
  trace.actors.forEach((a, i) => {
    events.push({ name: 'thread_name', ph: 'M', pid: PID, tid: i + 1, args: { name: a.id } });
    events.push({ name: 'thread_sort_index', ph: 'M', pid: PID, tid: i + 1, args: { sort_index: i } });
  });
  const anomalyAt = new Map<number, string[]>();
  for (const a of trace.anomalies) {
    const list = anomalyAt.get(a.event) ?? [];
    list.push(a.kind);
    anomalyAt.set(a.event, list);
  }
  const crashStart = new Map<number, number>();
  for (let e = 0; e < trace.length; e++) {
    const kind = trace.kind(e);
    const tid = trace.actorOf(e) + 1;
    const ts = trace.time(e) * US;
    const d = trace.detail(e) ?? {};
    const args: Record<string, unknown> = { id: e, vc: trace.vc(e) };
    const cause = trace.cause(e);
    if (cause !== undefined) args.cause = cause;
    const line = trace.line(e);
    if (line !== undefined) args.line = line;
    if (d.payload !== undefined) args.payload = d.payload;
    if (d.after !== undefined) args.after = d.after;
    if (d.result !== undefined) args.result = d.result;
    const name = describeEvent(trace, e);
    if (kind === 'send' || kind === 'deliver' || kind === 'drop') {
      events.push({ name, cat: kind, ph: 'X', ts, dur: 1, pid: PID, tid, args });
      if (d.msg !== undefined) {
        const flow = { name: d.type ?? 'message', cat: 'message', pid: PID, tid, ts, id: d.msg };
        if (kind === 'send') events.push({ ...flow, ph: 's' });
        else events.push({ ...flow, ph: 'f', bp: 'e' });
      }
    } else {
      events.push({ name, cat: kind, ph: 'i', s: 't', ts, pid: PID, tid, args });
    }
    if (kind === 'crash') crashStart.set(tid, ts);
    if (kind === 'recover' && crashStart.has(tid)) {
      const start = crashStart.get(tid)!;
      events.push({
        name: 'down',
        cat: 'fault',
        ph: 'X',
        ts: start,
        dur: Math.max(1, ts - start),
        pid: PID,
        tid,
      });
      crashStart.delete(tid);
    }
    for (const a of anomalyAt.get(e) ?? []) {
      events.push({
        name: `anomaly: ${a}`,
        cat: 'anomaly',
        ph: 'i',
        s: 'p',
        ts,
        pid: PID,
        tid,
        args: { event: e },
      });
    }
  }
  const end = trace.length > 0 ? trace.time(trace.length - 1) * US : 0;
  for (const [tid, start] of crashStart) {
    events.push({
      name: 'down (until the end)',
      cat: 'fault',
      ph: 'X',
      ts: start,
      dur: Math.max(1, end - start),
      pid: PID,
      tid,
    });
  }
  return {
    traceEvents: events,
    displayTimeUnit: 'ms',
    otherData: {
      format: 'replication-trace',
      scenario: trace.header.scenario,
      anomalies: trace.anomalies,
      stats: trace.stats,
    },
  };
}

/** The JSON text, one trace event per line. */
export function exportChromeJson(trace: Trace): string {
  const t = exportChrome(trace);
  const lines = t.traceEvents.map((e) => JSON.stringify(e));
  return `{"displayTimeUnit":"ms","otherData":${JSON.stringify(t.otherData)},\n"traceEvents":[\n${lines.join(',\n')}\n]}\n`;
}

// The `run` command's text space-time diagram: a column per actor, a row per event, message
// arrows drawn across the columns from sender to receiver, anomalies marked. Colour when the
// output is a terminal.

import type { Trace } from '../../traces/store';
import type { Anomaly, Sibling, TraceEvent, Value } from '../../traces/types';
import { NETWORK_ACTOR } from '../../traces/types';

export interface DiagramOptions {
  color: boolean;
  /** Show periodic traffic (heartbeats, anti-entropy pings) and their timers. */
  all: boolean;
  /** At most this many rows; the rest is summarized. */
  maxRows: number;
  periodicMessages: readonly string[];
  periodicTimers: readonly string[];
}

const ANSI = {
  reset: '\x1b[0m',
  dim: '\x1b[2m',
  bold: '\x1b[1m',
  red: '\x1b[31m',
  green: '\x1b[32m',
  yellow: '\x1b[33m',
  blue: '\x1b[34m',
  magenta: '\x1b[35m',
  cyan: '\x1b[36m',
};
const LANE_COLORS = [ANSI.cyan, ANSI.yellow, ANSI.magenta, ANSI.blue, ANSI.green];

export function formatValue(v: Value): string {
  if (Array.isArray(v)) return `[${v.map(formatValue).join(', ')}]`;
  if (typeof v === 'string') return /^[\w.:-]+$/.test(v) ? v : JSON.stringify(v);
  return String(v);
}

export function formatSiblings(list: readonly Sibling[] | undefined): string {
  if (!list || list.length === 0) return '∅';
  const one = (s: Sibling) => {
    const value = s.tombstone ? '†deleted' : formatValue(s.value);
    const meta: string[] = [];
    if (s.version !== undefined) meta.push(`v${s.version}`);
    if (s.vv) {
      const keys = Object.keys(s.vv).sort();
      meta.push(`{${keys.map((k) => `${k}:${s.vv![k]}`).join(', ')}}`);
    }
    if (s.ts !== undefined) meta.push(`ts ${round(s.ts)}`);
    return meta.length ? `${value} ${meta.join(' ')}` : value;
  };
  return list.length === 1 ? one(list[0]!) : `${list.length} siblings: ${list.map(one).join(' | ')}`;
}

function round(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(3).replace(/0+$/, '');
}

function describe(e: TraceEvent): string {
  switch (e.kind) {
    case 'send':
      return `${e.type} #${e.msg} → ${e.to}`;
    case 'deliver':
      return `${e.type} #${e.msg} from ${e.from}`;
    case 'drop':
      return `${e.type} #${e.msg} ${e.from} → ${e.to} lost (${e.reason})`;
    case 'request': {
      const op = e.op!;
      const arg =
        op.value !== undefined ? ` ${formatValue(op.value)}` : op.by !== undefined ? ` by ${op.by}` : '';
      return `${op.kind} ${op.dataKey}${arg}  [${op.key}]`;
    }
    case 'response': {
      const r = e.result!;
      const op = e.op!;
      if (!r.ok) return `${op.key} failed: ${r.error}`;
      if (op.kind === 'read')
        return `${op.key} → ${formatSiblings(r.values)}${r.servedBy ? ` (from ${r.servedBy})` : ''}`;
      return `${op.key} ok${r.servedBy ? ` (${r.servedBy})` : ''}`;
    }
    case 'state':
      if (e.key !== undefined) return `${e.key}: ${formatSiblings(e.before)} ⇒ ${formatSiblings(e.after)}`;
      if (e.append !== undefined) return `${e.field} += ${short(e.append)}`;
      if (e.truncate !== undefined) return `${e.field} truncated to ${e.truncate}`;
      return `${e.field} = ${short(e.value)}`;
    case 'timer':
      return `timer ${e.timer}`;
    default:
      return e.text ?? e.kind;
  }
}

function short(v: unknown): string {
  const s = JSON.stringify(v) ?? 'undefined';
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

const MARK: Record<string, string> = {
  send: '○',
  deliver: '●',
  drop: '✕',
  timer: '◷',
  request: '▷',
  response: '◁',
  crash: '✖',
  recover: '↑',
  state: '◆',
  anomaly: '!',
  note: '·',
  persisted: '▪',
  skew: '~',
  addNode: '+',
  failover: '★',
  offline: '⊘',
  online: '⊙',
  partition: '┼',
  heal: '┼',
  cut: '┼',
  fork: '⑂',
};

/** Renders the trace as a text space-time diagram plus anomalies, expectations and statistics. */
export function renderTextDiagram(trace: Trace, opts: DiagramOptions): string {
  const c = (code: string, s: string) => (opts.color ? `${code}${s}${ANSI.reset}` : s);
  const actors = trace.actors.filter((a) => a.id !== NETWORK_ACTOR);
  const column = new Map<string, number>();
  actors.forEach((a, i) => {
    column.set(a.id, i);
  });
  const width = Math.max(6, ...actors.map((a) => a.id.length + 2));
  const periodic = new Set(opts.periodicMessages);
  const periodicTimers = new Set(opts.periodicTimers);
  const anomalyAt = new Map<number, Anomaly[]>();
  for (const a of trace.anomalies) anomalyAt.set(a.event, [...(anomalyAt.get(a.event) ?? []), a]);

  const lines: string[] = [];
  const header = actors.map((a, i) => c(LANE_COLORS[i % LANE_COLORS.length]!, a.id.padEnd(width))).join('');
  lines.push(`${'time ms'.padStart(10)}  ${header}`);
  lines.push(`${'─'.repeat(10)}  ${'─'.repeat(width * actors.length)}`);

  const up = actors.map(() => true);
  const background = new Set<number>();
  let hidden = 0;
  let rows = 0;
  let cut = 0;
  for (let id = 0; id < trace.length; id++) {
    const e = trace.event(id);
    // Background work: periodic messages and timers, and the protocol bookkeeping they cause
    // (field updates, notes). Data changes always show, whatever caused them.
    const causedByBackground = e.cause !== undefined && background.has(e.cause);
    const isBackground =
      (e.type !== undefined && periodic.has(e.type)) ||
      (e.kind === 'timer' && (periodicTimers.has(e.timer ?? '') || causedByBackground)) ||
      (causedByBackground && ((e.kind === 'state' && e.key === undefined) || e.kind === 'note'));
    if (isBackground) background.add(id);
    if (!opts.all && isBackground && !anomalyAt.has(id)) {
      hidden++;
      continue;
    }
    if (rows >= opts.maxRows) {
      cut++;
      continue;
    }
    rows++;
    const cells = actors.map((_, i) => (up[i] ? '│' : '┊').padEnd(width));
    const here = column.get(e.actor);
    const anomalies = anomalyAt.get(id);
    if ((e.kind === 'deliver' || e.kind === 'drop') && e.from !== undefined && e.to !== undefined) {
      const from = column.get(e.from);
      const to = column.get(e.to);
      if (from !== undefined && to !== undefined && from !== to) {
        const lo = Math.min(from, to);
        const hi = Math.max(from, to);
        for (let i = lo; i <= hi; i++) {
          let cell: string;
          if (i === from) cell = from < to ? `╰${'─'.repeat(width - 1)}` : `╯${' '.repeat(width - 1)}`;
          else if (i === to) {
            const head = e.kind === 'drop' ? '✕' : from < to ? '▶' : '◀';
            cell = from < to ? `${head}${' '.repeat(width - 1)}` : `${head}${'─'.repeat(width - 1)}`;
          } else cell = '─'.repeat(width);
          cells[i] = cell;
        }
        if (from > to) {
          // Leftward arrow: the line runs from the receiver's head to the sender's corner.
          cells[from] = `╯${' '.repeat(width - 1)}`;
        }
      } else if (to !== undefined) cells[to] = `${MARK[e.kind]}`.padEnd(width);
    } else if (here !== undefined) {
      cells[here] = `${MARK[e.kind] ?? '●'}`.padEnd(width);
    } else if (e.kind === 'partition' || e.kind === 'heal' || e.kind === 'cut' || e.kind === 'fork') {
      for (let i = 0; i < cells.length; i++) cells[i] = `${MARK[e.kind]}${'╌'.repeat(width - 1)}`;
    }
    if (e.kind === 'crash' && here !== undefined) up[here] = false;
    if (e.kind === 'recover' && here !== undefined) up[here] = true;

    let text = `${e.actor === NETWORK_ACTOR ? 'network' : e.actor}: ${describe(e)}`;
    if (e.line !== undefined) text += c(ANSI.dim, `  (line ${e.line})`);
    if (e.kind === 'crash' || e.kind === 'drop' || (e.kind === 'response' && !e.result?.ok))
      text = c(ANSI.red, text);
    else if (e.kind === 'response') text = c(ANSI.green, text);
    else if (e.kind === 'state' || e.kind === 'note') text = c(ANSI.dim, text);
    let row = `${round(e.time).padStart(10)}  ${cells.join('')}  ${text}`;
    if (anomalies) row += ` ${c(ANSI.red + ANSI.bold, anomalies.map((a) => `⚠ ${a.kind}`).join(' '))}`;
    lines.push(row.trimEnd());
  }
  if (hidden > 0)
    lines.push(
      c(
        ANSI.dim,
        `  (${hidden} background events hidden: periodic messages, their timers and the bookkeeping they cause; --all shows them)`,
      ),
    );
  if (cut > 0)
    lines.push(
      c(ANSI.dim, `  (${cut} more events not shown; --max-rows raises the limit, or use --format json)`),
    );

  lines.push('');
  if (trace.anomalies.length === 0) lines.push('No anomalies.');
  else {
    lines.push(c(ANSI.bold, `Anomalies (${trace.anomalies.length}):`));
    for (const a of trace.anomalies) {
      lines.push(
        `  ${c(ANSI.red, `⚠ ${a.kind}`)} at event ${a.event} (${round(trace.time(a.event))}ms): ${a.explain}`,
      );
      if (a.related.length) lines.push(c(ANSI.dim, `      evidence: events ${a.related.join(', ')}`));
    }
  }
  if (trace.expectations.length) {
    lines.push('');
    lines.push(c(ANSI.bold, 'Expectations:'));
    for (const x of trace.expectations) {
      const mark = x.passed ? c(ANSI.green, '✓') : c(ANSI.red, '✗');
      lines.push(`  ${mark} line ${x.line}: ${x.text}${x.passed ? '' : ` — ${x.message}`}`);
    }
  }
  const s = trace.stats;
  lines.push('');
  lines.push(
    c(
      ANSI.dim,
      `${s.events} events, ${s.messages} messages (${s.dropped} lost), ${round(s.virtualTime)}ms virtual time; stopped: ${s.stopReason ?? 'end'}`,
    ),
  );
  if (s.stopMessage) lines.push(c(ANSI.yellow, s.stopMessage));
  return `${lines.join('\n')}\n`;
}

// Import ShiViz logs (https://bestchai.bitbucket.io/shiviz/) as traces.
//
// A ShiViz log is matched as a whole by one regular expression (global + multiline) whose named groups
// are `host`, `clock` (a JSON object host -> counter: the event's vector clock) and `event` (its
// description); other named groups are kept in the event's `detail`. An optional delimiter expression
// splits the file into executions, its `trace` group naming each. The upload format puts the
// expression on line 1 and the delimiter on line 2 (empty for none).
//
// ShiViz logs carry only clocks, so messages are reconstructed: when an event's clock jumps on another
// host's entry, the latest event of that host with that counter sent it a message (unless another such
// sender already knew of it: that jump is transitive, not a message). The event becomes a `deliver`
// caused by that `send`; the rest are `note` events. Clocks are kept exactly as logged (forced `vc`).
// Events are laid out in a happens-before-respecting order, each at virtual time = its Lamport depth
// (1 + the later of its predecessor on the host and its sender), so the timeline reads as a Lamport
// diagram. `line` holds the event's line in the log file.

import { TraceError } from '../io';
import type { EventDetail } from '../store';
import { TraceRecorder } from '../store';
import type { Actor, EventKind, VersionVector } from '../types';
import { TRACE_FORMAT, TRACE_VERSION } from '../types';

/** ShiViz's own default expression. */
export const SHIVIZ_DEFAULT_PARSER = '(?<event>.*)\\n(?<host>\\S*) (?<clock>{.*})';

/** Expressions for the log shapes ShiViz ships examples of; `detectShivizParser` tries them. */
export const SHIVIZ_PRESETS: readonly { name: string; parser: string }[] = [
  { name: 'default (event line, then host and clock)', parser: SHIVIZ_DEFAULT_PARSER },
  { name: 'host and clock, then event line', parser: '(?<host>\\S*) (?<clock>{.*})\\n(?<event>.*)' },
  {
    name: 'Akka log lines',
    parser:
      '\\[\\w+\\] \\[(?<date>([^ ]+ [^ ]+))\\] [^ ]+ \\[akka://[^/]+/user/(?<host>\\w+)\\] (?<clock>.*\\}) (?<event>.*)',
  },
  {
    name: 'timestamped event, then host and clock',
    parser: '(?<timestamp>(\\d*)) (?<event>.*)\\n(?<host>\\w*) (?<clock>.*)',
  },
  {
    name: 'log4j line, then host and clock',
    parser:
      '\\[(?<date>\\d{4}-\\d{2}-\\d{2} (\\d{2}:){2}\\d{2},\\d{3}) (?<path>\\S*)\\] (?<priority>(INFO|WARN)) (?<event>.*)\\n(?<host>\\S*) (?<clock>{.*})',
  },
  {
    name: 'web log line, then host and clock',
    parser:
      '(?<ip>(\\d{1,3}\\.){3}\\d{1,3}) (?<date>(\\d{1,2}/){2}\\d{4} (\\d{2}:){2}\\d{2} (AM|PM)) (?<action>(INFO|GET|POST)) (?<event>.*)\\n(?<host>\\w*) (?<clock>.*)',
  },
  {
    name: 'TLA+ TLC trace with Host and Clock variables',
    parser:
      '^State [0-9]+: <(?<event>\\w*) .*>\\n\\/\\\\ Host = (?<host>.*)\\n\\/\\\\ Clock = "(?<clock>.*)"',
  },
];

export interface ShivizImportOptions {
  /**
   * The expression; default: the upload format's line 1 if the file has one, else the preset that reads
   * the log best (`detectShivizParser`), else ShiViz's default.
   */
  parser?: string;
  /**
   * Splits executions; a `trace` group names them. Empty: one execution. Undefined: the upload format's
   * line 2, or a detected `=== name ===` separator when the expression was detected too.
   */
  delimiter?: string;
  /** Which execution to import: its name or 0-based index (default the first). */
  execution?: string | number;
  /** Shown as the trace's scenario title and file. */
  fileName?: string;
}

export interface ShivizImport {
  trace: TraceRecorder;
  /** Names of every execution in the file (one unnamed execution when there is no delimiter). */
  executions: string[];
  /** The imported execution's name. */
  execution: string;
  hosts: string[];
  /** Non-blank lines between entries that the expression did not match. */
  skippedLines: number;
  messages: number;
  /** Events that received from more than one host at once (extra senders are in `detail.senders`). */
  multiSender: number;
}

interface RawEvent {
  host: number;
  line: number;
  text: string;
  clock: Map<string, number>;
  fields: Record<string, string>;
  /** Position in the file, for tie-breaking. */
  pos: number;
}

function fail(message: string, line?: number): never {
  throw new TraceError(
    line === undefined ? message : `line ${line}: ${message}`,
    line === undefined ? {} : { line },
  );
}

function compile(source: string, what: string, flags: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (e) {
    return fail(`the ${what} expression is not a valid regular expression: ${(e as Error).message}`);
  }
}

function groupNames(re: RegExp): string[] {
  // Matching the empty alternative fills `groups` with every name (as undefined).
  const m = new RegExp(`${re.source}|`, '').exec('');
  return m?.groups ? Object.keys(m.groups) : [];
}

/** Split the upload format (line 1 expression, line 2 delimiter) from the log, if the file uses it. */
export function splitShivizUpload(
  text: string,
): { parser: string; delimiter: string; log: string; offset: number } | undefined {
  const first = text.indexOf('\n');
  if (first === -1) return undefined;
  const line1 = text.slice(0, first).replace(/\r$/, '');
  if (!/\(\?<host>/.test(line1) || !/\(\?<clock>/.test(line1)) return undefined;
  const second = text.indexOf('\n', first + 1);
  const line2 = (second === -1 ? text.slice(first + 1) : text.slice(first + 1, second)).replace(/\r$/, '');
  return {
    parser: line1,
    delimiter: line2.trim(),
    log: second === -1 ? '' : text.slice(second + 1),
    offset: 2,
  };
}

interface Execution {
  name: string;
  /** Offset of the execution's text in the log, and its first line number. */
  start: number;
  end: number;
  firstLine: number;
}

function lineAt(text: string, index: number, from: { index: number; line: number }): number {
  let line = from.line;
  for (let i = text.indexOf('\n', from.index); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  from.index = index;
  from.line = line;
  return line;
}

function splitExecutions(log: string, delimiter: string | undefined, lineOffset: number): Execution[] {
  if (!delimiter) return [{ name: 'execution', start: 0, end: log.length, firstLine: lineOffset + 1 }];
  const re = compile(delimiter, 'delimiter', 'gm');
  const out: Execution[] = [];
  const cursor = { index: 0, line: lineOffset + 1 };
  let prevEnd = 0;
  let prevName: string | undefined;
  let prevLine = lineOffset + 1;
  let n = 0;
  for (let m = re.exec(log); m; m = re.exec(log)) {
    if (m[0] === '') {
      re.lastIndex++;
      continue;
    }
    const before = log.slice(prevEnd, m.index);
    if (prevName !== undefined || before.trim() !== '') {
      out.push({ name: prevName ?? `execution ${++n}`, start: prevEnd, end: m.index, firstLine: prevLine });
    }
    prevName = m.groups?.trace?.trim() || `execution ${out.length + 1}`;
    prevEnd = m.index + m[0].length;
    prevLine = lineAt(log, prevEnd, cursor);
  }
  if (prevName !== undefined || log.slice(prevEnd).trim() !== '') {
    out.push({ name: prevName ?? 'execution', start: prevEnd, end: log.length, firstLine: prevLine });
  }
  return out;
}

/** Names of the executions of a log (for a picker). */
export function listShivizExecutions(text: string, options: ShivizImportOptions = {}): string[] {
  const { log, delimiter, offset } = prepare(text, options);
  return splitExecutions(log, delimiter, offset).map((e) => e.name);
}

function prepare(text: string, options: ShivizImportOptions) {
  const normalized = text.replace(/\r\n?/g, '\n');
  const upload = options.parser === undefined ? splitShivizUpload(normalized) : undefined;
  // Without an expression and outside the upload format, recognise the log's shape from the presets.
  const detected = options.parser === undefined && !upload ? detectShivizParser(normalized) : undefined;
  const parser = options.parser ?? upload?.parser ?? detected?.parser ?? SHIVIZ_DEFAULT_PARSER;
  const delimiter = options.delimiter ?? upload?.delimiter ?? detected?.delimiter;
  return {
    parser,
    delimiter: delimiter || undefined,
    log: upload ? upload.log : normalized,
    offset: upload ? upload.offset : 0,
  };
}

function parseClock(raw: string, line: number): Map<string, number> {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    // TLC writes the clock as a string literal with escaped quotes.
    try {
      value = JSON.parse(raw.replace(/\\"/g, '"'));
    } catch (e) {
      const shown = raw.length > 80 ? `${raw.slice(0, 77)}...` : raw;
      fail(`clock is not valid JSON: ${shown} (${(e as Error).message.split('\n')[0]})`, line);
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(
      `clock must be a JSON object host -> counter, found ${raw.length > 80 ? `${raw.slice(0, 77)}...` : raw}`,
      line,
    );
  }
  const clock = new Map<string, number>();
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
      fail(`clock entry "${k}" must be a non-negative integer, found ${JSON.stringify(v)}`, line);
    }
    if (v > 0) clock.set(k, v);
  }
  return clock;
}

/** Import one execution of a ShiViz log. */
export function importShiviz(text: string, options: ShivizImportOptions = {}): ShivizImport {
  const { parser, delimiter, log, offset } = prepare(text, options);
  const re = compile(parser, 'parser', 'gm');
  const names = groupNames(re);
  const missing = ['host', 'clock'].filter((g) => !names.includes(g));
  if (missing.length > 0) {
    fail(
      `the parser expression needs named groups host and clock (and usually event); it lacks ${missing.join(' and ')}` +
        ` (write them as (?<host>...))`,
    );
  }
  const executions = splitExecutions(log, delimiter, offset);
  if (executions.length === 0) fail('the log is empty');
  let chosen: Execution | undefined;
  if (options.execution === undefined) chosen = executions[0];
  else if (typeof options.execution === 'number') chosen = executions[options.execution];
  else chosen = executions.find((e) => e.name === options.execution);
  if (!chosen) {
    fail(
      `no execution ${JSON.stringify(options.execution)} in this log (executions: ${executions.map((e) => e.name).join(', ')})`,
    );
  }
  const body = log.slice(chosen.start, chosen.end);

  // 1. Match entries.
  const hostIndex = new Map<string, number>();
  const hosts: string[] = [];
  const raw: RawEvent[] = [];
  const cursor = { index: 0, line: chosen.firstLine };
  let skippedLines = 0;
  let covered = 0;
  const countGap = (from: number, to: number): void => {
    for (const l of body.slice(from, to).split('\n')) if (l.trim() !== '') skippedLines++;
  };
  re.lastIndex = 0;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[0] === '') {
      re.lastIndex++;
      continue;
    }
    const line = lineAt(body, m.index, cursor);
    countGap(covered, m.index);
    covered = m.index + m[0].length;
    const g = m.groups ?? {};
    const host = (g.host ?? '').trim();
    if (host === '') fail('the host group matched an empty host name', line);
    const clock = parseClock((g.clock ?? '').trim(), line);
    let h = hostIndex.get(host);
    if (h === undefined) {
      h = hosts.length;
      hostIndex.set(host, h);
      hosts.push(host);
    }
    if (!clock.has(host)) fail(`the clock of host "${host}" has no entry for "${host}" itself`, line);
    const fields: Record<string, string> = {};
    for (const [k, v] of Object.entries(g))
      if (v !== undefined && k !== 'host' && k !== 'clock' && k !== 'event') fields[k] = v;
    raw.push({ host: h, line, text: (g.event ?? '').trim(), clock, fields, pos: raw.length });
  }
  countGap(covered, body.length);
  if (raw.length === 0) {
    fail(
      `the parser expression matches nothing in ${executions.length > 1 ? `execution "${chosen.name}"` : 'the log'}`,
    );
  }
  // Hosts that appear only in clocks still get a lane, so every clock entry has an actor.
  for (const e of raw) {
    for (const k of e.clock.keys()) {
      if (!hostIndex.has(k)) {
        hostIndex.set(k, hosts.length);
        hosts.push(k);
      }
    }
  }
  const H = hosts.length;

  // 2. Per host, events by own counter; a repeated counter is an error.
  const perHost: RawEvent[][] = hosts.map(() => []);
  for (const e of raw) perHost[e.host]!.push(e);
  for (let h = 0; h < H; h++) {
    const list = perHost[h]!;
    list.sort((a, b) => a.clock.get(hosts[h]!)! - b.clock.get(hosts[h]!)! || a.pos - b.pos);
    for (let i = 1; i < list.length; i++) {
      const c = list[i]!.clock.get(hosts[h]!)!;
      if (c === list[i - 1]!.clock.get(hosts[h]!)) {
        const hint = delimiter
          ? ''
          : '; if the file holds several executions, give a delimiter such as ^=== (?<trace>.*) ===$';
        fail(
          `host "${hosts[h]}" logs clock value ${c} twice (also at line ${list[i - 1]!.line})${hint}`,
          list[i]!.line,
        );
      }
    }
  }

  // 3. Lay events out in an order that respects the clocks, lowest Lamport depth first.
  const ownOf = (e: RawEvent): number => e.clock.get(hosts[e.host]!)!;
  const next = new Int32Array(H); // next pending position per host
  const depthOf = new Map<RawEvent, number>();
  const lastEmitted: (RawEvent | undefined)[] = hosts.map(() => undefined);
  /** The latest emitted event of host g with own counter <= c. */
  const emittedByCounter: RawEvent[][] = hosts.map(() => []);
  const latestUpTo = (g: number, c: number): RawEvent | undefined => {
    const list = emittedByCounter[g]!;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ownOf(list[mid]!) <= c) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? list[lo - 1] : undefined;
  };
  /** Host whose pending events e still waits for, or -1 when e is ready. */
  const blockedOn = (e: RawEvent): number => {
    for (const [k, c] of e.clock) {
      const g = hostIndex.get(k)!;
      if (g === e.host) continue;
      const head = perHost[g]![next[g]!];
      if (head && ownOf(head) <= c) return g;
    }
    return -1;
  };
  const order: RawEvent[] = [];
  const senders = new Map<RawEvent, RawEvent[]>();
  const waiters: RawEvent[][] = hosts.map(() => []);
  // Ready heap ordered by (depth, file position).
  const heap: [number, RawEvent][] = [];
  const less = (a: [number, RawEvent], b: [number, RawEvent]): boolean =>
    a[0] < b[0] || (a[0] === b[0] && a[1].pos < b[1].pos);
  const push = (item: [number, RawEvent]): void => {
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(heap[i]!, heap[p]!)) break;
      [heap[i], heap[p]] = [heap[p]!, heap[i]!];
      i = p;
    }
  };
  const pop = (): [number, RawEvent] => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let s = i;
        if (l < heap.length && less(heap[l]!, heap[s]!)) s = l;
        if (r < heap.length && less(heap[r]!, heap[s]!)) s = r;
        if (s === i) break;
        [heap[i], heap[s]] = [heap[s]!, heap[i]!];
        i = s;
      }
    }
    return top;
  };
  const consider = (e: RawEvent): void => {
    const g = blockedOn(e);
    if (g !== -1) {
      waiters[g]!.push(e);
      return;
    }
    // Ready: all its predecessors are out, so its senders and depth are known.
    const prev = lastEmitted[e.host];
    const candidates: RawEvent[] = [];
    for (const [k, c] of e.clock) {
      const h = hostIndex.get(k)!;
      if (h === e.host) continue;
      if (c > (prev?.clock.get(k) ?? 0)) {
        const s = latestUpTo(h, c);
        if (s) candidates.push(s);
      }
    }
    // A jump that another candidate already knew of is transitive, not a message.
    const direct = candidates.filter(
      (s) => !candidates.some((o) => o !== s && (o.clock.get(hosts[s.host]!) ?? 0) >= ownOf(s)),
    );
    direct.sort((a, b) => ownOf(b) - ownOf(a) || a.pos - b.pos);
    if (direct.length > 0) senders.set(e, direct);
    let depth = prev ? depthOf.get(prev)! : 0;
    for (const s of direct) depth = Math.max(depth, depthOf.get(s)!);
    depthOf.set(e, depth + 1);
    push([depth + 1, e]);
  };
  for (let h = 0; h < H; h++) if (perHost[h]!.length > 0) consider(perHost[h]![0]!);
  while (heap.length > 0) {
    const [, e] = pop();
    order.push(e);
    const h = e.host;
    next[h]!++;
    lastEmitted[h] = e;
    emittedByCounter[h]!.push(e);
    const following = perHost[h]![next[h]!];
    const woken = waiters[h]!;
    waiters[h] = [];
    if (following) consider(following);
    for (const w of woken) consider(w);
  }
  if (order.length < raw.length) {
    const stuck = perHost.flatMap((l, h) => (next[h]! < l.length ? [l[next[h]!]!] : []));
    stuck.sort((a, b) => a.pos - b.pos);
    const e = stuck[0]!;
    const g = blockedOn(e);
    fail(
      `the clocks are inconsistent: host "${hosts[e.host]}"'s event waits for host "${hosts[g]}"'s counter ${e.clock.get(hosts[g]!)}` +
        `, which in turn waits for it (a cycle)`,
      e.line,
    );
  }

  // 4. Kinds and messages.
  const idOf = new Map<RawEvent, number>();
  order.forEach((e, i) => {
    idOf.set(e, i);
  });
  const kinds: EventKind[] = order.map(() => 'note');
  const details: EventDetail[] = order.map((e) => {
    const d: EventDetail = { text: e.text };
    if (Object.keys(e.fields).length > 0) d.detail = { ...e.fields };
    return d;
  });
  const causes: (number | undefined)[] = order.map(() => undefined);
  let msg = 0;
  let multiSender = 0;
  order.forEach((e, i) => {
    const from = senders.get(e);
    if (!from) return;
    if (from.length > 1) multiSender++;
    const to = hosts[e.host]!;
    const ids: number[] = [];
    for (const s of from) {
      const sid = idOf.get(s)!;
      const id = ++msg;
      ids.push(id);
      const sd = details[sid]!;
      const type = s.text.length > 60 ? `${s.text.slice(0, 57)}...` : s.text || 'message';
      if (kinds[sid] === 'note') {
        kinds[sid] = 'send';
        Object.assign(sd, { msg: id, from: hosts[s.host]!, to, type, payload: { type } });
      } else {
        // The event already sends (or delivers) another message: list extra receivers.
        sd.detail = sd.detail ?? {};
        const extra = sd.detail;
        const receivers = (extra.receivers as string[] | undefined) ?? [];
        receivers.push(to);
        extra.receivers = receivers;
      }
    }
    const first = from[0]!;
    const sid = idOf.get(first)!;
    kinds[i] = 'deliver';
    causes[i] = sid;
    const type = first.text.length > 60 ? `${first.text.slice(0, 57)}...` : first.text || 'message';
    Object.assign(details[i]!, { msg: ids[0]!, from: hosts[first.host]!, to, type, payload: { type } });
    if (from.length > 1) {
      const d = details[i]!;
      d.detail = d.detail ?? {};
      d.detail.senders = from.map((s, k) => ({ event: idOf.get(s)!, host: hosts[s.host]!, msg: ids[k]! }));
    }
  });

  // 5. Record.
  const actors: Actor[] = hosts.map((id) => ({ id, kind: 'node' }));
  const title = options.fileName
    ? `${options.fileName}${executions.length > 1 ? ` — ${chosen.name}` : ''}`
    : chosen.name;
  const trace = new TraceRecorder(
    {
      format: TRACE_FORMAT,
      version: TRACE_VERSION,
      scenario: options.fileName ? { title, file: options.fileName, seed: 0 } : { title, seed: 0 },
      actors,
    },
    order.length,
  );
  order.forEach((e, i) => {
    const vc: VersionVector = {};
    for (const [k, c] of e.clock) vc[k] = c;
    trace.append(depthOf.get(e)!, e.host, kinds[i]!, causes[i], e.line, details[i], vc);
  });
  trace.final = Object.fromEntries(hosts.map((h) => [h, { up: true, data: {}, fields: {} }]));
  trace.stats = {
    events: trace.length,
    messages: msg,
    dropped: 0,
    virtualTime: order.length > 0 ? depthOf.get(order[order.length - 1]!)! : 0,
    stopReason: 'imported',
  };
  return {
    trace,
    executions: executions.map((x) => x.name),
    execution: chosen.name,
    hosts,
    skippedLines,
    messages: msg,
    multiSender,
  };
}

/** Delimiters ShiViz logs use between executions; `detectShivizParser` looks for them. */
export const SHIVIZ_DELIMITERS: readonly string[] = ['^=== (?<trace>.*) ===$'];

/**
 * Pick the preset expression that reads the most entries of a log (for `import` without --parser),
 * and a delimiter when the file has execution separators. Undefined when nothing matches.
 */
export function detectShivizParser(
  text: string,
): { name: string; parser: string; delimiter?: string } | undefined {
  const normalized = text.replace(/\r\n?/g, '\n');
  const sample = normalized.split('\n').slice(0, 400).join('\n');
  let best: { name: string; parser: string; score: number } | undefined;
  for (const p of SHIVIZ_PRESETS) {
    const re = new RegExp(p.parser, 'gm');
    let score = 0;
    for (let m = re.exec(sample); m; m = re.exec(sample)) {
      if (m[0] === '') {
        re.lastIndex++;
        continue;
      }
      const g = m.groups ?? {};
      const host = g.host?.trim();
      const clock = g.clock?.trim() ?? '';
      if (!host) continue;
      try {
        const v = JSON.parse(clock.includes('\\"') ? clock.replace(/\\"/g, '"') : clock);
        if (typeof v !== 'object' || v === null || !(host in v)) continue;
      } catch {
        continue;
      }
      // Entries count most; an event description and extra fields break ties between shapes.
      const extra = Object.entries(g).filter(
        ([k, x]) => x !== undefined && k !== 'host' && k !== 'clock',
      ).length;
      score += 10 + extra;
    }
    if (score > 0 && (!best || score > best.score)) best = { name: p.name, parser: p.parser, score };
  }
  if (!best) return undefined;
  const delimiter = SHIVIZ_DELIMITERS.find((d) => new RegExp(d, 'm').test(normalized));
  return delimiter
    ? { name: best.name, parser: best.parser, delimiter }
    : { name: best.name, parser: best.parser };
}

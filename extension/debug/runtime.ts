// The debugger's runtime, free of VS Code and of DAP: a scenario's run (and its what-if forks), a
// cursor on one event, breakpoints of every kind, and stepping both ways. Moving the cursor is
// O(log n) in either direction (indexes + binary search); the state shown at a point comes from
// TraceReplay's checkpoints, so stepping back is as fast as stepping forwards.

import type { FaultAction, Scenario } from '../../engine/scenario/model';
import type { Intervention, InterventionAction } from '../../engine/sim/simulate';
import { TraceReplay } from '../../traces/replay';
import type { Trace } from '../../traces/store';
import type { Anomaly, TraceEvent } from '../../traces/types';
import { ANOMALY_KINDS, NETWORK_ACTOR } from '../../traces/types';
import { describeEvent, formatTime } from './describe';
import {
  type ActorSnapshot,
  type ExprScope,
  evaluate,
  formatValue,
  interpolate,
  parseExpression,
  truthy,
} from './expressions';
import { EventList, RunIndex } from './runIndex';
import { type ItemLayout, type ItemSpan, itemForLine, scenarioItems } from './scenarioItems';

export type { Intervention, InterventionAction };

export interface Diagnostic {
  file?: string;
  line: number;
  column: number;
  message: string;
  /** Missing = error. */
  severity?: 'error' | 'warning' | 'info';
}

export interface EngineRun {
  trace: Trace;
  stopReason: string;
  stopMessage?: string;
  scenario?: Scenario;
}

export interface EngineOutcome {
  diagnostics: Diagnostic[];
  run?: EngineRun;
}

export interface RunOptions {
  seed?: number;
  maxEvents?: number;
  interventions?: Intervention[];
}

/** Parses and runs a scenario text: the only way the debugger reaches the engine. */
export type RunEngine = (
  text: string,
  file: string,
  options: RunOptions,
) => EngineOutcome | Promise<EngineOutcome>;

/** One run of the scenario: the original, or a what-if fork of another branch. */
export interface Branch {
  id: number;
  label: string;
  run: EngineRun;
  trace: Trace;
  replay: TraceReplay;
  index: RunIndex;
  interventions: Intervention[];
  parent?: number;
  /** The fork event (the intervention) in this branch's trace. */
  forkEvent?: number;
}

export type StopReason =
  | 'entry'
  | 'step'
  | 'breakpoint'
  | 'exception'
  | 'data breakpoint'
  | 'function breakpoint'
  | 'goto'
  | 'restart'
  | 'pause';

export interface StopInfo {
  reason: StopReason;
  /** Short, shown in the call stack header. */
  description: string;
  /** Longer explanation (an anomaly's `explain`). */
  text?: string;
  event: number;
  hitBreakpointIds?: number[];
  anomalies?: Anomaly[];
}

export interface BreakpointResult {
  id: number;
  verified: boolean;
  line?: number;
  message?: string;
}

export interface LineBreakpointSpec {
  line: number;
  condition?: string;
  hitCondition?: string;
  logMessage?: string;
}

export interface FunctionBreakpointSpec {
  name: string;
  condition?: string;
  hitCondition?: string;
}

export interface ExceptionFilterSpec {
  filterId: string;
  condition?: string;
}

export interface DataBreakpointSpec {
  dataId: string;
  condition?: string;
  hitCondition?: string;
}

export const FAULT_FILTERS = ['crash', 'partition'] as const;
export const EXCEPTION_FILTERS: readonly string[] = [...ANOMALY_KINDS, ...FAULT_FILTERS];

type HitTest = (n: number) => boolean;

/** VS Code hit conditions: `5` / `==5`, `>5`, `>=5`, `<5`, `<=5`, `%5`. */
export function parseHitCondition(text: string): HitTest {
  const m = /^\s*(==|=|>=|<=|>|<|%)?\s*([0-9]+)\s*$/.exec(text);
  if (!m) throw new Error(`hit condition '${text}' is not a number or one of ==N, >N, >=N, <N, <=N, %N`);
  const n = Number(m[2]);
  switch (m[1]) {
    case '>':
      return (h) => h > n;
    case '>=':
      return (h) => h >= n;
    case '<':
      return (h) => h < n;
    case '<=':
      return (h) => h <= n;
    case '%':
      if (n === 0) throw new Error('hit condition %0 never matches');
      return (h) => h % n === 0;
    default:
      return (h) => h === n;
  }
}

interface BreakSource {
  id: number;
  kind: 'line' | 'function' | 'exception' | 'data';
  list: EventList;
  condition?: string;
  hit?: HitTest;
  logMessage?: string;
  label: string;
  /** Hit numbers of events when a condition filters hits (conditions are deterministic per branch). */
  hitMemo?: Map<number, number>;
  stop: (e: number) => Omit<StopInfo, 'event'>;
}

interface SourceSpec {
  id: number;
  kind: BreakSource['kind'];
  verified: boolean;
  condition?: string;
  hitCondition?: string;
  logMessage?: string;
  /** Resolves the source's events in a branch. */
  resolve: (b: Branch) => { list: EventList; label: string; stop: (e: number) => Omit<StopInfo, 'event'> };
}

const EMPTY = new EventList([]);

export class RuntimeError extends Error {}

export interface RuntimeOptions {
  seed?: number;
  maxEvents?: number;
}

export class ReplicationRuntime {
  readonly branches: Branch[] = [];
  branch!: Branch;
  /** The current event; -1 = before the first. */
  cursor = -1;
  readonly layout: ItemLayout;
  /** Logpoint output and notes. */
  onOutput: (text: string, category: 'console' | 'stdout' | 'stderr' | 'important', line?: number) => void =
    () => {};

  private nextBreakpointId = 1;
  private lineSpecs: SourceSpec[] = [];
  private functionSpecs: SourceSpec[] = [];
  private exceptionSpecs: SourceSpec[] = [];
  private dataSpecs: SourceSpec[] = [];
  private sources: BreakSource[] = [];

  constructor(
    private readonly engine: RunEngine,
    readonly file: string,
    readonly text: string,
    readonly options: RuntimeOptions = {},
  ) {
    this.layout = scenarioItems(text);
  }

  /** Runs the scenario; returns error diagnostics (and no run) when it is invalid. */
  async start(): Promise<Diagnostic[]> {
    const out = await this.engine(this.text, this.file, { ...this.options });
    const errors = out.diagnostics.filter((d) => d.severity === undefined || d.severity === 'error');
    if (!out.run || errors.length > 0) return errors.length ? errors : out.diagnostics;
    this.addBranch(out.run, [], 'original run');
    return [];
  }

  get trace(): Trace {
    return this.branch.trace;
  }

  get index(): RunIndex {
    return this.branch.index;
  }

  get length(): number {
    return this.branch.trace.length;
  }

  private addBranch(run: EngineRun, interventions: Intervention[], label: string, parent?: Branch): Branch {
    const b: Branch = {
      id: this.branches.length,
      label,
      run,
      trace: run.trace,
      replay: new TraceReplay(run.trace),
      index: new RunIndex(run.trace),
      interventions,
    };
    if (parent) b.parent = parent.id;
    // Build every state checkpoint now (a few hundred ms for a million events), so that no later
    // step pays for it: stepping stays within its latency budget anywhere in the run.
    if (run.trace.length > 0) b.replay.stateAt(run.trace.length - 1);
    // The simulator applies an intervention at the first step boundary at or after `atEvent` (a
    // handler's effects are atomic), so the fork event may sit a few events later.
    const last = interventions[interventions.length - 1];
    if (last) {
      const fork = b.index.forks.after(last.atEvent - 1);
      if (fork !== undefined) b.forkEvent = fork;
    }
    this.branches.push(b);
    this.branch = b;
    this.rebuildSources();
    return b;
  }

  // -------------------------------------------------------------------------------------------
  // Breakpoints

  setLineBreakpoints(specs: LineBreakpointSpec[]): BreakpointResult[] {
    const results: BreakpointResult[] = [];
    this.lineSpecs = [];
    const seen = new Set<number>();
    for (const spec of specs) {
      const id = this.nextBreakpointId++;
      const item = itemForLine(this.layout, spec.line);
      if (!item) {
        results.push({ id, verified: false, message: 'Breakpoints go on items of `events`' });
        continue;
      }
      const problem = this.checkExpressions(spec.condition, spec.hitCondition, spec.logMessage);
      if (problem) {
        results.push({ id, verified: false, line: item.line, message: problem });
        continue;
      }
      if (seen.has(item.line)) {
        results.push({ id, verified: false, line: item.line, message: 'Another breakpoint is on this item' });
        continue;
      }
      seen.add(item.line);
      const runs = this.branch.index.firstOfLine.has(item.line);
      const res: BreakpointResult = { id, verified: runs, line: item.line };
      if (!runs) res.message = 'This item does not run: the run stops before it, or it does nothing';
      results.push(res);
      this.lineSpecs.push(this.spec(id, 'line', runs, spec, (b) => this.lineSource(b, item)));
    }
    this.rebuildSources();
    return results;
  }

  private lineSource(b: Branch, item: ItemSpan) {
    const first = b.index.firstOfLine.get(item.line);
    return {
      list: first === undefined ? EMPTY : new EventList([first]),
      label: `line ${item.line}`,
      stop: () => ({
        reason: 'breakpoint' as const,
        description: `Breakpoint at line ${item.line}: ${item.label}`,
      }),
    };
  }

  setFunctionBreakpoints(specs: FunctionBreakpointSpec[]): BreakpointResult[] {
    this.functionSpecs = [];
    const known = [...this.branch.index.byType.keys()].sort();
    return specs.map((spec) => {
      const id = this.nextBreakpointId++;
      const name = spec.name.trim();
      const problem = this.checkExpressions(spec.condition, spec.hitCondition);
      if (problem) return { id, verified: false, message: problem };
      const present = this.branch.index.byType.has(name);
      this.functionSpecs.push(
        this.spec(id, 'function', true, spec, (b) => ({
          list: b.index.byType.get(name) ?? EMPTY,
          label: name,
          stop: (e) => ({
            reason: 'function breakpoint' as const,
            description: `${name} ${b.trace.kind(e) === 'send' ? 'sent' : 'delivered'}`,
            text: describeEvent(b.trace, e),
          }),
        })),
      );
      this.rebuildSources();
      return present
        ? { id, verified: true }
        : {
            id,
            verified: true,
            message: `No ${name} message in this run yet (types: ${known.join(', ') || 'none'})`,
          };
    });
  }

  setExceptionFilters(filters: ExceptionFilterSpec[]): BreakpointResult[] {
    this.exceptionSpecs = [];
    const results = filters.map((f) => {
      const id = this.nextBreakpointId++;
      if (!EXCEPTION_FILTERS.includes(f.filterId))
        return { id, verified: false, message: `unknown filter ${f.filterId}` };
      const problem = this.checkExpressions(f.condition);
      if (problem) return { id, verified: false, message: problem };
      this.exceptionSpecs.push(
        this.spec(id, 'exception', true, f, (b) => this.exceptionSource(b, f.filterId)),
      );
      return { id, verified: true };
    });
    this.rebuildSources();
    return results;
  }

  private exceptionSource(b: Branch, filter: string) {
    if (filter === 'crash' || filter === 'partition') {
      return {
        list: filter === 'crash' ? b.index.crashes : b.index.partitions,
        label: filter,
        stop: (e: number) => ({
          reason: 'exception' as const,
          description: filter === 'crash' ? 'Crash' : 'Partition',
          text: describeEvent(b.trace, e),
        }),
      };
    }
    return {
      list: b.index.byAnomaly.get(filter) ?? EMPTY,
      label: filter,
      stop: (e: number) => {
        const anomalies = (b.index.anomaliesAt.get(e) ?? []).filter((a) => a.kind === filter);
        return {
          reason: 'exception' as const,
          description: `Anomaly: ${filter}`,
          text: anomalies.map((a) => a.explain).join('\n'),
          anomalies,
        };
      },
    };
  }

  /** `n3/cart` for a key or field of an actor, if that actor exists. */
  dataIdFor(actor: string, name: string): string | undefined {
    const a = this.branch.trace.actors.find((x) => x.id === actor);
    return a && a.kind !== 'network' ? `${actor}/${name}` : undefined;
  }

  setDataBreakpoints(specs: DataBreakpointSpec[]): BreakpointResult[] {
    this.dataSpecs = [];
    const results = specs.map((spec) => {
      const id = this.nextBreakpointId++;
      const slash = spec.dataId.indexOf('/');
      const actor = spec.dataId.slice(0, slash);
      const name = spec.dataId.slice(slash + 1);
      if (slash < 0 || !this.dataIdFor(actor, name))
        return { id, verified: false, message: `${spec.dataId} is not <node>/<key or field>` };
      const problem = this.checkExpressions(spec.condition, spec.hitCondition);
      if (problem) return { id, verified: false, message: problem };
      this.dataSpecs.push(
        this.spec(id, 'data', true, spec, (b) => ({
          list: b.index.byData.get(spec.dataId) ?? EMPTY,
          label: `${actor}.${name}`,
          stop: (e) => ({
            reason: 'data breakpoint' as const,
            description: `${actor}.${name} changed`,
            text: describeEvent(b.trace, e),
          }),
        })),
      );
      return { id, verified: true };
    });
    this.rebuildSources();
    return results;
  }

  private spec(
    id: number,
    kind: BreakSource['kind'],
    verified: boolean,
    s: { condition?: string; hitCondition?: string; logMessage?: string },
    resolve: SourceSpec['resolve'],
  ): SourceSpec {
    const out: SourceSpec = { id, kind, verified, resolve };
    if (s.condition?.trim()) out.condition = s.condition;
    if (s.hitCondition?.trim()) out.hitCondition = s.hitCondition;
    if (s.logMessage) out.logMessage = s.logMessage;
    return out;
  }

  /** A clear message when a condition, hit condition or logpoint cannot be parsed. */
  private checkExpressions(condition?: string, hit?: string, log?: string): string | undefined {
    try {
      if (condition?.trim()) parseExpression(condition);
    } catch (err) {
      return `Condition: ${(err as Error).message}`;
    }
    try {
      if (hit?.trim()) parseHitCondition(hit);
    } catch (err) {
      return `Hit count: ${(err as Error).message}`;
    }
    if (log) {
      for (const m of log.matchAll(/(?<!\{)\{([^{}]+)\}/g)) {
        try {
          parseExpression(m[1]!);
        } catch (err) {
          return `Log message {${m[1]}}: ${(err as Error).message}`;
        }
      }
    }
    return undefined;
  }

  private rebuildSources(): void {
    if (!this.branch) return;
    const b = this.branch;
    this.sources = [...this.lineSpecs, ...this.functionSpecs, ...this.exceptionSpecs, ...this.dataSpecs].map(
      (spec) => {
        const r = spec.resolve(b);
        const src: BreakSource = { id: spec.id, kind: spec.kind, list: r.list, label: r.label, stop: r.stop };
        if (spec.condition) src.condition = spec.condition;
        if (spec.hitCondition) src.hit = parseHitCondition(spec.hitCondition);
        if (spec.logMessage) src.logMessage = spec.logMessage;
        return src;
      },
    );
  }

  // -------------------------------------------------------------------------------------------
  // Breakpoint evaluation

  private conditionHolds(src: BreakSource, e: number): boolean {
    if (!src.condition) return true;
    return truthy(evaluate(src.condition, this.scopeAt(e, this.extraAt(e))));
  }

  /** The hit number of e for a source: its position among the source's events that pass the condition. */
  private hitNumber(src: BreakSource, e: number): number {
    if (!src.condition) return src.list.rank(e);
    src.hitMemo ??= new Map();
    const memo = src.hitMemo;
    const cached = memo.get(e);
    if (cached !== undefined) return cached;
    let n = 0;
    for (const x of src.list.ids) {
      if (x > e) break;
      const m = memo.get(x);
      if (m !== undefined) n = m;
      else {
        let passes = false;
        try {
          passes = this.conditionHolds(src, x);
        } catch {
          passes = false;
        }
        if (passes) n++;
        memo.set(x, n);
      }
    }
    return n;
  }

  /** Whether src stops at e; logs logpoints when moving forwards. */
  private check(src: BreakSource, e: number, forwards: boolean): Omit<StopInfo, 'event'> | undefined {
    try {
      if (!this.conditionHolds(src, e)) return undefined;
    } catch (err) {
      return {
        ...src.stop(e),
        description: `Condition of ${src.label} failed: ${(err as Error).message}`,
      };
    }
    if (src.hit && !src.hit(this.hitNumber(src, e))) return undefined;
    if (src.logMessage) {
      if (forwards) {
        const text = interpolate(src.logMessage, this.scopeAt(e, this.extraAt(e)));
        this.onOutput(`${text}\n`, 'stdout', this.branch.trace.line(e));
      }
      return undefined;
    }
    return src.stop(e);
  }

  /** The first stop in (from, limit], logging logpoints on the way. */
  private scanForward(from: number, limit: number): StopInfo | undefined {
    return this.scan(from, limit, true);
  }

  /** The last stop in [limit, from). */
  private scanBackward(from: number, limit: number): StopInfo | undefined {
    return this.scan(from, limit, false);
  }

  /** Visit the breakpoint candidates from `from` towards `limit`, nearest first, until one stops. */
  private scan(from: number, limit: number, forwards: boolean): StopInfo | undefined {
    let pos = from;
    for (;;) {
      let best: number | undefined;
      for (const s of this.sources) {
        const x = forwards ? s.list.after(pos) : s.list.before(pos);
        if (x !== undefined && (best === undefined || (forwards ? x < best : x > best))) best = x;
      }
      if (best === undefined || (forwards ? best > limit : best < limit)) return undefined;
      const stop = this.stopAt(best, forwards, pos);
      if (stop) return stop;
      pos = best;
    }
  }

  private stopAt(e: number, forwards: boolean, pos: number): StopInfo | undefined {
    const hits: { id: number; info: Omit<StopInfo, 'event'> }[] = [];
    for (const s of this.sources) {
      const x = forwards ? s.list.after(pos) : s.list.before(pos);
      if (x !== e) continue;
      const info = this.check(s, e, forwards);
      if (info) hits.push({ id: s.id, info });
    }
    if (hits.length === 0) return undefined;
    const first = hits[0]!.info;
    const stop: StopInfo = { ...first, event: e, hitBreakpointIds: hits.map((h) => h.id) };
    const anomalies = hits.flatMap((h) => h.info.anomalies ?? []);
    if (anomalies.length) stop.anomalies = anomalies;
    return stop;
  }

  // -------------------------------------------------------------------------------------------
  // Movement

  private endStop(): StopInfo {
    const run = this.branch.run;
    this.cursor = this.length - 1;
    return {
      reason: 'pause',
      description: `End of the run (${run.stopReason})`,
      text:
        run.stopMessage ?? `The run stopped: ${run.stopReason}. Step back or reverse-continue to go back.`,
      event: this.cursor,
    };
  }

  private startStop(): StopInfo {
    this.cursor = -1;
    return { reason: 'entry', description: 'Start of the run', event: -1 };
  }

  /** Move forwards to `target`, stopping earlier at a breakpoint on the way. */
  private forwardTo(target: number, step: Omit<StopInfo, 'event'>): StopInfo {
    if (target >= this.length) {
      const hit = this.scanForward(this.cursor, this.length - 1);
      if (hit) {
        this.cursor = hit.event;
        return hit;
      }
      return this.endStop();
    }
    const hit = this.scanForward(this.cursor, target - 1);
    if (hit) {
      this.cursor = hit.event;
      return hit;
    }
    // Logpoints at the target itself still log; a breakpoint there explains the stop.
    const at = this.scanForward(target - 1, target);
    this.cursor = target;
    return at ?? { ...step, event: target };
  }

  entry(): StopInfo {
    this.cursor = -1;
    return { reason: 'entry', description: 'Before the first event', event: -1 };
  }

  continue(): StopInfo {
    if (this.cursor >= this.length - 1) return this.endStop();
    const hit = this.scanForward(this.cursor, this.length - 1);
    if (hit) {
      this.cursor = hit.event;
      return hit;
    }
    return this.endStop();
  }

  reverseContinue(): StopInfo {
    if (this.cursor < 0) return this.startStop();
    const hit = this.scanBackward(this.cursor, 0);
    if (hit) {
      this.cursor = hit.event;
      return hit;
    }
    return this.startStop();
  }

  /** The next event anywhere. */
  next(): StopInfo {
    return this.forwardTo(this.cursor + 1, { reason: 'step', description: 'Next event' });
  }

  /** The previous event anywhere. */
  stepBack(): StopInfo {
    if (this.cursor < 0) return this.startStop();
    this.cursor--;
    return {
      reason: 'step',
      description: this.cursor < 0 ? 'Start of the run' : 'Previous event',
      event: this.cursor,
    };
  }

  private actorIndex(actor: string): number {
    const i = this.branch.trace.actorIndex.get(actor);
    if (i === undefined) throw new RuntimeError(`no node or client '${actor}'`);
    return i;
  }

  /** The next event on this actor. */
  stepIn(actor: string): StopInfo {
    const a = this.actorIndex(actor);
    const target = this.branch.index.nextOn(a, this.cursor);
    if (target === undefined) {
      const stop = this.forwardTo(this.length, { reason: 'step', description: '' });
      return { ...stop, description: `${actor} has no more events; ${stop.description}` };
    }
    return this.forwardTo(target, { reason: 'step', description: `Next event on ${actor}` });
  }

  /**
   * Until the causal chain of this actor's current event completes: the client's response when it
   * serves an operation; otherwise back on the caller (the actor whose event caused it), at its
   * first event that the current one happens before — a heartbeat's delivery steps out to the ack
   * arriving at the leader.
   */
  stepOut(actor: string): StopInfo {
    const a = this.actorIndex(actor);
    const index = this.branch.index;
    const trace = this.branch.trace;
    const current = index.latestOn(a, this.cursor) ?? this.cursor;
    const op = current >= 0 ? index.opOf(current) : undefined;
    const response = op ? index.opResponse.get(op) : undefined;
    if (op && response !== undefined && response > this.cursor)
      return this.forwardTo(response, { reason: 'step', description: `Response to ${op}` });
    const cause = current >= 0 ? trace.cause(current) : undefined;
    if (!op && cause !== undefined && trace.actorOf(cause) !== a) {
      const caller = trace.actorOf(cause);
      let e = index.nextOn(caller, this.cursor);
      for (let steps = 0; e !== undefined && steps < 10_000; steps++) {
        if (index.happensBefore(current, e)) {
          const name = trace.actorId(caller);
          return this.forwardTo(e, { reason: 'step', description: `Back on ${name}` });
        }
        e = index.nextOn(caller, e);
      }
    }
    const stop = this.stepIn(actor);
    if (stop.reason !== 'step') return stop;
    return {
      ...stop,
      description: op ? `${op} has already completed; next event on ${actor}` : `Next event on ${actor}`,
    };
  }

  goto(event: number, reason: StopReason = 'goto'): StopInfo {
    if (!Number.isInteger(event) || event < -1 || event >= this.length)
      throw new RuntimeError(`no event ${event}: this run has events 0 to ${this.length - 1}`);
    this.cursor = event;
    return {
      reason,
      description: event < 0 ? 'Start of the run' : `Event ${event}: ${describeEvent(this.trace, event)}`,
      event,
    };
  }

  /** The item a goto target line lands on, and the event it starts with. */
  gotoTarget(line: number): { item: ItemSpan; event?: number } | undefined {
    const item = itemForLine(this.layout, line);
    if (!item) return undefined;
    const event = this.branch.index.firstOfLine.get(item.line);
    return event === undefined ? { item } : { item, event };
  }

  // -------------------------------------------------------------------------------------------
  // What-if

  private checkFault(f: FaultAction): void {
    const ids = new Set(this.trace.actors.filter((a) => a.kind !== 'network').map((a) => a.id));
    const need = (id: string) => {
      if (!ids.has(id)) throw new RuntimeError(`no node or client '${id}' (known: ${[...ids].join(', ')})`);
    };
    switch (f.kind) {
      case 'crash':
      case 'recover':
      case 'skew':
      case 'failover':
        need(f.node);
        break;
      case 'partition':
        for (const g of f.groups) g.forEach(need);
        break;
      case 'cut':
        need(f.from);
        need(f.to);
        break;
      case 'heal':
        for (const l of f.links ?? []) {
          need(l.from);
          need(l.to);
        }
        break;
      case 'offline':
      case 'online':
        need(f.client);
        break;
      case 'addNode':
        break;
    }
  }

  /** Re-runs the engine with one more intervention right after the cursor: a new branch. */
  async fork(action: InterventionAction): Promise<StopInfo> {
    const parent = this.branch;
    if (action.kind === 'deliver' || action.kind === 'drop') {
      const inflight = parent.replay.inflightAt(this.cursor);
      if (!inflight.some((m) => m.msg === action.msg)) {
        const list = inflight.map((m) => `#${m.msg} ${m.type} ${m.from}→${m.to}`).join(', ');
        throw new RuntimeError(
          `message #${action.msg} is not in flight here${list ? ` (in flight: ${list})` : ' (nothing is in flight)'}`,
        );
      }
    } else this.checkFault(action.fault);
    const atEvent = this.cursor + 1;
    const interventions = [
      ...parent.interventions.filter((i) => i.atEvent <= this.cursor),
      { atEvent, action },
    ];
    const out = await this.engine(this.text, this.file, { ...this.options, interventions });
    if (!out.run)
      throw new RuntimeError(`the fork did not run: ${out.diagnostics.map((d) => d.message).join('; ')}`);
    const t = out.run.trace;
    if (this.cursor >= 0) {
      const c = this.cursor;
      const p = parent.trace;
      if (
        t.length <= c ||
        t.kind(c) !== p.kind(c) ||
        t.time(c) !== p.time(c) ||
        t.actorOf(c) !== p.actorOf(c)
      )
        throw new RuntimeError('the engine did not replay the same prefix: the fork is not deterministic');
    }
    const label = describeAction(action);
    const branch = this.addBranch(out.run, interventions, `what-if: ${label}`, parent);
    const forkEvent = branch.forkEvent ?? Math.min(atEvent, t.length - 1);
    this.cursor = forkEvent;
    const note =
      t.kind(forkEvent) === 'fork'
        ? (t.detail(forkEvent)?.text ?? label)
        : `what-if: ${label} (no fork event)`;
    return { reason: 'step', description: `Forked: ${label}`, text: note, event: forkEvent };
  }

  /** Switch to another branch, keeping the cursor where both agree. */
  switchBranch(id: number): StopInfo {
    const b = this.branches[id];
    if (!b) throw new RuntimeError(`no branch ${id}: branches are 0 to ${this.branches.length - 1}`);
    const from = this.branch;
    this.branch = b;
    this.rebuildSources();
    // Stay on the same event when both runs have it; otherwise go to just before they diverge.
    let c = Math.min(this.cursor, b.trace.length - 1);
    const same = (e: number) =>
      e < 0 ||
      (from.trace.kind(e) === b.trace.kind(e) &&
        from.trace.time(e) === b.trace.time(e) &&
        from.trace.actorOf(e) === b.trace.actorOf(e));
    if (!same(c)) {
      const forks = [from.forkEvent, b.forkEvent].filter((f): f is number => f !== undefined && f <= c);
      c = forks.length ? Math.min(...forks) - 1 : -1;
    }
    this.cursor = c;
    return { reason: 'goto', description: `Switched to branch ${id}: ${b.label}`, event: c };
  }

  // -------------------------------------------------------------------------------------------
  // What expressions see

  /** Names bound at an event besides the state: `anomaly` (the first anomaly visible there). */
  extraAt(e: number): Record<string, unknown> {
    const at = this.branch.index.anomaliesAt.get(e);
    return at?.length ? { anomaly: at[0] } : {};
  }

  /** The expression scope at event e (state after e; -1 = initial). State is computed on first use. */
  scopeAt(e: number, extra: Record<string, unknown> = {}): ExprScope {
    const b = this.branch;
    const trace = b.trace;
    // Each actor's state is reconstructed on first use: a condition that reads one node pays for one.
    const cache = new Map<string, ActorSnapshot | undefined>();
    const load = (id: string): ActorSnapshot | undefined => {
      if (cache.has(id)) return cache.get(id);
      const a = b.replay.actorStateAt(e, id);
      const kind = trace.actors[trace.actorIndex.get(id)!]!.kind;
      const fields = a?.offline ? { ...a.fields, offline: true } : a?.fields;
      const snap = a && { id, kind, up: a.up, data: a.data, fields: fields! };
      cache.set(id, snap);
      return snap;
    };
    const actors = trace.actors
      .filter((a) => a.kind !== 'network' && a.id !== NETWORK_ACTOR)
      .map((a) => a.id);
    const keys = b.index.dataKeys;
    return {
      actorIds: () => actors,
      actor: (id) => (actors.includes(id) ? load(id) : undefined),
      knownKeys: () => keys,
      now: () => (e >= 0 ? trace.time(e) : 0),
      event: () => (e >= 0 ? trace.event(e) : undefined),
      eventById: (id) => (Number.isInteger(id) && id >= 0 && id < trace.length ? trace.event(id) : undefined),
      inflight: () =>
        b.replay.inflightAt(e).map((m) => ({
          msg: m.msg,
          type: m.type,
          from: m.from,
          to: m.to,
          sent: m.send,
          sentAt: m.sentAt,
          ...(m.payload ? { payload: m.payload } : {}),
        })),
      anomalies: () => b.index.anomaliesUpTo(e),
      happensBefore: (x, y) => b.index.happensBefore(x, y),
      extra: () => extra,
    };
  }

  /** Evaluate an expression at the cursor (or another event). */
  evaluate(expression: string, event = this.cursor): unknown {
    return evaluate(expression, this.scopeAt(event, this.extraAt(event)));
  }

  eventAt(e: number): TraceEvent | undefined {
    return e >= 0 && e < this.length ? this.trace.event(e) : undefined;
  }

  describe(e: number): string {
    return e < 0 ? 'start of the run' : `${describeEvent(this.trace, e)} @ ${formatTime(this.trace.time(e))}`;
  }
}

export function describeAction(a: InterventionAction): string {
  if (a.kind === 'deliver') return `deliver message #${a.msg} now`;
  if (a.kind === 'drop') return `drop message #${a.msg}`;
  const f = a.fault;
  switch (f.kind) {
    case 'crash':
      return `crash ${f.node}${f.disk === 'lost' ? ' (disk lost)' : ''}`;
    case 'recover':
      return `recover ${f.node}`;
    case 'partition':
      return `partition ${f.groups.map((g) => `[${g.join(', ')}]`).join(' | ')}`;
    case 'cut':
      return `cut ${f.from} → ${f.to}`;
    case 'heal':
      return f.links?.length ? `heal ${f.links.map((l) => `${l.from}→${l.to}`).join(', ')}` : 'heal all';
    case 'skew':
      return `skew ${f.node}${f.offset !== undefined ? ` offset ${f.offset}ms` : ''}${f.drift !== undefined ? ` drift ${f.drift}` : ''}`;
    default:
      return `${f.kind} ${formatValue(f)}`;
  }
}

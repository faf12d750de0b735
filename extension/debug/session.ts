// The DAP session of the `replication` debugger. Threads are the nodes and clients; the stack of a
// stopped thread is the causal chain of its current event; scopes show replica state, messages in
// flight, clocks and anomalies. All run logic lives in ReplicationRuntime; this file translates.

import {
  Handles,
  InitializedEvent,
  InvalidatedEvent,
  LoggingDebugSession,
  OutputEvent,
  Scope,
  Source,
  StackFrame,
  StoppedEvent,
  TerminatedEvent,
  Thread,
} from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { causalChain } from '../../traces/causality';
import { traceToFile } from '../../traces/io';
import type { Anomaly, Sibling } from '../../traces/types';
import { ANOMALY_KINDS, NETWORK_ACTOR } from '../../traces/types';
import { COMMAND_HELP, COMMAND_NAMES, parseCommand } from './consoleCommands';
import {
  type BranchesChangedBody,
  CUSTOM_EVENTS,
  CUSTOM_REQUESTS,
  type CurrentEventBody,
  type CustomRequests,
} from './customMessages';
import { describeEvent, formatTime } from './describe';
import {
  ActorRef,
  completionsAt,
  ExpressionError,
  formatSibling,
  formatSiblings,
  formatValue,
  formatVector,
  KeyAcross,
  KeyState,
} from './expressions';
import {
  type BreakpointResult,
  type Diagnostic,
  EXCEPTION_FILTERS,
  ReplicationRuntime,
  type RunEngine,
  RuntimeError,
  type StopInfo,
} from './runtime';

export interface LaunchArguments extends DebugProtocol.LaunchRequestArguments {
  /** Path of the scenario file. */
  scenario: string;
  seed?: number;
  stopOnEntry?: boolean;
  maxEvents?: number;
  /** The scenario's text, when the editor holds unsaved changes (otherwise the file is read). */
  text?: string;
}

export interface SessionHost {
  engine: RunEngine;
  readFile(path: string): Promise<string>;
}

type FrameRef = { kind: 'event'; event: number } | { kind: 'network' } | { kind: 'idle'; actor: string };

interface VarContainer {
  children(start?: number, count?: number): DebugProtocol.Variable[];
  /** Variables directly in this container are keys or fields of this actor (data breakpoints). */
  owner?: string;
}

const ANOMALY_LABELS: Record<string, string> = {
  'stale-read': 'Stale read',
  'read-your-writes': 'Read-your-writes violated',
  'monotonic-reads': 'Monotonic reads violated',
  'consistent-prefix': 'Consistent prefix violated',
  'lost-write': 'Lost write',
  'split-brain': 'Split brain',
  conflict: 'Conflict (concurrent writes)',
  divergence: 'Divergence',
  'causality-violation': 'Causality violation',
};

export const EXCEPTION_BREAKPOINT_FILTERS: DebugProtocol.ExceptionBreakpointsFilter[] = [
  ...ANOMALY_KINDS.map((k) => ({
    filter: k,
    label: `Anomaly: ${ANOMALY_LABELS[k] ?? k}`,
    description: `Stop where a ${k} anomaly becomes visible`,
    default: k !== 'conflict',
    supportsCondition: true,
    conditionDescription: 'e.g. anomaly.key == "cart"',
  })),
  {
    filter: 'crash',
    label: 'Crash',
    description: 'Stop when a node crashes',
    default: false,
    supportsCondition: true,
    conditionDescription: 'e.g. event.actor == "n2"',
  },
  {
    filter: 'partition',
    label: 'Partition',
    description: 'Stop when the network is partitioned or a link cut',
    default: false,
    supportsCondition: true,
    conditionDescription: 'e.g. len(inflight) > 0',
  },
];

const MAX_FRAMES = 64;

function basename(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

export class ReplicationDebugSession extends LoggingDebugSession {
  private runtime?: ReplicationRuntime;
  private file = '';
  private frames = new Handles<FrameRef>();
  private vars = new Handles<VarContainer>();
  private lastStop?: StopInfo;
  private clientSupportsInvalidated = false;
  private noDebug = false;
  private configurationDone!: () => void;
  private readonly configured = new Promise<void>((resolve) => {
    this.configurationDone = resolve;
  });

  constructor(private readonly host: SessionHost) {
    super();
    this.setDebuggerLinesStartAt1(true);
    this.setDebuggerColumnsStartAt1(true);
  }

  // -------------------------------------------------------------------------------------------
  // Lifecycle

  protected override initializeRequest(
    response: DebugProtocol.InitializeResponse,
    args: DebugProtocol.InitializeRequestArguments,
  ): void {
    this.clientSupportsInvalidated = args.supportsInvalidatedEvent === true;
    response.body = {
      supportsConfigurationDoneRequest: true,
      supportsStepBack: true,
      supportsGotoTargetsRequest: true,
      supportsRestartFrame: true,
      supportsConditionalBreakpoints: true,
      supportsHitConditionalBreakpoints: true,
      supportsLogPoints: true,
      supportsFunctionBreakpoints: true,
      supportsDataBreakpoints: true,
      supportsEvaluateForHovers: true,
      supportsCompletionsRequest: true,
      completionTriggerCharacters: ['.'],
      supportsExceptionInfoRequest: true,
      supportsExceptionFilterOptions: true,
      exceptionBreakpointFilters: EXCEPTION_BREAKPOINT_FILTERS,
      supportsTerminateRequest: true,
      supportsDelayedStackTraceLoading: true,
      supportsSteppingGranularity: false,
      supportsValueFormattingOptions: false,
      supportsBreakpointLocationsRequest: true,
    };
    this.sendResponse(response);
  }

  protected override async launchRequest(
    response: DebugProtocol.LaunchResponse,
    args: LaunchArguments,
  ): Promise<void> {
    if (typeof args.scenario !== 'string' || args.scenario === '') {
      this.fail(
        response,
        'The launch configuration needs `scenario`: the path of a .scenario.yaml file',
        true,
      );
      return;
    }
    this.file = args.scenario;
    this.noDebug = args.noDebug === true;
    let text: string;
    try {
      text = typeof args.text === 'string' ? args.text : await this.host.readFile(args.scenario);
    } catch (err) {
      this.fail(response, `Cannot read ${args.scenario}: ${(err as Error).message}`, true);
      return;
    }
    for (const [name, min] of [
      ['seed', 0],
      ['maxEvents', 1],
    ] as const) {
      const v = args[name];
      if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < min)) {
        this.fail(
          response,
          `\`${name}\` must be an integer of at least ${min}, not ${JSON.stringify(v)}`,
          true,
        );
        return;
      }
    }
    const options: { seed?: number; maxEvents?: number } = {};
    if (args.seed !== undefined) options.seed = args.seed;
    if (args.maxEvents !== undefined) options.maxEvents = args.maxEvents;
    const runtime = new ReplicationRuntime(this.host.engine, args.scenario, text, options);
    let diagnostics: Diagnostic[];
    try {
      diagnostics = await runtime.start();
    } catch (err) {
      this.fail(response, `The engine failed on ${args.scenario}: ${(err as Error).message}`, true);
      return;
    }
    if (diagnostics.length > 0) {
      for (const d of diagnostics)
        this.sendEvent(
          new OutputEvent(`${d.file ?? args.scenario}:${d.line}:${d.column}: ${d.message}\n`, 'stderr'),
        );
      const n = diagnostics.length;
      this.fail(
        response,
        `${basename(args.scenario)} has ${n} error${n > 1 ? 's' : ''}: ${diagnostics[0]!.message}${n > 1 ? ' (see the Debug Console)' : ''}`,
        true,
      );
      return;
    }
    this.runtime = runtime;
    runtime.onOutput = (text, category, line) => {
      const e: DebugProtocol.OutputEvent = new OutputEvent(text, category);
      if (line !== undefined) {
        e.body.source = this.source();
        e.body.line = this.convertDebuggerLineToClient(line);
      }
      this.sendEvent(e);
    };
    const run = runtime.branch.run;
    this.sendEvent(
      new OutputEvent(
        `${runtime.trace.header.scenario.title}: ${runtime.length} events, stopped (${run.stopReason})` +
          `${run.stopMessage ? `: ${run.stopMessage}` : ''}\n`,
        'console',
      ),
    );
    this.printSummary();
    if (this.noDebug) {
      this.sendResponse(response);
      this.sendEvent(new TerminatedEvent());
      return;
    }
    this.sendEvent(new InitializedEvent());
    this.sendResponse(response);
    await this.configured;
    let first: StopInfo;
    try {
      first = args.stopOnEntry ? runtime.entry() : runtime.continue();
    } catch (err) {
      // Never leave the client waiting: report the problem and pause before the first event.
      this.sendEvent(new OutputEvent(`${(err as Error).message}\n`, 'stderr'));
      first = runtime.entry();
    }
    this.stopped(first);
  }

  protected override configurationDoneRequest(response: DebugProtocol.ConfigurationDoneResponse): void {
    this.sendResponse(response);
    this.configurationDone();
  }

  protected override terminateRequest(response: DebugProtocol.TerminateResponse): void {
    this.sendResponse(response);
    this.sendEvent(new TerminatedEvent());
  }

  protected override disconnectRequest(response: DebugProtocol.DisconnectResponse): void {
    this.sendResponse(response);
  }

  /** Anomalies and expectation results, each linked to its scenario line in the console. */
  private printSummary(): void {
    const trace = this.runtime!.trace;
    const print = (text: string, category: 'stdout' | 'stderr', line: number | undefined) => {
      const e: DebugProtocol.OutputEvent = new OutputEvent(`${text}\n`, category);
      if (line) {
        e.body.source = this.source();
        e.body.line = this.convertDebuggerLineToClient(line);
      }
      this.sendEvent(e);
    };
    for (const a of trace.anomalies)
      print(
        `anomaly ${a.kind} at event ${a.event} (.goto ${a.event}): ${a.explain}`,
        'stdout',
        trace.line(a.event),
      );
    for (const x of trace.expectations)
      print(`expect ${x.passed ? 'passed' : 'FAILED'}: ${x.message}`, x.passed ? 'stdout' : 'stderr', x.line);
  }

  // -------------------------------------------------------------------------------------------
  // Helpers

  private fail(response: DebugProtocol.Response, message: string, showUser = false): void {
    response.success = false;
    response.message = message;
    response.body = {
      error: { id: 1, format: message.replace(/[{}]/g, (c) => (c === '{' ? '(' : ')')), showUser },
    };
    this.sendResponse(response);
  }

  private rt(response: DebugProtocol.Response): ReplicationRuntime | undefined {
    if (!this.runtime) this.fail(response, 'No scenario is running yet');
    return this.runtime;
  }

  private source(): Source {
    return new Source(basename(this.file), this.convertDebuggerPathToClient(this.file));
  }

  private threadActor(rt: ReplicationRuntime, threadId: number): string | undefined {
    const a = rt.trace.actors[threadId - 1];
    return a ? a.id : undefined;
  }

  private threadOf(rt: ReplicationRuntime, event: number): number {
    if (event >= 0) return rt.trace.actorOf(event) + 1;
    const first = rt.trace.actors.findIndex((a) => a.kind !== 'network');
    return Math.max(0, first) + 1;
  }

  /** Report a stop: reset handles, tell the client and the timeline. */
  private stopped(stop: StopInfo, invalidate = false): void {
    const rt = this.runtime!;
    this.lastStop = stop;
    this.frames.reset();
    this.vars.reset();
    if (invalidate && this.clientSupportsInvalidated) this.sendEvent(new InvalidatedEvent(['all']));
    const e: DebugProtocol.StoppedEvent = new StoppedEvent(
      stop.reason,
      this.threadOf(rt, stop.event),
      stop.text,
    );
    e.body.description = stop.description;
    e.body.allThreadsStopped = true;
    if (stop.hitBreakpointIds?.length) e.body.hitBreakpointIds = stop.hitBreakpointIds;
    if (stop.reason !== 'exception' && stop.text)
      this.sendEvent(new OutputEvent(`${stop.text}\n`, 'console'));
    this.sendEvent(e);
    const body: CurrentEventBody = {
      event: stop.event,
      time: stop.event >= 0 ? rt.trace.time(stop.event) : 0,
      description: rt.describe(stop.event),
      branch: rt.branch.id,
      length: rt.length,
      reason: stop.reason,
    };
    if (stop.event >= 0) {
      body.actor = rt.trace.actorId(rt.trace.actorOf(stop.event));
      const line = rt.trace.line(stop.event);
      if (line !== undefined) body.line = line;
    }
    this.sendEvent({ seq: 0, type: 'event', event: CUSTOM_EVENTS.currentEvent, body });
  }

  private branchesBody(): BranchesChangedBody {
    const rt = this.runtime!;
    return {
      current: rt.branch.id,
      branches: rt.branches.map((b) => ({
        id: b.id,
        label: b.label,
        ...(b.parent !== undefined ? { parent: b.parent } : {}),
        ...(b.forkEvent !== undefined ? { forkEvent: b.forkEvent } : {}),
        length: b.trace.length,
        current: b === rt.branch,
      })),
    };
  }

  private branchesChanged(): void {
    this.sendEvent({
      seq: 0,
      type: 'event',
      event: CUSTOM_EVENTS.branchesChanged,
      body: this.branchesBody(),
    });
  }

  // -------------------------------------------------------------------------------------------
  // Breakpoints

  protected override setBreakPointsRequest(
    response: DebugProtocol.SetBreakpointsResponse,
    args: DebugProtocol.SetBreakpointsArguments,
  ): void {
    const rt = this.rt(response);
    if (!rt) return;
    const path = args.source.path ? this.convertClientPathToDebugger(args.source.path) : undefined;
    const specs = (args.breakpoints ?? []).map((b) => ({
      line: this.convertClientLineToDebugger(b.line),
      ...(b.condition ? { condition: b.condition } : {}),
      ...(b.hitCondition ? { hitCondition: b.hitCondition } : {}),
      ...(b.logMessage ? { logMessage: b.logMessage } : {}),
    }));
    if (path && !samePath(path, this.file)) {
      response.body = {
        breakpoints: specs.map((s) => ({
          verified: false,
          line: this.convertDebuggerLineToClient(s.line),
          message: `Only ${basename(this.file)} is being debugged`,
        })),
      };
      this.sendResponse(response);
      return;
    }
    const results = rt.setLineBreakpoints(specs);
    response.body = {
      breakpoints: results.map((r, i) => {
        const bp: DebugProtocol.Breakpoint = {
          id: r.id,
          verified: r.verified,
          line: this.convertDebuggerLineToClient(r.line ?? specs[i]!.line),
          source: this.source(),
        };
        if (r.message) bp.message = r.message;
        return bp;
      }),
    };
    this.sendResponse(response);
  }

  protected override breakpointLocationsRequest(
    response: DebugProtocol.BreakpointLocationsResponse,
    args: DebugProtocol.BreakpointLocationsArguments,
  ): void {
    const rt = this.rt(response);
    if (!rt) return;
    const from = this.convertClientLineToDebugger(args.line);
    const to = args.endLine ? this.convertClientLineToDebugger(args.endLine) : from;
    const lines = rt.layout.items.filter((i) => i.end >= from && i.line <= to).map((i) => i.line);
    response.body = {
      breakpoints: [...new Set(lines)].map((l) => ({ line: this.convertDebuggerLineToClient(l) })),
    };
    this.sendResponse(response);
  }

  protected override setFunctionBreakPointsRequest(
    response: DebugProtocol.SetFunctionBreakpointsResponse,
    args: DebugProtocol.SetFunctionBreakpointsArguments,
  ): void {
    const rt = this.rt(response);
    if (!rt) return;
    const results = rt.setFunctionBreakpoints(args.breakpoints);
    response.body = { breakpoints: results.map(toDapBreakpoint) };
    this.sendResponse(response);
  }

  protected override setExceptionBreakPointsRequest(
    response: DebugProtocol.SetExceptionBreakpointsResponse,
    args: DebugProtocol.SetExceptionBreakpointsArguments,
  ): void {
    const rt = this.rt(response);
    if (!rt) return;
    const options = new Map<string, string | undefined>();
    for (const f of args.filters ?? []) options.set(f, undefined);
    for (const o of args.filterOptions ?? []) options.set(o.filterId, o.condition);
    const results = rt.setExceptionFilters(
      [...options].map(([filterId, condition]) => (condition ? { filterId, condition } : { filterId })),
    );
    response.body = { breakpoints: results.map(toDapBreakpoint) };
    this.sendResponse(response);
  }

  protected override dataBreakpointInfoRequest(
    response: DebugProtocol.DataBreakpointInfoResponse,
    args: DebugProtocol.DataBreakpointInfoArguments,
  ): void {
    const rt = this.rt(response);
    if (!rt) return;
    let actor: string | undefined;
    let name = args.name;
    if (args.variablesReference) actor = this.vars.get(args.variablesReference)?.owner;
    else {
      const m = /^`?([A-Za-z][A-Za-z0-9_.-]*?)`?[./]([A-Za-z0-9_$.-]+)$/.exec(args.name.trim());
      if (m) {
        actor = m[1];
        name = m[2]!;
      }
    }
    const dataId = actor ? rt.dataIdFor(actor, name) : undefined;
    response.body = dataId
      ? { dataId, description: `when ${actor}.${name} changes`, accessTypes: ['write'], canPersist: true }
      : { dataId: null, description: 'Data breakpoints go on a key or field of a node, e.g. n3.cart' };
    this.sendResponse(response);
  }

  protected override setDataBreakpointsRequest(
    response: DebugProtocol.SetDataBreakpointsResponse,
    args: DebugProtocol.SetDataBreakpointsArguments,
  ): void {
    const rt = this.rt(response);
    if (!rt) return;
    const results = rt.setDataBreakpoints(args.breakpoints);
    response.body = { breakpoints: results.map(toDapBreakpoint) };
    this.sendResponse(response);
  }

  protected override exceptionInfoRequest(response: DebugProtocol.ExceptionInfoResponse): void {
    const stop = this.lastStop;
    if (stop?.reason !== 'exception') {
      this.fail(response, 'The debugger did not stop on an anomaly or fault');
      return;
    }
    const anomalies: Anomaly[] = stop.anomalies ?? [];
    const first = anomalies[0];
    response.body = {
      exceptionId: first?.kind ?? stop.description,
      description: first ? first.explain : (stop.text ?? stop.description),
      breakMode: 'always',
      details: {
        message: stop.text ?? stop.description,
        ...(first
          ? {
              typeName: first.kind,
              stackTrace: first.related
                .map((e) => `  at event ${e}: ${this.runtime!.describe(e)}`)
                .join('\n'),
            }
          : {}),
      },
    };
    this.sendResponse(response);
  }

  // -------------------------------------------------------------------------------------------
  // Execution control

  private move(
    response: DebugProtocol.Response,
    f: (rt: ReplicationRuntime) => StopInfo,
    invalidate = false,
  ): void {
    const rt = this.rt(response);
    if (!rt) return;
    let stop: StopInfo;
    try {
      stop = f(rt);
    } catch (err) {
      this.fail(response, (err as Error).message);
      return;
    }
    this.sendResponse(response);
    this.stopped(stop, invalidate);
  }

  private actorOrFail(rt: ReplicationRuntime, threadId: number): string {
    const actor = this.threadActor(rt, threadId);
    if (!actor) throw new RuntimeError(`no thread ${threadId}`);
    return actor;
  }

  protected override continueRequest(response: DebugProtocol.ContinueResponse): void {
    response.body = { allThreadsContinued: true };
    this.move(response, (rt) => rt.continue());
  }

  protected override nextRequest(response: DebugProtocol.NextResponse): void {
    this.move(response, (rt) => rt.next());
  }

  protected override stepInRequest(
    response: DebugProtocol.StepInResponse,
    args: DebugProtocol.StepInArguments,
  ): void {
    this.move(response, (rt) => rt.stepIn(this.actorOrFail(rt, args.threadId)));
  }

  protected override stepOutRequest(
    response: DebugProtocol.StepOutResponse,
    args: DebugProtocol.StepOutArguments,
  ): void {
    this.move(response, (rt) => rt.stepOut(this.actorOrFail(rt, args.threadId)));
  }

  protected override stepBackRequest(response: DebugProtocol.StepBackResponse): void {
    this.move(response, (rt) => rt.stepBack());
  }

  protected override reverseContinueRequest(response: DebugProtocol.ReverseContinueResponse): void {
    this.move(response, (rt) => rt.reverseContinue());
  }

  protected override pauseRequest(response: DebugProtocol.PauseResponse): void {
    // Stepping is instantaneous, so the run is always paused; report where.
    this.move(response, (rt) => ({ reason: 'pause', description: 'Paused', event: rt.cursor }));
  }

  protected override gotoTargetsRequest(
    response: DebugProtocol.GotoTargetsResponse,
    args: DebugProtocol.GotoTargetsArguments,
  ): void {
    const rt = this.rt(response);
    if (!rt) return;
    const target = rt.gotoTarget(this.convertClientLineToDebugger(args.line));
    if (!target) {
      response.body = { targets: [] };
      this.sendResponse(response);
      return;
    }
    if (target.event === undefined) {
      this.fail(
        response,
        `Line ${target.item.line} does not run: the run stops before it, or it does nothing`,
      );
      return;
    }
    response.body = {
      targets: [
        {
          id: target.item.line,
          label: `${target.item.label} (event ${target.event})`,
          line: this.convertDebuggerLineToClient(target.item.line),
        },
      ],
    };
    this.sendResponse(response);
  }

  protected override gotoRequest(
    response: DebugProtocol.GotoResponse,
    args: DebugProtocol.GotoArguments,
  ): void {
    this.move(
      response,
      (rt) => {
        const t = rt.gotoTarget(args.targetId);
        if (!t || t.item.line !== args.targetId || t.event === undefined)
          throw new RuntimeError(`no goto target ${args.targetId}`);
        return rt.goto(t.event);
      },
      true,
    );
  }

  protected override restartFrameRequest(
    response: DebugProtocol.RestartFrameResponse,
    args: DebugProtocol.RestartFrameArguments,
  ): void {
    this.move(
      response,
      (rt) => {
        const f = this.frames.get(args.frameId);
        if (!f) throw new RuntimeError(`no frame ${args.frameId}`);
        if (f.kind !== 'event') throw new RuntimeError('Only an event frame can be restarted');
        return rt.goto(f.event, 'restart');
      },
      true,
    );
  }

  // -------------------------------------------------------------------------------------------
  // Threads, stacks, scopes, variables

  protected override threadsRequest(response: DebugProtocol.ThreadsResponse): void {
    const rt = this.runtime;
    if (!rt) {
      response.body = { threads: [] };
      this.sendResponse(response);
      return;
    }
    const threads: DebugProtocol.Thread[] = [];
    rt.trace.actors.forEach((a, i) => {
      if (a.kind === 'network' && rt.trace.actorEventCount(i) === 0) return;
      const name = a.kind === 'network' ? 'network' : `${a.kind} ${a.id}`;
      threads.push(new Thread(i + 1, name));
    });
    response.body = { threads };
    this.sendResponse(response);
  }

  protected override stackTraceRequest(
    response: DebugProtocol.StackTraceResponse,
    args: DebugProtocol.StackTraceArguments,
  ): void {
    const rt = this.rt(response);
    if (!rt) return;
    const actor = this.threadActor(rt, args.threadId);
    if (actor === undefined) {
      this.fail(response, `no thread ${args.threadId}`);
      return;
    }
    const trace = rt.trace;
    const a = trace.actorIndex.get(actor)!;
    const all: DebugProtocol.StackFrame[] = [];
    const current = rt.index.latestOn(a, rt.cursor);
    if (current === undefined) {
      const f = new StackFrame(this.frames.create({ kind: 'idle', actor }), `${actor}: no events yet`);
      const declared = trace.actors[a]!.line;
      if (declared) {
        f.source = this.source();
        f.line = this.convertDebuggerLineToClient(declared);
      }
      all.push(f);
    } else {
      // A periodic timer re-arms itself, so its chain repeats: show a run of one timer as one frame.
      const chain = causalChain(trace, current, MAX_FRAMES * 8);
      for (let i = 0; i < chain.length && all.length < MAX_FRAMES; i++) {
        const e = chain[i]!;
        let j = i;
        while (j + 1 < chain.length && this.sameTimer(trace, e, chain[j + 1]!)) j++;
        const f = this.eventFrame(rt, e);
        if (j > i) f.name += ` — repeats ×${j - i + 1} since ${formatTime(trace.time(chain[j]!))}`;
        all.push(f);
        i = j;
      }
    }
    const inflight = rt.branch.replay.inflightAt(rt.cursor).length;
    const net = new StackFrame(
      this.frames.create({ kind: 'network' }),
      `network: ${inflight} message${inflight === 1 ? '' : 's'} in flight`,
    );
    net.presentationHint = 'label';
    all.push(net);
    const start = args.startFrame ?? 0;
    const levels = args.levels && args.levels > 0 ? args.levels : all.length;
    response.body = { stackFrames: all.slice(start, start + levels), totalFrames: all.length };
    this.sendResponse(response);
  }

  private sameTimer(trace: ReplicationRuntime['trace'], a: number, b: number): boolean {
    return (
      trace.kind(a) === 'timer' &&
      trace.kind(b) === 'timer' &&
      trace.actorOf(a) === trace.actorOf(b) &&
      trace.detail(a)?.timer === trace.detail(b)?.timer
    );
  }

  private eventFrame(rt: ReplicationRuntime, e: number): DebugProtocol.StackFrame {
    const trace = rt.trace;
    const name = `${describeEvent(trace, e)} @ ${formatTime(trace.time(e))} [#${e}]`;
    const f: DebugProtocol.StackFrame = new StackFrame(this.frames.create({ kind: 'event', event: e }), name);
    const line = trace.line(e) ?? trace.actors[trace.actorOf(e)]!.line;
    if (line) {
      f.source = this.source();
      f.line = this.convertDebuggerLineToClient(line);
      f.column = this.convertDebuggerColumnToClient(1);
    } else {
      f.line = 0;
      f.column = 0;
      f.presentationHint = 'subtle';
    }
    f.canRestart = true;
    return f;
  }

  protected override scopesRequest(
    response: DebugProtocol.ScopesResponse,
    args: DebugProtocol.ScopesArguments,
  ): void {
    const rt = this.rt(response);
    if (!rt) return;
    const f = this.frames.get(args.frameId);
    if (!f) {
      this.fail(response, `no frame ${args.frameId}`);
      return;
    }
    const scopes: DebugProtocol.Scope[] = [];
    const at = f.kind === 'event' ? f.event : rt.cursor;
    const scope = rt.scopeAt(at);
    if (f.kind === 'event') {
      const e = f.event;
      scopes.push(
        new Scope(
          `Event #${e}: ${rt.trace.kind(e)}`,
          this.vars.create(
            this.objectContainer(rt.trace.event(e) as unknown as Record<string, unknown>, `ev(${e})`),
          ),
          false,
        ),
      );
      const actor = rt.trace.actorId(rt.trace.actorOf(e));
      const snap = scope.actor(actor);
      if (snap) {
        const s: DebugProtocol.Scope = new Scope(
          `${actor} state`,
          this.vars.create(this.actorContainer(actor, snap)),
          false,
        );
        s.presentationHint = 'locals';
        scopes.push(s);
      }
    }
    const ids = scope.actorIds();
    scopes.push(
      new Scope(
        'Cluster',
        this.vars.create({
          children: () =>
            ids.map((id) => {
              const snap = scope.actor(id);
              if (!snap) return { name: id, value: 'not in the cluster yet', variablesReference: 0 };
              return {
                name: id,
                value: formatValue(new ActorRef(snap, scope.knownKeys())),
                variablesReference: this.vars.create(this.actorContainer(id, snap)),
                evaluateName: id,
              };
            }),
        }),
        false,
      ),
    );
    const inflight = scope.inflight();
    scopes.push(
      new Scope(
        `In flight (${inflight.length})`,
        this.vars.create({
          children: () =>
            inflight.map((m) => ({
              name: `#${m.msg}`,
              value: `${m.type} ${m.from} → ${m.to}, sent ${formatTime(m.sentAt)} (event ${m.sent})`,
              variablesReference: this.vars.create(
                this.objectContainer(m as unknown as Record<string, unknown>),
              ),
            })),
        }),
        false,
      ),
    );
    scopes.push(new Scope('Clocks', this.vars.create(this.clocksContainer(rt, at)), false));
    const anomalies = scope.anomalies();
    scopes.push(
      new Scope(
        `Anomalies (${anomalies.length})`,
        this.vars.create({
          children: () =>
            anomalies.map((a, i) => ({
              name: `${i}: ${a.kind}`,
              value: `at event ${a.event}: ${a.explain}`,
              variablesReference: this.vars.create(
                this.objectContainer(a as unknown as Record<string, unknown>, `anomalies[${i}]`),
              ),
            })),
        }),
        false,
      ),
    );
    response.body = { scopes };
    this.sendResponse(response);
  }

  private clocksContainer(rt: ReplicationRuntime, e: number): VarContainer {
    return {
      children: () => {
        const trace = rt.trace;
        const out: DebugProtocol.Variable[] = [
          {
            name: 'now',
            value: formatTime(e >= 0 ? trace.time(e) : 0),
            variablesReference: 0,
            evaluateName: 'now',
          },
        ];
        if (e >= 0)
          out.push({ name: 'vector clock', value: formatVector(trace.vc(e)), variablesReference: 0 });
        const scenario = rt.branch.run.scenario;
        const skew = new Map<string, { offset: number; drift: number }>();
        for (const [id, c] of Object.entries(scenario?.clocks ?? {})) skew.set(id, { ...c });
        for (const i of rt.index.skews.ids) {
          if (i > e) break;
          const d = trace.detail(i) as Record<string, unknown> | undefined;
          const inner = (d?.detail ?? {}) as Record<string, unknown>;
          const node = (d?.node ?? inner.node ?? trace.actorId(trace.actorOf(i))) as string;
          const cur = skew.get(node) ?? { offset: 0, drift: 0 };
          const offset = d?.offset ?? inner.offset;
          const drift = d?.drift ?? inner.drift;
          if (typeof offset === 'number') cur.offset = offset;
          if (typeof drift === 'number') cur.drift = drift;
          skew.set(node, cur);
        }
        const now = e >= 0 ? trace.time(e) : 0;
        for (const a of trace.actors) {
          if (a.kind !== 'node') continue;
          const c = skew.get(a.id) ?? { offset: 0, drift: 0 };
          const physical = now * (1 + c.drift) + c.offset;
          out.push({
            name: `${a.id} clock`,
            value: `${formatTime(physical)}${c.offset || c.drift ? ` (offset ${c.offset}ms, drift ${c.drift})` : ''}`,
            variablesReference: 0,
          });
        }
        return out;
      },
    };
  }

  private actorContainer(
    actor: string,
    snap: { up: boolean; data: Record<string, Sibling[]>; fields: Record<string, unknown> },
  ): VarContainer {
    const ref = quoteName(actor);
    return {
      owner: actor,
      children: () => {
        const out: DebugProtocol.Variable[] = [
          { name: 'up', value: String(snap.up), variablesReference: 0, evaluateName: `${ref}.up` },
        ];
        for (const [k, siblings] of Object.entries(snap.data).sort(([a], [b]) => a.localeCompare(b))) {
          out.push({
            name: k,
            value: formatSiblings(siblings),
            variablesReference: siblings.length ? this.vars.create(this.siblingsContainer(siblings)) : 0,
            evaluateName: `${ref}.${k}`,
            presentationHint: { kind: 'data' },
          });
        }
        for (const [k, v] of Object.entries(snap.fields))
          out.push(this.variable(k, v, `${ref}.${k}`, 'property'));
        return out;
      },
    };
  }

  private siblingsContainer(siblings: Sibling[]): VarContainer {
    return {
      children: () =>
        siblings.map((s, i) => ({
          name: `[${i}]`,
          value: formatSibling(s),
          variablesReference: this.vars.create(this.objectContainer(s as unknown as Record<string, unknown>)),
        })),
    };
  }

  private variable(name: string, v: unknown, evaluateName?: string, kind?: string): DebugProtocol.Variable {
    const out: DebugProtocol.Variable = { name, value: formatValue(v, 160), variablesReference: 0 };
    if (evaluateName) out.evaluateName = evaluateName;
    if (kind) out.presentationHint = { kind };
    if (Array.isArray(v)) {
      out.value = `${v.length} entr${v.length === 1 ? 'y' : 'ies'}${v.length ? `, last ${formatValue(v[v.length - 1], 100)}` : ''}`;
      if (v.length) {
        out.variablesReference = this.vars.create(this.arrayContainer(v, evaluateName));
        if (v.length > 100) out.indexedVariables = v.length;
      }
    } else if (v instanceof KeyState) {
      out.value = formatSiblings(v.siblings);
      if (v.siblings.length) out.variablesReference = this.vars.create(this.siblingsContainer(v.siblings));
    } else if (v instanceof ActorRef) {
      out.value = formatValue(v);
      out.variablesReference = this.vars.create(this.actorContainer(v.id, v.snapshot));
    } else if (v instanceof KeyAcross) {
      out.value = formatValue(v);
      out.variablesReference = this.vars.create({
        children: () => v.perActor.map((k) => this.variable(k.actor, k, `${quoteName(k.actor)}.${v.key}`)),
      });
    } else if (v && typeof v === 'object' && Object.keys(v).length) {
      out.variablesReference = this.vars.create(
        this.objectContainer(v as Record<string, unknown>, evaluateName),
      );
    }
    return out;
  }

  private arrayContainer(list: unknown[], evaluateName?: string): VarContainer {
    return {
      children: (start = 0, count = list.length) =>
        list
          .slice(start, start + count)
          .map((x, i) =>
            this.variable(`[${start + i}]`, x, evaluateName ? `${evaluateName}[${start + i}]` : undefined),
          ),
    };
  }

  private objectContainer(obj: Record<string, unknown>, evaluateName?: string): VarContainer {
    return {
      children: () =>
        Object.entries(obj)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => {
            const out = this.variable(
              k,
              v,
              evaluateName && /^[A-Za-z_$][\w$]*$/.test(k) ? `${evaluateName}.${k}` : undefined,
            );
            if ((k === 'time' || k === 'sentAt') && typeof v === 'number') out.value = formatTime(v);
            return out;
          }),
    };
  }

  protected override variablesRequest(
    response: DebugProtocol.VariablesResponse,
    args: DebugProtocol.VariablesArguments,
  ): void {
    const c = this.vars.get(args.variablesReference);
    if (!c) {
      this.fail(response, `no variables ${args.variablesReference} (they expire at the next step)`);
      return;
    }
    let variables = c.children(args.start, args.count);
    if (args.filter === 'named') variables = variables.filter((v) => !v.name.startsWith('['));
    response.body = { variables };
    this.sendResponse(response);
  }

  // -------------------------------------------------------------------------------------------
  // Evaluate, completions, console commands

  private frameEvent(rt: ReplicationRuntime, frameId: number | undefined): number {
    if (frameId === undefined) return rt.cursor;
    const f = this.frames.get(frameId);
    return f?.kind === 'event' ? f.event : rt.cursor;
  }

  protected override async evaluateRequest(
    response: DebugProtocol.EvaluateResponse,
    args: DebugProtocol.EvaluateArguments,
  ): Promise<void> {
    const rt = this.rt(response);
    if (!rt) return;
    const text = args.expression.trim();
    if (text.startsWith('.') && (args.context === 'repl' || args.context === undefined)) {
      await this.command(response, rt, text);
      return;
    }
    const at = this.frameEvent(rt, args.frameId);
    try {
      const value = rt.evaluate(text, at);
      const v = this.variable(text, value, text);
      response.body = { result: v.value, variablesReference: v.variablesReference };
      if (v.indexedVariables) response.body.indexedVariables = v.indexedVariables;
      this.sendResponse(response);
    } catch (err) {
      const msg = err instanceof ExpressionError || err instanceof Error ? err.message : String(err);
      this.fail(response, msg);
    }
  }

  private async command(
    response: DebugProtocol.EvaluateResponse,
    rt: ReplicationRuntime,
    text: string,
  ): Promise<void> {
    try {
      const cmd = parseCommand(text);
      const reply = (result: string) => {
        response.body = { result, variablesReference: 0 };
        this.sendResponse(response);
      };
      switch (cmd.kind) {
        case 'help':
          return reply(COMMAND_HELP.map(([c, d]) => `${c.padEnd(24)} ${d}`).join('\n'));
        case 'inflight': {
          const list = rt.branch.replay.inflightAt(rt.cursor);
          return reply(
            list.length
              ? list
                  .map((m) => `#${m.msg} ${m.type} ${m.from} → ${m.to} (sent ${formatTime(m.sentAt)})`)
                  .join('\n')
              : 'Nothing is in flight here.',
          );
        }
        case 'anomalies': {
          const list = rt.index.anomaliesUpTo(rt.cursor);
          return reply(
            list.length
              ? list.map((a) => `event ${a.event}: ${a.kind}: ${a.explain}`).join('\n')
              : 'No anomaly so far.',
          );
        }
        case 'branches':
          return reply(
            rt.branches
              .map(
                (b) =>
                  `${b === rt.branch ? '*' : ' '} ${b.id}: ${b.label} (${b.trace.length} events${b.forkEvent !== undefined ? `, forks at event ${b.forkEvent}` : ''})`,
              )
              .join('\n'),
          );
        case 'event': {
          const ev = rt.eventAt(cmd.event);
          if (!ev) throw new RuntimeError(`no event ${cmd.event}: this run has events 0 to ${rt.length - 1}`);
          const v = this.variable(`#${cmd.event}`, ev);
          response.body = { result: rt.describe(cmd.event), variablesReference: v.variablesReference };
          this.sendResponse(response);
          return;
        }
        case 'goto': {
          const stop = rt.goto(cmd.event);
          reply(stop.description);
          this.stopped(stop, true);
          return;
        }
        case 'branch': {
          const stop = rt.switchBranch(cmd.id);
          reply(stop.description);
          this.branchesChanged();
          this.stopped(stop, true);
          return;
        }
        case 'fork': {
          const stop = await rt.fork(cmd.action);
          reply(`${stop.description}. The original run is branch ${rt.branch.parent}; .branches lists them.`);
          this.branchesChanged();
          this.stopped(stop, true);
          return;
        }
      }
    } catch (err) {
      this.fail(response, (err as Error).message);
    }
  }

  protected override completionsRequest(
    response: DebugProtocol.CompletionsResponse,
    args: DebugProtocol.CompletionsArguments,
  ): void {
    const rt = this.rt(response);
    if (!rt) return;
    const column = args.column - (this.clientColumnsStartAt1() ? 1 : 0);
    const base = this.clientColumnsStartAt1() ? 1 : 0;
    if (args.text.trimStart().startsWith('.')) {
      const word = args.text.slice(0, column).trim();
      response.body = {
        targets: COMMAND_NAMES.filter((c) => c.startsWith(word)).map((c) => ({
          label: c,
          type: 'keyword',
          start: args.text.indexOf('.') + base,
          length: word.length,
        })),
      };
      this.sendResponse(response);
      return;
    }
    const scope = rt.scopeAt(this.frameEvent(rt, args.frameId));
    response.body = {
      targets: completionsAt(args.text, column, scope).map((c) => ({
        label: c.label,
        type: c.type,
        start: c.start + base,
        length: c.length,
        ...(c.detail ? { detail: c.detail } : {}),
      })),
    };
    this.sendResponse(response);
  }

  private clientColumnsStartAt1(): boolean {
    return this.convertDebuggerColumnToClient(1) === 1;
  }

  // -------------------------------------------------------------------------------------------
  // Custom requests (timeline sync, what-if)

  protected override async customRequest(
    command: string,
    response: DebugProtocol.Response,
    args: unknown,
  ): Promise<void> {
    const rt = this.runtime;
    if (!rt) {
      this.fail(response, 'No scenario is running yet');
      return;
    }
    try {
      switch (command) {
        case CUSTOM_REQUESTS.jumpTo: {
          const a = args as CustomRequests['replication/jumpTo']['args'];
          const stop = rt.goto(Number(a?.event));
          this.sendResponse(response);
          this.stopped(stop, true);
          return;
        }
        case CUSTOM_REQUESTS.fork: {
          const a = args as CustomRequests['replication/fork']['args'];
          if (!a?.action || typeof a.action !== 'object') throw new RuntimeError('fork needs an `action`');
          const stop = await rt.fork(a.action);
          response.body = this.branchesBody();
          this.sendResponse(response);
          this.branchesChanged();
          this.stopped(stop, true);
          return;
        }
        case CUSTOM_REQUESTS.trace: {
          const a = args as CustomRequests['replication/trace']['args'] | undefined;
          const b = a?.branch === undefined ? rt.branch : rt.branches[a.branch];
          if (!b) throw new RuntimeError(`no branch ${a?.branch}`);
          response.body = traceToFile(b.trace);
          this.sendResponse(response);
          return;
        }
        case CUSTOM_REQUESTS.branches:
          response.body = this.branchesBody();
          this.sendResponse(response);
          return;
        case CUSTOM_REQUESTS.switchBranch: {
          const a = args as CustomRequests['replication/switchBranch']['args'];
          const stop = rt.switchBranch(Number(a?.branch));
          response.body = this.branchesBody();
          this.sendResponse(response);
          this.branchesChanged();
          this.stopped(stop, true);
          return;
        }
      }
      this.fail(response, `unknown request ${command}`);
    } catch (err) {
      this.fail(response, (err as Error).message);
    }
  }
}

function toDapBreakpoint(r: BreakpointResult): DebugProtocol.Breakpoint {
  const bp: DebugProtocol.Breakpoint = { id: r.id, verified: r.verified };
  if (r.message) bp.message = r.message;
  return bp;
}

function quoteName(id: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(id) ? id : `\`${id}\``;
}

function samePath(a: string, b: string): boolean {
  const norm = (p: string) =>
    p.replace(/\\/g, '/').replace(/^([a-z]):/i, (_, d: string) => `${d.toLowerCase()}:`);
  return norm(a) === norm(b);
}

export { EXCEPTION_FILTERS, NETWORK_ACTOR };

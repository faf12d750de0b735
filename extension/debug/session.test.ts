import type { DebugProtocol } from '@vscode/debugprotocol';
import { afterEach, describe, expect, it } from 'vitest';
import { CUSTOM_REQUESTS } from './customMessages';
import { SAMPLE_FILE, SAMPLE_TEXT, sampleEngine } from './testing/fixtures';
import { type Harness, launchAndStop, startHarness, stopAfter, waitForOutput } from './testing/harness';

const host = { engine: sampleEngine(), readFile: async () => SAMPLE_TEXT };
const launch = { scenario: SAMPLE_FILE };
const LEADER = 1;
const F1 = 2;
const ALICE = 4;

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function start(
  configure?: (c: Harness['client']) => Promise<unknown>,
  extra: Record<string, unknown> = {},
) {
  h = await startHarness(host);
  const c = h.client;
  const stop = await launchAndStop(c, { ...launch, ...extra }, configure ? () => configure(c) : undefined);
  return { c, stop };
}

describe('ReplicationDebugSession over DAP', () => {
  it('announces stepping back, goto, data breakpoints and one exception filter per anomaly kind', async () => {
    h = await startHarness(host);
    const r = await h.client.initializeRequest();
    const caps = r.body!;
    expect(caps).toMatchObject({
      supportsStepBack: true,
      supportsGotoTargetsRequest: true,
      supportsRestartFrame: true,
      supportsDataBreakpoints: true,
      supportsFunctionBreakpoints: true,
      supportsConditionalBreakpoints: true,
      supportsHitConditionalBreakpoints: true,
      supportsLogPoints: true,
      supportsCompletionsRequest: true,
      supportsTerminateRequest: true,
      supportsExceptionFilterOptions: true,
    });
    expect(caps.exceptionBreakpointFilters!.map((f) => f.filter)).toEqual([
      'stale-read',
      'read-your-writes',
      'monotonic-reads',
      'consistent-prefix',
      'lost-write',
      'split-brain',
      'conflict',
      'divergence',
      'causality-violation',
      'crash',
      'partition',
    ]);
  });

  it('fails the launch of an invalid scenario with FILE:LINE:COL messages in the console', async () => {
    h = await startHarness({
      engine: sampleEngine([
        {
          line: 3,
          column: 16,
          message: "unknown replication 'single-leder' (did you mean 'single-leader'?)",
        },
      ]),
      readFile: async () => SAMPLE_TEXT,
    });
    const c = h.client;
    await c.initializeRequest();
    const output = c.assertOutput('stderr', `${SAMPLE_FILE}:3:16: unknown replication 'single-leder'`);
    await expect(c.launchRequest(launch as DebugProtocol.LaunchRequestArguments)).rejects.toThrow(
      /sample.scenario.yaml has 1 error: unknown replication/,
    );
    await output;
  });

  it('fails the launch clearly when the scenario file cannot be read', async () => {
    h = await startHarness({
      engine: sampleEngine(),
      readFile: async () => Promise.reject(new Error('ENOENT')),
    });
    await h.client.initializeRequest();
    await expect(h.client.launchRequest(launch as DebugProtocol.LaunchRequestArguments)).rejects.toThrow(
      `Cannot read ${SAMPLE_FILE}: ENOENT`,
    );
  });

  it('rejects a seed or event budget that is not a whole number', async () => {
    h = await startHarness(host);
    await h.client.initializeRequest();
    await expect(
      h.client.launchRequest({ ...launch, seed: 1.5 } as DebugProtocol.LaunchRequestArguments),
    ).rejects.toThrow('`seed` must be an integer of at least 0, not 1.5');
  });

  it('stops on entry before the first event, with one thread per node and client', async () => {
    const { c, stop } = await start(undefined, { stopOnEntry: true });
    expect(stop.body).toMatchObject({ reason: 'entry', threadId: LEADER, allThreadsStopped: true });
    const threads = (await c.threadsRequest()).body.threads.map((t) => t.name);
    expect(threads).toEqual(['node leader', 'node f1', 'node f2', 'client alice', 'client bob', 'network']);
    const st = await c.stackTraceRequest({ threadId: LEADER });
    expect(st.body.stackFrames.map((f) => f.name)).toEqual([
      'leader: no events yet',
      'network: 0 messages in flight',
    ]);
  });

  it('hits a line breakpoint where its item starts; the stack is the causal chain', async () => {
    const { c, stop } = await start((c) =>
      c
        .setBreakpointsRequest({ source: { path: SAMPLE_FILE }, breakpoints: [{ line: 12 }, { line: 16 }] })
        .then((r) => {
          expect(r.body.breakpoints.map((b) => [b.verified, b.line])).toEqual([
            [true, 12],
            [false, 16],
          ]);
        }),
    );
    expect(stop.body).toMatchObject({ reason: 'breakpoint', threadId: ALICE });
    let st = await c.stackTraceRequest({ threadId: ALICE });
    expect(st.body.stackFrames[0]).toMatchObject({ line: 12, source: { path: SAMPLE_FILE } });
    expect(st.body.stackFrames[0]!.name).toBe('alice: write x = 1 (w1) @ 1ms [#3]');
    // Walk forward to the Ack delivery on the leader: its chain goes back to alice's request.
    await stopAfter(c, c.gotoRequest({ threadId: ALICE, targetId: 12 }));
    const j = await stopAfter(c, c.customRequest(CUSTOM_REQUESTS.jumpTo, { event: 15 }));
    expect(j.body).toMatchObject({ reason: 'goto', threadId: LEADER });
    st = await c.stackTraceRequest({ threadId: LEADER });
    expect(st.body.stackFrames.map((f) => f.name.replace(/ @.*/, ''))).toEqual([
      'deliver Ack #4 f1 → leader',
      'send Ack #4 f1 → leader',
      'f1: x := 1 v1',
      'deliver Replicate #2 leader → f1',
      'send Replicate #2 leader → f1',
      'leader: x := 1 v1',
      'deliver Write #1 alice → leader',
      'send Write #1 alice → leader',
      'alice: write x = 1 (w1)',
      'network: 0 messages in flight',
    ]);
    expect(st.body.stackFrames.at(-2)!.line).toBe(12);
  });

  it('shows node state, in-flight messages, clocks and anomalies as lazily expanded scopes', async () => {
    const { c } = await start(undefined, { stopOnEntry: true });
    await stopAfter(c, c.customRequest(CUSTOM_REQUESTS.jumpTo, { event: 9 }));
    const st = await c.stackTraceRequest({ threadId: LEADER });
    const scopes = (await c.scopesRequest({ frameId: st.body.stackFrames[0]!.id })).body.scopes;
    expect(scopes.map((s) => s.name)).toEqual([
      'Event #9: send',
      'leader state',
      'Cluster',
      'In flight (2)',
      'Clocks',
      'Anomalies (0)',
    ]);
    const vars = async (ref: number) =>
      (await c.variablesRequest({ variablesReference: ref })).body.variables;
    const leader = await vars(scopes[1]!.variablesReference);
    expect(leader.map((v) => [v.name, v.value])).toEqual([
      ['up', 'true'],
      ['x', '1 v1'],
      ['role', '"leader"'],
      ['log', '1 entry, last {key: "x", value: 1, op: "w1"}'],
    ]);
    expect(leader[1]!.evaluateName).toBe('leader.x');
    const sib = await vars(leader[1]!.variablesReference);
    expect(sib[0]).toMatchObject({ name: '[0]', value: '1 v1' });
    const inflight = await vars(scopes[3]!.variablesReference);
    expect(inflight.map((v) => v.value)).toEqual([
      'Replicate leader → f1, sent 3ms (event 8)',
      'Replicate leader → f2, sent 3ms (event 9)',
    ]);
    const clocks = await vars(scopes[4]!.variablesReference);
    expect(clocks[1]).toMatchObject({ name: 'vector clock', value: '{leader:6, alice:2}' });
  });

  it('steps forwards and backwards, and on one thread', async () => {
    const { c } = await start(undefined, { stopOnEntry: true });
    const at = async () =>
      (await c.stackTraceRequest({ threadId: LEADER, levels: 1 })).body.stackFrames[0]!.name;
    let s = await stopAfter(c, c.nextRequest({ threadId: LEADER }));
    expect(s.body).toMatchObject({ reason: 'step', threadId: LEADER });
    expect(await at()).toMatch(/^leader: role = "leader"/);
    s = await stopAfter(c, c.stepInRequest({ threadId: F1 }));
    expect(s.body).toMatchObject({ threadId: F1, description: 'Next event on f1' });
    s = await stopAfter(c, c.stepBackRequest({ threadId: F1 }));
    expect(s.body.threadId).toBe(LEADER);
    s = await stopAfter(c, c.reverseContinueRequest({ threadId: LEADER }));
    expect(s.body).toMatchObject({ reason: 'entry', description: 'Start of the run' });
    await expect(c.stepInRequest({ threadId: 99 })).rejects.toThrow('no thread 99');
  });

  it('steps out to the response of the client operation', async () => {
    const { c } = await start(undefined, { stopOnEntry: true });
    await stopAfter(c, c.customRequest(CUSTOM_REQUESTS.jumpTo, { event: 6 }));
    const s = await stopAfter(c, c.stepOutRequest({ threadId: LEADER }));
    expect(s.body).toMatchObject({ threadId: ALICE, description: 'Response to w1' });
  });

  it('stops on function, data and exception breakpoints, and explains anomalies', async () => {
    const { c, stop } = await start(async (c) => {
      await c.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'Ack' }] });
      await c.setExceptionBreakpointsRequest({ filters: [], filterOptions: [{ filterId: 'stale-read' }] });
      const info = await c.dataBreakpointInfoRequest({ name: 'f1.x' });
      expect(info.body).toMatchObject({ dataId: 'f1/x', accessTypes: ['write'] });
      await c.setDataBreakpointsRequest({ breakpoints: [{ dataId: info.body.dataId! }] });
    });
    expect(stop.body).toMatchObject({ reason: 'data breakpoint', description: 'f1.x changed', threadId: F1 });
    let s = await stopAfter(c, c.continueRequest({ threadId: F1 }));
    expect(s.body).toMatchObject({ reason: 'function breakpoint', description: 'Ack sent' });
    s = await stopAfter(c, c.continueRequest({ threadId: F1 }));
    expect(s.body).toMatchObject({ reason: 'function breakpoint', description: 'Ack delivered' });
    s = await stopAfter(c, c.continueRequest({ threadId: F1 }));
    expect(s.body).toMatchObject({ reason: 'exception', description: 'Anomaly: stale-read' });
    const info = await c.exceptionInfoRequest({ threadId: s.body.threadId! });
    expect(info.body).toMatchObject({ exceptionId: 'stale-read', breakMode: 'always' });
    expect(info.body.description).toMatch(/bob read nothing from f2/);
  });

  it('evaluates expressions, hovers and completions; bad expressions get clear errors', async () => {
    const { c } = await start(undefined, { stopOnEntry: true });
    await stopAfter(c, c.customRequest(CUSTOM_REQUESTS.jumpTo, { event: 13 }));
    const ev = async (expression: string, context = 'repl') =>
      (await c.evaluateRequest({ expression, context })).body.result;
    expect(await ev('f1.x == 1 && leader.x.version == 1')).toBe('true');
    expect(await ev('x', 'hover')).toBe('leader: 1 v1; f1: 1 v1; f2: (absent)');
    expect(await ev('f1', 'hover')).toBe('f1 role="follower" 1 key');
    expect(await ev('hb(3, 13)')).toBe('true');
    await expect(c.evaluateRequest({ expression: 'f1.x ==', context: 'repl' })).rejects.toThrow(
      'the expression ends early at column 8',
    );
    const comp = await c.completionsRequest({ text: 'f1.', column: 4 });
    expect(comp.body.targets.map((t) => t.label)).toEqual(expect.arrayContaining(['role', 'x', 'up']));
  });

  it('jumps to the cursor line with goto targets, and rejects bad targets', async () => {
    const { c } = await start(undefined, { stopOnEntry: true });
    const t = await c.gotoTargetsRequest({ source: { path: SAMPLE_FILE }, line: 13 });
    expect(t.body.targets).toEqual([
      { id: 13, label: '{ at: 14ms, client: bob, read: x } (event 21)', line: 13 },
    ]);
    const invalidated = c.waitForEvent('invalidated');
    const s = await stopAfter(c, c.gotoRequest({ threadId: 1, targetId: 13 }));
    await invalidated;
    expect(s.body).toMatchObject({ reason: 'goto', threadId: 5 });
    await expect(c.gotoTargetsRequest({ source: { path: SAMPLE_FILE }, line: 15 })).rejects.toThrow(
      /Line 14 does not run/,
    );
    await expect(c.gotoRequest({ threadId: 1, targetId: 3 })).rejects.toThrow('no goto target 3');
  });

  it('rewinds to a frame’s event with restartFrame', async () => {
    const { c } = await start(undefined, { stopOnEntry: true });
    await stopAfter(c, c.customRequest(CUSTOM_REQUESTS.jumpTo, { event: 15 }));
    const frames = (await c.stackTraceRequest({ threadId: LEADER })).body.stackFrames;
    const s = await stopAfter(c, c.restartFrameRequest({ frameId: frames[3]!.id }));
    expect(s.body).toMatchObject({ reason: 'restart', threadId: F1 });
    await expect(c.restartFrameRequest({ frameId: frames.at(-1)!.id + 1000 })).rejects.toThrow(/no frame/);
  });

  it('logs logpoints to the console with the scenario line', async () => {
    h = await startHarness(host);
    const c = h.client;
    const out = waitForOutput(c, 'bob reads, f2 up=true');
    await launchAndStop(c, launch, () =>
      c.setBreakpointsRequest({
        source: { path: SAMPLE_FILE },
        breakpoints: [{ line: 13, logMessage: 'bob reads, f2 up={f2.up}' }],
      }),
    );
    const e = await out;
    expect(e.body).toMatchObject({ category: 'stdout', line: 13, output: 'bob reads, f2 up=true\n' });
  });

  it('answers the timeline: current event after each stop, the trace, and jump errors', async () => {
    h = await startHarness(host);
    const c = h.client;
    const current = c.waitForEvent('replication/currentEvent');
    await launchAndStop(c, { ...launch, stopOnEntry: true });
    expect((await current).body).toMatchObject({ event: -1, branch: 0, length: 29, reason: 'entry' });
    const next = c.waitForEvent('replication/currentEvent');
    await c.customRequest(CUSTOM_REQUESTS.jumpTo, { event: 21 });
    expect((await next).body).toMatchObject({ event: 21, actor: 'bob', line: 13, time: 14 });
    const trace = await c.customRequest(CUSTOM_REQUESTS.trace, {});
    expect(trace.body).toMatchObject({ format: 'replication-trace', version: 1 });
    expect(trace.body.events).toHaveLength(29);
    await expect(c.customRequest(CUSTOM_REQUESTS.jumpTo, { event: 99 })).rejects.toThrow(
      'no event 99: this run has events 0 to 28',
    );
  });

  it('answers bad requests with clear errors and keeps running', async () => {
    const { c } = await start(undefined, { stopOnEntry: true });
    await expect(c.stackTraceRequest({ threadId: 42 })).rejects.toThrow('no thread 42');
    await expect(c.scopesRequest({ frameId: 9999 })).rejects.toThrow('no frame 9999');
    await expect(c.variablesRequest({ variablesReference: 9999 })).rejects.toThrow(/no variables 9999/);
    await expect(c.evaluateRequest({ expression: '))', context: 'repl' })).rejects.toThrow(
      "unexpected ')' at column 1",
    );
    await expect(c.evaluateRequest({ expression: '.frobnicate', context: 'repl' })).rejects.toThrow(
      /unknown command .frobnicate/,
    );
    await expect(c.customRequest('replication/nothing', {})).rejects.toThrow(
      'unknown request replication/nothing',
    );
    await expect(c.customRequest(CUSTOM_REQUESTS.switchBranch, { branch: 3 })).rejects.toThrow('no branch 3');
    await expect(c.customRequest(CUSTOM_REQUESTS.fork, {})).rejects.toThrow('fork needs an `action`');
    const other = await c.setBreakpointsRequest({
      source: { path: '/elsewhere.scenario.yaml' },
      breakpoints: [{ line: 3 }],
    });
    expect(other.body.breakpoints[0]).toMatchObject({
      verified: false,
      message: 'Only sample.scenario.yaml is being debugged',
    });
    const info = await c.dataBreakpointInfoRequest({ name: 'cart' });
    expect(info.body.dataId).toBeNull();
    const s = await stopAfter(c, c.nextRequest({ threadId: LEADER }));
    expect(s.body.reason).toBe('step');
  });

  it('runs without debugging: prints anomalies and terminates', async () => {
    h = await startHarness(host);
    const c = h.client;
    await c.initializeRequest();
    const out = waitForOutput(c, 'anomaly stale-read at event 26 (.goto 26): bob read nothing');
    const terminated = c.waitForEvent('terminated');
    await c.launchRequest({ ...launch, noDebug: true } as DebugProtocol.LaunchRequestArguments);
    await out;
    await terminated;
  });
});

describe('ReplicationDebugSession inline', () => {
  it('speaks DAP through handleMessage/onDidSendMessage, as the web extension host runs it', async () => {
    const { ReplicationDebugSession } = await import('./session');
    const s = new ReplicationDebugSession(host);
    const got: DebugProtocol.ProtocolMessage[] = [];
    const waitFor = (pred: (m: DebugProtocol.ProtocolMessage) => boolean) =>
      new Promise<DebugProtocol.ProtocolMessage>((resolve) => {
        const found = got.find(pred);
        if (found) return resolve(found);
        const d = s.onDidSendMessage((m) => {
          if (pred(m as DebugProtocol.ProtocolMessage)) {
            d.dispose();
            resolve(m as DebugProtocol.ProtocolMessage);
          }
        });
      });
    s.onDidSendMessage((m) => got.push(m as DebugProtocol.ProtocolMessage));
    const request = (seq: number, command: string, args?: unknown) =>
      s.handleMessage({ seq, type: 'request', command, arguments: args } as DebugProtocol.Request);
    request(1, 'initialize', { adapterID: 'replication', pathFormat: 'path' });
    expect(await waitFor((m) => m.type === 'response')).toMatchObject({
      command: 'initialize',
      success: true,
    });
    request(2, 'launch', { scenario: SAMPLE_FILE, stopOnEntry: true });
    await waitFor((m) => (m as DebugProtocol.Event).event === 'initialized');
    request(3, 'configurationDone');
    const stopped = (await waitFor(
      (m) => (m as DebugProtocol.Event).event === 'stopped',
    )) as DebugProtocol.StoppedEvent;
    expect(stopped.body.reason).toBe('entry');
    s.dispose();
  });
});

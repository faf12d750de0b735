// The call stack of a thread in a real run: the causal chain back to the scenario item, with a
// periodic timer's self-re-arming chain shown as one frame.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CUSTOM_REQUESTS } from './customMessages';
import { runEngine } from './engineAdapter';
import { type Harness, launchAndStop, startHarness, stopAfter } from './testing/harness';

const FILE = resolve(__dirname, '../../examples/single-leader/sync-vs-async.scenario.yaml');
const text = readFileSync(FILE, 'utf8');

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('call stacks of a real run', () => {
  it('collapses a periodic timer’s chain into one frame and ends at the network', async () => {
    h = await startHarness({ engine: runEngine, readFile: async () => text });
    const c = h.client;
    await launchAndStop(c, { scenario: FILE, stopOnEntry: true });
    const trace = (await c.customRequest(CUSTOM_REQUESTS.trace, {})).body as {
      events: { id: number; actor: string; kind: string; timer?: string }[];
    };
    // A late heartbeat timer on the leader: its chain goes back through every earlier heartbeat.
    const late = trace.events.filter(
      (e) => e.actor === 'leader' && e.kind === 'timer' && e.timer === 'heartbeat',
    );
    expect(late.length).toBeGreaterThan(3);
    await stopAfter(c, c.customRequest(CUSTOM_REQUESTS.jumpTo, { event: late[late.length - 1]!.id }));
    const frames = (await c.stackTraceRequest({ threadId: 1 })).body.stackFrames.map((f) => f.name);
    expect(frames[0]).toMatch(
      new RegExp(`^leader: timer heartbeat @ [0-9.]+ms \\[#\\d+\\] — repeats ×${late.length} since`),
    );
    expect(frames.at(-1)).toMatch(/^network: \d+ messages? in flight$/);
    for (let i = 1; i < frames.length; i++) expect(frames[i]).not.toBe(frames[i - 1]);
  });
});

describe('step out of a background exchange', () => {
  it('returns from a heartbeat delivery to the ack arriving at the leader', async () => {
    const { ReplicationRuntime } = await import('./runtime');
    const rt = new ReplicationRuntime(runEngine, FILE, text);
    expect(await rt.start()).toEqual([]);
    const t = rt.trace;
    let hb = -1;
    for (let e = 0; e < t.length && hb < 0; e++)
      if (t.kind(e) === 'deliver' && t.detail(e)?.type === 'Heartbeat' && t.actorId(t.actorOf(e)) === 'f1')
        hb = e;
    expect(hb).toBeGreaterThan(0);
    rt.goto(hb);
    const stop = rt.stepOut('f1');
    expect(stop.description).toBe('Back on leader');
    expect(rt.describe(stop.event)).toMatch(/^deliver HeartbeatAck #\d+ f1 → leader/);
  });
});

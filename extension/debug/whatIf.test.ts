import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CUSTOM_REQUESTS } from './customMessages';
import { runEngine } from './engineAdapter';
import { ReplicationRuntime } from './runtime';
import { type Harness, launchAndStop, startHarness, stopAfter } from './testing/harness';

const CART = 'examples/leaderless/shopping-cart-version-numbers.scenario.yaml';
const text = readFileSync(CART, 'utf8');

describe('what-if forks with the real engine', () => {
  it('drops an in-flight message: the run forks, the prefix is kept and the fork is in the trace', async () => {
    const rt = new ReplicationRuntime(runEngine, CART, text);
    expect(await rt.start()).toEqual([]);
    const original = rt.branch;
    rt.goto(3);
    const msg = rt.branch.replay.inflightAt(3).find((m) => m.from === 'c2')!.msg;
    const stop = await rt.fork({ kind: 'drop', msg });
    expect(stop).toMatchObject({ event: 4, description: `Forked: drop message #${msg}` });
    const fork = rt.branch;
    expect(fork.id).toBe(1);
    expect(fork.parent).toBe(0);
    expect(fork.trace.kind(4)).toBe('fork');
    for (let e = 0; e < 4; e++) expect(fork.trace.event(e)).toEqual(original.trace.event(e));
    expect(rt.next().event).toBe(5);
    expect(rt.describe(5)).toMatch(/^drop ClientPut #1 c2 → r1 \(dropped by what-if\)/);
    // c2's write never happened on r1, so the read sees only c1's values.
    expect(rt.evaluate('r1.cart.siblings', fork.trace.length - 1)).toBe(1);
    // The original stays reachable: step back into the shared prefix, or switch branch.
    expect(rt.stepBack().event).toBe(4);
    expect(rt.stepBack().event).toBe(3);
    const back = rt.switchBranch(0);
    expect(back.event).toBe(3);
    // From past the fork point, switching lands just before the runs diverge.
    rt.switchBranch(1);
    rt.goto(fork.trace.length - 1);
    expect(rt.switchBranch(0).event).toBe(3);
    expect(rt.evaluate('r1.cart.siblings', rt.length - 1)).toBe(2);
  });

  it('injects a crash from the console and lists branches', async () => {
    let h: Harness | undefined;
    try {
      h = await startHarness({ engine: runEngine, readFile: async () => text });
      const c = h.client;
      await launchAndStop(c, { scenario: CART, stopOnEntry: true });
      await stopAfter(c, c.customRequest(CUSTOM_REQUESTS.jumpTo, { event: 2 }));
      const changed = c.waitForEvent('replication/branchesChanged');
      const stopped = c.waitForEvent('stopped');
      const r = await c.evaluateRequest({ expression: '.crash r1', context: 'repl' });
      expect(r.body.result).toBe('Forked: crash r1. The original run is branch 0; .branches lists them.');
      expect((await changed).body).toMatchObject({
        current: 1,
        branches: [{ id: 0 }, { id: 1, forkEvent: 4 }],
      });
      expect((await stopped).body).toMatchObject({ reason: 'step', description: 'Forked: crash r1' });
      await stopAfter(c, c.nextRequest({ threadId: 1 }));
      const ev = await c.evaluateRequest({ expression: 'r1.up', context: 'repl' });
      expect(ev.body.result).toBe('false');
      const list = await c.evaluateRequest({ expression: '.branches', context: 'repl' });
      expect(list.body.result).toBe(
        `  0: original run (31 events)\n* 1: what-if: crash r1 (${(await c.customRequest(CUSTOM_REQUESTS.branches, {})).body.branches[1].length} events, forks at event 4)`,
      );
      await expect(c.evaluateRequest({ expression: '.drop 999', context: 'repl' })).rejects.toThrow(
        /message #999 is not in flight here/,
      );
      await expect(c.evaluateRequest({ expression: '.partition r1', context: 'repl' })).rejects.toThrow(
        'usage: .partition a,b | c — at least two groups',
      );
      const forked = await c.customRequest(CUSTOM_REQUESTS.fork, {
        action: { kind: 'fault', fault: { kind: 'heal' } },
      });
      expect(forked.body.current).toBe(2);
    } finally {
      await h?.close();
    }
  });
});

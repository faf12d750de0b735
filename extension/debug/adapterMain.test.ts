// The bundled adapter as any DAP client sees it: `node dist/debugAdapter.js`, DAP over stdio.
// `npm test` builds dist/ before running the tests.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { afterEach, describe, expect, it } from 'vitest';
import { launchAndStop } from './testing/harness';

const ADAPTER = resolve(__dirname, '../../dist/debugAdapter.js');
const CART = resolve(__dirname, '../../examples/leaderless/shopping-cart-version-numbers.scenario.yaml');

let client: DebugClient | undefined;
afterEach(async () => {
  await client?.stop();
  client = undefined;
});

describe('dist/debugAdapter.js over stdio', () => {
  it('debugs an example: breakpoint on an item, state of the replica, reverse continue', async () => {
    expect(existsSync(ADAPTER), `${ADAPTER} is missing: run node scripts/build.mjs`).toBe(true);
    client = new DebugClient('node', ADAPTER, 'replication');
    client.defaultTimeout = 20_000;
    await client.start();
    const c = client;
    const stop = await launchAndStop(c, { scenario: CART }, () =>
      c.setBreakpointsRequest({ source: { path: CART }, breakpoints: [{ line: 21 }] }),
    );
    expect(stop.body).toMatchObject({ reason: 'breakpoint', threadId: 3 });
    const frames = (await c.stackTraceRequest({ threadId: 3 })).body.stackFrames;
    expect(frames[0]).toMatchObject({ line: 21, source: { path: CART } });
    const r = await c.evaluateRequest({ expression: 'r1.cart.siblings', context: 'repl' });
    expect(r.body.result).toBe('2');
    const back = c.waitForEvent('stopped');
    await c.reverseContinueRequest({ threadId: 3 });
    expect(((await back) as DebugProtocol.StoppedEvent).body.reason).toBe('entry');
  });

  it('refuses an invalid scenario with FILE:LINE:COL diagnostics', async () => {
    client = new DebugClient('node', ADAPTER, 'replication');
    client.defaultTimeout = 20_000;
    await client.start();
    await client.initializeRequest();
    const out = client.assertOutput('stderr', '/tmp/bad.scenario.yaml:3:');
    await expect(
      client.launchRequest({
        scenario: '/tmp/bad.scenario.yaml',
        text: 'scenario: bad\ncluster:\n  replication: single-leder\n  nodes: [a]\nevents: []\n',
      } as DebugProtocol.LaunchRequestArguments),
    ).rejects.toThrow(/bad.scenario.yaml has \d+ errors?/);
    await out;
  });
});

// Golden DAP transcripts: every example debugged the same way (breakpoint on its first item, the
// default anomaly filters, stack, scopes, variables, stepping both ways, continue, evaluate), with
// requests, responses and events recorded in order. A changed transcript fails; UPDATE_GOLDEN=1
// rewrites them, and a missing one is written on first run.

import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { describe, expect, it } from 'vitest';
import { runEngine } from './engineAdapter';
import { scenarioItems } from './scenarioItems';
import { EXCEPTION_BREAKPOINT_FILTERS } from './session';
import { launchAndStop, startHarness, stopAfter, type TranscriptEntry } from './testing/harness';

const ROOT = resolve(__dirname, '../..');
const GOLDEN = join(__dirname, 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function examples(dir = join(ROOT, 'examples')): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? examples(p) : /\.scenario\.ya?ml$/.test(f) ? [p] : [];
    });
}

/** Stable across machines and runs: no sequence numbers, no absolute paths. */
function normalize(entries: TranscriptEntry[], file: string): unknown[] {
  const text = JSON.stringify(entries, (k, v) => (k === 'seq' || k === 'request_seq' ? undefined : v));
  return JSON.parse(text.split(file).join('<scenario>'));
}

async function transcript(file: string): Promise<unknown[]> {
  const text = readFileSync(file, 'utf8');
  const h = await startHarness({ engine: runEngine, readFile: async () => text }, true);
  const c = h.client;
  try {
    const first = scenarioItems(text).items[0]?.line ?? 1;
    const stop = await launchAndStop(c, { scenario: file }, async () => {
      await c.setBreakpointsRequest({ source: { path: file }, breakpoints: [{ line: first }] });
      await c.setExceptionBreakpointsRequest({
        filters: EXCEPTION_BREAKPOINT_FILTERS.filter((f) => f.default).map((f) => f.filter),
      });
    });
    const threadId = stop.body.threadId ?? 1;
    await c.threadsRequest();
    const frames = (await c.stackTraceRequest({ threadId, levels: 20 })).body.stackFrames;
    const scopes = (await c.scopesRequest({ frameId: frames[0]!.id })).body.scopes;
    for (const s of scopes.slice(0, 2))
      await c.variablesRequest({ variablesReference: s.variablesReference });
    const step = async (request: (t: number) => Promise<unknown>) => {
      const s: DebugProtocol.StoppedEvent = await stopAfter(c, request(threadId));
      await c.stackTraceRequest({ threadId: s.body.threadId ?? threadId, levels: 1 });
    };
    await step((t) => c.nextRequest({ threadId: t }));
    await step((t) => c.stepBackRequest({ threadId: t }));
    await step((t) => c.stepInRequest({ threadId: t }));
    await step((t) => c.continueRequest({ threadId: t }));
    await step((t) => c.reverseContinueRequest({ threadId: t }));
    await c.evaluateRequest({ expression: 'anomalies', context: 'repl' });
    await c.evaluateRequest({ expression: 'len(inflight)', context: 'repl' });
  } finally {
    // Closing sends the final disconnect, which the transcript records too.
    await h.close();
  }
  return normalize(h.transcript, file);
}

describe.concurrent('golden DAP transcripts of the examples', () => {
  const files = examples();
  it('has examples to record', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  for (const file of files) {
    const name = relative(join(ROOT, 'examples'), file)
      .replace(/[\\/]/g, '__')
      .replace(/\.scenario\.ya?ml$/, '');
    it(`replays ${name} as recorded`, async () => {
      const actual = await transcript(file);
      const path = join(GOLDEN, `${name}.dap.json`);
      if (UPDATE || !existsSync(path)) {
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(path, `${JSON.stringify(actual, null, 1)}\n`);
        return;
      }
      expect(actual).toEqual(JSON.parse(readFileSync(path, 'utf8')));
    });
  }
});

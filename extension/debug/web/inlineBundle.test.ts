// The web extension runs the adapter inside a worker: no `process`, no `Buffer`, no Node modules.
// Bundle the inline adapter the way the web build must (aliases for `events` and `url`) and drive it
// in a bare VM context through handleMessage, as VS Code's inline implementation does.

import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const SCENARIO = `scenario: web
cluster:
  replication: leaderless
  nodes: [r1]
  n: 1
  w: 1
  r: 1
clients:
  c1: { node: r1 }
events:
  - { at: 0ms, client: c1, write: { key: cart, value: milk } }
  - { at: 5ms, client: c1, read: cart }
`;

interface Message {
  type: string;
  command?: string;
  event?: string;
  success?: boolean;
  body?: Record<string, unknown>;
}

describe('inline adapter in a browser-like worker', () => {
  it('bundles without Node built-ins and debugs a scenario through handleMessage', async () => {
    const out = await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: ['extension/debug/inlineAdapter.ts'],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'cjs',
      target: 'es2022',
      external: ['vscode'],
      alias: { events: './extension/debug/web/events.ts', url: './extension/debug/web/url.ts' },
      logLevel: 'silent',
    });
    const code = out.outputFiles[0]!.text;
    const vscode = {
      Uri: {
        file: (p: string) => ({ toString: () => `file://${p}` }),
        parse: (p: string) => ({ toString: () => p }),
      },
      workspace: {
        textDocuments: [{ uri: { toString: () => 'file:///w/web.scenario.yaml' }, getText: () => SCENARIO }],
        fs: { readFile: async () => new Uint8Array() },
      },
    };
    const module = { exports: {} as { createInlineAdapter?: () => unknown } };
    // Only what a web worker has: no process, Buffer, require of Node modules.
    runInNewContext(code, {
      module,
      exports: module.exports,
      require: (name: string) => {
        if (name === 'vscode') return vscode;
        throw new Error(`the web bundle requires ${name}`);
      },
      console,
      setTimeout,
      clearTimeout,
      queueMicrotask,
      URL,
      TextDecoder,
      TextEncoder,
      performance,
    });
    const adapter = module.exports.createInlineAdapter!() as {
      onDidSendMessage(l: (m: Message) => void): void;
      handleMessage(m: unknown): void;
      dispose(): void;
    };
    const got: Message[] = [];
    let waiting: { pred: (m: Message) => boolean; resolve: (m: Message) => void } | undefined;
    adapter.onDidSendMessage((m) => {
      got.push(m);
      if (waiting?.pred(m)) waiting.resolve(m);
    });
    const next = (pred: (m: Message) => boolean) =>
      new Promise<Message>((resolve) => {
        const found = got.find(pred);
        if (found) resolve(found);
        else waiting = { pred, resolve };
      });
    let seq = 1;
    const request = (command: string, args?: unknown) =>
      adapter.handleMessage({ seq: seq++, type: 'request', command, arguments: args });
    request('initialize', {
      adapterID: 'replication',
      pathFormat: 'path',
      linesStartAt1: true,
      columnsStartAt1: true,
    });
    request('launch', { scenario: '/w/web.scenario.yaml' });
    await next((m) => m.event === 'initialized');
    request('setBreakpoints', { source: { path: '/w/web.scenario.yaml' }, breakpoints: [{ line: 12 }] });
    request('configurationDone');
    const stopped = await next((m) => m.event === 'stopped');
    expect(stopped.body).toMatchObject({ reason: 'breakpoint' });
    request('evaluate', { expression: 'r1.cart == "milk"', context: 'repl' });
    const ev = await next((m) => m.command === 'evaluate');
    expect(ev.body).toMatchObject({ result: 'true' });
    adapter.dispose();
  });
});

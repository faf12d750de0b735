// The Test Explorer against the stand-in vscode: discovery, entries at their lines, runs that
// report each expectation, errors of invalid files, the debug profile and file watching.

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { COMMANDS } from '../debug/ids';
import { checkResults, resetCheckResults } from '../language/checkResults';
import { fakeContext, LEADERLESS } from '../language/testing/harness';
import {
  type StubController,
  type StubTestItem,
  stub,
  type TestMessage,
  TestRunProfileKind,
  TestRunRequest,
  TextDocument,
  Uri,
} from '../language/testing/vscodeStub';
import { activateTesting } from './activate';
import { outline } from './entries';

vi.mock('vscode', () => import('../language/testing/vscodeStub'));

const FAILING = LEADERLESS.replace('returns: [milk]', 'returns: [eggs]');
const INVALID = LEADERLESS.replace('crash: n3', 'crash: n9');
const token = () => ({ isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) });

let controller: StubController;

async function start(files: Record<string, string>): Promise<StubController> {
  for (const [p, text] of Object.entries(files)) stub.files.set(p, text);
  activateTesting(fakeContext() as never);
  controller = stub.controllers[0] as StubController;
  await controller.resolveHandler?.(undefined);
  return controller;
}

function item(id: string): StubTestItem {
  const [file, entry] = id.split('#');
  const f = controller.items.get(`file://${file}`);
  if (!f) throw new Error(`no item ${file}`);
  if (!entry) return f;
  const c = f.children.get(`file://${file}#${entry}`);
  if (!c) throw new Error(`no entry ${id}`);
  return c;
}

function states(run = controller.runs[0]) {
  return run?.states
    .filter((s) => s.state !== 'started')
    .map((s) => [s.item.replace('file:///w/', ''), s.state]);
}

async function runProfile(kind: TestRunProfileKind, include?: StubTestItem[]) {
  const profile = controller.profiles.find((p) => p.kind === kind);
  await profile?.runHandler(new TestRunRequest(include), token() as never);
}

beforeEach(() => {
  stub.reset();
  resetCheckResults();
});

describe('expect entries', () => {
  it('finds each entry with its place, flow and block style', () => {
    const text =
      'scenario: t\nexpect:\n  - converged\n  - { no: split-brain }\n  - op: r1\n    returns: [a]\n';
    expect(outline(text)).toEqual({
      title: 't',
      entries: [
        { line: 3, col: 5, endLine: 3, endCol: 14, text: 'converged' },
        { line: 4, col: 5, endLine: 4, endCol: 24, text: '{ no: split-brain }' },
        { line: 5, col: 5, endLine: 6, endCol: 17, text: 'op: r1 returns: [a]' },
      ],
    });
    expect(outline('not: [valid').entries).toEqual([]);
  });
});

describe('Test Explorer', () => {
  it('lists every scenario file by title with one child per expect entry at its line', async () => {
    await start({
      '/w/a.scenario.yaml': LEADERLESS,
      '/w/sub/b.scenario.yml': FAILING,
      '/w/notes.yaml': 'x: 1',
    });
    expect(controller.items.size).toBe(2);
    const a = item('/w/a.scenario.yaml');
    expect(a.label).toBe('Quorum');
    expect(a.description).toBe('a.scenario.yaml');
    const children = [...a.children].map(([, c]) => [c.label, c.range?.start.line, c.range?.start.character]);
    expect(children).toEqual([
      ['{ op: bob-reads, returns: [milk] }', 15, 4],
      ['{ no: stale-read }', 16, 4],
    ]);
  });

  it('runs a scenario and reports each entry, failures with the message at the entry’s line', async () => {
    await start({ '/w/a.scenario.yaml': LEADERLESS, '/w/f.scenario.yaml': FAILING });
    await runProfile(TestRunProfileKind.Run);
    expect(states()).toEqual(
      expect.arrayContaining([
        ['a.scenario.yaml#L16', 'passed'],
        ['a.scenario.yaml#L17', 'passed'],
        ['a.scenario.yaml', 'passed'],
        ['f.scenario.yaml#L16', 'failed'],
        ['f.scenario.yaml#L17', 'passed'],
        ['f.scenario.yaml', 'failed'],
      ]),
    );
    const failed = controller.runs[0]?.states.find(
      (s) => s.item.endsWith('f.scenario.yaml#L16') && s.state === 'failed',
    );
    const message = failed?.messages?.[0] as TestMessage;
    expect(String(message.message)).toMatch(/eggs/);
    expect(message.location?.uri.path).toBe('/w/f.scenario.yaml');
    expect(message.location?.range.start.line).toBe(15);
    expect(controller.runs[0]?.ended).toBe(true);
    // The status bar and CodeLens see the same results.
    expect(
      checkResults()
        .get(Uri.file('/w/f.scenario.yaml').toString())
        ?.expectations.map((e) => e.passed),
    ).toEqual([false, true]);
  });

  it('runs only the chosen entry', async () => {
    await start({ '/w/f.scenario.yaml': FAILING });
    await runProfile(TestRunProfileKind.Run, [item('/w/f.scenario.yaml#L17')]);
    expect(states()).toEqual([
      ['f.scenario.yaml#L17', 'passed'],
      ['f.scenario.yaml', 'passed'],
    ]);
  });

  it('runs every entry when the file is requested along with one of its entries', async () => {
    await start({ '/w/f.scenario.yaml': FAILING });
    await runProfile(TestRunProfileKind.Run, [item('/w/f.scenario.yaml#L17'), item('/w/f.scenario.yaml')]);
    expect(states()).toEqual([
      ['f.scenario.yaml#L16', 'failed'],
      ['f.scenario.yaml#L17', 'passed'],
      ['f.scenario.yaml', 'failed'],
    ]);
  });

  it('reports an invalid scenario as errored, with each error at its place', async () => {
    await start({ '/w/bad.scenario.yaml': INVALID });
    await runProfile(TestRunProfileKind.Run);
    const fileState = controller.runs[0]?.states.find(
      (s) => s.item === 'file:///w/bad.scenario.yaml' && s.state === 'errored',
    );
    const m = fileState?.messages?.[0] as TestMessage;
    expect(String(m.message)).toMatch(/n9/);
    expect(m.location?.range.start).toEqual({ line: 12, character: 22 });
    expect(states()?.filter(([id]) => id?.includes('#'))).toEqual([
      ['bad.scenario.yaml#L16', 'errored'],
      ['bad.scenario.yaml#L17', 'errored'],
    ]);
  });

  it('runs the unsaved text of an open editor', async () => {
    await start({ '/w/a.scenario.yaml': LEADERLESS });
    const doc = new TextDocument(Uri.file('/w/a.scenario.yaml'), FAILING);
    stub.documents.push(doc);
    await runProfile(TestRunProfileKind.Run);
    expect(states()).toContainEqual(['a.scenario.yaml#L16', 'failed']);
  });

  it('follows created, changed, deleted files and unsaved edits', async () => {
    await start({ '/w/a.scenario.yaml': LEADERLESS });
    const watcher = stub.watchers[0];
    expect(watcher?.glob).toBe('**/*.scenario.{yaml,yml}');
    stub.files.set('/w/new.scenario.yaml', LEADERLESS.replace('  - { no: stale-read }\n', ''));
    watcher?.create.fire(Uri.file('/w/new.scenario.yaml'));
    await vi.waitFor(() => expect(item('/w/new.scenario.yaml').children.size).toBe(1));
    stub.files.set('/w/new.scenario.yaml', LEADERLESS);
    watcher?.change.fire(Uri.file('/w/new.scenario.yaml'));
    await vi.waitFor(() => expect(item('/w/new.scenario.yaml').children.size).toBe(2));
    watcher?.delete.fire(Uri.file('/w/new.scenario.yaml'));
    expect(controller.items.get('file:///w/new.scenario.yaml')).toBeUndefined();
    const doc = new TextDocument(
      Uri.file('/w/a.scenario.yaml'),
      LEADERLESS.replace('expect:\n', 'expect:\n  - converged\n'),
    );
    stub.listeners.change.fire({ document: doc, contentChanges: [] });
    expect([...item('/w/a.scenario.yaml').children].map(([id]) => id.split('#')[1])).toEqual([
      'L16',
      'L17',
      'L18',
    ]);
  });

  it('debugs a scenario with the debugger’s command and reports the entries when the session ends', async () => {
    await start({ '/w/f.scenario.yaml': FAILING });
    stub.commands.set(COMMANDS.debug, () => true);
    const done = runProfile(TestRunProfileKind.Debug, [item('/w/f.scenario.yaml')]);
    await vi.waitFor(() => expect(stub.executed.map((e) => e.command)).toContain(COMMANDS.debug));
    expect((stub.executed.find((e) => e.command === COMMANDS.debug)?.args[0] as Uri | undefined)?.path).toBe(
      '/w/f.scenario.yaml',
    );
    expect(controller.runs[0]?.ended).toBe(false);
    stub.listeners.terminateDebug.fire({ type: 'other', configuration: { scenario: '/w/f.scenario.yaml' } });
    stub.listeners.terminateDebug.fire({
      type: 'replication',
      configuration: { scenario: '/w/f.scenario.yaml' },
    });
    await done;
    expect(states()).toEqual(
      expect.arrayContaining([
        ['f.scenario.yaml#L16', 'failed'],
        ['f.scenario.yaml#L17', 'passed'],
      ]),
    );
    expect(controller.runs[0]?.ended).toBe(true);
  });

  it('reports a debugger that did not start', async () => {
    await start({ '/w/a.scenario.yaml': LEADERLESS });
    stub.commands.set(COMMANDS.debug, () => false);
    await runProfile(TestRunProfileKind.Debug);
    expect(states()).toEqual([['a.scenario.yaml', 'errored']]);
  });
});

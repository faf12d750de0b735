// The last check of a scenario as the CodeLens, the status bar and Show Check Result present it.

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { registerCheckCommands } from './checkCommands';
import { type CheckResults, checkResults, resetCheckResults, summarize } from './checkResults';
import { ScenarioCodeLens } from './codeLens';
import { DEBUG_COMMANDS, LANGUAGE_COMMANDS } from './ids';
import { CheckStatusBar } from './statusBar';
import { LEADERLESS, openDoc } from './testing/harness';
import { type CodeLens, stub, ThemeColor } from './testing/vscodeStub';

vi.mock('vscode', () => import('./testing/vscodeStub'));

const FAILING = LEADERLESS.replace('returns: [milk]', 'returns: [eggs]');

let results: CheckResults;
beforeEach(() => {
  stub.reset();
  resetCheckResults();
  results = checkResults();
});

describe('check results', () => {
  it('summarizes passes, failures and invalid files as the status bar shows them', () => {
    const base = { uri: 'u', errors: [], anomalies: [], ms: 1 };
    const e = (passed: boolean) => ({ line: 1, text: 't', passed, message: 'm' });
    expect(summarize({ ...base, expectations: [e(true), e(true), e(true), e(true)] }).text).toBe(
      '✓ 4/4 expectations',
    );
    expect(summarize({ ...base, expectations: [e(true), e(false), e(true), e(true)] })).toEqual({
      text: '✗ 1 of 4 failed',
      ok: false,
    });
    expect(summarize({ ...base, errors: [{ line: 1, col: 1, message: 'x' }], expectations: [] }).text).toBe(
      '✗ invalid: 1 error',
    );
    expect(
      summarize({ ...base, expectations: [], anomalies: [{ kind: 'conflict', explain: '' }] }).text,
    ).toBe('✓ ran, no expectations, 1 anomaly');
  });
});

describe('CodeLens', () => {
  it('puts Run, Debug, Show Timeline and the check on the scenario line', () => {
    const { doc } = openDoc('/w/q.scenario.yaml', `# a comment\n${LEADERLESS}`);
    const lenses = new ScenarioCodeLens(results).provideCodeLenses(doc as never) as unknown as CodeLens[];
    expect(lenses.map((l) => l.range.start.line)).toEqual([1, 1, 1, 1]);
    expect(lenses.map((l) => [l.command?.title, l.command?.command])).toEqual([
      ['▶ Run', DEBUG_COMMANDS.run],
      ['Debug', DEBUG_COMMANDS.debug],
      ['Show Timeline', LANGUAGE_COMMANDS.showTimeline],
      ['$(beaker) Check expectations', LANGUAGE_COMMANDS.showCheckResult],
    ]);
    expect(lenses.every((l) => l.command?.arguments?.[0] === doc.uri)).toBe(true);
  });

  it('shows the last check result, and when the file changed since', async () => {
    const { doc } = openDoc('/w/q.scenario.yaml', FAILING);
    const provider = new ScenarioCodeLens(results);
    let changes = 0;
    provider.onDidChangeCodeLenses(() => changes++);
    registerCheckCommands(results);
    await stub.commands.get(LANGUAGE_COMMANDS.checkScenario)?.(doc.uri);
    expect(changes).toBe(1);
    const title = () =>
      (provider.provideCodeLenses(doc as never) as unknown as CodeLens[])[3]?.command?.title;
    expect(title()).toBe('✗ 1 of 2 failed');
    doc.setText(LEADERLESS);
    expect(title()).toBe('✗ 1 of 2 failed (edited since)');
  });
});

describe('status bar and Show Check Result', () => {
  it('shows the active scenario’s last check and hides for other files', async () => {
    const { doc } = openDoc('/w/q.scenario.yaml', LEADERLESS);
    stub.activeEditor = { document: doc };
    const bar = new CheckStatusBar(results);
    expect(bar.item.text).toBe('$(beaker) Check scenario');
    registerCheckCommands(results);
    await stub.commands.get(LANGUAGE_COMMANDS.checkScenario)?.();
    expect(bar.item.text).toBe('✓ 2/2 expectations');
    expect(bar.item.backgroundColor).toBeUndefined();
    const { doc: failing } = openDoc('/w/f.scenario.yaml', FAILING);
    stub.activeEditor = { document: failing };
    stub.listeners.activeEditor.fire(stub.activeEditor);
    expect(bar.item.text).toBe('$(beaker) Check scenario');
    stub.listeners.save.fire(failing);
    expect(bar.item.text).toBe('✗ 1 of 2 failed');
    expect(bar.item.backgroundColor).toEqual(new ThemeColor('statusBarItem.errorBackground'));
    const { doc: md } = openDoc('/w/readme.md', '# hi');
    Object.assign(md, { languageId: 'markdown' });
    stub.activeEditor = { document: md };
    stub.listeners.activeEditor.fire(stub.activeEditor);
    expect((bar.item as unknown as { visible: boolean }).visible).toBe(false);
  });

  it('checks on save unless the setting turns it off', () => {
    const { doc } = openDoc('/w/q.scenario.yaml', LEADERLESS);
    registerCheckCommands(results);
    stub.settings.set('replicationDebugger.checkOnSave', false);
    stub.listeners.save.fire(doc);
    expect(results.get(doc.uri.toString())).toBeUndefined();
    stub.settings.set('replicationDebugger.checkOnSave', true);
    stub.listeners.save.fire(doc);
    expect(results.get(doc.uri.toString())?.expectations.length).toBe(2);
  });

  it('lists each expectation with its message and jumps to the picked one', async () => {
    const { doc } = openDoc('/w/f.scenario.yaml', FAILING);
    registerCheckCommands(results);
    stub.pickAnswer = (items) => items.find((i) => (i as { label: string }).label.startsWith('$(error)'));
    await stub.commands.get(LANGUAGE_COMMANDS.showCheckResult)?.(doc.uri);
    const items = stub.quickPicks[0]?.items as { label: string; detail?: string; line?: number }[];
    expect(items.map((i) => i.label)).toEqual([
      '$(error) { op: bob-reads, returns: [eggs] }',
      '$(pass) { no: stale-read }',
    ]);
    expect(items[0]?.line).toBe(16);
    expect(items[0]?.detail).toMatch(/eggs/);
    expect(stub.shown).toEqual([doc]);
  });

  it('lists the errors of an invalid scenario instead of running it', async () => {
    const { doc } = openDoc('/w/bad.scenario.yaml', LEADERLESS.replace('crash: n3', 'crash: n9'));
    registerCheckCommands(results);
    await stub.commands.get(LANGUAGE_COMMANDS.showCheckResult)?.(doc.uri);
    const items = stub.quickPicks[0]?.items as { label: string; detail?: string }[];
    expect(items).toEqual([
      expect.objectContaining({ label: '$(error) line 13', detail: expect.stringMatching(/n9/) }),
    ]);
    expect(results.get(doc.uri.toString())?.errors.length).toBe(1);
  });
});

// Live diagnostics and quick fixes through their providers, against the stand-in vscode.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatDiagnostic } from '../../engine/scenario/diagnostics';
import { parseScenario } from '../../engine/scenario/parse';
import { ScenarioCodeActions } from './codeActions';
import { DEBOUNCE_MS, ScenarioDiagnostics } from './diagnostics';
import { applyEdit, openDoc } from './testing/harness';
import {
  CodeActionKind,
  type Diagnostic,
  DiagnosticSeverity,
  Range,
  stub,
  type TextDocument,
  type WorkspaceEdit,
} from './testing/vscodeStub';

vi.mock('vscode', () => import('./testing/vscodeStub'));

const BROKEN = `scenario: t
cluster:
  replicaton: leaderless
  nodes: [a, b]
clients:
  alice: { node: a }
events:
  - { at: 0ms, client: bob, write: { key: k, value: 1 } }
  - { at: 1ms, crash: c }
`;

function shown(doc: TextDocument): Diagnostic[] {
  return stub.diagnostics.get('replication-scenario')?.get(doc.uri.toString()) ?? [];
}

beforeEach(() => stub.reset());
afterEach(() => vi.useRealTimers());

describe('live diagnostics', () => {
  it('shows exactly the CLI messages at the CLI positions', () => {
    const { doc } = openDoc('/w/broken.scenario.yaml', BROKEN);
    const diagnostics = new ScenarioDiagnostics();
    const cli = parseScenario(BROKEN, 'broken.scenario.yaml').diagnostics;
    const ours = shown(doc);
    expect(ours.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`)).toEqual(
      cli.map((d) => formatDiagnostic({ ...d, file: undefined }).replace(/: (error|warning|info):/, ':')),
    );
    expect(ours.every((d) => d.source === 'replication-scenario')).toBe(true);
    expect(ours.map((d) => d.code)).toContain('unknown-key');
    diagnostics.dispose();
  });

  it('maps warnings to warnings and errors to errors', () => {
    const text = `scenario: t\ncluster:\n  replication: leaderless\n  nodes: [a, b, c]\n  n: 3\n  w: 1\n  r: 1\nevents:\n  - { at: 0ms, write: { key: k, value: 1 } }\n`;
    const { doc } = openDoc('/w/weak.scenario.yaml', text);
    const cli = parseScenario(text).diagnostics;
    expect(cli.some((d) => d.severity === 'warning')).toBe(true);
    new ScenarioDiagnostics();
    expect(shown(doc).map((d) => d.severity)).toEqual(
      cli.map((d) =>
        d.severity === 'error'
          ? DiagnosticSeverity.Error
          : d.severity === 'warning'
            ? DiagnosticSeverity.Warning
            : DiagnosticSeverity.Information,
      ),
    );
  });

  it('passes related places as related information', () => {
    const text = `scenario: t\ncluster:\n  replication: leaderless\n  nodes: [a]\nevents:\n  - { at: 10ms, write: { key: k, value: 1 } }\n  - { at: 5ms, write: { key: k, value: 2 } }\n`;
    const cli = parseScenario(text).diagnostics.filter((d) => d.related?.length);
    expect(cli.length).toBeGreaterThan(0);
    const { doc } = openDoc('/w/related.scenario.yaml', text);
    new ScenarioDiagnostics();
    const withRelated = shown(doc).filter((d) => d.relatedInformation?.length);
    expect(withRelated.length).toBe(cli.length);
    for (const [i, d] of withRelated.entries()) {
      const r = cli[i]?.related?.[0];
      expect(d.relatedInformation?.[0]?.message).toBe(r?.message);
      expect(d.relatedInformation?.[0]?.location.range.start.line).toBe((r?.range.line ?? 0) - 1);
      expect(d.relatedInformation?.[0]?.location.uri).toBe(doc.uri);
    }
  });

  it('waits for a pause in typing before checking again', () => {
    vi.useFakeTimers();
    const { doc } = openDoc('/w/typing.scenario.yaml', BROKEN);
    new ScenarioDiagnostics();
    const before = shown(doc).length;
    expect(before).toBeGreaterThan(0);
    doc.setText(
      BROKEN.replace('replicaton', 'replication').replace('bob', 'alice').replace('crash: c', 'crash: b'),
    );
    stub.listeners.change.fire({ document: doc, contentChanges: [] });
    vi.advanceTimersByTime(DEBOUNCE_MS - 10);
    expect(shown(doc).length).toBe(before);
    stub.listeners.change.fire({ document: doc, contentChanges: [] });
    vi.advanceTimersByTime(DEBOUNCE_MS - 10);
    expect(shown(doc).length).toBe(before);
    vi.advanceTimersByTime(20);
    expect(shown(doc)).toEqual([]);
  });

  it('checks the documents already open on the next turn when deferred (activation stays short)', () => {
    vi.useFakeTimers();
    const { doc } = openDoc('/w/open.scenario.yaml', BROKEN);
    const diagnostics = new ScenarioDiagnostics(DEBOUNCE_MS, 'deferred');
    expect(shown(doc)).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(shown(doc).length).toBeGreaterThan(0);
    diagnostics.dispose();
  });

  it('does not check after being disposed before its deferred first pass', () => {
    vi.useFakeTimers();
    openDoc('/w/early.scenario.yaml', BROKEN);
    const diagnostics = new ScenarioDiagnostics(DEBOUNCE_MS, 'deferred');
    diagnostics.dispose();
    vi.advanceTimersByTime(0);
    expect(stub.diagnostics.get('replication-scenario')?.size ?? 0).toBe(0);
  });

  it('clears a closed document and ignores other languages', () => {
    const { doc } = openDoc('/w/gone.scenario.yaml', BROKEN);
    new ScenarioDiagnostics();
    expect(shown(doc).length).toBeGreaterThan(0);
    stub.listeners.close.fire(doc);
    expect(shown(doc)).toEqual([]);
    const { doc: other } = openDoc('/w/notes.md', 'hello');
    Object.assign(other, { languageId: 'markdown' });
    stub.listeners.open.fire(other);
    expect(stub.diagnostics.get('replication-scenario')?.has(other.uri.toString())).toBe(false);
  });
});

describe('quick fixes', () => {
  function fixesAt(doc: TextDocument, line: number, character: number) {
    new ScenarioDiagnostics();
    const at = new Range(line, character, line, character);
    const context = {
      diagnostics: shown(doc).filter((d) => d.range.contains(at)),
      triggerKind: 1,
      only: undefined,
    };
    return new ScenarioCodeActions().provideCodeActions(doc as never, at as never, context as never);
  }

  it('renames a misspelt key to the suggestion', () => {
    const { doc } = openDoc('/w/fix.scenario.yaml', BROKEN);
    const [action, ...rest] = fixesAt(doc, 2, 4);
    expect(rest).toEqual([]);
    expect(action?.title).toBe('Change to replication');
    expect(action?.kind).toBe(CodeActionKind.QuickFix);
    expect(action?.isPreferred).toBe(true);
    expect(action?.diagnostics?.[0]?.code).toBe('unknown-key');
    const fixed = applyEdit(doc, action?.edit as unknown as WorkspaceEdit);
    expect(fixed).toContain('  replication: leaderless');
    expect(parseScenario(fixed).diagnostics.some((d) => d.code === 'unknown-key')).toBe(false);
  });

  it('adds a missing client under clients', () => {
    const { doc } = openDoc('/w/client.scenario.yaml', BROKEN);
    const [action] = fixesAt(doc, 7, 24);
    expect(action?.title).toBe('Add client `bob` to clients');
    const fixed = applyEdit(doc, action?.edit as unknown as WorkspaceEdit);
    expect(fixed).toContain('  alice: { node: a }\n  bob: { node: a }\n');
    expect(parseScenario(fixed).diagnostics.some((d) => d.code === 'undeclared-client')).toBe(false);
  });

  it('offers a did-you-mean node rename and nothing where nothing is wrong', () => {
    const { doc } = openDoc('/w/node.scenario.yaml', BROKEN);
    expect(fixesAt(doc, 8, 22).map((a) => a.title)).toEqual(['Change to a']);
    expect(fixesAt(doc, 0, 2)).toEqual([]);
  });
});

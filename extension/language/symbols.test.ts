// Go to definition, references and rename of ids through the providers.

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ScenarioSymbols } from './symbols';
import { applyEdit, LEADERLESS, openDoc } from './testing/harness';
import {
  type DocumentHighlight,
  DocumentHighlightKind,
  type Location,
  stub,
  type WorkspaceEdit,
} from './testing/vscodeStub';

vi.mock('vscode', () => import('./testing/vscodeStub'));

const WITH_LINK = `${LEADERLESS.replace('clients:', 'network:\n  links:\n    "n1 -> n3": { latency: 5ms }\nclients:')}`;

beforeEach(() => stub.reset());

describe('ids', () => {
  it('goes from a client use to its declaration', () => {
    const { doc, at } = openDoc('/w/s.scenario.yaml', LEADERLESS.replace('client: bob', 'client: b|ob'));
    const [loc] = new ScenarioSymbols().provideDefinition(doc as never, at as never) as unknown as Location[];
    expect(loc?.range.start).toEqual({ line: 9, character: 2 });
  });

  it('lists every reference of a node, in links too', () => {
    const { doc, at } = openDoc('/w/s.scenario.yaml', WITH_LINK.replace('crash: n3', 'crash: |n3'));
    const refs = new ScenarioSymbols().provideReferences(
      doc as never,
      at as never,
      {
        includeDeclaration: true,
      } as never,
    ) as unknown as Location[];
    expect(
      refs.map((r) =>
        doc.lineAt(r.range.start.line).text.slice(r.range.start.character, r.range.end.character),
      ),
    ).toEqual(['n3', 'n3', 'n3']);
  });

  it('highlights every occurrence, the declaration as a write', () => {
    const { doc, at } = openDoc('/w/s.scenario.yaml', LEADERLESS.replace('client: alice', 'client: al|ice'));
    const hs = new ScenarioSymbols().provideDocumentHighlights(
      doc as never,
      at as never,
    ) as unknown as DocumentHighlight[];
    expect(hs.map((h) => [h.range.start.line, h.kind])).toEqual([
      [8, DocumentHighlightKind.Write],
      [11, DocumentHighlightKind.Read],
    ]);
  });

  it('renames a node everywhere it is used', () => {
    const { doc, at } = openDoc('/w/s.scenario.yaml', WITH_LINK.replace('crash: n3', 'crash: |n3'));
    const symbols = new ScenarioSymbols();
    expect(symbols.prepareRename(doc as never, at as never).placeholder).toBe('n3');
    const edit = symbols.provideRenameEdits(doc as never, at as never, 'backup') as unknown as WorkspaceEdit;
    const renamed = applyEdit(doc, edit);
    expect(renamed).toContain('nodes: [n1, n2, backup]');
    expect(renamed).toContain('"n1 -> backup"');
    expect(renamed).toContain('crash: backup');
    expect(renamed).not.toMatch(/\bn3\b/);
  });

  it('refuses a rename to a taken name or a non-id', () => {
    const { doc, at } = openDoc('/w/s.scenario.yaml', LEADERLESS.replace('crash: n3', 'crash: |n3'));
    const symbols = new ScenarioSymbols();
    expect(() => symbols.provideRenameEdits(doc as never, at as never, 'alice')).toThrow(
      /already declared on line 9/,
    );
    expect(() => symbols.provideRenameEdits(doc as never, at as never, '3x')).toThrow(/not an id/);
  });

  it('renames an operation id in its expectation', () => {
    const { doc, at } = openDoc('/w/s.scenario.yaml', LEADERLESS.replace('op: bob-reads', 'op: bob-|reads'));
    const renamed = applyEdit(
      doc,
      new ScenarioSymbols().provideRenameEdits(doc as never, at as never, 'r2') as never,
    );
    expect(renamed).toContain('read: cart, id: r2 }');
    expect(renamed).toContain('{ op: r2, returns: [milk] }');
  });
});

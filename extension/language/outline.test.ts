// The outline of a scenario: sections, nodes, clients, events and expectations.

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ScenarioOutline } from './outline';
import { LEADERLESS, openDoc } from './testing/harness';
import { type DocumentSymbol, SymbolKind, stub } from './testing/vscodeStub';

vi.mock('vscode', () => import('./testing/vscodeStub'));

beforeEach(() => stub.reset());

function outline(text: string): DocumentSymbol[] {
  const { doc } = openDoc('/w/o.scenario.yaml', text);
  return new ScenarioOutline().provideDocumentSymbols(doc as never) as unknown as DocumentSymbol[];
}

describe('outline', () => {
  it('lists sections with their nodes, clients, events and expectations', () => {
    const symbols = outline(LEADERLESS);
    expect(symbols.map((s) => s.name)).toEqual(['scenario', 'cluster', 'clients', 'events', 'expect']);
    expect(symbols[0]?.detail).toBe('Quorum');
    const byName = (n: string) => symbols.find((s) => s.name === n);
    expect(byName('cluster')?.children.map((c) => c.name)).toEqual(['n1', 'n2', 'n3']);
    expect(byName('clients')?.children.map((c) => c.name)).toEqual(['alice', 'bob']);
    expect(byName('events')?.children.map((c) => c.name)).toEqual([
      'at 0ms: alice write { key: cart, value: milk }',
      'at 5ms: crash n3',
      'at 10ms: bob read cart',
    ]);
    expect(byName('events')?.children[1]?.kind).toBe(SymbolKind.Event);
    expect(byName('expect')?.children.map((c) => c.name)).toEqual([
      '{ op: bob-reads, returns: [milk] }',
      '{ no: stale-read }',
    ]);
    const crash = byName('events')?.children[1];
    expect([crash?.range.start.line, crash?.range.start.character, crash?.range.end.character]).toEqual([
      12, 4, 26,
    ]);
  });

  it('gives nothing for a file that is not a map', () => {
    expect(outline('- just\n- a list\n')).toEqual([]);
    expect(outline('')).toEqual([]);
  });
});

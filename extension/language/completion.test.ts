// biome-ignore-all lint/suspicious/noTemplateCurlyInString: snippet syntax, not templates
// Completion through the provider: schema keys and docs, enum values, declared ids, event snippets.

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ScenarioCompletion } from './completion';
import { LEADERLESS, openDoc } from './testing/harness';
import {
  type CompletionItem,
  CompletionItemKind,
  type MarkdownString,
  SnippetString,
  stub,
} from './testing/vscodeStub';

vi.mock('vscode', () => import('./testing/vscodeStub'));

function complete(text: string): CompletionItem[] {
  const { doc, at } = openDoc('/w/c.scenario.yaml', text);
  return new ScenarioCompletion().provideCompletionItems(
    doc as never,
    at as never,
  ) as unknown as CompletionItem[];
}
const labels = (items: CompletionItem[]) => items.map((i) => i.label);

beforeEach(() => stub.reset());

describe('completion', () => {
  it('offers the keys of the cluster valid for its family, with docs, minus those written', () => {
    const items = complete(LEADERLESS.replace('  r: 2\n', '  r: 2\n  |\n'));
    const l = labels(items);
    expect(l).toEqual(expect.arrayContaining(['readRepair', 'sloppyQuorum', 'versioning', 'coordinator']));
    expect(l).not.toContain('w');
    expect(l).not.toContain('nodes');
    expect(l).not.toContain('semiSync'); // single-leader only
    const repair = items.find((i) => i.label === 'readRepair');
    expect(repair?.kind).toBe(CompletionItemKind.Property);
    expect(repair?.detail).toMatch(/\w/);
    expect((repair?.documentation as MarkdownString | undefined)?.value).toContain(repair?.detail);
    expect(repair?.insertText).toBe('readRepair: ');
  });

  it('offers the top-level sections', () => {
    const l = labels(complete('scenario: t\n|'));
    expect(l).toEqual(expect.arrayContaining(['cluster', 'events', 'expect', 'network', 'clients']));
    expect(l).not.toContain('scenario');
  });

  it('offers enum values with their docs', () => {
    const items = complete(LEADERLESS.replace('  r: 2\n', '  r: 2\n  versioning: |\n'));
    expect(labels(items)).toEqual(
      expect.arrayContaining(['version-numbers', 'version-vectors', 'dotted-version-vectors', 'timestamps']),
    );
    expect(items.every((i) => i.kind === CompletionItemKind.EnumMember && i.detail)).toBe(true);
  });

  it('offers declared nodes where a node is expected', () => {
    const items = complete(LEADERLESS.replace('crash: n3', 'crash: |'));
    expect(labels(items)).toEqual(['n1', 'n2', 'n3']);
    expect(items[0]?.detail).toBe('node declared on line 4');
  });

  it('offers declared clients, keys and operation ids where each is expected', () => {
    expect(labels(complete(LEADERLESS.replace('client: bob', 'client: |')))).toEqual(['alice', 'bob']);
    expect(labels(complete(LEADERLESS.replace('read: cart', 'read: |')))).toEqual(['cart']);
    expect(labels(complete(LEADERLESS.replace('op: bob-reads', 'op: |')))).toEqual(['w1', 'bob-reads']);
  });

  it('replaces only the id under the cursor inside a link', () => {
    const text = LEADERLESS.replace(
      'clients:',
      'network:\n  links:\n    "n1 -> n|": { latency: 5ms }\nclients:',
    );
    const items = complete(text);
    expect(labels(items)).toEqual(expect.arrayContaining(['n1', 'n2', 'n3', 'alice', 'bob']));
    expect(items[0]?.range?.start.character).toBe(11);
    expect(items[0]?.range?.end.character).toBe(12);
  });

  it('offers event snippets that choose among the declared clients and nodes', () => {
    const items = complete(LEADERLESS.replace('expect:', '  |\nexpect:'));
    const write = items.find((i) => i.label === 'write event');
    expect(write?.kind).toBe(CompletionItemKind.Snippet);
    expect(write?.insertText).toBeInstanceOf(SnippetString);
    expect((write?.insertText as SnippetString | undefined)?.value).toBe(
      '- { at: ${1:0ms}, client: ${2|alice,bob|}, write: { key: ${3|cart|}, value: ${4:value} } }',
    );
    const crash = items.find((i) => i.label === 'crash event');
    expect((crash?.insertText as SnippetString | undefined)?.value).toBe(
      '- { at: ${1:10ms}, crash: ${2|n1,n2,n3|} }',
    );
    expect(labels(items)).not.toContain('cluster');
  });

  it('leaves the dash out of a snippet typed after one', () => {
    const items = complete(LEADERLESS.replace('expect:', '  - |\nexpect:'));
    const heal = items.find((i) => i.label === 'heal event');
    expect((heal?.insertText as SnippetString | undefined)?.value).toBe('{ at: ${1:50ms}, heal: all }');
  });
});

// Hovers through the provider: settings, the quorum condition, anomalies and ids.

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ScenarioHover } from './hover';
import { LEADERLESS, openDoc } from './testing/harness';
import { type Hover, type MarkdownString, stub } from './testing/vscodeStub';

vi.mock('vscode', () => import('./testing/vscodeStub'));

function hover(text: string): string | undefined {
  const { doc, at } = openDoc(`/w/h${Math.random()}.scenario.yaml`, text);
  const h = new ScenarioHover().provideHover(doc as never, at as never) as unknown as Hover | undefined;
  return h ? (h.contents as MarkdownString).value : undefined;
}

beforeEach(() => stub.reset());

describe('hover', () => {
  it('explains w and says that w + r > n holds for this file', () => {
    const md = hover(LEADERLESS.replace('  w: 2', '  |w: 2'));
    expect(md).toMatch(/write/i);
    expect(md).toContain('w + r > n holds here** (2 + 2 > 3)');
  });

  it('says when w + r > n does not hold and what that means', () => {
    const md = hover(LEADERLESS.replace('  r: 2', '  |r: 1').replace('  w: 2', '  w: 1'));
    expect(md).toContain('does not hold here** (1 + 1 ≤ 3)');
    expect(md).toContain('stale reads are possible');
  });

  it('still tells whether w + r > n holds while another part of the file is broken', () => {
    const md = hover(
      LEADERLESS.replace('  w: 2', '  |w: 1').replace('  r: 2', '  r: 1').replace('crash: n3', 'crash: n9'),
    );
    expect(md).toContain('does not hold here** (1 + 1 ≤ 3)');
  });

  it('explains an anomaly name', () => {
    expect(hover(LEADERLESS.replace('no: stale-read', 'no: stale-|read'))).toBe(
      '**anomaly** `stale-read`: A read returned a value older than one already acknowledged before the read began.',
    );
  });

  it('shows where a node is declared', () => {
    const md = hover(LEADERLESS.replace('crash: n3', 'crash: n|3'));
    expect(md).toContain('**node** `n3`');
    expect(md).toContain('Declared on line 4');
    expect(md).toContain('nodes: [n1, n2, n3]');
    expect(md).toContain('Used 1 time.');
  });

  it('shows a client with where it connects', () => {
    const md = hover(LEADERLESS.replace('client: bob', 'client: b|ob'));
    expect(md).toContain('**client** `bob` — connects to `n2`');
    expect(md).toContain('bob: { node: n2 }');
  });

  it('explains a setting and an enum value in a sentence', () => {
    expect(hover(LEADERLESS.replace('replication: leaderless', 'replication: leader|less'))).toMatch(
      /^`leaderless`: Dynamo-style/,
    );
    expect(hover(LEADERLESS.replace('  nodes:', '  no|des:'))).toMatch(/\w+/);
    expect(hover('scenario: t\n\n|\n')).toBeUndefined();
  });
});

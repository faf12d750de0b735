// `writeFanout: quorum`: each write goes to w homes chosen at random, silent ones are replaced by
// spare homes before any sloppy fallback, and only read repair or anti-entropy reach the rest.

import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import type { LeaderlessConfig } from '../../scenario/model';
import { leaderlessScenario, type TestItem } from './testScenario';

type Settings = Partial<Omit<LeaderlessConfig, 'nodes' | 'replication'>>;

function run(nodes: string[], cluster: Settings, items: TestItem[], seed = 1) {
  const scenario = leaderlessScenario({
    nodes,
    cluster: { placement: 'all', writeFanout: 'quorum', readRepair: false, ...cluster },
    clients: [{ id: 'alice', node: nodes[0]! }],
    items,
    latency: { kind: 'uniform', min: 1, max: 5 },
    seed,
  });
  const { trace } = runScenario(scenario);
  const events = [...trace.events()];
  const notes = events.filter((e) => e.kind === 'note').map((e) => e.text ?? '');
  const results = events.filter((e) => e.kind === 'response').map((e) => e.result);
  /** The nodes whose data holds `key`. */
  const holders = (key: string) => nodes.filter((n) => (trace.final[n]?.data[key] ?? []).length > 0);
  return { trace, notes, results, holders };
}

const writes = (count: number, start = 10): TestItem[] =>
  Array.from({ length: count }, (_, i) => ({
    at: start + 20 * i,
    client: 'alice',
    id: `w${i}`,
    action: { kind: 'write', key: `k${i}`, value: i },
  }));

describe('write fan-out to a random quorum', () => {
  const five = ['n1', 'n2', 'n3', 'n4', 'n5'];

  it('puts each write on exactly w homes, every w-subset about equally often', () => {
    const count = 1000;
    const { results, holders, notes } = run(five, { n: 5, w: 2, r: 1, coordinator: 'client' }, writes(count));
    expect(results.every((r) => r?.ok)).toBe(true);
    const counts = new Map<string, number>();
    for (let i = 0; i < count; i++) {
      const on = holders(`k${i}`);
      expect(on).toHaveLength(2);
      counts.set(on.join(','), (counts.get(on.join(',')) ?? 0) + 1);
    }
    // All C(5,2) = 10 pairs, and a chi-square statistic (9 degrees of freedom) far below 40
    // (p < 1e-5): a bias toward the first homes of the list would give hundreds.
    expect(counts.size).toBe(10);
    const expected = count / 10;
    const chi2 = [...counts.values()].reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(40);
    expect(notes.filter((t) => t.startsWith('quorum fan-out: writing to '))).toHaveLength(count);
  });

  it('with w = n writes every home and says nothing about a choice', () => {
    const { holders, notes } = run(['n1', 'n2', 'n3'], { n: 3, w: 3, r: 1 }, writes(5));
    for (let i = 0; i < 5; i++) expect(holders(`k${i}`)).toEqual(['n1', 'n2', 'n3']);
    expect(notes.some((t) => t.startsWith('quorum fan-out'))).toBe(false);
  });

  it('replaces a silent chosen home by a spare home, then leaves the suspected home out', () => {
    const items: TestItem[] = [{ at: 0, fault: { kind: 'crash', node: 'n2', disk: 'kept' } }, ...writes(20)];
    const { results, holders, notes } = run(['n1', 'n2', 'n3', 'n4'], { n: 4, w: 2, r: 1 }, items);
    expect(results.every((r) => r?.ok)).toBe(true);
    for (let i = 0; i < 20; i++) {
      expect(holders(`k${i}`)).toHaveLength(2);
      expect(holders(`k${i}`)).not.toContain('n2');
    }
    const replaced = notes.filter((t) =>
      /^quorum fan-out: n2 does not answer, writing to n\d instead$/.test(t),
    );
    expect(replaced.length).toBeGreaterThan(0);
    expect(notes.some((t) => t.startsWith('sloppy quorum'))).toBe(false);
    // Once n2 is suspected, later writes choose among the healthy homes at once.
    const suspected = notes.findIndex((t) => t.includes('does not answer'));
    const later = notes.slice(suspected).filter((t) => t.startsWith('quorum fan-out: writing to'));
    expect(later.length).toBeGreaterThan(5);
    expect(later.filter((t) => t.includes('n2'))).toEqual([]);
  });

  it('without a sloppy quorum, fails with the reason when no home is left to write to', () => {
    const items: TestItem[] = [
      { at: 0, fault: { kind: 'crash', node: 'n2', disk: 'kept' } },
      { at: 0, fault: { kind: 'crash', node: 'n3', disk: 'kept' } },
      { at: 10, client: 'alice', id: 'w', action: { kind: 'write', key: 'k', value: 1 } },
    ];
    const { results, notes } = run(['n1', 'n2', 'n3'], { n: 3, w: 2, r: 1 }, items);
    expect(results[0]).toMatchObject({ ok: false, error: 'quorum not reached: 1 of 2 acks' });
    expect(notes.some((t) => /^quorum fan-out: n\d does not answer and no other home is left/.test(t))).toBe(
      true,
    );
  });

  it('with a sloppy quorum, hints for a chosen home only once no spare home answers, and hands it off', () => {
    // Homes n1..n3 (n4 is the fallback); n2 and n3 are down, so at most n1 is a healthy home.
    const items: TestItem[] = [
      { at: 0, fault: { kind: 'crash', node: 'n2', disk: 'kept' } },
      { at: 0, fault: { kind: 'crash', node: 'n3', disk: 'kept' } },
      { at: 10, client: 'alice', id: 'w', action: { kind: 'write', key: 'k', value: 1 } },
      { at: 500, fault: { kind: 'recover', node: 'n2' } },
      { at: 500, fault: { kind: 'recover', node: 'n3' } },
    ];
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const { results, notes, holders, trace } = run(
        ['n1', 'n2', 'n3', 'n4'],
        { n: 3, w: 2, r: 1, sloppyQuorum: true, hintedHandoff: 50 },
        items,
        seed,
      );
      expect(results[0]?.ok).toBe(true);
      const hint = notes.find((t) => t.startsWith('sloppy quorum:'));
      expect(hint).toMatch(/^sloppy quorum: (n2|n3) down, writing to n4 with a hint for \1$/);
      // The hinted home got the write back; the home never chosen did not: two homes hold it.
      const hintedHome = hint!.slice(-2);
      expect(holders('k').filter((n) => n !== 'n4')).toEqual(['n1', hintedHome].sort());
      expect(trace.final.n4?.fields.hints).toEqual([]);
    }
  });

  it('lets read repair bring the homes a write skipped up to date', () => {
    const items: TestItem[] = [
      { at: 10, client: 'alice', id: 'w', action: { kind: 'write', key: 'k', value: 1 } },
      { at: 100, client: 'alice', id: 'r', action: { kind: 'read', key: 'k' } },
    ];
    const { holders, notes } = run(['n1', 'n2', 'n3'], { n: 3, w: 1, r: 3, readRepair: true }, items);
    expect(holders('k')).toEqual(['n1', 'n2', 'n3']);
    expect(notes.filter((t) => t.startsWith('read repair: '))).toHaveLength(2);
  });

  it('lets anti-entropy bring the homes a write skipped up to date', () => {
    const { holders } = run(['n1', 'n2', 'n3'], { n: 3, w: 1, r: 1, antiEntropy: 30 }, writes(4));
    for (let i = 0; i < 4; i++) expect(holders(`k${i}`)).toEqual(['n1', 'n2', 'n3']);
  });

  it('without read repair or anti-entropy, leaves the run diverged', () => {
    const { holders, trace } = run(['n1', 'n2', 'n3'], { n: 3, w: 1, r: 1 }, writes(1));
    expect(holders('k0')).toHaveLength(1);
    expect(trace.anomalies.map((a) => a.kind)).toEqual(['divergence']);
  });
});

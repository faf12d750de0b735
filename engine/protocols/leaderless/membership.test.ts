import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import { Ring } from './ring';
import { leaderlessScenario, type TestItem } from './testScenario';

describe('a node joining the ring', () => {
  it('receives the keys it is now a home for, and the old holders let them go', () => {
    const keys = ['a', 'b', 'c', 'x', 'profile', 'cart', 'stock'];
    const items: TestItem[] = keys.map((key, i) => ({
      at: i,
      client: 'alice',
      action: { kind: 'write', key, value: i },
    }));
    items.push({ at: 20, fault: { kind: 'addNode', id: 'n4', as: 'replica', engineVersion: 1 } });
    const scenario = leaderlessScenario({
      nodes: ['n1', 'n2', 'n3'],
      cluster: { n: 2, w: 1, r: 1 },
      clients: [{ id: 'alice', node: 'n1' }],
      items,
    });
    const { trace } = runScenario(scenario);
    const ring = new Ring(['n1', 'n2', 'n3', 'n4'], 'ring', 2, 8);
    const moved = keys.filter((k) => ring.isHome(k, 'n4'));
    expect(moved.length).toBeGreaterThan(0);
    for (const key of keys)
      for (const node of ['n1', 'n2', 'n3', 'n4']) {
        const held = (trace.final[node]?.data[key] ?? []).map((s) => s.value);
        expect(held, `${key} on ${node}`).toEqual(ring.isHome(key, node) ? [keys.indexOf(key)] : []);
      }
    for (const node of ['n1', 'n2', 'n3']) expect(trace.final[node]?.fields.hints ?? []).toEqual([]);
  });
});

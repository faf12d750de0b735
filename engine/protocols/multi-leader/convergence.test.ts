import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import type { ClientAction, MultiLeaderConfig, Topology } from '../../scenario/model';
import { fixtureScenario } from '../../sim/scenarioFixture';

const NODES = ['dc1', 'dc2', 'dc3'];
const TOPOLOGIES: Topology[] = [
  { kind: 'all-to-all' },
  { kind: 'circular' },
  { kind: 'star', hub: 'dc2' },
  {
    kind: 'links',
    links: [
      { from: 'dc1', to: 'dc2' },
      { from: 'dc2', to: 'dc1' },
      { from: 'dc2', to: 'dc3' },
      { from: 'dc3', to: 'dc2' },
    ],
  },
];

const writeArb = fc.record({
  at: fc.integer({ min: 0, max: 120 }),
  client: fc.constantFrom('c1', 'c2', 'c3'),
  key: fc.constantFrom('x', 'y', 'likes', 'tags'),
  read: fc.boolean(),
  value: fc.constantFrom('a', 'b', 'c'),
});

/** Plain keys are written, `likes` (a counter) incremented, `tags` (an OR-set) added to and removed from. */
function actionOf(o: { key: string; read: boolean; value: string }): ClientAction {
  if (o.read) return { kind: 'read', key: o.key };
  if (o.key === 'likes') return { kind: 'increment', key: o.key, by: o.value === 'c' ? -1 : 1 };
  if (o.key === 'tags') {
    return o.value === 'c'
      ? { kind: 'remove', key: o.key, value: 'a' }
      : { kind: 'add', key: o.key, value: o.value };
  }
  return { kind: 'write', key: o.key, value: o.value };
}

const runArb = fc.record({
  topology: fc.constantFrom(...TOPOLOGIES),
  conflicts: fc.constantFrom(
    'siblings' as const,
    'merge' as const,
    'highest-node' as const,
    'last-write-wins' as const,
  ),
  ops: fc.array(writeArb, { minLength: 1, maxLength: 10 }),
  drop: fc.constantFrom(0, 0.1),
  duplicate: fc.constantFrom(0, 0.2),
  seed: fc.integer({ min: 1, max: 1000 }),
  skew: fc.integer({ min: -40, max: 40 }),
  crash: fc.option(
    fc.record({
      node: fc.constantFrom(...NODES),
      at: fc.integer({ min: 0, max: 100 }),
      down: fc.integer({ min: 10, max: 300 }),
    }),
  ),
});

describe('multi-leader under random runs', () => {
  it('every leader converges after losses, duplicates, skew and a crash, with no causality violation', () => {
    fc.assert(
      fc.property(runArb, (r) => {
        const scenario = fixtureScenario({
          nodes: NODES,
          clients: ['c1', 'c2', 'c3'].map((id, i) => ({
            id,
            node: NODES[i]!,
            timeout: 1000,
          })),
          latency: { kind: 'uniform', min: 1, max: 30 },
          drop: r.drop,
          duplicate: r.duplicate,
          seed: r.seed,
          // Lost messages are repaired by the periodic log sync, which does not keep a quiet run
          // alive: give lossy runs time for it.
          until: r.drop > 0 ? 4000 : 'quiet',
          items: [
            ...r.ops.map((o) => ({ at: o.at, client: o.client, action: actionOf(o) })),
            ...(r.crash
              ? [
                  {
                    at: r.crash.at,
                    fault: { kind: 'crash' as const, node: r.crash.node, disk: 'kept' as const },
                  },
                  { at: r.crash.at + r.crash.down, fault: { kind: 'recover' as const, node: r.crash.node } },
                ]
              : []),
          ],
        });
        const cluster: MultiLeaderConfig = {
          replication: 'multi-leader',
          nodes: scenario.cluster.nodes,
          topology: r.topology,
          conflicts: r.conflicts,
          causality: 'version-vectors',
          homes: {},
          types: { likes: 'counter', tags: 'set' },
        };
        scenario.cluster = cluster;
        scenario.clocks = { dc3: { offset: r.skew, drift: 0 } };
        const result = runScenario(scenario);
        const trace = result.trace;
        expect(result.stopReason).toBe(r.drop > 0 ? 'until' : 'quiet');
        const data = NODES.map((n) => {
          const d = trace.final[n]?.data ?? {};
          return JSON.stringify(
            Object.keys(d)
              .sort()
              .map((k) => [k, d[k]]),
          );
        });
        expect(data[1]).toBe(data[0]);
        expect(data[2]).toBe(data[0]);
        expect(trace.anomalies.map((a) => a.kind)).not.toContain('divergence');
        const violations = trace.anomalies.filter((a) => a.kind === 'causality-violation');
        expect(violations.map((a) => a.explain)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

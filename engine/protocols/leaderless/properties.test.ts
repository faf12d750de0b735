// Property tests of the leaderless family over generated clusters and histories, run through the
// real simulator and the protocol-independent anomaly checkers.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import type { LeaderlessConfig } from '../../scenario/model';
import { Ring } from './ring';
import { leaderlessScenario, type TestItem } from './testScenario';

const NODES = ['n1', 'n2', 'n3', 'n4', 'n5'];

const quorumArb = fc
  .record({
    nodes: fc.integer({ min: 3, max: 5 }),
    placement: fc.constantFrom<LeaderlessConfig['placement']>('ring', 'all'),
    nChoice: fc.integer({ min: 1, max: 5 }),
    wChoice: fc.integer({ min: 1, max: 5 }),
    coordinator: fc.constantFrom<LeaderlessConfig['coordinator']>('node', 'client'),
    versioning: fc.constantFrom<LeaderlessConfig['versioning']>(
      'version-vectors',
      'dotted-version-vectors',
      'timestamps',
    ),
    readRepair: fc.boolean(),
    antiEntropy: fc.constantFrom<number | false>(false, 40),
    writeFanout: fc.constantFrom<LeaderlessConfig['writeFanout']>('all', 'quorum'),
    // Some replicas apply writes slowly: a write is acknowledged by the fast ones while the slow
    // ones still have the old value, which is what a read quorum must see past.
    slow: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
  })
  .map((c) => {
    const nodes = NODES.slice(0, c.nodes);
    const n = c.placement === 'all' ? nodes.length : Math.min(c.nChoice, nodes.length);
    const w = Math.min(c.wChoice, n);
    const r = n - w + 1; // the smallest read quorum with w + r > n
    return { ...c, nodes, n, w, r };
  });

const opsArb = fc.array(
  fc.record({
    client: fc.constantFrom('alice', 'bob', 'carol'),
    read: fc.boolean(),
    key: fc.constantFrom('x', 'y'),
    value: fc.integer({ min: 0, max: 99 }),
    crash: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
  }),
  { minLength: 2, maxLength: 12 },
);

describe('leaderless properties', () => {
  it('with w + r > n and no concurrent writes or failures during an operation, a read never misses an acknowledged write', () => {
    fc.assert(
      fc.property(quorumArb, opsArb, fc.integer({ min: 1, max: 1000 }), (c, ops, seed) => {
        const clients = [
          { id: 'alice', node: c.nodes[0]! },
          { id: 'bob', node: c.nodes[1]! },
          { id: 'carol', node: c.nodes[2]! },
        ];
        const ring = new Ring(c.nodes, c.placement, c.n, 8);
        // Faults only between operations, and never more than the quorums tolerate: at most
        // n - max(w, r) of a key's homes down at once, and never a client's coordinating node.
        const spare = c.n - Math.max(c.w, c.r);
        const protectedNodes = new Set(c.coordinator === 'node' ? clients.map((x) => x.node) : []);
        const down = new Set<string>();
        const items: TestItem[] = [];
        let t = 0;
        ops.forEach((op, i) => {
          if (op.crash !== undefined) {
            const node = c.nodes[op.crash % c.nodes.length]!;
            if (down.has(node)) {
              items.push({ at: t, fault: { kind: 'recover', node } });
              down.delete(node);
            } else if (!protectedNodes.has(node)) {
              const tolerated = ['x', 'y'].every(
                (key) => ring.preferenceList(key).filter((h) => down.has(h) || h === node).length <= spare,
              );
              if (tolerated) {
                items.push({ at: t, fault: { kind: 'crash', node, disk: 'kept' } });
                down.add(node);
              }
            }
            t += 5;
          }
          items.push({
            at: t,
            client: op.client,
            id: `op${i}`,
            action: op.read ? { kind: 'read', key: op.key } : { kind: 'write', key: op.key, value: op.value },
          });
          // Well past any operation's completion (network below 10ms, storage below 300ms).
          t += 400;
        });
        const scenario = leaderlessScenario({
          nodes: c.nodes,
          cluster: {
            n: c.n,
            w: c.w,
            r: c.r,
            placement: c.placement,
            coordinator: c.coordinator,
            versioning: c.versioning,
            readRepair: c.readRepair,
            antiEntropy: c.antiEntropy,
            writeFanout: c.writeFanout,
          },
          clients,
          items,
          latency: { kind: 'uniform', min: 0.5, max: 9 },
          storageNodes: Object.fromEntries(
            c.nodes.map((node, i) => [
              node,
              c.slow[i] ? { kind: 'uniform', min: 50, max: 300 } : { kind: 'fixed', ms: 0.1 },
            ]),
          ),
          seed,
        });
        const { trace } = runScenario(scenario);
        const responses = [...trace.events()].filter((e) => e.kind === 'response');
        expect(responses.every((e) => e.result?.ok)).toBe(true);
        const missed = trace.anomalies.filter(
          (a) => a.kind === 'stale-read' || a.kind === 'read-your-writes',
        );
        expect(missed.map((a) => a.explain)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  const faultsArb = fc.array(
    fc.record({
      at: fc.integer({ min: 0, max: 300 }),
      kind: fc.constantFrom('crash', 'partition'),
      node: fc.integer({ min: 0, max: 4 }),
      lasts: fc.integer({ min: 5, max: 200 }),
    }),
    { maxLength: 4 },
  );

  const writesArb = fc.array(
    fc.record({
      at: fc.integer({ min: 0, max: 400 }),
      client: fc.constantFrom('alice', 'bob', 'carol'),
      key: fc.constantFrom('x', 'y', 'z'),
      value: fc.integer({ min: 0, max: 99 }),
      del: fc.boolean(),
    }),
    { minLength: 1, maxLength: 10 },
  );

  it('after every partition heals and anti-entropy runs, all replicas of a key converge', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 5 }),
        fc.constantFrom<LeaderlessConfig['versioning']>(
          'version-numbers',
          'version-vectors',
          'dotted-version-vectors',
          'timestamps',
        ),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom<LeaderlessConfig['writeFanout']>('all', 'quorum'),
        faultsArb,
        writesArb,
        fc.integer({ min: 1, max: 1000 }),
        (count, versioning, sloppyQuorum, readRepair, writeFanout, faults, writes, seed) => {
          const nodes = NODES.slice(0, count);
          const items: TestItem[] = [];
          for (const f of faults) {
            const node = nodes[f.node % count]!;
            if (f.kind === 'crash') {
              items.push({ at: f.at, fault: { kind: 'crash', node, disk: 'kept' } });
              items.push({ at: f.at + f.lasts, fault: { kind: 'recover', node } });
            } else {
              const rest = nodes.filter((x) => x !== node);
              items.push({ at: f.at, fault: { kind: 'partition', groups: [[node], rest] } });
              items.push({ at: f.at + f.lasts, fault: { kind: 'heal' } });
            }
          }
          writes.forEach((w, i) => {
            items.push({
              at: w.at,
              client: w.client,
              id: `w${i}`,
              action: w.del ? { kind: 'delete', key: w.key } : { kind: 'write', key: w.key, value: w.value },
            });
          });
          // Heal and recover everything at the end.
          items.push({ at: 600, fault: { kind: 'heal' } });
          for (const node of nodes) items.push({ at: 600, fault: { kind: 'recover', node } });
          const n = Math.min(3, count);
          const scenario = leaderlessScenario({
            nodes,
            cluster: {
              n,
              w: 1,
              r: 1,
              versioning,
              sloppyQuorum,
              readRepair,
              writeFanout,
              antiEntropy: 30,
              hintedHandoff: 20,
            },
            clients: [
              { id: 'alice', node: nodes[0]!, timeout: 200 },
              { id: 'bob', node: nodes[1]!, timeout: 200 },
              { id: 'carol', node: nodes[2]!, timeout: 200 },
            ],
            items,
            latency: { kind: 'uniform', min: 0.5, max: 6 },
            seed,
          });
          const { trace } = runScenario(scenario);
          const ring = new Ring(nodes, 'ring', n, 8);
          for (const key of ['x', 'y', 'z']) {
            const copies = ring
              .preferenceList(key)
              .map((node) =>
                JSON.stringify(
                  (trace.final[node]?.data[key] ?? [])
                    .map((s) => [s.op, s.tombstone === true, s.value])
                    .sort(),
                ),
              );
            expect(
              new Set(copies).size,
              `${key} on ${ring.preferenceList(key).join(', ')}: ${copies.join(' | ')}`,
            ).toBe(1);
          }
          // Hints are all handed off once every home is back.
          for (const node of nodes) expect(trace.final[node]?.fields.hints ?? []).toEqual([]);
        },
      ),
      { numRuns: 100 },
    );
  });
});

// The checkers over real simulated runs: every shipped example yields well-formed anomalies, and
// systems that promise a guarantee never get an anomaly reported against it (no false positives).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Anomaly, AnomalyKind } from '../../traces/types';
import { runScenarioText } from '../run';
import { findAnomalies } from './findAnomalies';

const EXAMPLES = join(__dirname, '../../examples');

function run(text: string, file = 'generated.scenario.yaml') {
  const out = runScenarioText(text, file);
  if (!out.result) throw new Error(`${file}: ${out.diagnostics.map((d) => d.message).join('; ')}`);
  return out.result;
}

const exampleFiles = readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.scenario.yaml'))
  .sort();

describe('anomalies of the shipped examples', () => {
  it.each(exampleFiles)('%s: every anomaly is well-formed, sorted and reproducible', (file) => {
    const path = join(EXAMPLES, file);
    const { trace, scenario } = run(readFileSync(path, 'utf8'), path);
    const anomalies = trace.anomalies;
    for (const a of anomalies) {
      expect(Number.isInteger(a.event) && a.event >= 0 && a.event < trace.length).toBe(true);
      expect(a.related.every((e) => Number.isInteger(e) && e >= 0 && e < trace.length)).toBe(true);
      expect([...a.related].sort((x, y) => x - y)).toEqual(a.related);
      expect(a.explain).toMatch(/^\S.*[.!]$/s);
    }
    expect(anomalies.map((a) => a.event)).toEqual([...anomalies.map((a) => a.event)].sort((x, y) => x - y));
    expect(findAnomalies(trace, scenario)).toEqual(anomalies);
  });
});

interface GeneratedOp {
  client: number;
  kind: 'write' | 'read' | 'delete';
  key: string;
  value: number;
  gap: number;
}

const ops = (maxGap: number) =>
  fc.array(
    fc.record({
      client: fc.integer({ min: 0, max: 2 }),
      kind: fc.constantFrom(
        'write' as const,
        'write' as const,
        'read' as const,
        'read' as const,
        'delete' as const,
      ),
      key: fc.constantFrom('a', 'b', 'c'),
      value: fc.integer({ min: 1, max: 99 }),
      gap: fc.integer({ min: 0, max: maxGap }),
    }),
    { minLength: 1, maxLength: 14 },
  );

function events(list: GeneratedOp[]): string {
  let t = 0;
  return list
    .map((o) => {
      t += o.gap;
      const action =
        o.kind === 'read'
          ? `read: ${o.key}`
          : o.kind === 'delete'
            ? `delete: ${o.key}`
            : `write: { key: ${o.key}, value: ${o.value} }`;
      return `  - { at: ${t}ms, client: c${o.client}, ${action} }`;
    })
    .join('\n');
}

const kindsOf = (anomalies: Anomaly[], kinds: AnomalyKind[]) =>
  anomalies.filter((a) => kinds.includes(a.kind));

describe('no false positives on real runs', () => {
  it('a leader with synchronous followers serving reads shows no anomaly, even with overlapping requests', () => {
    fc.assert(
      fc.property(ops(8), fc.integer({ min: 1, max: 1000 }), (list, seed) => {
        const text = `scenario: generated
seed: ${seed}
cluster:
  replication: single-leader
  nodes: [leader, f1, f2]
  followers: { f1: sync, f2: sync }
  reads: leader
network: { latency: 1ms..5ms }
clients:
  c0: { node: leader }
  c1: { node: leader }
  c2: { node: leader }
events:
${events(list)}
`;
        const anomalies = run(text).trace.anomalies;
        expect(anomalies.map((a) => a.explain)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('a strict leaderless quorum (w + r > n) with one operation at a time shows no read anomaly nor lost write', () => {
    fc.assert(
      fc.property(
        ops(0),
        fc.integer({ min: 1, max: 1000 }),
        fc.constantFrom('version-vectors', 'dotted-version-vectors'),
        (list, seed, versioning) => {
          for (const o of list) o.gap = 60;
          const text = `scenario: generated
seed: ${seed}
cluster:
  replication: leaderless
  nodes: [n1, n2, n3]
  n: 3
  w: 2
  r: 2
  placement: all
  versioning: ${versioning}
network: { latency: 1ms..10ms }
clients:
  c0: { node: n1 }
  c1: { node: n2 }
  c2: { node: n3 }
events:
${events(list)}
`;
          const anomalies = kindsOf(run(text).trace.anomalies, [
            'stale-read',
            'read-your-writes',
            'monotonic-reads',
            'consistent-prefix',
            'lost-write',
            'split-brain',
          ]);
          expect(anomalies.map((a) => a.explain)).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('multi-leader with version vectors applies every write in causal order', () => {
    fc.assert(
      fc.property(ops(6), fc.integer({ min: 1, max: 1000 }), (list, seed) => {
        const text = `scenario: generated
seed: ${seed}
cluster:
  replication: multi-leader
  nodes: [dc1, dc2, dc3]
  conflicts: siblings
  causality: version-vectors
network: { latency: 1ms..30ms }
clients:
  c0: { node: dc1 }
  c1: { node: dc2 }
  c2: { node: dc3 }
events:
${events(list)}
`;
        const anomalies = kindsOf(run(text).trace.anomalies, [
          'causality-violation',
          'lost-write',
          'divergence',
        ]);
        expect(anomalies.map((a) => a.explain)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('a single leader with fencing never shows split brain, whatever crashes and partitions happen', () => {
    const faults = {
      'crash-leader': 'crash: leader',
      'crash-f1': 'crash: f1',
      partition: 'partition: [[leader, alice], [f1, f2, bob]]',
      heal: 'heal: all',
      'recover-leader': 'recover: leader',
      'recover-f1': 'recover: f1',
    };
    const fault = fc.record({
      at: fc.integer({ min: 0, max: 600 }),
      what: fc.constantFrom(...(Object.keys(faults) as (keyof typeof faults)[])),
    });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.array(fault, { maxLength: 6 }), (seed, list) => {
        const items = list.map((f) => ({ at: f.at, text: faults[f.what] }));
        for (let t = 0; t < 700; t += 37)
          items.push({
            at: t,
            text: `client: ${t % 2 ? 'alice' : 'bob'}, write: { key: k${t % 3}, value: ${t} }`,
          });
        items.sort((a, b) => a.at - b.at);
        const text = `scenario: generated
seed: ${seed}
cluster:
  replication: single-leader
  nodes: [leader, f1, f2]
  heartbeat: 10ms
  failover: { timeout: 40ms, elect: most-up-to-date, fencing: true }
network: { latency: 1ms..8ms }
clients:
  alice: { node: leader, timeout: 200ms }
  bob: { node: leader, timeout: 200ms }
events:
${items.map((i) => `  - { at: ${i.at}ms, ${i.text} }`).join('\n')}
run: { until: 2s }
`;
        const anomalies = kindsOf(run(text).trace.anomalies, ['split-brain']);
        expect(anomalies.map((a) => a.explain)).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});

// The generated scenario the engine benchmark runs: a five-node Dynamo-style cluster (n=3, w=2,
// r=2 on a ring), four clients and a steady stream of writes and reads: 56,000 operations make
// just over a million events. It is written as YAML and parsed, as a user's file would be.

import { leaderless } from '../../engine/protocols/leaderless';
import type { ProtocolFamily } from '../../engine/protocols/protocol';
import type { Scenario } from '../../engine/scenario/model';
import { parseScenario } from '../../engine/scenario/parse';

export function benchScenarioText(ops: number): string {
  const lines = [
    `scenario: ${ops} operations on a five-node leaderless cluster`,
    'seed: 1',
    'cluster:',
    '  replication: leaderless',
    '  nodes: [n1, n2, n3, n4, n5]',
    '  n: 3',
    '  w: 2',
    '  r: 2',
    '  readRepair: false',
    'network:',
    '  latency: 1ms..10ms',
    'clients:',
    '  c1: { node: n1 }',
    '  c2: { node: n2 }',
    '  c3: { node: n3 }',
    '  c4: { node: n4 }',
    'run:',
    '  maxEvents: 2000000',
    'events:',
  ];
  for (let i = 0; i < ops; i++) {
    const client = `c${(i % 4) + 1}`;
    // Each client works on its own keys so that its causal contexts stay small and realistic.
    const key = `k${i % 4}_${Math.floor(i / 4) % 25}`;
    const at = (i * 0.25).toFixed(2);
    lines.push(
      i % 3 === 2
        ? `  - { at: ${at}ms, client: ${client}, read: ${key} }`
        : `  - { at: ${at}ms, client: ${client}, write: { key: ${key}, value: v${i} } }`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export function benchScenario(ops = 56_000): { scenario: Scenario; family: ProtocolFamily; actors: number } {
  const { scenario, diagnostics } = parseScenario(benchScenarioText(ops), 'bench.scenario.yaml');
  if (!scenario)
    throw new Error(`the benchmark scenario is invalid: ${diagnostics.map((d) => d.message).join('; ')}`);
  return { scenario, family: leaderless as ProtocolFamily, actors: 5 + 4 + 1 };
}

// Scenario texts for the sweep's tests: the PBS setting with chosen n, w, r and write quorums.

import type { Scenario } from '../scenario/model';
import { parseScenario } from '../scenario/parse';

export function parsed(text: string): Scenario {
  const { scenario, diagnostics } = parseScenario(text, 'test.scenario.yaml');
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!scenario || errors.length > 0) throw new Error(errors.map((d) => d.message).join('\n'));
  return scenario;
}

/**
 * n replicas, quorums w and r, coordinator: client, no propagation. One write `v0` reaches every
 * replica; then each later write `v<j>` comes from its own writer, who is partitioned from every
 * replica but `quorums[j-1]` (a set of exactly w), and finally `the-read` asks all n and takes the
 * first r replies, i.i.d. latencies.
 */
export function pbsScenario(n: number, w: number, r: number, quorums: number[][], seed = 1): Scenario {
  const nodes = Array.from({ length: n }, (_, i) => `n${i + 1}`);
  const writers = quorums.map((_, j) => `w${j + 1}`);
  const events = ['  - { at: 0ms, client: w0, write: { key: x, value: v0 }, id: v0 }'];
  quorums.forEach((q, j) => {
    const inside = q.map((i) => nodes[i]!);
    const outside = nodes.filter((id) => !inside.includes(id));
    const at = 50 + 30 * j;
    events.push(
      `  - { at: ${at}ms, partition: [[${[writers[j], ...inside].join(', ')}], [${outside.join(', ')}]] }`,
      `  - { at: ${at + 1}ms, client: ${writers[j]}, write: { key: x, value: v${j + 1} }, id: v${j + 1} }`,
    );
  });
  events.push(`  - { at: ${60 + 30 * quorums.length}ms, heal: all }`);
  events.push(`  - { at: ${61 + 30 * quorums.length}ms, client: reader, read: x, id: the-read }`);
  return parsed(`scenario: PBS n=${n} w=${w} r=${r}
seed: ${seed}
cluster:
  replication: leaderless
  nodes: [${nodes.join(', ')}]
  n: ${n}
  w: ${w}
  r: ${r}
  coordinator: client
  placement: all
  readRepair: false
  antiEntropy: false
network:
  latency: 1ms..5ms
clients:
${['w0', ...writers, 'reader'].map((c) => `  ${c}: {}`).join('\n')}
events:
${events.join('\n')}
`);
}

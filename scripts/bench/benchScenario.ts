// The generated scenario the engine benchmark runs: a five-node cluster, four clients, a steady
// stream of writes and reads for long enough to produce well over a million events.

import type { ProtocolFamily } from '../../engine/protocols/protocol';
import type { Scenario } from '../../engine/scenario/model';
import { fixtureScenario } from '../../engine/sim/scenarioFixture';
import { echoFamily } from '../../engine/sim/testFamily';

export function benchScenario(ops = 60_000): { scenario: Scenario; family: ProtocolFamily; actors: number } {
  const nodes = ['n1', 'n2', 'n3', 'n4', 'n5'];
  const clients = ['c1', 'c2', 'c3', 'c4'].map((id, i) => ({ id, node: nodes[i % nodes.length]! }));
  const items = Array.from({ length: ops }, (_, i) => {
    const client = clients[i % clients.length]!.id;
    const key = `k${i % 97}`;
    return i % 3 === 2
      ? { at: i * 0.5, client, action: { kind: 'read' as const, key } }
      : { at: i * 0.5, client, action: { kind: 'write' as const, key, value: `v${i}` } };
  });
  const scenario = {
    ...fixtureScenario({ nodes, clients, latency: { kind: 'uniform', min: 1, max: 10 }, items, maxEvents: 1_200_000 }),
    title: `${ops.toLocaleString('en')} client operations on 5 nodes`,
  };
  return { scenario, family: echoFamily as ProtocolFamily, actors: nodes.length + clients.length + 1 };
}

import { describe, expect, it } from 'vitest';
import { runScenarioText } from '../../run';

/** One concurrent-write scenario; only `conflicts` changes between runs. */
function scenario(conflicts: string): string {
  return `scenario: Same conflict, ${conflicts}
cluster:
  replication: multi-leader
  nodes: [dc1, dc2]
  conflicts: ${conflicts}
clocks:
  dc1: { offset: 50ms }
network:
  latency: 20ms
clients:
  alice: { node: dc1 }
  bob: { node: dc2 }
events:
  - { at: 0ms, client: alice, write: { key: title, value: B } }
  - { at: 5ms, client: bob, write: { key: title, value: C } }
  - { at: 200ms, client: bob, read: title, id: read }
`;
}

function outcome(conflicts: string) {
  const result = runScenarioText(scenario(conflicts), 'strategies.scenario.yaml').result!;
  const trace = result.trace;
  const read = [...Array(trace.length).keys()]
    .map((i) => trace.detail(i))
    .find((d) => d?.op?.key === 'read' && d.result)!;
  const count = (k: string) => trace.anomalies.filter((a) => a.kind === k).length;
  return {
    read: read.result!.values!.map((s) => s.value),
    conflicts: count('conflict'),
    lost: count('lost-write'),
    final: JSON.stringify(trace.final.dc1!.data) === JSON.stringify(trace.final.dc2!.data),
  };
}

describe('conflict strategies on the same run', () => {
  it('siblings keep both values and lose nothing', () => {
    expect(outcome('siblings')).toEqual({ read: ['B', 'C'], conflicts: 1, lost: 0, final: true });
  });

  it('last-write-wins keeps the higher timestamp (dc1 runs 50ms fast) and loses the other write', () => {
    expect(outcome('last-write-wins')).toEqual({ read: ['B'], conflicts: 1, lost: 1, final: true });
  });

  it('highest-node keeps the write of the leader declared last', () => {
    expect(outcome('highest-node')).toEqual({ read: ['C'], conflicts: 1, lost: 1, final: true });
  });

  it("merge concatenates the values in the leaders' order and loses nothing", () => {
    expect(outcome('merge')).toEqual({ read: ['B/C'], conflicts: 1, lost: 0, final: true });
  });
});

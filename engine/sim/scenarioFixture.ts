// Builds normalized scenarios directly (without the YAML parser) for simulator tests.

import type { ClientItem, Distribution, FaultAction, FaultItem, Scenario } from '../scenario/model';

export function fixtureScenario(options: {
  nodes?: string[];
  clients?: { id: string; node: string; timeout?: number }[];
  latency?: Distribution;
  drop?: number;
  duplicate?: number;
  fifo?: boolean;
  items?: (Omit<ClientItem, 'index' | 'line' | 'type'> | { at: number; fault: FaultAction })[];
  seed?: number;
  until?: number | 'quiet';
  maxEvents?: number;
  storage?: Distribution;
}): Scenario {
  const nodes = options.nodes ?? ['n1', 'n2', 'n3'];
  const clients = options.clients ?? [{ id: 'alice', node: nodes[0]! }];
  const items = (options.items ?? []).map((it, index) => {
    const line = 100 + index;
    if ('fault' in it) return { type: 'fault', at: it.at, action: it.fault, line, index } satisfies FaultItem;
    return { ...it, type: 'client', line, index } satisfies ClientItem;
  });
  return {
    title: 'fixture',
    seed: options.seed ?? 1,
    cluster: {
      replication: 'leaderless',
      nodes: nodes.map((id, i) => ({ id, engineVersion: 1, line: 10 + i })),
      n: nodes.length,
      w: 1,
      r: 1,
      coordinator: 'node',
      placement: 'all',
      vnodes: 8,
      readRepair: false,
      antiEntropy: false,
      sloppyQuorum: false,
      hintedHandoff: 50,
      versioning: 'version-vectors',
      writeFanout: 'all',
    },
    network: {
      latency: options.latency ?? { kind: 'fixed', ms: 5 },
      drop: options.drop ?? 0,
      duplicate: options.duplicate ?? 0,
      fifo: options.fifo ?? false,
      links: [],
    },
    clocks: {},
    storage: options.storage ? { default: options.storage, nodes: {} } : { nodes: {} },
    clients: clients.map((c, i) => ({
      id: c.id,
      node: c.node,
      guarantees: [],
      timeout: c.timeout ?? 1000,
      line: 20 + i,
    })),
    events: items.sort((a, b) => a.at - b.at || a.index - b.index),
    run: { until: options.until ?? 'quiet', maxEvents: options.maxEvents ?? 1_000_000 },
    expect: [],
  };
}

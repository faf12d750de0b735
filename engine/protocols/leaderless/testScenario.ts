// Builds normalized leaderless scenarios directly (without the YAML parser) for this family's
// tests: a compact way to write a cluster, clients and a timeline.

import type {
  ClientAction,
  ClusterConfig,
  Distribution,
  FaultAction,
  LeaderlessConfig,
  Scenario,
  ScenarioItem,
} from '../../scenario/model';

export type TestItem =
  | { at: number; client: string; action: ClientAction; id?: string }
  | { at: number; fault: FaultAction };

export interface TestScenario {
  nodes: string[];
  cluster?: Partial<Omit<LeaderlessConfig, 'nodes' | 'replication'>>;
  clients: { id: string; node: string; timeout?: number }[];
  items: TestItem[];
  latency?: Distribution;
  links?: { from: string; to: string; latency: Distribution }[];
  storage?: Distribution;
  /** Per-node storage write latency. */
  storageNodes?: Record<string, Distribution>;
  clocks?: Record<string, { offset: number; drift: number }>;
  seed?: number;
  until?: number | 'quiet';
}

export function leaderlessScenario(t: TestScenario): Scenario {
  const n = t.cluster?.n ?? Math.min(3, t.nodes.length);
  const cluster: ClusterConfig = {
    replication: 'leaderless',
    nodes: t.nodes.map((id, i) => ({ id, engineVersion: 1, line: 10 + i })),
    n,
    w: Math.floor(n / 2) + 1,
    r: Math.floor(n / 2) + 1,
    coordinator: 'node',
    placement: 'ring',
    vnodes: 8,
    readRepair: true,
    antiEntropy: false,
    sloppyQuorum: false,
    hintedHandoff: 50,
    versioning: 'version-vectors',
    writeFanout: 'all',
    ...t.cluster,
  };
  const events: ScenarioItem[] = t.items.map((it, index) => {
    const line = 100 + index;
    if ('fault' in it) return { type: 'fault', at: it.at, action: it.fault, line, index };
    const item: ScenarioItem = {
      type: 'client',
      at: it.at,
      client: it.client,
      action: it.action,
      line,
      index,
    };
    if (it.id) item.id = it.id;
    return item;
  });
  return {
    title: 'leaderless test',
    seed: t.seed ?? 1,
    cluster,
    network: {
      latency: t.latency ?? { kind: 'fixed', ms: 1 },
      drop: 0,
      duplicate: 0,
      fifo: false,
      links: (t.links ?? []).map((l, i) => ({ ...l, line: 50 + i })),
    },
    clocks: t.clocks ?? {},
    storage: t.storage
      ? { default: t.storage, nodes: t.storageNodes ?? {} }
      : { nodes: t.storageNodes ?? {} },
    clients: t.clients.map((c, i) => ({
      id: c.id,
      node: c.node,
      guarantees: [],
      timeout: c.timeout ?? 1000,
      line: 20 + i,
    })),
    events: events.sort((a, b) => a.at - b.at || a.index - b.index),
    run: { until: t.until ?? 'quiet', maxEvents: 200_000 },
    expect: [],
  };
}

export const write = (
  key: string,
  value: ClientAction & { kind: 'write' } extends { value: infer V } ? V : never,
): ClientAction => ({
  kind: 'write',
  key,
  value,
});
export const read = (key: string): ClientAction => ({ kind: 'read', key });
export const del = (key: string): ClientAction => ({ kind: 'delete', key });

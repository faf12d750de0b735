// The validated, normalized form of a scenario file (../shared/spec/scenario-format.md).
// Durations are milliseconds; every item keeps the 1-based line it came from.

import type { AnomalyKind, Value } from '../../traces/types';

export type Distribution =
  | { kind: 'fixed'; ms: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'exponential'; mean: number }
  | { kind: 'pareto'; min: number; alpha: number }
  | { kind: 'lognormal'; median: number; sigma: number }
  | { kind: 'mixture'; parts: { weight: number; of: Distribution }[] };

export interface NodeSpec {
  id: string;
  engineVersion: number;
  line: number;
}

export type FollowerMode = 'sync' | 'async';
export type ReadRouting = 'leader' | 'followers' | 'sticky';

export interface ShardSpec {
  name: string;
  leader: string;
  followers: Record<string, FollowerMode>;
  keys: string[];
  line: number;
}

export interface SingleLeaderConfig {
  replication: 'single-leader';
  nodes: NodeSpec[];
  leader: string;
  followers: Record<string, FollowerMode>;
  semiSync: boolean;
  log: 'statement' | 'row' | 'wal';
  /** Heartbeat interval, ms. */
  heartbeat: number;
  failover?: { timeout: number; elect: 'most-up-to-date' | 'lowest-id'; fencing: boolean };
  reads: ReadRouting;
  shards?: ShardSpec[];
}

export type Topology =
  | { kind: 'all-to-all' }
  | { kind: 'circular' }
  | { kind: 'star'; hub: string }
  | { kind: 'links'; links: { from: string; to: string }[] };

export type CrdtType = 'counter' | 'set' | 'lww-register' | 'mv-register';

export interface MultiLeaderConfig {
  replication: 'multi-leader';
  nodes: NodeSpec[];
  topology: Topology;
  conflicts: 'siblings' | 'last-write-wins' | 'highest-node' | 'merge';
  causality: 'version-vectors' | 'none';
  homes: Record<string, string>;
  types: Record<string, CrdtType>;
}

export interface LeaderlessConfig {
  replication: 'leaderless';
  nodes: NodeSpec[];
  n: number;
  w: number;
  r: number;
  coordinator: 'node' | 'client';
  placement: 'ring' | 'all';
  /** Virtual nodes per physical node on the ring. */
  vnodes: number;
  readRepair: boolean;
  /** Anti-entropy interval in ms, or false. */
  antiEntropy: number | false;
  sloppyQuorum: boolean;
  /** Hint retry interval, ms. */
  hintedHandoff: number;
  versioning: 'version-numbers' | 'version-vectors' | 'dotted-version-vectors' | 'timestamps';
  /** Where a write's Puts go: all n homes, or w of them chosen at random per write (PBS's model). */
  writeFanout: 'all' | 'quorum';
}

export type ClusterConfig = SingleLeaderConfig | MultiLeaderConfig | LeaderlessConfig;
export type Replication = ClusterConfig['replication'];

export interface LinkSettings {
  latency?: Distribution;
  drop?: number;
  duplicate?: number;
}

export interface LinkOverride extends LinkSettings {
  from: string;
  to: string;
  line: number;
}

export interface NetworkConfig {
  latency: Distribution;
  drop: number;
  duplicate: number;
  fifo: boolean;
  /** Directed overrides; a `<->` entry in the file becomes two. */
  links: LinkOverride[];
}

export interface ClockSpec {
  offset: number;
  drift: number;
}

export type GuaranteeKind = 'read-your-writes' | 'monotonic-reads' | 'consistent-prefix';

export interface Guarantee {
  kind: GuaranteeKind;
  /**
   * How the client library provides it.
   * read-your-writes: `leader-for-own-keys` (default) | `leader-window` | `position`;
   * monotonic-reads: `sticky` (default) | `position`; consistent-prefix: `causal` (default).
   */
  strategy?: string;
  /** leader-window: how long after the last write reads go to the leader, ms. */
  window?: number;
}

export interface ClientSpec {
  id: string;
  /** Node the client sends requests to. */
  node: string;
  /** Where reads go: a node id, or a routing mode. Defaults to the cluster's routing. */
  reads?: string;
  guarantees: Guarantee[];
  /** Operation timeout, ms (default 1000). */
  timeout: number;
  line: number;
}

export type ClientAction =
  | { kind: 'write'; key: string; value: Value }
  | { kind: 'read'; key: string }
  | { kind: 'delete'; key: string }
  | { kind: 'increment'; key: string; by: number }
  | { kind: 'add'; key: string; value: Value }
  | { kind: 'remove'; key: string; value: Value };

export type FaultAction =
  | { kind: 'crash'; node: string; disk: 'kept' | 'lost' }
  | { kind: 'recover'; node: string }
  | { kind: 'partition'; groups: string[][] }
  | { kind: 'cut'; from: string; to: string }
  /** No links: heal everything. */
  | { kind: 'heal'; links?: { from: string; to: string }[] }
  | { kind: 'skew'; node: string; offset?: number; drift?: number }
  | { kind: 'addNode'; id: string; as: 'follower' | 'leader' | 'replica'; engineVersion: number }
  | { kind: 'failover'; node: string }
  | { kind: 'offline'; client: string }
  | { kind: 'online'; client: string };

export interface ClientItem {
  type: 'client';
  /** Absolute virtual time, ms. */
  at: number;
  id?: string;
  client: string;
  action: ClientAction;
  line: number;
  /** Position in `events`. */
  index: number;
}

export interface FaultItem {
  type: 'fault';
  at: number;
  id?: string;
  action: FaultAction;
  line: number;
  index: number;
}

export type ScenarioItem = ClientItem | FaultItem;

export type Expectation =
  | { kind: 'converged'; line: number; text: string }
  | { kind: 'op'; op: string; returns?: Value[]; fails?: boolean; line: number; text: string }
  | { kind: 'anomaly'; anomaly: AnomalyKind; count?: number; line: number; text: string }
  | { kind: 'no'; anomaly: AnomalyKind; line: number; text: string }
  | { kind: 'leader'; node: string; line: number; text: string }
  | { kind: 'state'; node: string; key: string; values: Value[]; line: number; text: string };

export interface RunSettings {
  /** Stop at this virtual time (ms), or when quiet. */
  until: number | 'quiet';
  maxEvents: number;
}

export interface Scenario {
  title: string;
  description?: string;
  seed: number;
  /** Path the scenario was read from, as given. */
  file?: string;
  cluster: ClusterConfig;
  network: NetworkConfig;
  /** Per-node physical clocks; absent nodes have offset 0, drift 0. */
  clocks: Record<string, ClockSpec>;
  /** Per-node storage write latency; `default` applies to nodes not listed. Absent = instant. */
  storage: { default?: Distribution; nodes: Record<string, Distribution> };
  clients: ClientSpec[];
  /** Sorted by `at`, ties in file order. */
  events: ScenarioItem[];
  run: RunSettings;
  expect: Expectation[];
}

/** Every node id a run may see, including nodes added by `addNode`. */
export function allNodeIds(s: Scenario): string[] {
  const ids = s.cluster.nodes.map((n) => n.id);
  for (const e of s.events) if (e.type === 'fault' && e.action.kind === 'addNode') ids.push(e.action.id);
  return ids;
}

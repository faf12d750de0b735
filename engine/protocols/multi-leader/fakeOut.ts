// Test doubles: an `Out` that records effects and a minimal protocol context for a multi-leader
// cluster, so replica logic can be driven by hand without the simulator.

import type { Message, OpResult, Sibling } from '../../../traces/types';
import type { MultiLeaderConfig, Scenario } from '../../scenario/model';
import type { Out, ProtocolContext } from '../protocol';

export interface Recorded {
  sent: { to: string; msg: Message }[];
  timers: { name: string; after: number }[];
  persisted: unknown[];
  completed: { opKey: string; result: OpResult }[];
  data: { key: string; after: Sibling[] }[];
  fields: Record<string, unknown>;
  notes: string[];
  anomalies: { kind: string; explain: string; key?: string }[];
}

export function fakeOut(): Out & { rec: Recorded } {
  const rec: Recorded = {
    sent: [],
    timers: [],
    persisted: [],
    completed: [],
    data: [],
    fields: {},
    notes: [],
    anomalies: [],
  };
  return {
    rec,
    send: (to, msg) => rec.sent.push({ to, msg: structuredClone(msg) }),
    setTimer: (name, after) => rec.timers.push({ name, after }),
    cancelTimer: () => {},
    persist: (data) => rec.persisted.push(data),
    complete: (opKey, result) => rec.completed.push({ opKey, result }),
    data: (key, after) => rec.data.push({ key, after: structuredClone(after) }),
    field: (name, value) => {
      rec.fields[name] = value;
    },
    append: () => {},
    truncate: () => {},
    note: (text) => rec.notes.push(text),
    anomaly: (kind, explain, _related, key) => rec.anomalies.push({ kind, explain, ...(key ? { key } : {}) }),
  };
}

export function mlConfig(over: Partial<MultiLeaderConfig> = {}): MultiLeaderConfig {
  return {
    replication: 'multi-leader',
    nodes: ['dc1', 'dc2', 'dc3'].map((id, i) => ({ id, engineVersion: 1, line: i + 1 })),
    topology: { kind: 'all-to-all' },
    conflicts: 'siblings',
    causality: 'version-vectors',
    homes: {},
    types: {},
    ...over,
  };
}

export function fakeContext(self: string, cluster: MultiLeaderConfig, clock = 0): ProtocolContext {
  return {
    self,
    now: clock,
    clock,
    event: -1,
    line: undefined,
    random: () => 0.5,
    nodes: cluster.nodes.map((n) => n.id),
    engineVersion: () => 1,
    cluster,
    scenario: { events: [] } as unknown as Scenario,
  };
}

// Test doubles for driving the single-leader state machines by hand: a context over a given
// configuration and an `Out` that records every effect.

import type { AnomalyKind } from '../../../traces/types';
import type { ClientSpec, Scenario, SingleLeaderConfig } from '../../scenario/model';
import type { ClientContext, Message, OpResult, Out, ProtocolContext, Sibling } from '../protocol';

export interface Recorded {
  out: Out;
  sent: { to: string; msg: Message }[];
  timers: Record<string, number>;
  persisted: unknown[];
  completed: { op: string; result: OpResult }[];
  data: { key: string; after: Sibling[] }[];
  fields: Record<string, unknown>;
  log: unknown[];
  notes: string[];
  anomalies: AnomalyKind[];
  /** Forget the effects recorded so far (fields and log are kept: they are state). */
  clear(): void;
}

export function recordOut(): Recorded {
  const r: Recorded = {
    sent: [],
    timers: {},
    persisted: [],
    completed: [],
    data: [],
    fields: {},
    log: [],
    notes: [],
    anomalies: [],
    out: undefined as unknown as Out,
    clear() {
      r.sent.length = 0;
      r.persisted.length = 0;
      r.completed.length = 0;
      r.data.length = 0;
      r.notes.length = 0;
      r.anomalies.length = 0;
    },
  };
  r.out = {
    send: (to, msg) => r.sent.push({ to, msg }),
    setTimer: (name, after) => {
      r.timers[name] = after;
    },
    cancelTimer: (name) => {
      delete r.timers[name];
    },
    persist: (data) => r.persisted.push(data),
    complete: (op, result) => r.completed.push({ op, result }),
    data: (key, after) => r.data.push({ key, after }),
    field: (name, value) => {
      r.fields[name] = value;
    },
    append: (name, item) => {
      if (name === 'log') r.log.push(item);
    },
    truncate: (name, length) => {
      if (name === 'log') r.log.length = length;
    },
    note: (text) => r.notes.push(text),
    anomaly: (kind) => r.anomalies.push(kind),
  };
  return r;
}

export function slConfig(over: Partial<SingleLeaderConfig> = {}): SingleLeaderConfig {
  return {
    replication: 'single-leader',
    nodes: [
      { id: 'l', engineVersion: 1, line: 1 },
      { id: 'f1', engineVersion: 1, line: 1 },
      { id: 'f2', engineVersion: 1, line: 1 },
    ],
    leader: 'l',
    followers: { f1: 'async', f2: 'async' },
    semiSync: false,
    log: 'row',
    heartbeat: 10,
    reads: 'leader',
    ...over,
  };
}

export interface FakeContext extends ClientContext {
  now: number;
  clock: number;
}

/** A mutable context: tests move `now`/`clock` forward by hand. */
export function fakeContext(
  self: string,
  cfg: SingleLeaderConfig,
  spec?: Partial<ClientSpec>,
  seed = 1,
): FakeContext {
  let r = seed;
  const nodes = cfg.nodes.map((n) => n.id);
  const ctx = {
    self,
    now: 0,
    clock: 0,
    event: 0,
    line: undefined,
    random() {
      r = (r * 16807) % 2147483647;
      return r / 2147483647;
    },
    nodes,
    engineVersion: (node: string) => cfg.nodes.find((n) => n.id === node)?.engineVersion ?? 1,
    cluster: cfg,
    scenario: {} as Scenario,
    spec: { id: self, node: cfg.leader, guarantees: [], timeout: 1000, line: 1, ...spec },
  };
  return ctx as FakeContext;
}

export type { ProtocolContext };

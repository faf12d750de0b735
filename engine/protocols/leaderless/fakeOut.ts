// A recording `Out` and a hand-driven context for unit tests of the leaderless state machines.

import type { LeaderlessConfig, Scenario } from '../../scenario/model';
import type { ClientContext, Message, OpResult, Out, Sibling } from '../protocol';
import { leaderlessScenario } from './testScenario';

export type Effect =
  | { kind: 'send'; to: string; msg: Message }
  | { kind: 'setTimer'; name: string; after: number; data?: unknown }
  | { kind: 'cancelTimer'; name: string }
  | { kind: 'persist'; data: unknown }
  | { kind: 'complete'; op: string; result: OpResult }
  | { kind: 'data'; key: string; after: Sibling[] }
  | { kind: 'field'; name: string; value: unknown }
  | { kind: 'note'; text: string }
  | { kind: 'anomaly'; text: string };

export class FakeOut implements Out {
  effects: Effect[] = [];
  send(to: string, msg: Message): void {
    this.effects.push({ kind: 'send', to, msg });
  }
  setTimer(name: string, after: number, data?: unknown): void {
    this.effects.push({ kind: 'setTimer', name, after, data });
  }
  cancelTimer(name: string): void {
    this.effects.push({ kind: 'cancelTimer', name });
  }
  persist(data: unknown): void {
    this.effects.push({ kind: 'persist', data });
  }
  complete(op: string, result: OpResult): void {
    this.effects.push({ kind: 'complete', op, result });
  }
  data(key: string, after: Sibling[]): void {
    this.effects.push({ kind: 'data', key, after });
  }
  field(name: string, value: unknown): void {
    this.effects.push({ kind: 'field', name, value });
  }
  append(): void {}
  truncate(): void {}
  note(text: string): void {
    this.effects.push({ kind: 'note', text });
  }
  anomaly(_kind: string, explain: string): void {
    this.effects.push({ kind: 'anomaly', text: explain });
  }
  /** Effects recorded so far, then forgets them. */
  take(): Effect[] {
    const e = this.effects;
    this.effects = [];
    return e;
  }
  sent(type?: string): { to: string; msg: Message }[] {
    return this.effects
      .filter((e): e is Effect & { kind: 'send' } => e.kind === 'send')
      .filter((e) => !type || e.msg.type === type);
  }
  notes(): string[] {
    return this.effects.filter((e): e is Effect & { kind: 'note' } => e.kind === 'note').map((e) => e.text);
  }
}

/** A context for actor `self` in a cluster of `nodes` with the given leaderless settings. */
export function fakeContext(
  self: string,
  nodes: string[],
  cluster: Partial<Omit<LeaderlessConfig, 'nodes' | 'replication'>> = {},
  clock = 0,
): ClientContext {
  const scenario: Scenario = leaderlessScenario({
    nodes,
    cluster,
    clients: [{ id: 'alice', node: nodes[0]! }],
    items: [],
  });
  return {
    self,
    now: clock,
    clock,
    event: 0,
    line: undefined,
    random: () => 0.5,
    nodes,
    engineVersion: () => 1,
    cluster: scenario.cluster,
    scenario,
    spec: scenario.clients[0]!,
  };
}

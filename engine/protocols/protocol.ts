// The protocol interface. A replication family is a pair of state machines, one for nodes and one
// for the client library. Each handler receives one input and pushes effects to `out`; it never
// touches the event queue, the clock or the trace. The simulator turns effects into events.

import type { AnomalyKind, Message, OpInfo, OpResult, Sibling, Value } from '../../traces/types';
import type { ClientSpec, ClusterConfig, Scenario } from '../scenario/model';

export type { Message, OpInfo, OpResult, Sibling, Value };

/** A client operation handed to the client library. */
export interface ClientOperation extends OpInfo {
  /** Scenario line of the item. */
  line: number;
}

/**
 * What a node handles. An input object is valid during the handler's call only: the simulator
 * reuses one object for every delivered message (and for every timer and storage write), so a handler
 * keeps `msg`, `from` or `data`, never the input.
 */
export type NodeInput =
  /** The node starts (at time 0, or when `addNode` brings it in: then `joining` is set). */
  | { kind: 'start'; joining?: { as: 'follower' | 'leader' | 'replica' } }
  | { kind: 'message'; from: string; msg: Message }
  | { kind: 'timer'; name: string; data?: unknown }
  /** A `persist` effect's write has reached storage (after the node's storage write latency). */
  | { kind: 'persisted'; data: unknown }
  /** The node comes back after a crash; its state is what `crash` kept. */
  | { kind: 'recover' }
  /** Manual failover: this node is to become the leader. */
  | { kind: 'promote' }
  /** A node joined the cluster (addNode); every running node is told. */
  | { kind: 'membership'; added: string; as: 'follower' | 'leader' | 'replica' };

export type ClientInput =
  | { kind: 'start' }
  | { kind: 'op'; op: ClientOperation }
  | { kind: 'message'; from: string; msg: Message }
  | { kind: 'timer'; name: string; data?: unknown }
  /** An offline client's own storage write completed (see NodeInput). */
  | { kind: 'persisted'; data: unknown }
  /** The simulator gave up on an op at the client's timeout; it has already answered `timeout`. */
  | { kind: 'timedOut'; opKey: string }
  /** Multi-leader offline clients. */
  | { kind: 'offline' }
  | { kind: 'online' };

export interface ProtocolContext {
  /** The actor being run. */
  readonly self: string;
  /** Virtual time, ms (for measurements such as lag; protocols must not schedule by it). */
  readonly now: number;
  /** This actor's physical clock (offset and drift applied); clients read virtual time. */
  readonly clock: number;
  /** The trace id of the event being handled (to name it in anomalies or keep it for later). */
  readonly event: number;
  /** The scenario line the handled input descends from, if any. */
  readonly line: number | undefined;
  /** This actor's own seeded random stream, in [0, 1). */
  random(): number;
  /** Current cluster membership, in declaration order (grows with addNode). */
  readonly nodes: readonly string[];
  /** Settings of a node (engine version, ...). */
  engineVersion(node: string): number;
  readonly cluster: ClusterConfig;
  readonly scenario: Scenario;
}

export interface ClientContext extends ProtocolContext {
  readonly spec: ClientSpec;
}

/** The effects a handler may push. */
export interface Out {
  send(to: string, msg: Message): void;
  /** Set (or replace) the named timer to fire `after` ms from now. */
  setTimer(name: string, after: number, data?: unknown): void;
  cancelTimer(name: string): void;
  /** Ask storage to apply a write; `persisted` with the same data comes back after the write latency. */
  persist(data: unknown): void;
  /** Client library only: the operation's result. */
  complete(opKey: string, result: OpResult): void;
  /** A data key's stored versions changed on this actor (a node, or an offline client's replica). */
  data(key: string, after: Sibling[]): void;
  /** A protocol field changed (role, term, leader, commitIndex, lag.f1, hints, merkle, ...). */
  field(name: string, value: unknown): void;
  /** A list field (the replication log) grew by one item. */
  append(name: string, item: unknown): void;
  /** A list field was cut to `length` items. */
  truncate(name: string, length: number): void;
  /** Explain a decision in the trace (semi-sync promotion, redirect, routing by a guarantee, ...). */
  note(text: string, detail?: Record<string, unknown>): void;
  /**
   * The effects that follow descend from this scenario line rather than from the handled input's:
   * for a client library starting an operation it had held back (its line is `op.line`).
   */
  descendsFrom?(line: number | undefined): void;
  /** A problem only the protocol can see; generic checkers find the rest from the trace. */
  anomaly(kind: AnomalyKind, explain: string, related?: number[], key?: string): void;
}

export interface ProtocolFamily<N = unknown, C = unknown> {
  readonly replication: ClusterConfig['replication'];
  /** Messages that are periodic background traffic (collapsed in views, ignored by `quiet`). */
  readonly periodicMessages: readonly string[];
  /** Timers that are periodic (they do not keep a `quiet` run alive). */
  readonly periodicTimers: readonly string[];
  /**
   * True if the family never changes a sibling array after handing it to `out.data` (it builds a new
   * one for every change): the trace then keeps the array itself instead of a copy.
   */
  readonly immutableData?: boolean;
  initNode(ctx: ProtocolContext): N;
  onNode(state: N, input: NodeInput, ctx: ProtocolContext, out: Out): void;
  /** What survives a crash. Timers are cancelled by the simulator. */
  crash(state: N, diskLost: boolean, ctx: ProtocolContext): N;
  initClient(ctx: ClientContext): C;
  onClient(state: C, input: ClientInput, ctx: ClientContext, out: Out): void;
}

// Data and messages of the multi-leader family.

import type { OpInfo, Value, VersionVector } from '../../../traces/types';
import type { Crdt } from '../crdt';

/** One write of a plain (non-CRDT) key, as replicas store and compare it. */
export interface Version {
  /** Op key of the client write that produced it. */
  op: string;
  value: Value;
  tombstone?: boolean;
  /** Per-key version vector: one counter per leader (or offline client) that wrote the key. */
  vv: VersionVector;
  /** Physical clock of the accepting leader when it accepted the write (last-write-wins). */
  ts: number;
  /** The leader (or offline client) that accepted the write. */
  origin: string;
  /** Trace event at which the origin accepted it (named by conflict anomalies). */
  ev: number;
}

/**
 * One unit of replication: a change to one key, named by its dot (origin, seq). `deps` is what the
 * origin had applied (per origin, a count of changes) plus what the writing client had seen:
 * with `causality: version-vectors` a receiver applies the change only once it has applied those.
 */
export interface Change {
  origin: string;
  seq: number;
  deps: VersionVector;
  key: string;
  op: string;
  /** A plain key's new version. */
  put?: Version;
  /** A CRDT key's whole state after the operation (state-based replication: receivers merge). */
  crdt?: Crdt;
}

/** A change on the move, with the ids of the replicas it has passed through (origin first). */
export interface Traveling {
  change: Change;
  path: string[];
}

/** What a replica has applied: a contiguous count per origin, plus applied changes beyond a gap. */
export interface Have {
  applied: VersionVector;
  extra: Record<string, number[]>;
}

/** Causal context a client keeps per key and sends back with its next write of that key. */
export interface KeyContext {
  vv: VersionVector;
}

export interface ClientWrite {
  type: 'ClientWrite';
  op: OpInfo;
  /** The client's context for the key (from its last read or write of it), if any. */
  context?: VersionVector;
  /** Everything the client's session has seen, per origin (causal dependencies). */
  deps: VersionVector;
  /** Number of this write among the client's writes to this leader. */
  seq?: number;
  /** Numbers of earlier writes to this leader the client gave up on. */
  gaveUp?: number[];
  [field: string]: unknown;
}

export interface ClientRead {
  type: 'ClientRead';
  op: OpInfo;
  deps: VersionVector;
  [field: string]: unknown;
}

export interface ClientReply {
  type: 'ClientReply';
  opKey: string;
  ok: boolean;
  values?: import('../../../traces/types').Sibling[];
  context?: VersionVector;
  deps?: VersionVector;
  error?: string;
  [field: string]: unknown;
}

/** Every replica-to-replica message carries what its sender has heard of (see ReplicaState.horizon). */
export interface ReplicateMsg {
  /** `Replicate` from the origin, `Forward` from a replica passing it on along the topology. */
  type: 'Replicate' | 'Forward';
  change: Change;
  path: string[];
  horizon: VersionVector;
  [field: string]: unknown;
}

export interface SyncRequest {
  type: 'SyncRequest';
  have: Have;
  /** An offline-capable client asks its leader to keep sending it every change. */
  subscribe?: boolean;
  /** The sender lost its disk: answer even with nothing, so it learns it may write again. */
  rebuilding?: boolean;
  horizon: VersionVector;
  [field: string]: unknown;
}

export interface SyncResponse {
  type: 'SyncResponse';
  changes: Traveling[];
  horizon: VersionVector;
  [field: string]: unknown;
}

export type MultiLeaderMessage =
  | ClientWrite
  | ClientRead
  | ClientReply
  | ReplicateMsg
  | SyncRequest
  | SyncResponse;

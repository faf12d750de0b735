// The leaderless family's messages, as they appear in the trace (`type` plus payload).

import type { Value } from '../../../traces/types';
import type { OpResult } from '../protocol';
import type { CausalContext, StoredObject } from './versioning';

/** Client -> its node (coordinator: node): please coordinate this write or delete. */
export interface ClientPut {
  type: 'ClientPut';
  op: string;
  key: string;
  value: Value;
  tombstone?: boolean;
  context: CausalContext;
  /** The client's operation timeout, ms: the coordinator gives up within it. */
  timeout: number;
  [field: string]: unknown;
}

/** Client -> its node (coordinator: node): please coordinate this read. */
export interface ClientGet {
  type: 'ClientGet';
  op: string;
  key: string;
  timeout: number;
  [field: string]: unknown;
}

/** Coordinating node -> client: the operation's outcome. */
export interface ClientReply {
  type: 'ClientReply';
  op: string;
  result: OpResult;
  [field: string]: unknown;
}

/** Coordinator -> replica: store this write. `hint` names the home it stands in for (sloppy quorum). */
export interface Put {
  type: 'Put';
  req: number;
  key: string;
  op: string;
  value: Value;
  tombstone?: boolean;
  context: CausalContext;
  dot?: [string, number];
  ts?: number;
  origin: string;
  hint?: string;
  [field: string]: unknown;
}

/** Replica -> coordinator: stored; `context` is the replica's context for the key afterwards. */
export interface PutAck {
  type: 'PutAck';
  req: number;
  key: string;
  context: CausalContext;
  [field: string]: unknown;
}

export interface Get {
  type: 'Get';
  req: number;
  key: string;
  hint?: string;
  [field: string]: unknown;
}

export interface GetReply {
  type: 'GetReply';
  req: number;
  key: string;
  /** The replica's copy, or null when it has none. */
  object: StoredObject | null;
  [field: string]: unknown;
}

/** Coordinator -> stale replica: the newest copy the read found. */
export interface ReadRepair {
  type: 'ReadRepair';
  key: string;
  object: StoredObject;
  [field: string]: unknown;
}

/** Fallback node -> home: a write it held for the home (hinted handoff). */
export interface HintedPut {
  type: 'HintedPut';
  hint: string;
  key: string;
  object: StoredObject;
  [field: string]: unknown;
}

export interface HandoffAck {
  type: 'HandoffAck';
  hint: string;
  /** Digest of the copy that was handed off: the hint is deleted only if it has not changed since. */
  digest: string;
  [field: string]: unknown;
}

/** Anti-entropy: the initiator's root hash over the key ranges both nodes replicate. */
export interface MerkleRoot {
  type: 'MerkleRoot';
  session: string;
  root: string;
  keys: number;
  [field: string]: unknown;
}

/** Anti-entropy: hashes of the children of the branches that differed, one tree level down. */
export interface MerkleBranch {
  type: 'MerkleBranch';
  session: string;
  level: number;
  hashes: Record<string, string>;
  [field: string]: unknown;
}

/** Anti-entropy: the sender's copies of the keys in the leaf ranges that differ. */
export interface MerkleLeaves {
  type: 'MerkleLeaves';
  session: string;
  ranges: number[];
  objects: Record<string, StoredObject>;
  [field: string]: unknown;
}

/** Anti-entropy: copies the other side was missing or had older versions of. */
export interface KeyTransfer {
  type: 'KeyTransfer';
  session: string;
  objects: Record<string, StoredObject>;
  [field: string]: unknown;
}

export type LeaderlessMessage =
  | ClientPut
  | ClientGet
  | ClientReply
  | Put
  | PutAck
  | Get
  | GetReply
  | ReadRepair
  | HintedPut
  | HandoffAck
  | MerkleRoot
  | MerkleBranch
  | MerkleLeaves
  | KeyTransfer;

/**
 * Background traffic: collapsed in views and ignored by a `quiet` stop. Hinted handoff is not in
 * it: it only runs while hints exist and is what a sloppy-quorum run is about.
 */
export const PERIODIC_MESSAGES = ['MerkleRoot', 'MerkleBranch', 'MerkleLeaves', 'KeyTransfer'];

// State, log entries and messages of the single-leader family. A node takes part in one replication
// group per shard (one group, named `main`, without shards); every group has its own leader, term,
// log and followers, exactly like independent PostgreSQL clusters that share machines.

import type { FollowerMode, SingleLeaderConfig } from '../../scenario/model';
import type { Sibling, Value } from '../protocol';

export type Role = 'leader' | 'follower' | 'candidate';
export type LogMode = SingleLeaderConfig['log'];
export type WriteKind = 'write' | 'delete' | 'increment' | 'add' | 'remove';

/** Positions per group that a client has observed (writes made, reads served). */
export type Positions = Record<string, number>;

interface EntryBase {
  index: number;
  term: number;
  /** Op key of the client write. */
  op: string;
  key: string;
  /** Virtual time the leader appended it (for lag in ms). */
  at: number;
  /** Positions in other groups the writer had seen (consistent prefix across shards). */
  deps?: Positions;
}

/** `statement`: the statement itself; every node evaluates it when applying. */
export interface StatementEntry extends EntryBase {
  kind: 'statement';
  write: WriteKind;
  /** The written value as the client gave it, expressions unevaluated. */
  value?: Value;
  by?: number;
  sql: string;
}

/** `row`: the resulting row image; applied when its transaction's commit record arrives. */
export interface RowEntry extends EntryBase {
  kind: 'insert' | 'update' | 'delete';
  /** The new row (null for delete). */
  value: Value;
}

export interface CommitEntry extends EntryBase {
  kind: 'commit';
}

/** `wal`: a storage-level page change, readable only by the same storage engine version. */
export interface WalEntry extends EntryBase {
  kind: 'wal';
  engineVersion: number;
  page: number;
  slot: number;
  /** The page bytes as this engine version lays them out. */
  image: string;
  /** The row the page change encodes (what a compatible engine decodes). */
  value: Value;
  tombstone: boolean;
}

export type LogEntry = StatementEntry | RowEntry | CommitEntry | WalEntry;

export interface FollowerProgress {
  mode: FollowerMode;
  /** Highest index the follower has durably applied (acknowledged). */
  match: number;
  /** Next index to ship. */
  next: number;
  /** Virtual time of the last message heard from it. */
  heard: number;
  /** Replication stopped for good (WAL from an incompatible storage engine). */
  stopped?: string;
  /** Waiting for a SnapshotAck before streaming. */
  snapshotting?: boolean;
  lag?: { entries: number; ms: number };
}

export interface PendingWrite {
  op: string;
  client: string;
  index: number;
}

export interface GroupState {
  name: string;
  /** Members of the group (leader and followers), in declaration order. */
  members: string[];
  /** Configured replication mode of each follower (when this node leads). */
  modes: Record<string, FollowerMode>;
  keys?: string[];
  role: Role;
  term: number;
  votedFor: string | null;
  leader: string | null;
  /** Entries after `logStart` (a snapshot covers positions up to `logStart`). */
  log: LogEntry[];
  /** Position of the last entry of each op in the log (answers client retries without a scan). */
  opIndex: Record<string, number>;
  logStart: number;
  logStartTerm: number;
  /** Highest index persisted and applied to data. */
  applied: number;
  commitIndex: number;
  /** Leader only. */
  progress: Record<string, FollowerProgress>;
  pending: PendingWrite[];
  /** Leader lease (fencing): physical time of the heartbeat round a majority last confirmed. */
  leaseFrom: number;
  heartbeatSeq: number;
  heartbeatRounds: { seq: number; clock: number; acks: string[] }[];
  /** Candidate: votes received this term (pre-vote or real). */
  votes: string[];
  prevote: boolean;
  /** Heard from a live leader since the election timer was last armed. */
  heardLeader: boolean;
  /** Follower: Replicate messages that overtook an earlier one, by the position they follow. */
  early: Record<number, Extract<SlMessage, { type: 'Replicate' }>>;
  /** Follower: a CatchUpRequest is outstanding. */
  catchUpAsked: boolean;
  /** Follower: its last position when the previous heartbeat came (-1: it was not behind). */
  behindAt: number;
  /**
   * Whether it may vote and run for leader. A node that lost its disk also lost the record of its
   * votes, so it abstains until it has caught up with a leader (else it could vote twice in a term).
   */
  voter: boolean;
  /** Non-voter after a disk loss: the highest term heard from each peer since. */
  heardTerms: Record<string, number>;
  /** Follower: replication cannot work (WAL from another engine version); it stops asking. */
  broken?: string;
  /** Joining follower: waiting for the snapshot. */
  awaitingSnapshot: boolean;
  /** Joined node: serves reads once caught up. */
  ready: boolean;
  /** Reads held until this group's applied position reaches `min`. */
  heldReads: HeldRead[];
  /** Undo records for applied entries (to truncate data with the log). */
  undo: Record<number, { key: string; before: Sibling | undefined; deps: Positions | undefined }>;
  /** Physical time the election that made this node leader started (start of its lease). */
  electionClock: number;
  /** Virtual time this group's election timeout expires (one node-wide `election` timer serves all groups). */
  electionDue: number | null;
  /** Virtual time of the last message from a live leader of this group (pre-vote refusals). */
  leaderContact: number;
  /** Joining follower: ready once applied reaches this position (-1: not known yet). */
  readyAt: number;
}

export interface HeldRead {
  client: string;
  op: string;
  key: string;
  min: number;
}

export interface NodeState {
  self: string;
  groups: Record<string, GroupState>;
  /** Data store: one version per key, tombstones for deletes. */
  data: Record<string, Sibling>;
  /** Positions the write behind each key's value depended on (consistent prefix). */
  deps: Record<string, Positions>;
  /** `nextId()` counter of this node (statement mode). */
  counter: number;
  engineVersion: number;
  log: LogMode;
  /** Log lengths before a crash lost unpersisted entries, per group. */
  shownLog: Record<string, number>;
}

/** Messages. Every message names its replication group. */
export type SlMessage =
  | {
      type: 'ClientWrite';
      group: string;
      op: string;
      write: WriteKind;
      key: string;
      value?: Value;
      by?: number;
      deps?: Positions;
    }
  | {
      type: 'ClientWriteResult';
      group: string;
      op: string;
      ok: boolean;
      position?: number;
      term?: number;
      error?: string;
      leader?: string;
    }
  | { type: 'ClientRead'; group: string; op: string; key: string; requireLeader: boolean; min?: number }
  | {
      type: 'ClientReadResult';
      group: string;
      op: string;
      values: Sibling[];
      position: number;
      deps?: Positions;
    }
  | { type: 'Redirect'; group: string; op: string; leader: string | null; reason: string }
  | {
      type: 'Replicate';
      group: string;
      term: number;
      leader: string;
      prevIndex: number;
      prevTerm: number;
      entries: LogEntry[];
      commitIndex: number;
      leaderLast: number;
    }
  | { type: 'ReplicateAck'; group: string; term: number; applied: number; lastIndex: number }
  | {
      type: 'ReplicateReject';
      group: string;
      term: number;
      reason: 'stale-epoch' | 'engine-version';
      detail: string;
    }
  | {
      type: 'Heartbeat';
      group: string;
      term: number;
      leader: string;
      seq: number;
      commitIndex: number;
      lastIndex: number;
      lastTerm: number;
    }
  | { type: 'HeartbeatAck'; group: string; term: number; seq: number; applied: number; lastIndex: number }
  | { type: 'CatchUpRequest'; group: string; term: number; lastIndex: number; runs: [number, number][] }
  | {
      type: 'Snapshot';
      group: string;
      term: number;
      leader: string;
      position: number;
      positionTerm: number;
      data: Record<string, Sibling>;
      deps: Record<string, Positions>;
      counter: number;
    }
  | { type: 'SnapshotAck'; group: string; term: number; position: number }
  | { type: 'SnapshotRequest'; group: string; term: number }
  | {
      type: 'RequestVote';
      group: string;
      term: number;
      candidate: string;
      lastIndex: number;
      lastTerm: number;
      prevote: boolean;
    }
  | { type: 'Vote'; group: string; term: number; granted: boolean; prevote: boolean; reason: string };

export const MAIN_GROUP = 'main';

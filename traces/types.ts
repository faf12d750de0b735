// The trace contract (../shared/spec/trace-and-cli.md). Everything that shows or checks a run reads
// these types; nothing here depends on the engine.

export const TRACE_FORMAT = 'replication-trace';
export const TRACE_VERSION = 1;

/** A value as written in a scenario: a scalar or a list (lists may nest). */
export type Value = string | number | boolean | null | Value[];

/** Version vector / vector clock: actor or replica id -> counter. Zero entries are omitted. */
export type VersionVector = Record<string, number>;

export type ActorKind = 'node' | 'client' | 'network';

export interface Actor {
  id: string;
  kind: ActorKind;
  /** Scenario line that declares it, if any. */
  line?: number;
}

/** The id of the pseudo-actor that owns network-wide events (partition, heal, cut, drop). */
export const NETWORK_ACTOR = '$network';

/**
 * One stored version of a key on a replica. Several siblings = concurrent values kept side by side.
 * `op` names the client write that produced it, which is how checkers tie reads and final state
 * back to writes without knowing the protocol.
 */
export interface Sibling {
  value: Value;
  /** A deletion marker: the key was removed by `op`; `value` is null. */
  tombstone?: boolean;
  /** Op key (see OpInfo.key) of the client write that produced this value. */
  op?: string;
  /** Writes folded into this value besides `op` (merge, CRDT, read-repair of a merged value). */
  ops?: string[];
  /** Per-key version number (version-numbers) or log position (single-leader). */
  version?: number;
  vv?: VersionVector;
  /** Dotted version vectors: the event that created this sibling. */
  dot?: [string, number];
  /** Physical timestamp used by last-write-wins. */
  ts?: number;
  /** Node that first accepted the write. */
  origin?: string;
  /** CRDT metadata (PN counters, OR-set tags, ...), opaque to generic consumers. */
  crdt?: unknown;
}

export type OpKind = 'write' | 'read' | 'delete' | 'increment' | 'add' | 'remove';

/** A client operation as the trace records it. */
export interface OpInfo {
  /** Unique in a run: the scenario `id` if given, otherwise `<client>#<n>`. */
  key: string;
  /** The scenario `id`, if the item had one. */
  id?: string;
  client: string;
  kind: OpKind;
  /** The data key the operation touches. */
  dataKey: string;
  value?: Value;
  by?: number;
}

export interface OpResult {
  ok: boolean;
  /** Reads: one entry per sibling (tombstones excluded); [] = not found. */
  values?: Sibling[];
  /** Causal context returned to the client (version, vector, ...), opaque. */
  context?: unknown;
  /** Failure reason, e.g. `timeout` or `quorum not reached: 1 of 2 acks`. */
  error?: string;
  /** The node that served or coordinated the operation. */
  servedBy?: string;
}

export type EventKind =
  | 'send'
  | 'deliver'
  | 'drop'
  | 'timer'
  | 'request'
  | 'response'
  | 'crash'
  | 'recover'
  | 'partition'
  | 'heal'
  | 'cut'
  | 'skew'
  | 'state'
  | 'anomaly'
  | 'note'
  | 'persisted'
  | 'addNode'
  | 'failover'
  | 'offline'
  | 'online'
  | 'fork';

export const EVENT_KINDS: readonly EventKind[] = [
  'send',
  'deliver',
  'drop',
  'timer',
  'request',
  'response',
  'crash',
  'recover',
  'partition',
  'heal',
  'cut',
  'skew',
  'state',
  'anomaly',
  'note',
  'persisted',
  'addNode',
  'failover',
  'offline',
  'online',
  'fork',
];

/** A message on the wire. `type` is the protocol's message type (Replicate, Ack, ...). */
export interface Message {
  type: string;
  [field: string]: unknown;
}

/**
 * One event of a run, in the JSON form of the spec. Optional fields appear only on the kinds
 * that use them.
 */
export interface TraceEvent {
  id: number;
  /** Virtual milliseconds. */
  time: number;
  actor: string;
  kind: EventKind;
  vc: VersionVector;
  cause?: number;
  line?: number;

  // send / deliver / drop
  msg?: number;
  from?: string;
  to?: string;
  type?: string;
  payload?: Message;
  /** drop: why (`loss`, `partition`, `crashed`, ...). */
  reason?: string;

  // state: a data key changed (key/before/after) or a protocol field changed (field/value/append/truncate)
  key?: string;
  before?: Sibling[];
  after?: Sibling[];
  field?: string;
  value?: unknown;
  /** state on a list field (the replication log): this item was appended. */
  append?: unknown;
  /** state on a list field: truncated to this length. */
  truncate?: number;

  // request / response
  op?: OpInfo;
  result?: OpResult;

  // timer
  timer?: string;

  // note, anomaly, fault details
  text?: string;
  detail?: Record<string, unknown>;
}

export type AnomalyKind =
  | 'stale-read'
  | 'read-your-writes'
  | 'monotonic-reads'
  | 'consistent-prefix'
  | 'lost-write'
  | 'split-brain'
  | 'conflict'
  | 'divergence'
  | 'causality-violation';

export const ANOMALY_KINDS: readonly AnomalyKind[] = [
  'stale-read',
  'read-your-writes',
  'monotonic-reads',
  'consistent-prefix',
  'lost-write',
  'split-brain',
  'conflict',
  'divergence',
  'causality-violation',
];

export interface Anomaly {
  kind: AnomalyKind;
  /** The event at which the anomaly becomes visible. */
  event: number;
  /** One sentence a learner understands. */
  explain: string;
  /** The events that prove it. */
  related: number[];
  /** Data key involved, if any. */
  key?: string;
}

export interface ExpectationResult {
  line: number;
  text: string;
  passed: boolean;
  message: string;
}

export interface TraceHeader {
  format: typeof TRACE_FORMAT;
  version: typeof TRACE_VERSION;
  scenario: { title: string; file?: string; seed: number; replication?: string };
  actors: Actor[];
}

export interface NodeFinalState {
  up: boolean;
  data: Record<string, Sibling[]>;
  fields: Record<string, unknown>;
}

export interface TraceStats {
  events: number;
  messages: number;
  dropped: number;
  virtualTime: number;
  /** Why the run stopped: `quiet`, `until`, `maxEvents`. */
  stopReason?: string;
  stopMessage?: string;
}

/** The whole JSON trace file. */
export interface TraceFile extends TraceHeader {
  events: TraceEvent[];
  anomalies: Anomaly[];
  expectations: ExpectationResult[];
  final: Record<string, NodeFinalState>;
  stats: TraceStats;
  /** Results of a `sweep`, when the file holds them instead of a single run. */
  sweep?: unknown;
}

// One multi-leader replica: a datacenter leader, or an offline-capable client's local database.
// It accepts local writes, replicates them as changes tagged with the path they travel, applies
// what arrives (holding it until its dependencies are applied when causality is tracked), detects
// conflicts with version vectors, and keeps a durable log so a neighbour can fetch what it missed.

import type { OpInfo, Sibling, VersionVector } from '../../../traces/types';
import type { MultiLeaderConfig } from '../../scenario/model';
import { formatVV, merge } from '../common/versionVector';
import {
  applyCrdtOp,
  type Crdt,
  type CrdtOp,
  crdtContext,
  crdtSiblings,
  emptyCrdt,
  mergeCrdt,
} from '../crdt';
import type { Out, ProtocolContext } from '../protocol';
import { addApplied, covers, hasApplied, missingFor } from './have';
import {
  applyVersion,
  describeVersion,
  display,
  emptyKey,
  nextVV,
  type PlainKey,
  toSibling,
} from './resolve';
import type {
  Change,
  ClientReply,
  ClientWrite,
  Have,
  ReplicateMsg,
  SyncRequest,
  SyncResponse,
  Traveling,
  Version,
} from './types';

type Pending =
  | { kind: 'local'; write: ClientWrite; from: string; ev: number }
  | { kind: 'remote'; t: Traveling; from: string };

export interface ReplicaState {
  id: string;
  // Durable: survives a crash unless the disk is lost.
  plain: Record<string, PlainKey>;
  crdt: Record<string, Crdt>;
  have: Have;
  /** Changes this replica originated. */
  seq: number;
  /**
   * Every change this replica has heard of, applied or not, per origin: what anything it does next
   * happens after. Messages carry it, so a write accepted here depends on all of it.
   */
  horizon: VersionVector;
  /** Every change applied here, with the path it arrived by: what neighbours fetch after a gap. */
  log: Traveling[];
  /** Client writes accepted here, by op key: a duplicated request is not written twice. */
  accepted: Record<string, true>;
  /** Per client: the number of the next write expected from it (see ClientWrite.seq). */
  sessions: Record<string, number>;
  /**
   * After losing its disk the replica no longer knows how many changes it originated: it accepts
   * no write until a neighbour's log has told it, or it would reuse the ids of its old changes.
   */
  rebuilding: boolean;
  // Volatile.
  /** Offline-capable clients that asked for every change. */
  attached: string[];
  held: { t: Traveling; from: string }[];
  heldWrites: { write: ClientWrite; from: string; ev: number }[];
  persisting: { id: number; done: boolean; item: Pending }[];
  nextPersist: number;
}

/** How a replica talks to the world: the node and the offline client wire it differently. */
export interface ReplicaEnv {
  ctx: ProtocolContext;
  out: Out;
  config: MultiLeaderConfig;
  /** Cluster leaders, in declaration order. */
  nodes: readonly string[];
  /** Where this replica sends a change it applied, having received it from `from` (self for its own). */
  targets(from: string): string[];
  /** Answers a client operation. */
  reply(to: string, reply: ClientReply): void;
  /**
   * An offline-capable client's own replica: its user's writes never wait (they must work
   * offline), so they depend only on what the replica has applied.
   */
  localFirst?: boolean;
}

export function newReplica(id: string): ReplicaState {
  return {
    id,
    plain: {},
    crdt: {},
    have: { applied: {}, extra: {} },
    seq: 0,
    horizon: {},
    log: [],
    accepted: {},
    sessions: {},
    rebuilding: false,
    attached: [],
    held: [],
    heldWrites: [],
    persisting: [],
    nextPersist: 0,
  };
}

/** What survives a crash: the disk (data, log, counters), or nothing if the disk is lost. */
export function crashReplica(r: ReplicaState, diskLost: boolean): ReplicaState {
  if (diskLost) return { ...newReplica(r.id), rebuilding: true };
  return { ...r, attached: [], held: [], heldWrites: [], persisting: [] };
}

/** What this replica's next message tells its receiver it has heard of. */
export function horizonOf(r: ReplicaState): VersionVector {
  return merge(r.horizon, r.have.applied);
}

export function learn(r: ReplicaState, vv: VersionVector | undefined): void {
  if (vv) r.horizon = merge(r.horizon, vv);
}

function dot(c: Change): string {
  return `${c.origin}:${c.seq}`;
}

function tracked(env: ReplicaEnv): boolean {
  return env.config.causality === 'version-vectors';
}

// ---- reads -------------------------------------------------------------------------------------

export function readKey(
  r: ReplicaState,
  env: ReplicaEnv,
  key: string,
): { values: Sibling[]; context?: VersionVector } {
  const type = env.config.types[key];
  if (type) {
    const state = r.crdt[key] ?? emptyCrdt(type);
    const context = crdtContext(state);
    return { values: crdtSiblings(state).filter((s) => !s.tombstone), ...(context ? { context } : {}) };
  }
  const k = r.plain[key];
  if (!k) return { values: [] };
  return {
    values: display(k, env.config.conflicts, env.nodes).filter((s) => !s.tombstone),
    context: { ...k.seen },
  };
}

function shown(r: ReplicaState, env: ReplicaEnv, key: string): Sibling[] {
  const state = r.crdt[key];
  if (state) return crdtSiblings(state);
  const k = r.plain[key];
  return k ? display(k, env.config.conflicts, env.nodes) : [];
}

// ---- local writes ------------------------------------------------------------------------------

const WRITE_KINDS = new Set(['write', 'delete', 'increment', 'add', 'remove']);

/** A client asks this replica to write. It is applied once stored (and its dependencies are here). */
export function localWrite(r: ReplicaState, env: ReplicaEnv, request: ClientWrite, from: string): void {
  let write = request;
  const op = write.op;
  if (r.accepted[op.key] || r.heldWrites.some((w) => w.write.op.key === op.key)) {
    env.out.note(`ignored a second copy of ${op.key}: already accepted`, { op: op.key });
    return;
  }
  if (write.seq !== undefined && !inSessionOrder(r, env, write, from)) return;
  if (!WRITE_KINDS.has(op.kind)) {
    env.reply(from, { type: 'ClientReply', opKey: op.key, ok: false, error: `${op.kind} is not a write` });
    return;
  }
  const type = env.config.types[op.dataKey];
  if (!type && op.kind !== 'write' && op.kind !== 'delete') {
    // The scenario validator rejects these; a client library talking to the engine directly may not.
    const error = `${op.kind} needs a CRDT key: declare ${op.dataKey} in cluster.types`;
    env.reply(from, { type: 'ClientReply', opKey: op.key, ok: false, error });
    return;
  }
  if (type) {
    const probe = applyCrdtOp(emptyCrdt(type), r.id, crdtOp(op, 0));
    if (typeof probe === 'string') {
      env.reply(from, { type: 'ClientReply', opKey: op.key, ok: false, error: `${op.dataKey}: ${probe}` });
      return;
    }
  }
  learn(r, write.deps);
  // The write happens after everything this replica has heard of: with causality tracked it waits
  // until all of that is applied here, so no replica can store it before what it depends on.
  write = { ...write, deps: env.localFirst ? { ...r.have.applied } : horizonOf(r) };
  if (r.rebuilding) {
    r.heldWrites.push({ write, from, ev: env.ctx.event });
    env.out.note(`held ${op.key}: ${r.id} lost its disk and waits for its neighbours' logs before writing`, {
      op: op.key,
    });
    recordHeld(r, env);
    return;
  }
  if (tracked(env) && !covers(r.have, write.deps)) {
    r.heldWrites.push({ write, from, ev: env.ctx.event });
    env.out.note(
      `held ${op.key}: it must follow changes ${r.id} has heard of but not applied yet; waiting for ${missingText(r.have, write.deps)}`,
      { op: op.key, key: op.dataKey, waitingFor: missingFor(r.have, write.deps) },
    );
    recordHeld(r, env);
    return;
  }
  r.accepted[op.key] = true;
  startPersist(r, env, { kind: 'local', write, from, ev: env.ctx.event });
}

/**
 * A client's writes to this leader are taken in the order it sent them. A write the client gave up
 * on (it timed out) that arrives after a later one is ignored rather than applied out of order.
 */
function inSessionOrder(r: ReplicaState, env: ReplicaEnv, write: ClientWrite, from: string): boolean {
  let next = r.sessions[from] ?? 1;
  while (write.gaveUp?.includes(next)) next++;
  const seq = write.seq!;
  if (seq < next) {
    env.out.note(`ignored ${write.op.key}: ${from} gave up on it and has sent later writes since`, {
      op: write.op.key,
    });
    r.sessions[from] = next;
    return false;
  }
  r.sessions[from] = seq + 1;
  return true;
}

function crdtOp(op: OpInfo, ts: number): CrdtOp {
  switch (op.kind) {
    case 'increment':
      return { kind: 'increment', by: op.by ?? 1, op: op.key };
    case 'add':
    case 'remove':
      return { kind: op.kind, value: op.value ?? null, op: op.key };
    case 'delete':
      return { kind: 'delete', op: op.key, ts };
    default:
      return { kind: 'write', value: op.value ?? null, op: op.key, ts };
  }
}

function applyLocal(r: ReplicaState, env: ReplicaEnv, write: ClientWrite, from: string, ev: number): void {
  const op = write.op;
  const key = op.dataKey;
  // Own changes learnt back from a neighbour after a disk loss count: never reuse their ids.
  r.seq = Math.max(r.seq, r.have.applied[r.id] ?? 0, ...(r.have.extra[r.id] ?? []));
  const deps = merge(merge(r.have.applied, write.deps), { [r.id]: r.seq });
  r.seq++;
  const change: Change = { origin: r.id, seq: r.seq, deps, key, op: op.key };
  const type = env.config.types[key];
  let context: VersionVector | undefined;
  if (type) {
    const next = applyCrdtOp(r.crdt[key] ?? emptyCrdt(type), r.id, crdtOp(op, env.ctx.clock));
    if (typeof next === 'string') throw new Error(next); // checked when the write arrived
    change.crdt = next;
    context = crdtContext(next);
  } else {
    const k = r.plain[key] ?? emptyKey();
    const version = newVersion(r, env, k, write, ev);
    change.put = version;
    context = version.vv;
  }
  const t: Traveling = { change, path: [r.id] };
  storeChange(r, env, t);
  env.reply(from, {
    type: 'ClientReply',
    opKey: op.key,
    ok: true,
    ...(context ? { context } : {}),
    deps: horizonOf(r),
  });
  const msg: ReplicateMsg = { type: 'Replicate', change, path: [r.id], horizon: horizonOf(r) };
  for (const to of env.targets(r.id)) env.out.send(to, msg);
}

function newVersion(r: ReplicaState, env: ReplicaEnv, k: PlainKey, write: ClientWrite, ev: number): Version {
  const op = write.op;
  const base: Omit<Version, 'vv' | 'value'> = { op: op.key, ts: env.ctx.clock, origin: r.id, ev };
  if (op.kind === 'delete')
    return { ...base, value: null, tombstone: true, vv: nextVV(k, r.id, write.context) };
  return { ...base, value: op.value ?? null, vv: nextVV(k, r.id, write.context) };
}

// ---- changes from other replicas ------------------------------------------------------------------

/** A change arrives from `from`. `requested`: it answers this replica's own SyncRequest. */
export function receiveChange(
  r: ReplicaState,
  env: ReplicaEnv,
  t: Traveling,
  from: string,
  requested = false,
): void {
  const c = t.change;
  learn(r, merge(c.deps, { [c.origin]: c.seq }));
  if (!requested && t.path.includes(r.id)) {
    env.out.note(`ignored ${c.op}: already passed through ${r.id}`, { change: dot(c), path: t.path });
    return;
  }
  if (
    hasApplied(r.have, c.origin, c.seq) ||
    r.held.some((h) => dot(h.t.change) === dot(c)) ||
    r.persisting.some((p) => p.item.kind === 'remote' && dot(p.item.t.change) === dot(c))
  ) {
    if (!requested) env.out.note(`ignored ${c.op}: change ${dot(c)} already arrived`, { change: dot(c) });
    return;
  }
  if (tracked(env) && !deliverable(r, c)) {
    r.held.push({ t, from });
    env.out.note(
      `held ${c.op} from ${c.origin}: it depends on ${missingText(r.have, depsOf(c))} not applied here yet`,
      {
        change: dot(c),
        key: c.key,
        waitingFor: missingFor(r.have, depsOf(c)),
      },
    );
    recordHeld(r, env);
    return;
  }
  startPersist(r, env, { kind: 'remote', t, from });
}

function depsOf(c: Change): VersionVector {
  return { ...c.deps, [c.origin]: c.seq - 1 };
}

function deliverable(r: ReplicaState, c: Change): boolean {
  return (r.have.applied[c.origin] ?? 0) === c.seq - 1 && covers(r.have, depsOf(c));
}

function missingText(have: Have, deps: VersionVector): string {
  const missing = missingFor(have, deps);
  return Object.keys(missing)
    .sort()
    .map((o) => `${o}'s change${missing[o]!.length > 1 ? 's' : ''} ${missing[o]!.join(', ')}`)
    .join(' and ');
}

function applyRemote(r: ReplicaState, env: ReplicaEnv, t: Traveling, from: string): void {
  const c = t.change;
  if (hasApplied(r.have, c.origin, c.seq)) return;
  storeChange(r, env, t);
  const targets = env.targets(from).filter((n) => n !== from);
  if (targets.length > 0) {
    const msg: ReplicateMsg = { type: 'Forward', change: c, path: [...t.path, r.id], horizon: horizonOf(r) };
    for (const to of targets) env.out.send(to, msg);
  }
}

/** Stores a change's effect, logs it and records what the debugger shows. */
function storeChange(r: ReplicaState, env: ReplicaEnv, t: Traveling): void {
  const c = t.change;
  const before = shown(r, env, c.key);
  if (c.crdt) {
    const type = env.config.types[c.key];
    const current = r.crdt[c.key] ?? (type ? emptyCrdt(type) : c.crdt);
    r.crdt[c.key] = mergeCrdt(current, c.crdt);
  } else if (c.put) {
    const k = r.plain[c.key] ?? emptyKey();
    r.plain[c.key] = k;
    const outcome = applyVersion(
      k,
      c.put,
      env.config.conflicts,
      env.nodes,
      tracked(env) || c.origin === r.id,
    );
    if (outcome.note) env.out.note(outcome.note, { key: c.key, op: c.op });
    for (const [a, b] of outcome.conflicts) reportConflict(r, env, c.key, a, b);
  }
  addApplied(r.have, c.origin, c.seq);
  r.log.push(t);
  env.out.append('log', `${dot(c)} ${c.key} ${c.op}${c.put ? ` vv ${formatVV(c.put.vv)}` : ''}`);
  env.out.field('applied', { ...r.have.applied });
  const after = shown(r, env, c.key);
  let recorded = before;
  if (c.put && c.origin === r.id && !after.some((x) => x.op === c.op || x.ops?.includes(c.op))) {
    // The leader stores the write it accepted, and only then resolves it away against what it
    // already held (last-write-wins, highest-node): the trace shows both steps.
    recorded = [toSibling(c.put)];
    env.out.data(c.key, recorded);
  }
  if (JSON.stringify(after) !== JSON.stringify(recorded)) env.out.data(c.key, after);
}

/**
 * Each conflict is reported once in the whole cluster: by the replica that accepted the first of
 * the two writes (by op key), when it meets the other. Every replica still resolves it alike.
 */
function reportConflict(r: ReplicaState, env: ReplicaEnv, key: string, a: Version, b: Version): void {
  const [first, second] = a.op < b.op ? [a, b] : [b, a];
  if (first.origin !== r.id) return;
  const how: Record<string, string> = {
    siblings: 'both are kept as siblings until a write that saw both resolves them',
    merge: 'they are merged into one value',
    'highest-node': 'the write from the leader declared last wins',
    'last-write-wins': 'the write with the higher timestamp wins, the other is discarded',
  };
  env.out.anomaly(
    'conflict',
    `${describeVersion(first)} and ${describeVersion(second)} changed ${key} concurrently: their version vectors ${formatVV(first.vv)} and ${formatVV(second.vv)} are concurrent; ${how[env.config.conflicts]}.`,
    [first.ev, second.ev, env.ctx.event].filter((e) => e >= 0),
    key,
  );
}

// ---- storage --------------------------------------------------------------------------------------

function startPersist(r: ReplicaState, env: ReplicaEnv, item: Pending): void {
  const id = r.nextPersist++;
  r.persisting.push({ id, done: false, item });
  env.out.persist({ multiLeader: id });
}

/** Storage finished a write: apply, in submission order, everything stored so far. */
export function persisted(r: ReplicaState, env: ReplicaEnv, data: unknown): void {
  const id = (data as { multiLeader?: number } | null)?.multiLeader;
  const entry = r.persisting.find((p) => p.id === id);
  if (!entry) return;
  entry.done = true;
  while (r.persisting.length > 0 && r.persisting[0]!.done) {
    const { item } = r.persisting.shift()!;
    if (item.kind === 'local') applyLocal(r, env, item.write, item.from, item.ev);
    else applyRemote(r, env, item.t, item.from);
  }
  releaseHeld(r, env);
}

/** Applies whatever was waiting for dependencies that are now here. */
function releaseHeld(r: ReplicaState, env: ReplicaEnv): void {
  if (r.held.length === 0 && r.heldWrites.length === 0) return;
  let released = false;
  // One pass: a change that depends on one released now is released when that one is applied.
  for (let i = 0; i < r.held.length; i++) {
    const h = r.held[i]!;
    if (!deliverable(r, h.t.change)) continue;
    r.held.splice(i--, 1);
    env.out.note(`released ${h.t.change.op}: what it depends on has been applied`, {
      change: dot(h.t.change),
    });
    startPersist(r, env, { kind: 'remote', t: h.t, from: h.from });
    released = true;
  }
  for (let i = 0; i < r.heldWrites.length && !r.rebuilding; i++) {
    const w = r.heldWrites[i]!;
    if (!tracked(env) || covers(r.have, w.write.deps)) {
      r.heldWrites.splice(i--, 1);
      env.out.note(`released ${w.write.op.key}: ${r.id} has now applied what ${w.from} had seen`, {
        op: w.write.op.key,
      });
      r.accepted[w.write.op.key] = true;
      startPersist(r, env, { kind: 'local', write: w.write, from: w.from, ev: w.ev });
      released = true;
    }
  }
  if (released) recordHeld(r, env);
}

function recordHeld(r: ReplicaState, env: ReplicaEnv): void {
  env.out.field('held', [
    ...r.held.map((h) => `${h.t.change.op} (${dot(h.t.change)})`),
    ...r.heldWrites.map((w) => `${w.write.op.key} (client write)`),
  ]);
}

// ---- catching up ------------------------------------------------------------------------------------

export function syncRequest(r: ReplicaState, subscribe = false): SyncRequest {
  const have: Have = { applied: { ...r.have.applied }, extra: {} };
  for (const o in r.have.extra) have.extra[o] = r.have.extra[o]!.slice();
  const msg: SyncRequest = { type: 'SyncRequest', have, horizon: horizonOf(r) };
  if (r.rebuilding) msg.rebuilding = true;
  return subscribe ? { ...msg, subscribe } : msg;
}

/** A neighbour says what it has: send it the logged changes it lacks (nothing if none). */
export function answerSync(r: ReplicaState, env: ReplicaEnv, req: SyncRequest, from: string): void {
  if (req.subscribe && !r.attached.includes(from)) {
    r.attached.push(from);
    env.out.note(`${from} keeps a local replica: ${r.id} will send it every change`, { client: from });
  }
  const changes: Traveling[] = [];
  // The common case, a neighbour that has everything, costs no scan of the log.
  let behind = false;
  for (const o in r.have.applied) if (!hasApplied(req.have, o, r.have.applied[o]!)) behind = true;
  for (const o in r.have.extra)
    for (const seq of r.have.extra[o]!) if (!hasApplied(req.have, o, seq)) behind = true;
  for (const t of behind ? r.log : []) {
    const c = t.change;
    if (!hasApplied(req.have, c.origin, c.seq))
      changes.push({ change: c, path: t.path.at(-1) === r.id ? t.path : [...t.path, r.id] });
  }
  if (changes.length === 0 && !req.rebuilding) return;
  const msg: SyncResponse = { type: 'SyncResponse', changes, horizon: horizonOf(r) };
  env.out.send(from, msg);
}

export function receiveSync(r: ReplicaState, env: ReplicaEnv, res: SyncResponse, from: string): void {
  const missing = res.changes.filter((t) => !hasApplied(r.have, t.change.origin, t.change.seq));
  if (missing.length > 0) {
    env.out.note(`catching up: ${missing.length} change${missing.length > 1 ? 's' : ''} from ${from}'s log`, {
      changes: missing.map((t) => dot(t.change)),
    });
  }
  for (const t of missing) receiveChange(r, env, t, from, true);
  if (r.rebuilding) {
    r.rebuilding = false;
    env.out.note(`${r.id} has rebuilt from ${from}'s log and accepts writes again`);
    releaseHeld(r, env);
  }
}

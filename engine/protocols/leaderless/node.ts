// A leaderless node: a replica (stores writes, answers reads, takes read repairs, anti-entropy
// copies and hinted handoffs), a coordinator for the clients connected to it (`coordinator:
// node`), and — with a sloppy quorum — a fallback that holds hints for unreachable homes.
//
// Every write to the store goes through `persist` first, so a replica's path for a write is
// "receive, apply on storage, acknowledge" and its path for a read is "receive, respond".

import type { LeaderlessConfig } from '../../scenario/model';
import { formatVV } from '../common/versionVector';
import type { Message, NodeInput, Out, ProtocolContext } from '../protocol';
import {
  type AntiEntropyHost,
  type AntiEntropyState,
  newAntiEntropyState,
  onKeyTransfer,
  onMerkleBranch,
  onMerkleLeaves,
  onMerkleRoot,
  startExchange,
} from './antiEntropy';
import {
  type CoordinatorHost,
  type CoordinatorState,
  newCoordinatorState,
  onReply,
  onTimer,
  startRead,
  startWrite,
} from './coordinator';
import type {
  ClientReply,
  GetReply,
  HandoffAck,
  HintedPut,
  LeaderlessMessage,
  Put,
  PutAck,
} from './messages';
import { type Ring, ringFor } from './ring';
import {
  applyWrite,
  contextOf,
  describeVersion,
  digest,
  mergeObjects,
  type StoredObject,
  visibleCount,
} from './versioning';

/** A write held for an unreachable home replica (sloppy quorum), until it is handed off. */
export interface Hint {
  home: string;
  key: string;
  object: StoredObject;
}

export interface LeaderlessNode {
  store: Map<string, StoredObject>;
  /**
   * Writes already applied (`key op`), so a duplicated Put is not applied twice. Kept only when the
   * network can duplicate a message: nothing else delivers the same Put twice (the coordinator
   * never sends one request to one node twice), and the set would otherwise grow with every write.
   */
  applied: Set<string>;
  hints: Map<string, Hint>;
  coordinator: CoordinatorState;
  antiEntropy: AntiEntropyState;
  handoffArmed: boolean;
  /** Messages this node sent to itself, handled after the current input. */
  inbox: { from: string; msg: Message }[];
}

type PersistJob =
  | { kind: 'put'; from: string; msg: Put }
  | { kind: 'merge'; key: string; object: StoredObject; why: string; from: string; hint?: string };

export const ANTI_ENTROPY_TIMER = 'anti-entropy';
export const HANDOFF_TIMER = 'handoff';

export function initNode(): LeaderlessNode {
  return {
    store: new Map(),
    applied: new Set(),
    hints: new Map(),
    coordinator: newCoordinatorState(),
    antiEntropy: newAntiEntropyState(),
    handoffArmed: false,
    inbox: [],
  };
}

/** Store, applied writes, hints and dot counters are on disk; requests in flight are not. */
export function crashNode(state: LeaderlessNode, diskLost: boolean): LeaderlessNode {
  if (diskLost) return initNode();
  const counters = state.coordinator.counters;
  return {
    store: state.store,
    applied: state.applied,
    hints: state.hints,
    coordinator: { ...newCoordinatorState(), counters },
    antiEntropy: newAntiEntropyState(),
    handoffArmed: false,
    inbox: [],
  };
}

/** Whether any link of the scenario's network may deliver a message twice. */
function networkDuplicates(ctx: ProtocolContext): boolean {
  const net = ctx.scenario.network;
  if (net.duplicate > 0) return true;
  for (const link of net.links) if ((link.duplicate ?? 0) > 0) return true;
  return false;
}

/**
 * The per-input view of a node the helper modules work with. One object is rebound for every
 * input (handlers run one at a time and never keep it), so an input costs no allocation here.
 */
class NodeEnv implements CoordinatorHost, AntiEntropyHost {
  state!: LeaderlessNode;
  ctx!: ProtocolContext;
  out!: Out;
  cfg!: LeaderlessConfig;
  ring!: Ring;
  dedupe = false;

  bind(state: LeaderlessNode, ctx: ProtocolContext, out: Out): this {
    this.state = state;
    this.ctx = ctx;
    this.out = out;
    this.cfg = ctx.cluster as LeaderlessConfig;
    this.ring = ringFor(ctx);
    this.dedupe = networkDuplicates(ctx);
    return this;
  }

  /** Drops the references to the run, so that a finished simulation can be collected. */
  unbind(): void {
    this.state = undefined as never;
    this.ctx = undefined as never;
    this.out = undefined as never;
  }

  send(to: string, msg: Message): void {
    if (to === this.ctx.self) this.state.inbox.push({ from: to, msg });
    else this.out.send(to, msg);
  }

  answer(client: string, op: string, result: ClientReply['result']): void {
    const reply: ClientReply = { type: 'ClientReply', op, result };
    this.out.send(client, reply);
  }

  local(key: string): StoredObject | undefined {
    return this.state.store.get(key);
  }

  get store(): Map<string, StoredObject> {
    return this.state.store;
  }

  /** Reconcile a copy from elsewhere (read repair, anti-entropy, handoff) via storage. */
  mergeLater(key: string, object: StoredObject, why: string, from: string): void {
    const job: PersistJob = { kind: 'merge', key, object, why, from };
    this.out.persist(job);
  }
}

const nodeEnv = new NodeEnv();

export function onNode(state: LeaderlessNode, input: NodeInput, ctx: ProtocolContext, out: Out): void {
  const env = nodeEnv.bind(state, ctx, out);
  try {
    handleInput(env, input);
  } finally {
    env.unbind();
  }
}

function handleInput(env: NodeEnv, input: NodeInput): void {
  const { state, out } = env;
  switch (input.kind) {
    case 'start':
    case 'recover':
      armTimers(env, true);
      if (input.kind === 'recover' && state.hints.size > 0) publishHints(env);
      break;
    case 'membership':
      // NodeEnv has already rebuilt the ring from ctx.nodes.
      handOverMovedKeys(env, input.added);
      break;
    case 'message':
      handleMessage(env, input.from, input.msg as LeaderlessMessage);
      break;
    case 'timer':
      onNodeTimer(env, input.name, input.data);
      break;
    case 'persisted':
      onPersisted(env, input.data as PersistJob);
      break;
    case 'promote':
      out.note('leaderless replication has no leader to promote; ignored');
      break;
  }
  while (state.inbox.length > 0) {
    const { from, msg } = state.inbox.shift()!;
    handleMessage(env, from, msg as LeaderlessMessage);
  }
}

function armTimers(env: NodeEnv, fresh: boolean): void {
  const { cfg, ctx, out, state } = env;
  if (fresh && cfg.antiEntropy !== false) {
    // Nodes start their rounds staggered across one interval so that they do not all compare at once.
    const i = Math.max(0, ctx.nodes.indexOf(ctx.self));
    out.setTimer(ANTI_ENTROPY_TIMER, cfg.antiEntropy + (cfg.antiEntropy * i) / Math.max(1, ctx.nodes.length));
  }
  if (state.hints.size > 0 && !state.handoffArmed) {
    state.handoffArmed = true;
    out.setTimer(HANDOFF_TIMER, cfg.hintedHandoff);
  }
}

function handleMessage(env: NodeEnv, from: string, msg: LeaderlessMessage): void {
  const { state, out, cfg } = env;
  switch (msg.type) {
    case 'ClientPut':
      startWrite(state.coordinator, env, {
        op: msg.op,
        client: from,
        key: msg.key,
        value: msg.value,
        tombstone: msg.tombstone === true,
        context: msg.context,
        timeout: msg.timeout,
      });
      return;
    case 'ClientGet':
      startRead(state.coordinator, env, { op: msg.op, client: from, key: msg.key, timeout: msg.timeout });
      return;
    case 'Put': {
      const job: PersistJob = { kind: 'put', from, msg };
      out.persist(job);
      return;
    }
    case 'Get': {
      const copy = msg.hint ? state.hints.get(hintId(msg.hint, msg.key))?.object : state.store.get(msg.key);
      const reply: GetReply = { type: 'GetReply', req: msg.req, key: msg.key, object: copy ?? null };
      env.send(from, reply);
      return;
    }
    case 'PutAck':
    case 'GetReply':
      onReply(state.coordinator, env, from, msg);
      return;
    case 'ReadRepair':
      env.mergeLater(msg.key, msg.object, 'read repair', from);
      return;
    case 'HintedPut': {
      const job: PersistJob = {
        kind: 'merge',
        key: msg.key,
        object: msg.object,
        why: 'hinted handoff',
        from,
        hint: msg.hint,
      };
      out.persist(job);
      return;
    }
    case 'HandoffAck':
      onHandoffAck(env, from, msg);
      return;
    case 'MerkleRoot':
      onMerkleRoot(state.antiEntropy, env, from, msg);
      return;
    case 'MerkleBranch':
      onMerkleBranch(state.antiEntropy, env, from, msg);
      return;
    case 'MerkleLeaves':
      onMerkleLeaves(state.antiEntropy, env, from, msg);
      return;
    case 'KeyTransfer':
      onKeyTransfer(state.antiEntropy, env, from, msg);
      return;
    case 'ClientReply':
      return;
    default:
      out.note(`unexpected message for a ${cfg.replication} node`, { type: (msg as Message).type });
  }
}

function onNodeTimer(env: NodeEnv, name: string, data: unknown): void {
  const { state, cfg, out } = env;
  if (onTimer(state.coordinator, env, name, data)) return;
  if (name === ANTI_ENTROPY_TIMER && cfg.antiEntropy !== false) {
    startExchange(state.antiEntropy, env);
    out.setTimer(ANTI_ENTROPY_TIMER, cfg.antiEntropy);
  } else if (name === HANDOFF_TIMER) {
    state.handoffArmed = false;
    for (const [id, hint] of [...state.hints].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const msg: HintedPut = { type: 'HintedPut', hint: id, key: hint.key, object: hint.object };
      env.send(hint.home, msg);
    }
    armTimers(env, false);
  }
}

function onPersisted(env: NodeEnv, job: PersistJob): void {
  if (job.kind === 'put') {
    if (job.msg.hint) holdHint(env, job.from, job.msg);
    else applyPut(env, job.from, job.msg);
    return;
  }
  const { state, cfg, out } = env;
  const local = state.store.get(job.key);
  const merged = mergeObjects(cfg.versioning, local, job.object)!;
  if (digest(merged) !== digest(local)) {
    state.store.set(job.key, merged);
    out.data(job.key, merged.siblings);
  }
  if (job.hint !== undefined) {
    const ack: HandoffAck = { type: 'HandoffAck', hint: job.hint, digest: digest(job.object) };
    env.send(job.from, ack);
  }
}

function applyPut(env: NodeEnv, from: string, msg: Put): void {
  const { state, cfg, out } = env;
  const seen = env.dedupe ? `${msg.key} ${msg.op}` : '';
  if (!env.dedupe || !state.applied.has(seen)) {
    if (env.dedupe) state.applied.add(seen);
    const result = applyWrite(cfg.versioning, state.store.get(msg.key), msg);
    if (result.rejectedBy) {
      const winner = result.rejectedBy;
      out.note(
        `last write wins: ${msg.op} (timestamp ${msg.ts}) is older than ${winner.op} (timestamp ${winner.ts}) and is discarded`,
        { key: msg.key, discarded: msg.op, kept: winner.op },
      );
    }
    if (result.changed) {
      state.store.set(msg.key, result.obj);
      out.data(msg.key, result.obj.siblings);
      const visible = visibleCount(result.obj);
      if (visible > 1)
        out.note(siblingsNote(cfg.versioning, msg, visible), {
          key: msg.key,
          context: msg.context,
          version: describeVersion(cfg.versioning, result.obj),
        });
    }
  }
  const ack: PutAck = {
    type: 'PutAck',
    req: msg.req,
    key: msg.key,
    context: contextOf(cfg.versioning, state.store.get(msg.key)),
  };
  env.send(from, ack);
}

function siblingsNote(scheme: LeaderlessConfig['versioning'], msg: Put, visible: number): string {
  if (scheme === 'version-vectors')
    return `${msg.key} now has ${visible} siblings: the context of ${msg.op}, ${formatVV(msg.context.vv ?? {})}, has not seen the whole object, so the replica cannot tell which values it replaces and keeps them all`;
  return `${msg.key} now has ${visible} siblings: ${msg.op} is concurrent with values its writer had not seen`;
}

function hintId(home: string, key: string): string {
  return `${home}/${key}`;
}

function holdHint(env: NodeEnv, from: string, msg: Put): void {
  const { state, cfg, out } = env;
  const home = msg.hint!;
  const id = hintId(home, msg.key);
  const held = state.hints.get(id);
  const result = applyWrite(cfg.versioning, held?.object, msg);
  state.hints.set(id, { home, key: msg.key, object: result.obj });
  out.note(`holding a hint for ${home}: ${msg.key} from ${msg.op}, to hand off when ${home} is reachable`, {
    home,
    key: msg.key,
  });
  publishHints(env);
  armTimers(env, false);
  const ack: PutAck = {
    type: 'PutAck',
    req: msg.req,
    key: msg.key,
    context: contextOf(cfg.versioning, result.obj),
  };
  env.send(from, ack);
}

function onHandoffAck(env: NodeEnv, from: string, msg: HandoffAck): void {
  const { state, out } = env;
  const hint = state.hints.get(msg.hint);
  if (!hint || hint.home !== from) return;
  if (digest(hint.object) !== msg.digest) return; // a newer write joined the hint: hand it off again
  state.hints.delete(msg.hint);
  out.note(`hinted handoff: ${from} has ${hint.key}, hint deleted`, { home: from, key: hint.key });
  publishHints(env);
}

/**
 * A node joined and took over some key ranges: keys this node is no longer a home for are handed
 * to their new homes the way hints are (retried until acknowledged), and leave this node's data.
 */
function handOverMovedKeys(env: NodeEnv, added: string): void {
  const { state, ring, ctx, out } = env;
  const moved = [...state.store.keys()].filter((key) => !ring.isHome(key, ctx.self)).sort();
  if (moved.length === 0) return;
  for (const key of moved) {
    const object = state.store.get(key)!;
    for (const home of ring.preferenceList(key)) {
      const id = hintId(home, key);
      const held = state.hints.get(id);
      state.hints.set(id, { home, key, object: mergeObjects(env.cfg.versioning, held?.object, object)! });
    }
    state.store.delete(key);
    out.data(key, []);
  }
  out.note(
    `${added} joined the ring: handing ${moved.join(', ')} over to ${moved.length === 1 ? 'its' : 'their'} new homes`,
    {
      added,
      keys: moved,
    },
  );
  publishHints(env);
  armTimers(env, false);
}

function publishHints(env: NodeEnv): void {
  const list = [...env.state.hints.values()]
    .map((h) => ({ home: h.home, key: h.key, ops: h.object.siblings.map((s) => s.op ?? '') }))
    .sort((a, b) => (a.home + a.key < b.home + b.key ? -1 : 1));
  env.out.field('hints', list);
}

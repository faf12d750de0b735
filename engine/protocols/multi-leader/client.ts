// The multi-leader client library. It keeps a causal context per key (sent with the next write of
// that key, which is how a write resolves the siblings it read) and the session's dependencies,
// routes every operation on a key with a home to that leader (failing over to its own leader when
// the home does not answer), and, for a client that goes offline in the scenario, runs a local
// replica that is a leader of its own: it accepts writes while offline and syncs both ways online.

import type { OpResult, VersionVector } from '../../../traces/types';
import type { MultiLeaderConfig } from '../../scenario/model';
import { merge } from '../common/versionVector';
import type { ClientContext, ClientInput, ClientOperation, Out } from '../protocol';
import {
  answerSync,
  horizonOf,
  localWrite,
  newReplica,
  persisted,
  type ReplicaEnv,
  type ReplicaState,
  readKey,
  receiveChange,
  receiveSync,
  syncRequest,
} from './replica';
import type { ClientReply, ClientWrite, MultiLeaderMessage, ReplicateMsg } from './types';

/** How long a client waits for a key's home leader before writing to its own leader instead, ms. */
export const HOME_FAILOVER_MS = 100;
export const DEVICE_SYNC_MS = 250;

interface PendingOp {
  op: ClientOperation;
  target: string;
  /** Writes: the session number it was sent with to `target`. */
  seq?: number;
}

export interface ClientState {
  /** Per key: the version vector of what the client last read or wrote. */
  contexts: Record<string, VersionVector>;
  /** Per origin: the changes the client's session has seen (its causal dependencies). */
  deps: VersionVector;
  pending: Record<string, PendingOp>;
  /**
   * Operations waiting for the one in flight: a session sends one at a time, so the network cannot
   * reorder a client's own writes (the second would overtake the first it causally follows).
   */
  queue: { op: ClientOperation; deadline: number }[];
  /** Offline-capable clients: the local replica. */
  device?: ReplicaState;
  offline: boolean;
  /** Own changes already pushed to the leader. */
  pushed: number;
  /** Per leader: writes sent to it so far (each write carries its number). */
  sent: Record<string, number>;
  /** Per leader: numbers of writes given up on (timed out, or failed over) without an answer. */
  gaveUp: Record<string, number[]>;
}

export function initClient(ctx: ClientContext): ClientState {
  const goesOffline = ctx.scenario.events.some(
    (e) => e.type === 'fault' && e.action.kind === 'offline' && e.action.client === ctx.self,
  );
  return {
    contexts: {},
    deps: {},
    pending: {},
    queue: [],
    offline: false,
    pushed: 0,
    sent: {},
    gaveUp: {},
    ...(goesOffline ? { device: newReplica(ctx.self) } : {}),
  };
}

function deviceEnv(state: ClientState, r: ReplicaState, ctx: ClientContext, out: Out): ReplicaEnv {
  const config = ctx.cluster as MultiLeaderConfig;
  return {
    ctx,
    out,
    config,
    nodes: ctx.nodes,
    localFirst: true,
    targets(from) {
      return state.offline || from === ctx.spec.node ? [] : [ctx.spec.node];
    },
    reply(_to, reply) {
      if (reply.ok && reply.context) state.contexts[pendingKey(state, reply.opKey)] = reply.context;
      delete state.pending[reply.opKey];
      out.complete(reply.opKey, toResult(reply, r.id));
    },
  };
}

function pendingKey(state: ClientState, opKey: string): string {
  return state.pending[opKey]?.op.dataKey ?? '';
}

function toResult(reply: ClientReply, servedBy: string): OpResult {
  const result: OpResult = { ok: reply.ok, servedBy };
  if (reply.values) result.values = reply.values;
  if (reply.context) result.context = { vv: reply.context };
  if (reply.error) result.error = reply.error;
  return result;
}

export function onClient(state: ClientState, input: ClientInput, ctx: ClientContext, out: Out): void {
  const r = state.device;
  const env = r ? deviceEnv(state, r, ctx, out) : undefined;
  switch (input.kind) {
    case 'start':
      if (r) {
        out.note(`${ctx.self} keeps a local replica (a leader of its own) synced with ${ctx.spec.node}`, {
          node: ctx.spec.node,
        });
        out.send(ctx.spec.node, syncRequest(r, true));
        out.setTimer('sync', DEVICE_SYNC_MS);
      }
      return;
    case 'op':
      if (r && env) deviceOp(state, r, env, input.op, ctx);
      else if (Object.keys(state.pending).length > 0) {
        state.queue.push({ op: input.op, deadline: ctx.now + ctx.spec.timeout });
        out.note(
          `${input.op.key} waits for ${Object.keys(state.pending)[0]} to finish: one operation at a time`,
          {
            op: input.op.key,
          },
        );
      } else sendOp(state, input.op, ctx, out);
      return;
    case 'message':
      onMessage(state, input.msg as MultiLeaderMessage, input.from, ctx, out, r, env);
      return;
    case 'timer':
      if (input.name === 'sync' && r) {
        if (!state.offline) out.send(ctx.spec.node, syncRequest(r, true));
        out.setTimer('sync', DEVICE_SYNC_MS);
      } else if (input.name.startsWith('home:')) {
        failOver(state, input.name.slice('home:'.length), ctx, out);
      }
      return;
    case 'timedOut':
      state.queue = state.queue.filter((q) => q.op.key !== input.opKey);
      if (!state.pending[input.opKey]) return;
      giveUp(state, state.pending[input.opKey]!);
      delete state.pending[input.opKey];
      out.cancelTimer(`home:${input.opKey}`);
      next(state, ctx, out);
      return;
    case 'offline':
      state.offline = true;
      if (r) state.pushed = r.seq;
      out.note(
        r
          ? `${ctx.self} is offline: its local replica keeps accepting its writes until it is back online`
          : `${ctx.self} is offline`,
      );
      return;
    case 'online':
      state.offline = false;
      if (r) goOnline(state, r, ctx, out);
      return;
    case 'persisted':
      if (r && env) persisted(r, env, (input as { data?: unknown }).data);
      return;
  }
}

function write(state: ClientState, op: ClientOperation): ClientWrite {
  const { line: _line, ...info } = op;
  const context = state.contexts[op.dataKey];
  return {
    type: 'ClientWrite',
    op: info,
    deps: { ...state.deps },
    ...(context ? { context: { ...context } } : {}),
  };
}

function sendOp(state: ClientState, op: ClientOperation, ctx: ClientContext, out: Out): void {
  const config = ctx.cluster as MultiLeaderConfig;
  const home = config.homes[op.dataKey];
  // `reads: <node>` sends reads elsewhere, unless the key has a home (which serves everything).
  const readsFrom = ctx.spec.reads && ctx.nodes.includes(ctx.spec.reads) ? ctx.spec.reads : undefined;
  const target = home ?? (op.kind === 'read' && readsFrom ? readsFrom : ctx.spec.node);
  if (home && home !== ctx.spec.node) {
    out.note(`${op.dataKey}'s home is ${home}: ${op.key} goes there, not to ${ctx.spec.node}`, {
      op: op.key,
      home,
    });
    out.setTimer(`home:${op.key}`, Math.min(HOME_FAILOVER_MS, ctx.spec.timeout / 2));
  }
  state.pending[op.key] = { op, target };
  send(state, op, target, out);
}

function send(state: ClientState, op: ClientOperation, target: string, out: Out): void {
  if (op.kind === 'read') {
    const { line: _line, ...info } = op;
    out.send(target, { type: 'ClientRead', op: info, deps: { ...state.deps } });
    return;
  }
  // Writes to one leader are numbered, and each names the earlier ones the client gave up on: the
  // leader applies them in order and ignores a given-up write arriving after a later one.
  const seq = (state.sent[target] ?? 0) + 1;
  state.sent[target] = seq;
  const p = state.pending[op.key];
  if (p) p.seq = seq;
  out.send(target, { ...write(state, op), seq, gaveUp: (state.gaveUp[target] ?? []).slice() });
}

function giveUp(state: ClientState, p: PendingOp): void {
  if (p.seq === undefined) return;
  const list = state.gaveUp[p.target] ?? [];
  list.push(p.seq);
  state.gaveUp[p.target] = list;
}

/** Sends the next queued operation, skipping those the simulator is failing at this instant. */
function next(state: ClientState, ctx: ClientContext, out: Out): void {
  for (let q = state.queue.shift(); q; q = state.queue.shift()) {
    if (q.deadline > ctx.now) {
      sendOp(state, q.op, ctx, out);
      return;
    }
  }
}

function failOver(state: ClientState, opKey: string, ctx: ClientContext, out: Out): void {
  const p = state.pending[opKey];
  if (!p || p.target === ctx.spec.node) return;
  out.note(
    `${p.target}, home of ${p.op.dataKey}, did not answer: failing over to ${ctx.spec.node}; writes of ${p.op.dataKey} on two leaders can conflict again`,
    { op: opKey, home: p.target, to: ctx.spec.node },
  );
  giveUp(state, p);
  p.target = ctx.spec.node;
  send(state, p.op, ctx.spec.node, out);
}

function onMessage(
  state: ClientState,
  msg: MultiLeaderMessage,
  from: string,
  ctx: ClientContext,
  out: Out,
  r: ReplicaState | undefined,
  env: ReplicaEnv | undefined,
): void {
  if (msg.type === 'ClientReply') {
    const p = state.pending[msg.opKey];
    if (!p) return;
    delete state.pending[msg.opKey];
    out.cancelTimer(`home:${msg.opKey}`);
    if (msg.ok && msg.context) state.contexts[p.op.dataKey] = msg.context;
    if (msg.deps) state.deps = merge(state.deps, msg.deps);
    out.complete(msg.opKey, toResult(msg, from));
    next(state, ctx, out);
    return;
  }
  if (!r || !env) return;
  if (state.offline) {
    out.note(`${ctx.self} is offline: ${msg.type} from ${from} not received`);
    return;
  }
  switch (msg.type) {
    case 'Replicate':
    case 'Forward':
      receiveChange(r, env, { change: msg.change, path: msg.path }, from);
      return;
    case 'SyncRequest':
      answerSync(r, env, msg, from);
      return;
    case 'SyncResponse':
      receiveSync(r, env, msg, from);
      return;
  }
}

function deviceOp(
  state: ClientState,
  r: ReplicaState,
  env: ReplicaEnv,
  op: ClientOperation,
  ctx: ClientContext,
): void {
  state.pending[op.key] = { op, target: ctx.self };
  if (op.kind === 'read') {
    const { values, context } = readKey(r, env, op.dataKey);
    if (context) state.contexts[op.dataKey] = context;
    delete state.pending[op.key];
    env.out.complete(op.key, {
      ok: true,
      values,
      servedBy: ctx.self,
      ...(context ? { context: { vv: context } } : {}),
    });
    return;
  }
  const w = write(state, op);
  localWrite(r, env, { ...w, deps: {} }, ctx.self);
}

/** Back online: push the writes made offline and ask the leader for everything missed meanwhile. */
function goOnline(state: ClientState, r: ReplicaState, ctx: ClientContext, out: Out): void {
  const own = r.log.filter((t) => t.change.origin === r.id);
  const unsent = own.filter((t) => t.change.seq > state.pushed);
  out.note(
    `${ctx.self} is back online: pushing ${unsent.length} offline write${unsent.length === 1 ? '' : 's'} to ${ctx.spec.node} and fetching what it missed`,
    { writes: unsent.map((t) => t.change.op) },
  );
  for (const t of unsent) {
    const msg: ReplicateMsg = { type: 'Replicate', change: t.change, path: [r.id], horizon: horizonOf(r) };
    out.send(ctx.spec.node, msg);
  }
  state.pushed = r.seq;
  out.send(ctx.spec.node, syncRequest(r, true));
}

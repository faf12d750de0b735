// A datacenter leader: accepts client reads and writes, replicates along the topology, and
// periodically asks its upstream neighbours for logged changes it missed (lost messages, a crash,
// a partition), which is also how a node behind a crashed one catches up once it recovers.

import type { VersionVector } from '../../../traces/types';
import type { MultiLeaderConfig } from '../../scenario/model';
import type { NodeInput, Out, ProtocolContext } from '../protocol';
import {
  answerSync,
  crashReplica,
  horizonOf,
  learn,
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
import { forwards, inNeighbors, outNeighbors } from './topology';
import type { ClientRead, ClientReply, MultiLeaderMessage } from './types';

/** Anti-entropy period between neighbours, ms. */
export const SYNC_INTERVAL_MS = 250;
export const SYNC_TIMER = 'sync';

export interface NodeState {
  replica: ReplicaState;
}

export function nodeEnv(r: ReplicaState, ctx: ProtocolContext, out: Out): ReplicaEnv {
  const config = ctx.cluster as MultiLeaderConfig;
  const nodes = ctx.nodes;
  return {
    ctx,
    out,
    config,
    nodes,
    targets(from) {
      const downstream =
        from === r.id || forwards(config.topology, nodes, from)
          ? outNeighbors(config.topology, nodes, r.id)
          : [];
      return [...downstream, ...r.attached].filter((n) => n !== from);
    },
    reply(to, reply) {
      out.send(to, { ...reply, servedBy: r.id });
    },
  };
}

function upstream(r: ReplicaState, ctx: ProtocolContext): string[] {
  const config = ctx.cluster as MultiLeaderConfig;
  return [...inNeighbors(config.topology, ctx.nodes, r.id), ...r.attached];
}

export function initNode(ctx: ProtocolContext): NodeState {
  return { replica: newReplica(ctx.self) };
}

export function onNode(state: NodeState, input: NodeInput, ctx: ProtocolContext, out: Out): void {
  const r = state.replica;
  const env = nodeEnv(r, ctx, out);
  switch (input.kind) {
    case 'start': {
      const config = ctx.cluster as MultiLeaderConfig;
      out.field('role', 'leader');
      out.field('sendsTo', outNeighbors(config.topology, ctx.nodes, r.id));
      out.setTimer(SYNC_TIMER, SYNC_INTERVAL_MS);
      if (input.joining) for (const n of upstream(r, ctx)) out.send(n, syncRequest(r));
      return;
    }
    case 'recover': {
      const from = upstream(r, ctx);
      if (from.length === 0) r.rebuilding = false;
      out.note(`${r.id} is back: asking ${from.join(', ') || 'nobody'} for the changes it missed`, { from });
      for (const n of from) out.send(n, syncRequest(r));
      out.setTimer(SYNC_TIMER, SYNC_INTERVAL_MS);
      return;
    }
    case 'timer':
      if (input.name === SYNC_TIMER) {
        for (const n of upstream(r, ctx)) out.send(n, syncRequest(r));
        out.setTimer(SYNC_TIMER, SYNC_INTERVAL_MS);
      }
      return;
    case 'persisted':
      persisted(r, env, input.data);
      return;
    case 'membership': {
      const config = ctx.cluster as MultiLeaderConfig;
      out.field('sendsTo', outNeighbors(config.topology, ctx.nodes, r.id));
      return;
    }
    case 'promote':
      out.note(`${r.id} is already a leader: every node of a multi-leader cluster accepts writes`);
      return;
    case 'message':
      onMessage(r, env, input.msg as MultiLeaderMessage, input.from);
      return;
  }
}

function onMessage(r: ReplicaState, env: ReplicaEnv, msg: MultiLeaderMessage, from: string): void {
  if ('horizon' in msg) learn(r, msg.horizon as VersionVector);
  switch (msg.type) {
    case 'ClientWrite':
      localWrite(r, env, msg, from);
      return;
    case 'ClientRead':
      serveRead(r, env, msg, from);
      return;
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
    case 'ClientReply':
      return;
  }
}

function serveRead(r: ReplicaState, env: ReplicaEnv, msg: ClientRead, from: string): void {
  learn(r, msg.deps);
  const { values, context } = readKey(r, env, msg.op.dataKey);
  const reply: ClientReply = {
    type: 'ClientReply',
    opKey: msg.op.key,
    ok: true,
    values,
    deps: horizonOf(r),
    ...(context ? { context } : {}),
  };
  env.reply(from, reply);
}

export function crashNode(state: NodeState, diskLost: boolean): NodeState {
  return { replica: crashReplica(state.replica, diskLost) };
}

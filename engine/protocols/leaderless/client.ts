// The leaderless client library. It keeps, per key, the causal context of the last value it read
// or wrote and sends it with its next write of that key (as Dynamo's and Riak's clients do). With
// `coordinator: node` it hands each operation to its node; with `coordinator: client` it is the
// coordinator itself and talks to the replicas directly.

import type { LeaderlessConfig } from '../../scenario/model';
import type { ClientContext, ClientInput, ClientOperation, Message, OpResult, Out } from '../protocol';
import {
  abandon,
  type CoordinatorHost,
  type CoordinatorState,
  newCoordinatorState,
  onReply,
  onTimer,
  startRead,
  startWrite,
} from './coordinator';
import type { ClientGet, ClientPut, LeaderlessMessage } from './messages';
import { type Ring, ringFor } from './ring';
import { type CausalContext, mergeContexts } from './versioning';

export interface LeaderlessClient {
  contexts: Map<string, CausalContext>;
  /** Operations waiting for an answer: op key -> data key. */
  pending: Map<string, string>;
  /**
   * Operations held back because an earlier one on the same key has not been answered yet: the
   * client needs that answer's causal context before it can send the next write of the key.
   */
  queued: Map<string, ClientOperation[]>;
  coordinator: CoordinatorState;
}

/** What a client knows of a key it has not read or written yet (shared: contexts are never changed). */
const NO_CONTEXT: CausalContext = Object.freeze({});

export function initClient(): LeaderlessClient {
  return { contexts: new Map(), pending: new Map(), queued: new Map(), coordinator: newCoordinatorState() };
}

/** The per-input view of a client; rebound for every input like the node's (see node.ts). */
class ClientEnv implements CoordinatorHost {
  state!: LeaderlessClient;
  ctx!: ClientContext;
  out!: Out;
  cfg!: LeaderlessConfig;
  ring!: Ring;

  bind(state: LeaderlessClient, ctx: ClientContext, out: Out): this {
    this.state = state;
    this.ctx = ctx;
    this.out = out;
    this.cfg = ctx.cluster as LeaderlessConfig;
    this.ring = ringFor(ctx);
    return this;
  }

  /** Drops the references to the run, so that a finished simulation can be collected. */
  unbind(): void {
    this.state = undefined as never;
    this.ctx = undefined as never;
    this.out = undefined as never;
  }

  send(to: string, msg: Message): void {
    this.out.send(to, msg);
  }

  answer(_client: string, op: string, result: OpResult): void {
    finish(this, op, result);
  }
}

function finish(env: ClientEnv, op: string, result: OpResult): void {
  const { state, out } = env;
  const key = state.pending.get(op);
  if (key === undefined) return;
  state.pending.delete(op);
  if (result.ok && result.context) {
    // Merge rather than replace: a stale read must not make the client forget its own write.
    state.contexts.set(
      key,
      mergeContexts(state.contexts.get(key) ?? NO_CONTEXT, result.context as CausalContext),
    );
  }
  out.complete(op, result);
  sendNext(env, key);
}

/** Starts the next held-back operation on `key`, if any. */
function sendNext(env: ClientEnv, key: string): void {
  const queue = env.state.queued.get(key);
  const next = queue?.shift();
  if (!queue || !next) return;
  if (queue.length === 0) env.state.queued.delete(key);
  // What follows belongs to the held-back operation's scenario item, not to the answer that freed it.
  env.out.descendsFrom?.(next.line);
  send(env, next);
}

const clientEnv = new ClientEnv();

export function onClient(state: LeaderlessClient, input: ClientInput, ctx: ClientContext, out: Out): void {
  const env = clientEnv.bind(state, ctx, out);
  try {
    handleInput(env, input);
  } finally {
    env.unbind();
  }
}

function handleInput(env: ClientEnv, input: ClientInput): void {
  const { state } = env;
  switch (input.kind) {
    case 'op':
      onOperation(env, input.op);
      return;
    case 'message': {
      const msg = input.msg as LeaderlessMessage;
      if (msg.type === 'ClientReply') finish(env, msg.op, msg.result);
      else if (msg.type === 'PutAck' || msg.type === 'GetReply')
        onReply(state.coordinator, env, input.from, msg);
      return;
    }
    case 'timer':
      onTimer(state.coordinator, env, input.name, input.data);
      return;
    case 'timedOut': {
      const key = state.pending.get(input.opKey);
      state.pending.delete(input.opKey);
      abandon(state.coordinator, env, input.opKey);
      if (key !== undefined) sendNext(env, key);
      else
        for (const q of state.queued.values())
          q.splice(0, q.length, ...q.filter((o) => o.key !== input.opKey));
      return;
    }
    default:
      return;
  }
}

function onOperation(env: ClientEnv, op: ClientOperation): void {
  const { state, ctx, out } = env;
  if (op.kind !== 'read' && op.kind !== 'write' && op.kind !== 'delete') {
    out.complete(op.key, {
      ok: false,
      error: `${op.kind} is not a leaderless operation: write the new value (read, write and delete are supported)`,
    });
    return;
  }
  if (state.queued.has(op.dataKey) || isPending(state, op.dataKey)) {
    const queue = state.queued.get(op.dataKey) ?? [];
    queue.push(op);
    state.queued.set(op.dataKey, queue);
    out.note(
      `${op.key} waits for ${ctx.self}'s previous operation on ${op.dataKey}: it needs that answer's causal context`,
      {
        op: op.key,
        key: op.dataKey,
      },
    );
    return;
  }
  send(env, op);
}

function isPending(state: LeaderlessClient, dataKey: string): boolean {
  for (const key of state.pending.values()) if (key === dataKey) return true;
  return false;
}

function send(env: ClientEnv, op: ClientOperation): void {
  const { state, ctx, out, cfg } = env;
  const timeout = ctx.spec.timeout;
  state.pending.set(op.key, op.dataKey);
  if (op.kind === 'read') {
    if (cfg.coordinator === 'client')
      startRead(state.coordinator, env, { op: op.key, client: ctx.self, key: op.dataKey, timeout });
    else {
      const msg: ClientGet = { type: 'ClientGet', op: op.key, key: op.dataKey, timeout };
      out.send(ctx.spec.node, msg);
    }
    return;
  }
  const tombstone = op.kind === 'delete';
  const value = tombstone ? null : (op.value ?? null);
  const context = state.contexts.get(op.dataKey) ?? NO_CONTEXT;
  if (cfg.coordinator === 'client')
    startWrite(state.coordinator, env, {
      op: op.key,
      client: ctx.self,
      key: op.dataKey,
      value,
      tombstone,
      context,
      timeout,
    });
  else {
    const msg: ClientPut = { type: 'ClientPut', op: op.key, key: op.dataKey, value, context, timeout };
    if (tombstone) msg.tombstone = true;
    out.send(ctx.spec.node, msg);
  }
}

// The client library: sends writes to the leader it believes in (learning the real one by
// redirect), routes reads by the cluster's or the client's routing, and implements the session
// guarantees of DDIA on the client side: read-your-writes (three strategies), monotonic reads
// (sticky replica or position tracking) and consistent prefix (dependency positions across shards).
// Whenever a guarantee changes where or when a read is served, it says so in a note.

import type { SingleLeaderConfig } from '../../scenario/model';
import type { ClientContext, ClientInput, ClientOperation, Message, Out } from '../protocol';
import { groupConfigs, groupOfKey } from './groups';
import type { Positions, SlMessage, WriteKind } from './types';

interface Inflight {
  op: ClientOperation;
  group: string;
  target: string;
  requireLeader: boolean;
  min?: number;
  hops: number;
}

export interface ClientState {
  self: string;
  /** The leader this client believes in, per group. */
  leaders: Record<string, string>;
  /** Keys this client has written (read-your-writes: leader-for-own-keys). */
  written: string[];
  lastWriteAt: number | null;
  /** Position of this client's last write, per group (read-your-writes: position). */
  lastWritePos: Positions;
  /** Highest applied position of any replica read from, per group (monotonic reads: position). */
  readPos: Positions;
  /** Positions that values read so far depend on, per group (consistent prefix). */
  required: Positions;
  /** Causal context attached to writes: what this client has seen, per group. */
  observed: Positions;
  /** The replica each group's reads stick to. */
  sticky: Record<string, string>;
  inflight: Record<string, Inflight>;
}

function config(ctx: ClientContext): SingleLeaderConfig {
  if (ctx.cluster.replication !== 'single-leader')
    throw new Error('single-leader client used for another scheme');
  return ctx.cluster;
}

export function initClient(ctx: ClientContext): ClientState {
  return {
    self: ctx.self,
    leaders: {},
    written: [],
    lastWriteAt: null,
    lastWritePos: {},
    readPos: {},
    required: {},
    observed: {},
    sticky: {},
    inflight: {},
  };
}

function membersOf(ctx: ClientContext, group: string): string[] {
  const cfg = config(ctx);
  const gc = groupConfigs(cfg).find((g) => g.name === group)!;
  const configured = new Set([gc.leader, ...Object.keys(gc.followers)]);
  const declared = new Set(cfg.nodes.map((n) => n.id));
  return ctx.nodes.filter((n) => configured.has(n) || !declared.has(n));
}

function leaderGuess(st: ClientState, ctx: ClientContext, group: string): string {
  const known = st.leaders[group];
  if (known) return known;
  const members = membersOf(ctx, group);
  if (members.includes(ctx.spec.node)) return ctx.spec.node;
  return groupConfigs(config(ctx)).find((g) => g.name === group)!.leader;
}

function pick<T>(items: readonly T[], ctx: ClientContext): T | undefined {
  if (items.length === 0) return undefined;
  return items[Math.min(items.length - 1, Math.floor(ctx.random() * items.length))];
}

function retryAfter(ctx: ClientContext): number {
  const cfg = config(ctx);
  return cfg.failover ? cfg.failover.timeout * 2 : cfg.heartbeat * 10;
}

function dispatch(st: ClientState, f: Inflight, ctx: ClientContext, out: Out): void {
  const { op } = f;
  const msg: SlMessage =
    op.kind === 'read'
      ? {
          type: 'ClientRead',
          group: f.group,
          op: op.key,
          key: op.dataKey,
          requireLeader: f.requireLeader,
          ...(f.min !== undefined && f.min > 0 ? { min: f.min } : {}),
        }
      : {
          type: 'ClientWrite',
          group: f.group,
          op: op.key,
          write: op.kind as WriteKind,
          key: op.dataKey,
          ...(op.value !== undefined ? { value: op.value } : {}),
          ...(op.by !== undefined ? { by: op.by } : {}),
          ...(Object.keys(st.observed).some((g) => g !== f.group)
            ? { deps: withoutGroup(st.observed, f.group) }
            : {}),
        };
  out.send(f.target, msg as Message);
  if (op.kind !== 'read' || f.requireLeader) out.setTimer(`retry:${op.key}`, retryAfter(ctx), op.key);
}

function withoutGroup(p: Positions, group: string): Positions {
  const out: Positions = {};
  for (const [g, v] of Object.entries(p)) if (g !== group) out[g] = v;
  return out;
}

function raise(p: Positions, group: string, value: number): void {
  if ((p[group] ?? 0) < value) p[group] = value;
}

/** Where a read goes and what it must wait for, after routing and guarantees. */
function planRead(
  st: ClientState,
  op: ClientOperation,
  group: string,
  ctx: ClientContext,
  out: Out,
): Inflight {
  const cfg = config(ctx);
  const route = ctx.spec.reads ?? cfg.reads;
  const leader = leaderGuess(st, ctx, group);
  const followers = membersOf(ctx, group).filter((m) => m !== leader);
  let target: string;
  let requireLeader = false;
  if (route === 'leader') {
    target = leader;
    requireLeader = true;
  } else if (route === 'followers') {
    target = pick(followers, ctx) ?? leader;
  } else if (route === 'sticky') {
    st.sticky[group] ??= pick(followers, ctx) ?? leader;
    target = st.sticky[group]!;
  } else {
    target = route;
  }
  let min = 0;
  const toLeader = (why: string) => {
    if (requireLeader) return;
    out.note(`${why}, so ${op.key} goes to ${leader}, the leader, instead of ${target}`, {
      op: op.key,
      from: target,
      to: leader,
    });
    target = leader;
    requireLeader = true;
  };
  for (const gu of ctx.spec.guarantees) {
    if (gu.kind === 'read-your-writes') {
      const strategy = gu.strategy ?? 'leader-for-own-keys';
      if (strategy === 'leader-for-own-keys' && st.written.includes(op.dataKey)) {
        toLeader(`read-your-writes: ${st.self} has written ${op.dataKey}`);
      } else if (strategy === 'leader-window' && st.lastWriteAt !== null) {
        const window = gu.window ?? 1000;
        const since = ctx.now - st.lastWriteAt;
        if (since < window)
          toLeader(`read-your-writes: ${st.self} wrote ${round(since)}ms ago (window ${window}ms)`);
      } else if (strategy === 'position' && (st.lastWritePos[group] ?? 0) > min) {
        min = st.lastWritePos[group]!;
        if (!requireLeader) {
          out.note(
            `read-your-writes: ${target} may serve ${op.key} only once it has applied position ${min} (this client's last write)`,
            {
              op: op.key,
              min,
            },
          );
        }
      }
    } else if (gu.kind === 'monotonic-reads') {
      const strategy = gu.strategy ?? 'sticky';
      if (strategy === 'sticky' && !requireLeader) {
        st.sticky[group] ??= target;
        if (st.sticky[group] !== target) {
          out.note(
            `monotonic-reads: ${st.self} always reads from ${st.sticky[group]}, so ${op.key} goes there instead of ${target}`,
            {
              op: op.key,
              from: target,
              to: st.sticky[group],
            },
          );
          target = st.sticky[group]!;
        }
      } else if (strategy === 'position' && (st.readPos[group] ?? 0) > min) {
        min = st.readPos[group]!;
        if (!requireLeader) {
          out.note(
            `monotonic-reads: ${target} may serve ${op.key} only once it has applied position ${min} (the freshest replica read so far)`,
            {
              op: op.key,
              min,
            },
          );
        }
      }
    } else if (gu.kind === 'consistent-prefix' && (st.required[group] ?? 0) > min) {
      min = st.required[group]!;
      if (!requireLeader) {
        out.note(
          `consistent-prefix: ${target} may serve ${op.key} only once it has applied position ${min} of ${group}, which what ${st.self} already saw depends on`,
          {
            op: op.key,
            min,
            group,
          },
        );
      }
    }
  }
  return { op, group, target, requireLeader, ...(min > 0 && !requireLeader ? { min } : {}), hops: 0 };
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

function finish(st: ClientState, opKey: string, out: Out): Inflight | undefined {
  const f = st.inflight[opKey];
  if (!f) return undefined;
  delete st.inflight[opKey];
  out.cancelTimer(`retry:${opKey}`);
  return f;
}

function onMessage(st: ClientState, from: string, msg: SlMessage, ctx: ClientContext, out: Out): void {
  switch (msg.type) {
    case 'ClientWriteResult': {
      const f = finish(st, msg.op, out);
      if (!f) return;
      if (!msg.ok) {
        if (msg.leader) st.leaders[f.group] = msg.leader;
        out.complete(f.op.key, { ok: false, error: msg.error ?? 'write failed', servedBy: from });
        return;
      }
      st.leaders[f.group] = from;
      if (!st.written.includes(f.op.dataKey)) st.written.push(f.op.dataKey);
      st.lastWriteAt = ctx.now;
      raise(st.lastWritePos, f.group, msg.position ?? 0);
      raise(st.observed, f.group, msg.position ?? 0);
      out.complete(f.op.key, {
        ok: true,
        context: { group: f.group, position: msg.position, term: msg.term },
        servedBy: from,
      });
      return;
    }
    case 'ClientReadResult': {
      const f = finish(st, msg.op, out);
      if (!f) return;
      raise(st.readPos, f.group, msg.position);
      for (const [g, p] of Object.entries(msg.deps ?? {})) {
        raise(st.required, g, p);
        raise(st.observed, g, p);
      }
      out.complete(f.op.key, {
        ok: true,
        values: msg.values,
        context: { group: f.group, position: msg.position },
        servedBy: from,
      });
      return;
    }
    case 'Redirect': {
      const f = st.inflight[msg.op];
      if (!f) return;
      f.hops++;
      if (msg.leader && msg.leader !== f.target && f.hops <= 6) {
        if (st.leaders[f.group] !== msg.leader) {
          out.note(`learned by redirect: ${msg.leader} leads${f.group === 'main' ? '' : ` ${f.group}`}`, {
            op: f.op.key,
            leader: msg.leader,
          });
        }
        st.leaders[f.group] = msg.leader;
        f.target = msg.leader;
        dispatch(st, f, ctx, out);
      } else {
        // Nobody knows the leader yet (an election is running): try again shortly.
        out.setTimer(`retry:${f.op.key}`, config(ctx).heartbeat * 2, f.op.key);
      }
      return;
    }
    default:
      return;
  }
}

/** No answer (or no leader known): try the next member of the group. */
function retry(st: ClientState, opKey: string, ctx: ClientContext, out: Out): void {
  const f = st.inflight[opKey];
  if (!f) return;
  const members = membersOf(ctx, f.group);
  const known = st.leaders[f.group];
  const next =
    known && known !== f.target ? known : members[(members.indexOf(f.target) + 1) % members.length]!;
  delete st.leaders[f.group];
  out.note(`retry: no answer for ${opKey} from ${f.target}; trying ${next}`, {
    op: opKey,
    from: f.target,
    to: next,
  });
  f.target = next;
  f.hops = 0;
  dispatch(st, f, ctx, out);
}

export function onClient(st: ClientState, input: ClientInput, ctx: ClientContext, out: Out): void {
  switch (input.kind) {
    case 'op': {
      const op = input.op;
      const group = groupOfKey(config(ctx), op.dataKey);
      const f =
        op.kind === 'read'
          ? planRead(st, op, group, ctx, out)
          : { op, group, target: leaderGuess(st, ctx, group), requireLeader: true, hops: 0 };
      st.inflight[op.key] = f;
      dispatch(st, f, ctx, out);
      return;
    }
    case 'message':
      onMessage(st, input.from, input.msg as SlMessage, ctx, out);
      return;
    case 'timer':
      if (input.name.startsWith('retry:')) retry(st, input.name.slice('retry:'.length), ctx, out);
      return;
    case 'timedOut':
      finish(st, input.opKey, out);
      return;
    default:
      return;
  }
}

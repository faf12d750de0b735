// Serving reads on a node: the leader always may; a follower serves from its own (possibly stale)
// data, unless the read must go to the leader, the node is still joining, or the client asks for a
// log position the node has not applied yet (then the read waits until it has).

import { type Env, send } from './env';
import type { GroupState, SlMessage } from './types';

type Msg<T extends SlMessage['type']> = Extract<SlMessage, { type: T }>;

function serve(env: Env, g: GroupState, client: string, op: string, key: string): void {
  const sib = env.s.data[key];
  const values = sib && !sib.tombstone ? [sib] : [];
  const deps = { ...(env.s.deps[key] ?? {}) };
  if (sib?.version !== undefined) deps[g.name] = Math.max(deps[g.name] ?? 0, sib.version);
  send(env, client, { type: 'ClientReadResult', group: g.name, op, values, position: g.applied, deps });
}

export function onClientRead(env: Env, from: string, msg: Msg<'ClientRead'>): void {
  const g = env.s.groups[msg.group];
  if (!g) {
    env.out.note(`redirect: ${env.s.self} does not replicate ${msg.group}`, { op: msg.op, group: msg.group });
    send(env, from, { type: 'Redirect', group: msg.group, op: msg.op, leader: null, reason: 'not a member' });
    return;
  }
  if (msg.requireLeader && g.role !== 'leader') {
    const leader = g.leader && g.leader !== env.s.self ? g.leader : null;
    env.out.note(
      leader
        ? `redirect: read must go to the leader, ${leader}`
        : 'redirect: read must go to the leader, which is unknown',
      {
        op: msg.op,
        group: g.name,
        leader,
      },
    );
    send(env, from, { type: 'Redirect', group: g.name, op: msg.op, leader, reason: 'not the leader' });
    return;
  }
  if (!g.ready && g.role !== 'leader') {
    env.out.note(
      `redirect: ${env.s.self} is still catching up after joining; the client should read from ${g.leader ?? 'the leader (unknown)'}`,
      {
        op: msg.op,
        group: g.name,
      },
    );
    send(env, from, { type: 'Redirect', group: g.name, op: msg.op, leader: g.leader, reason: 'catching up' });
    return;
  }
  if (msg.min !== undefined && g.applied < msg.min) {
    env.out.note(
      `hold read: the client needs position ${msg.min}, ${env.s.self} has applied ${g.applied}; waiting`,
      {
        op: msg.op,
        group: g.name,
        need: msg.min,
        applied: g.applied,
      },
    );
    g.heldReads.push({ client: from, op: msg.op, key: msg.key, min: msg.min });
    return;
  }
  serve(env, g, from, msg.op, msg.key);
}

export function serveHeldReads(env: Env, g: GroupState): void {
  if (g.heldReads.length === 0) return;
  const still = [];
  for (const r of g.heldReads) {
    if (g.applied >= r.min) {
      env.out.note(`release read: position ${g.applied} ≥ ${r.min}, serving ${r.op}`, {
        op: r.op,
        group: g.name,
      });
      serve(env, g, r.client, r.op, r.key);
    } else still.push(r);
  }
  g.heldReads = still;
}

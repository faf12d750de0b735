// The leader of a group: appends client writes to its log, ships entries to followers, acknowledges
// a write once it is durable locally and on every synchronous follower, measures lag, keeps
// heartbeats going, promotes an async follower under semi-sync, and (with fencing) holds a lease
// that a majority must keep renewing.

import type { Sibling } from '../protocol';
import { appendEntry, buildEntries } from './apply';
import { disarmElection, stepDown } from './election';
import { type Env, fencing, send, setField, showRole } from './env';
import { groupOfKey, majority } from './groups';
import { entriesBetween, entryAt, lastIndex, lastTerm, matchPoint, termAt } from './log';
import type { FollowerProgress, GroupState, Positions, SlMessage } from './types';

/** Entries per Replicate message while streaming a backlog. */
export const BATCH = 8;
/** Heartbeat intervals of silence after which semi-sync treats the sync follower as down. */
const SEMI_SYNC_SILENCE = 3;

type Msg<T extends SlMessage['type']> = Extract<SlMessage, { type: T }>;

export function followersOf(env: Env, g: GroupState): string[] {
  return g.members.filter((m) => m !== env.s.self);
}

function progressFor(env: Env, g: GroupState, f: string): FollowerProgress {
  let p = g.progress[f];
  if (!p) {
    p = { mode: g.modes[f] ?? 'async', match: 0, next: lastIndex(g) + 1, heard: env.ctx.now };
    g.progress[f] = p;
  }
  return p;
}

export function becomeLeader(env: Env, g: GroupState, why: string, detail: Record<string, unknown>): void {
  g.role = 'leader';
  g.leader = env.s.self;
  g.votes = [];
  g.prevote = false;
  g.progress = {};
  g.pending = [];
  g.heartbeatRounds = [];
  g.leaseFrom = g.electionClock;
  for (const f of followersOf(env, g)) progressFor(env, g, f);
  disarmElection(env, g);
  showRole(env, g);
  env.out.note(why, {
    group: g.name,
    term: g.term,
    lastIndex: lastIndex(g),
    lastTerm: lastTerm(g),
    ...detail,
  });
  sendHeartbeats(env, g);
  env.out.setTimer('heartbeat', env.cfg.heartbeat);
  armLease(env, g);
  updateLag(env, g);
}

export function onClientWrite(env: Env, from: string, msg: Msg<'ClientWrite'>): void {
  const g = env.s.groups[msg.group];
  if (g?.role !== 'leader') {
    const leader = g?.leader && g.leader !== env.s.self ? g.leader : null;
    env.out.note(
      leader
        ? `redirect: ${env.s.self} is not the leader; ${leader} is`
        : `redirect: ${env.s.self} does not know the leader`,
      { op: msg.op, group: msg.group, leader },
    );
    send(env, from, { type: 'Redirect', group: msg.group, op: msg.op, leader, reason: 'not the leader' });
    return;
  }
  // A client retry of a write already in the log is answered, not appended twice.
  if (g.pending.some((p) => p.op === msg.op)) return;
  const seen = g.opIndex[msg.op];
  if (seen !== undefined && entryAt(g, seen)?.op === msg.op) {
    if (seen <= g.commitIndex) replyWrite(env, g, from, msg.op, seen);
    else g.pending.push({ op: msg.op, client: from, index: seen });
    return;
  }
  const entries = buildEntries(env, g, msg, lastIndex(g) + 1);
  for (const e of entries) appendEntry(env, g, e);
  const index = lastIndex(g);
  g.pending.push({ op: msg.op, client: from, index });
  env.out.persist({ group: g.name, upTo: index, term: g.term });
  for (const f of followersOf(env, g)) sendEntries(env, g, f);
  updateLag(env, g);
}

function replyWrite(env: Env, g: GroupState, client: string, op: string, index: number): void {
  send(env, client, {
    type: 'ClientWriteResult',
    group: g.name,
    op,
    ok: true,
    position: index,
    term: g.term,
  });
}

/** Ship what follower `f` lacks, at most one batch. */
export function sendEntries(env: Env, g: GroupState, f: string): void {
  const p = progressFor(env, g, f);
  if (p.stopped || p.snapshotting) return;
  const last = lastIndex(g);
  if (p.next <= g.logStart) {
    sendSnapshot(env, g, f);
    return;
  }
  if (p.next > last) return;
  const entries = entriesBetween(g, p.next, Math.min(last, p.next + BATCH - 1));
  const prevIndex = p.next - 1;
  send(env, f, {
    type: 'Replicate',
    group: g.name,
    term: g.term,
    leader: env.s.self,
    prevIndex,
    prevTerm: termAt(g, prevIndex) ?? 0,
    entries,
    commitIndex: g.commitIndex,
    leaderLast: last,
  });
  p.next = prevIndex + entries.length + 1;
}

/** Nothing to stream after a snapshot: say so, with the leader's position, so the node knows it is caught up. */
function sendEmptyReplicate(env: Env, g: GroupState, f: string): void {
  const last = lastIndex(g);
  send(env, f, {
    type: 'Replicate',
    group: g.name,
    term: g.term,
    leader: env.s.self,
    prevIndex: last,
    prevTerm: termAt(g, last) ?? 0,
    entries: [],
    commitIndex: g.commitIndex,
    leaderLast: last,
  });
}

export function sendSnapshot(env: Env, g: GroupState, f: string): void {
  const p = progressFor(env, g, f);
  p.snapshotting = true;
  const data: Record<string, Sibling> = {};
  const deps: Record<string, Positions> = {};
  for (const [key, sib] of Object.entries(env.s.data)) {
    if (groupOfKey(env.cfg, key) !== g.name) continue;
    data[key] = sib;
    if (env.s.deps[key]) deps[key] = env.s.deps[key]!;
  }
  env.out.note(
    `snapshot: sending ${f} a consistent snapshot at position ${g.applied}, then the log after it`,
    {
      group: g.name,
      follower: f,
      position: g.applied,
      keys: Object.keys(data).length,
    },
  );
  send(env, f, {
    type: 'Snapshot',
    group: g.name,
    term: g.term,
    leader: env.s.self,
    position: g.applied,
    positionTerm: termAt(g, g.applied) ?? 0,
    data,
    deps,
    counter: env.s.counter,
  });
}

/** Acknowledge every write that is durable on the leader and on every synchronous follower. */
export function advanceCommit(env: Env, g: GroupState): void {
  if (g.role !== 'leader') return;
  let c = g.applied;
  for (const f of followersOf(env, g)) {
    const p = progressFor(env, g, f);
    if (p.mode === 'sync') c = Math.min(c, p.match);
  }
  if (c <= g.commitIndex) return;
  if (fencing(env) && env.cfg.failover && !leaseValid(env, g)) return;
  g.commitIndex = c;
  setField(env, g, 'commitIndex', c);
  const still = [];
  for (const w of g.pending) {
    if (w.index <= c) replyWrite(env, g, w.client, w.op, w.index);
    else still.push(w);
  }
  g.pending = still;
}

/**
 * A follower that acknowledged a heartbeat round will not start an election until `timeout` after
 * it received it, so a lease counted from the round's send time for `timeout` ends before any
 * new leader can exist (clock drift aside: leases rest on clocks, which DDIA warns about).
 */
function leaseLength(env: Env): number {
  return env.cfg.failover?.timeout ?? Number.POSITIVE_INFINITY;
}

export function armLease(env: Env, g: GroupState): void {
  if (!fencing(env) || !env.cfg.failover) return;
  env.out.setTimer('lease', Math.max(0, g.leaseFrom + leaseLength(env) - env.ctx.clock));
}

/** The lease ran out without a majority renewing it: stop acting as leader. */
export function onLeaseTimer(env: Env): void {
  for (const g of Object.values(env.s.groups)) {
    if (g.role !== 'leader' || leaseValid(env, g)) continue;
    stepDown(
      env,
      g,
      g.term,
      null,
      `fencing: no majority has confirmed epoch ${g.term} for ${leaseLength(env)}ms (lease expired); stepping down so that a new leader can be elected safely`,
    );
  }
  const led = Object.values(env.s.groups).filter((g) => g.role === 'leader');
  if (led.length > 0)
    armLease(
      env,
      led.reduce((a, b) => (a.leaseFrom < b.leaseFrom ? a : b)),
    );
}

export function leaseValid(env: Env, g: GroupState): boolean {
  return env.ctx.clock < g.leaseFrom + leaseLength(env);
}

/** Lag of every follower: entries behind and how long the oldest missing entry has waited. */
export function updateLag(env: Env, g: GroupState): void {
  if (g.role !== 'leader') return;
  const last = lastIndex(g);
  const lag: Record<string, { entries: number; ms: number; stopped?: string }> = {};
  let changed = false;
  for (const f of followersOf(env, g)) {
    const p = progressFor(env, g, f);
    const entries = Math.max(0, last - p.match);
    const oldest = entryAt(g, p.match + 1);
    const ms = entries > 0 && oldest ? Math.round((env.ctx.now - oldest.at) * 1000) / 1000 : 0;
    if (!p.lag || p.lag.entries !== entries || p.lag.ms !== ms) changed = true;
    p.lag = { entries, ms };
    lag[f] = p.stopped ? { entries, ms, stopped: p.stopped } : { entries, ms };
  }
  if (changed) setField(env, g, 'lag', lag);
}

export function sendHeartbeats(env: Env, g: GroupState): void {
  g.heartbeatSeq++;
  g.heartbeatRounds.push({ seq: g.heartbeatSeq, clock: env.ctx.clock, acks: [env.s.self] });
  if (g.heartbeatRounds.length > 16) g.heartbeatRounds.shift();
  for (const f of followersOf(env, g)) {
    send(env, f, {
      type: 'Heartbeat',
      group: g.name,
      term: g.term,
      leader: env.s.self,
      seq: g.heartbeatSeq,
      commitIndex: g.commitIndex,
      lastIndex: lastIndex(g),
      lastTerm: lastTerm(g),
    });
  }
}

/** The periodic heartbeat of every group this node leads. */
export function onHeartbeatTimer(env: Env): void {
  let leading = false;
  for (const g of Object.values(env.s.groups)) {
    if (g.role !== 'leader') continue;
    if (fencing(env) && env.cfg.failover && !leaseValid(env, g)) {
      stepDown(
        env,
        g,
        g.term,
        null,
        `fencing: no majority has confirmed epoch ${g.term} for ${leaseLength(env)}ms (lease expired); stepping down so that a new leader can be elected safely`,
      );
      continue;
    }
    leading = true;
    sendHeartbeats(env, g);
    if (env.cfg.semiSync) semiSyncCheck(env, g);
    updateLag(env, g);
  }
  if (leading) env.out.setTimer('heartbeat', env.cfg.heartbeat);
}

/**
 * Semi-synchronous replication: when the synchronous follower is down or lagging, an async follower
 * that is alive becomes the synchronous one, so writes keep being acknowledged with one durable copy.
 */
function semiSyncCheck(env: Env, g: GroupState): void {
  const silence = SEMI_SYNC_SILENCE * env.cfg.heartbeat;
  const now = env.ctx.now;
  const last = lastIndex(g);
  for (const f of followersOf(env, g)) {
    const p = progressFor(env, g, f);
    if (p.mode !== 'sync') continue;
    const quiet = now - p.heard;
    const oldest = entryAt(g, p.match + 1);
    const waited = p.match < last && oldest ? now - oldest.at : 0;
    let why: string | undefined;
    if (p.stopped) why = `${f} cannot replicate (${p.stopped})`;
    else if (quiet > silence) why = `${f} has not answered for ${round(quiet)}ms (down or cut off)`;
    else if (waited > silence)
      why = `${f} is lagging: position ${p.match} of ${last}, oldest unacknowledged write waited ${round(waited)}ms`;
    if (!why) continue;
    const candidates = followersOf(env, g)
      .map((c) => ({ c, q: progressFor(env, g, c) }))
      .filter(({ c, q }) => c !== f && q.mode === 'async' && !q.stopped && now - q.heard <= silence)
      .sort((a, b) => b.q.match - a.q.match);
    const pick = candidates[0];
    if (!pick) continue;
    p.mode = 'async';
    pick.q.mode = 'sync';
    env.out.note(
      `semi-sync: ${why}; ${pick.c} (async, at position ${pick.q.match}) becomes the synchronous follower`,
      {
        group: g.name,
        demoted: f,
        promoted: pick.c,
        reason: why,
      },
    );
    setField(
      env,
      g,
      'sync',
      followersOf(env, g).filter((x) => progressFor(env, g, x).mode === 'sync'),
    );
    advanceCommit(env, g);
  }
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

function higherTerm(env: Env, g: GroupState, term: number, from: string): boolean {
  if (term <= g.term) return false;
  stepDown(
    env,
    g,
    term,
    null,
    `stepping down: ${from} answered with term ${term}, newer than my term ${g.term}`,
  );
  return true;
}

/** A follower's answer to this leader: its group and progress, or nothing if this node no longer leads. */
function fromFollower(
  env: Env,
  from: string,
  msg: { group: string; term: number },
): { g: GroupState; p: FollowerProgress } | undefined {
  const g = env.s.groups[msg.group];
  if (!g || higherTerm(env, g, msg.term, from) || g.role !== 'leader') return undefined;
  const p = progressFor(env, g, from);
  p.heard = env.ctx.now;
  return { g, p };
}

export function onReplicateAck(env: Env, from: string, msg: Msg<'ReplicateAck'>): void {
  const found = fromFollower(env, from, msg);
  if (!found) return;
  const { g, p } = found;
  p.match = Math.max(p.match, Math.min(msg.applied, lastIndex(g)));
  if (msg.lastIndex + 1 > p.next) p.next = Math.min(msg.lastIndex + 1, lastIndex(g) + 1);
  sendEntries(env, g, from);
  updateLag(env, g);
  advanceCommit(env, g);
}

export function onReplicateReject(env: Env, from: string, msg: Msg<'ReplicateReject'>): void {
  const g = env.s.groups[msg.group];
  if (!g) return;
  if (msg.reason === 'stale-epoch') {
    if (msg.term > g.term) {
      stepDown(
        env,
        g,
        msg.term,
        null,
        `fenced: ${from} rejected my Replicate of epoch ${g.term}; epoch ${msg.term} is current, stepping down`,
      );
    }
    return;
  }
  if (g.role !== 'leader') return;
  const p = progressFor(env, g, from);
  p.heard = env.ctx.now;
  if (p.stopped) return;
  p.stopped = msg.detail;
  env.out.note(`replication to ${from} stopped: ${msg.detail}`, { group: g.name, follower: from });
  setField(
    env,
    g,
    'stopped',
    Object.fromEntries(
      followersOf(env, g)
        .filter((f) => g.progress[f]?.stopped)
        .map((f) => [f, g.progress[f]!.stopped]),
    ),
  );
  updateLag(env, g);
}

export function onHeartbeatAck(env: Env, from: string, msg: Msg<'HeartbeatAck'>): void {
  const found = fromFollower(env, from, msg);
  if (!found) return;
  const { g } = found;
  const round = g.heartbeatRounds.find((r) => r.seq === msg.seq);
  if (round && !round.acks.includes(from)) {
    round.acks.push(from);
    if (round.acks.length >= majority(g.members) && round.clock > g.leaseFrom) {
      g.leaseFrom = round.clock;
      armLease(env, g);
      advanceCommit(env, g);
    }
  }
}

export function onCatchUpRequest(env: Env, from: string, msg: Msg<'CatchUpRequest'>): void {
  const found = fromFollower(env, from, msg);
  if (!found) return;
  const { g, p } = found;
  if (p.stopped) return;
  const match = matchPoint(g, msg.runs, msg.lastIndex);
  p.match = Math.min(p.match, match);
  p.next = match + 1;
  p.snapshotting = false;
  const last = lastIndex(g);
  env.out.note(
    match < msg.lastIndex
      ? `catch-up: ${from}'s log agrees with mine up to position ${match} (it has ${msg.lastIndex}); sending ${match + 1}..${last}`
      : match >= last
        ? `catch-up: ${from} is at position ${match}, as up to date as the leader`
        : `catch-up: ${from} is at position ${match}; streaming ${match + 1}..${last}`,
    { group: g.name, follower: from, from: match + 1, to: last },
  );
  sendEntries(env, g, from);
  updateLag(env, g);
}

export function onSnapshotRequest(env: Env, from: string, msg: Msg<'SnapshotRequest'>): void {
  const found = fromFollower(env, from, msg);
  if (found) sendSnapshot(env, found.g, from);
}

export function onSnapshotAck(env: Env, from: string, msg: Msg<'SnapshotAck'>): void {
  const found = fromFollower(env, from, msg);
  if (!found) return;
  const { g, p } = found;
  p.snapshotting = false;
  p.match = Math.max(p.match, msg.position);
  p.next = msg.position + 1;
  if (p.next > lastIndex(g)) sendEmptyReplicate(env, g, from);
  else sendEntries(env, g, from);
  updateLag(env, g);
}

/** A node was added: the leader of each group starts it from a snapshot. */
export function onMembership(env: Env, added: string): void {
  for (const g of Object.values(env.s.groups)) {
    if (!g.members.includes(added)) {
      g.members.push(added);
      g.modes[added] = 'async';
    }
    if (g.role === 'leader') {
      g.progress[added] = { mode: 'async', match: 0, next: lastIndex(g) + 1, heard: env.ctx.now };
      sendSnapshot(env, g, added);
      updateLag(env, g);
    }
  }
}

// The node state machine: dispatches inputs to the leader, follower, election and read handlers of
// the group they concern, and decides what survives a crash.

import type { SingleLeaderConfig } from '../../scenario/model';
import type { NodeInput, Out, ProtocolContext } from '../protocol';
import { armElection, onElectionTimerFired, onRequestVote, onVote, startElection } from './election';
import { type Env, setField, showRole } from './env';
import { onHeartbeat, onPersisted, onReplicate, onSnapshot, recoverGroup } from './follower';
import { type GroupConfig, groupConfigs, majority } from './groups';
import {
  armLease,
  becomeLeader,
  onCatchUpRequest,
  onClientWrite,
  onHeartbeatAck,
  onHeartbeatTimer,
  onLeaseTimer,
  onMembership,
  onReplicateAck,
  onReplicateReject,
  onSnapshotAck,
  onSnapshotRequest,
  sendHeartbeats,
  updateLag,
} from './leader';
import { onClientRead } from './reads';
import type { GroupState, NodeState, SlMessage } from './types';

function config(ctx: ProtocolContext): SingleLeaderConfig {
  if (ctx.cluster.replication !== 'single-leader')
    throw new Error('single-leader family used for another scheme');
  return ctx.cluster;
}

function membersOf(gc: GroupConfig, ctx: ProtocolContext, cfg: SingleLeaderConfig): string[] {
  const configured = new Set([gc.leader, ...Object.keys(gc.followers)]);
  const declared = new Set(cfg.nodes.map((n) => n.id));
  // Nodes added at run time join every group.
  return ctx.nodes.filter((n) => configured.has(n) || !declared.has(n));
}

function newGroup(gc: GroupConfig, members: string[]): GroupState {
  return {
    name: gc.name,
    members,
    modes: { ...gc.followers },
    ...(gc.keys ? { keys: gc.keys } : {}),
    role: 'follower',
    term: 0,
    votedFor: null,
    leader: null,
    log: [],
    opIndex: {},
    logStart: 0,
    logStartTerm: 0,
    applied: 0,
    commitIndex: 0,
    progress: {},
    pending: [],
    leaseFrom: Number.NEGATIVE_INFINITY,
    heartbeatSeq: 0,
    heartbeatRounds: [],
    votes: [],
    prevote: false,
    heardLeader: false,
    catchUpAsked: false,
    early: {},
    behindAt: -1,
    voter: true,
    heardTerms: {},
    awaitingSnapshot: false,
    ready: true,
    heldReads: [],
    undo: {},
    electionClock: 0,
    electionDue: null,
    leaderContact: Number.NEGATIVE_INFINITY,
    readyAt: 0,
  };
}

export function initNode(ctx: ProtocolContext): NodeState {
  const cfg = config(ctx);
  const s: NodeState = {
    self: ctx.self,
    groups: {},
    data: {},
    deps: {},
    counter: 0,
    engineVersion: ctx.engineVersion(ctx.self),
    log: cfg.log,
    shownLog: {},
  };
  for (const gc of groupConfigs(cfg)) {
    const members = membersOf(gc, ctx, cfg);
    if (members.includes(ctx.self)) s.groups[gc.name] = newGroup(gc, members);
  }
  return s;
}

function start(env: Env, joining: boolean): void {
  const { s, ctx, cfg } = env;
  if (joining) {
    for (const gc of groupConfigs(cfg)) {
      const g = s.groups[gc.name] ?? newGroup(gc, membersOf(gc, ctx, cfg));
      if (!g.members.includes(s.self)) g.members.push(s.self);
      g.awaitingSnapshot = true;
      g.ready = false;
      g.leader = gc.leader; // the configured leader, until heartbeats say otherwise
      s.groups[gc.name] = g;
      showRole(env, g);
      setField(env, g, 'ready', false);
    }
    env.out.note('joining as a follower: waiting for a consistent snapshot from the leader', {
      engine: s.engineVersion,
    });
    return;
  }
  for (const gc of groupConfigs(cfg)) {
    const g = s.groups[gc.name];
    if (!g) continue;
    g.term = 1;
    g.leader = gc.leader;
    setField(env, g, 'commitIndex', 0);
    setField(env, g, 'applied', 0);
    if (gc.leader === s.self) {
      g.electionClock = ctx.clock;
      g.role = 'leader';
      g.votes = [];
      g.progress = {};
      for (const f of g.members) {
        if (f !== s.self) g.progress[f] = { mode: g.modes[f] ?? 'async', match: 0, next: 1, heard: ctx.now };
      }
      g.leaseFrom = ctx.clock;
      showRole(env, g);
      setField(
        env,
        g,
        'sync',
        Object.keys(g.modes).filter((f) => g.modes[f] === 'sync'),
      );
      updateLag(env, g);
      sendHeartbeats(env, g);
      env.out.setTimer('heartbeat', cfg.heartbeat);
      armLease(env, g);
    } else {
      showRole(env, g);
      g.leaderContact = ctx.now;
      armElection(env, g);
    }
  }
}

/**
 * A node that lost its disk votes again once a majority of its group has told it their terms: it
 * then adopts the highest and abstains in that term, since it may have voted in it before.
 */
function learnTermsAfterDiskLoss(env: Env, from: string, msg: SlMessage): void {
  if (!('term' in msg) || !('group' in msg)) return;
  const g = env.s.groups[msg.group];
  if (!g || g.voter || !g.members.includes(from)) return;
  g.heardTerms[from] = Math.max(g.heardTerms[from] ?? 0, (msg as { term: number }).term);
  if (Object.keys(g.heardTerms).length + 1 < majority(g.members)) return;
  const highest = Math.max(g.term, ...Object.values(g.heardTerms));
  g.voter = true;
  g.heardTerms = {};
  if (highest > g.term) g.term = highest;
  g.votedFor = env.s.self;
  setField(env, g, 'term', g.term);
  env.out.note(`heard from a majority after losing its disk: voting again, from term ${g.term + 1}`, {
    group: g.name,
    term: g.term,
  });
  armElection(env, g);
}

function onMessage(env: Env, from: string, msg: SlMessage): void {
  learnTermsAfterDiskLoss(env, from, msg);
  switch (msg.type) {
    case 'ClientWrite':
      onClientWrite(env, from, msg);
      return;
    case 'ClientRead':
      onClientRead(env, from, msg);
      return;
    case 'Replicate':
      onReplicate(env, from, msg);
      return;
    case 'ReplicateAck':
      onReplicateAck(env, from, msg);
      return;
    case 'ReplicateReject':
      onReplicateReject(env, from, msg);
      return;
    case 'Heartbeat':
      onHeartbeat(env, from, msg);
      return;
    case 'HeartbeatAck':
      onHeartbeatAck(env, from, msg);
      return;
    case 'CatchUpRequest':
      onCatchUpRequest(env, from, msg);
      return;
    case 'Snapshot':
      onSnapshot(env, from, msg);
      return;
    case 'SnapshotAck':
      onSnapshotAck(env, from, msg);
      return;
    case 'SnapshotRequest':
      onSnapshotRequest(env, from, msg);
      return;
    case 'RequestVote':
      onRequestVote(env, from, msg);
      return;
    case 'Vote':
      onVote(env, from, msg);
      return;
    default:
      return; // client-bound messages are never sent to nodes
  }
}

/**
 * Manual failover. With automatic failover configured the node runs for election at once (a
 * leadership transfer: it still needs a majority, so an operator cannot create a second leader).
 * Without it there are no elections: the node simply becomes leader of the next term.
 */
function promote(env: Env): void {
  for (const g of Object.values(env.s.groups)) {
    if (g.role === 'leader') continue;
    if (env.cfg.failover) {
      env.out.note(
        `manual failover: the operator asks ${env.s.self} to take over; it runs for election now`,
        {
          group: g.name,
        },
      );
      startElection(env, g);
      continue;
    }
    g.term++;
    g.votedFor = env.s.self;
    g.electionClock = env.ctx.clock;
    becomeLeader(env, g, `manual failover: the operator promoted ${env.s.self} to leader of term ${g.term}`, {
      previousLeader: g.leader,
    });
  }
}

function recover(env: Env): void {
  // Nodes added while this one was down are members too.
  for (const gc of groupConfigs(env.cfg)) {
    const g = env.s.groups[gc.name];
    if (!g) continue;
    for (const m of membersOf(gc, env.ctx, env.cfg)) {
      if (g.members.includes(m)) continue;
      g.members.push(m);
      g.modes[m] ??= 'async';
    }
  }
  for (const g of Object.values(env.s.groups)) {
    const shown = env.s.shownLog[g.name] ?? g.log.length;
    if (shown > g.log.length)
      env.out.truncate(env.cfg.shards?.length ? `${g.name}.log` : 'log', g.log.length);
    setField(env, g, 'applied', g.applied);
    if (g.role === 'leader') {
      for (const f of g.members) {
        if (f !== env.s.self)
          g.progress[f] = {
            mode: g.modes[f] ?? 'async',
            match: 0,
            next: g.logStart + g.log.length + 1,
            heard: env.ctx.now,
          };
      }
      g.leaseFrom = env.ctx.clock;
      env.out.note(`recovered as leader of term ${g.term} (no automatic failover configured)`, {
        group: g.name,
      });
      sendHeartbeats(env, g);
      env.out.setTimer('heartbeat', env.cfg.heartbeat);
      armLease(env, g);
      showRole(env, g);
    } else {
      recoverGroup(env, g);
    }
  }
  env.s.shownLog = {};
}

export function onNode(s: NodeState, input: NodeInput, ctx: ProtocolContext, out: Out): void {
  const env: Env = { s, ctx, out, cfg: config(ctx) };
  switch (input.kind) {
    case 'start':
      start(env, input.joining !== undefined);
      return;
    case 'message':
      onMessage(env, input.from, input.msg as SlMessage);
      return;
    case 'timer': {
      if (input.name === 'heartbeat') {
        onHeartbeatTimer(env);
        return;
      }
      if (input.name === 'election') onElectionTimerFired(env);
      else if (input.name === 'lease') onLeaseTimer(env);
      return;
    }
    case 'persisted':
      onPersisted(env, input.data);
      return;
    case 'recover':
      recover(env);
      return;
    case 'promote':
      promote(env);
      return;
    case 'membership':
      if (input.added !== s.self) onMembership(env, input.added);
      return;
  }
}

/** What survives a crash: the durable log prefix, data, term and vote; never in-flight work. */
export function crash(s: NodeState, diskLost: boolean, ctx: ProtocolContext): NodeState {
  const cfg = config(ctx);
  if (diskLost) {
    const fresh = initNode(ctx);
    for (const [name, g] of Object.entries(s.groups)) {
      const ng = fresh.groups[name] ?? { ...g };
      ng.members = [...g.members];
      ng.term = 0;
      ng.role = 'follower';
      ng.voter = false;
      fresh.groups[name] = ng;
      fresh.shownLog[name] = g.log.length;
    }
    return fresh;
  }
  for (const g of Object.values(s.groups)) {
    s.shownLog[g.name] = g.log.length;
    g.log.length = Math.max(0, g.applied - g.logStart); // unpersisted entries are gone
    for (const [op, i] of Object.entries(g.opIndex)) if (i > g.applied) delete g.opIndex[op];
    if (cfg.failover && g.role !== 'follower') {
      // It comes back as a follower and learns who leads from the heartbeats.
      g.role = 'follower';
      g.leader = null;
    }
    if (g.role !== 'leader') g.progress = {};
    g.pending = [];
    g.heldReads = [];
    g.votes = [];
    g.prevote = false;
    g.catchUpAsked = false;
    g.early = {};
    g.heartbeatRounds = [];
    g.electionDue = null;
  }
  return s;
}

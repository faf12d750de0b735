// Automatic failover: a follower that hears no heartbeat for `failover.timeout` suspects the leader,
// asks for pre-votes (so a node cut off on its own cannot disrupt a healthy leader with ever higher
// terms), then runs for the next term. A node votes at most once per term, and only for a candidate
// whose log is at least as up to date as its own (`most-up-to-date`) or that ranks first by id
// (`lowest-id`). A majority of the group wins. Anyone who sees a higher term steps down.

import { type Env, send, setField, showRole } from './env';
import { majority } from './groups';
import { becomeLeader } from './leader';
import { lastIndex, lastTerm } from './log';
import type { GroupState, SlMessage } from './types';

type Msg<T extends SlMessage['type']> = Extract<SlMessage, { type: T }>;

export function armElection(env: Env, g: GroupState): void {
  const f = env.cfg.failover;
  if (!f || g.awaitingSnapshot || !g.voter || g.role === 'leader') return;
  let after: number;
  if (f.elect === 'lowest-id') {
    // Deterministic order: the lowest id times out first and the others defer to it.
    const rank = [...g.members].sort().indexOf(env.s.self);
    after = f.timeout + (Math.max(0, rank) * f.timeout) / 4;
  } else {
    after = f.timeout * (1 + env.ctx.random());
  }
  g.electionDue = env.ctx.now + after;
  scheduleElectionTimer(env);
}

export function disarmElection(env: Env, g: GroupState): void {
  g.electionDue = null;
  scheduleElectionTimer(env);
}

/** One `election` timer per node, set for the group whose timeout expires first. */
function scheduleElectionTimer(env: Env): void {
  let due = Number.POSITIVE_INFINITY;
  for (const g of Object.values(env.s.groups))
    if (g.electionDue !== null && g.electionDue < due) due = g.electionDue;
  if (due === Number.POSITIVE_INFINITY) env.out.cancelTimer('election');
  else env.out.setTimer('election', Math.max(0, due - env.ctx.now));
}

export function onElectionTimerFired(env: Env): void {
  for (const g of Object.values(env.s.groups)) {
    if (g.electionDue !== null && g.electionDue <= env.ctx.now + 1e-9) {
      g.electionDue = null;
      onElectionTimer(env, g);
    }
  }
  scheduleElectionTimer(env);
}

/** Leave the leader or candidate role (or just move to a newer term as a follower). */
export function stepDown(env: Env, g: GroupState, term: number, leader: string | null, reason: string): void {
  const wasLeader = g.role === 'leader';
  const changedRole = g.role !== 'follower';
  if (term > g.term) {
    g.term = term;
    g.votedFor = null;
  }
  if (changedRole) env.out.note(reason, { group: g.name, term: g.term, leader });
  g.role = 'follower';
  g.leader = leader;
  g.votes = [];
  g.prevote = false;
  if (wasLeader) {
    for (const w of g.pending) {
      send(env, w.client, {
        type: 'ClientWriteResult',
        group: g.name,
        op: w.op,
        ok: false,
        error: 'the leader stepped down before the write was acknowledged (outcome unknown)',
        ...(leader ? { leader } : {}),
      });
    }
    g.pending = [];
    g.progress = {};
    setField(env, g, 'lag', null);
    if (!Object.values(env.s.groups).some((x) => x.role === 'leader')) {
      env.out.cancelTimer('heartbeat');
      env.out.cancelTimer('lease');
    }
  }
  showRole(env, g);
  armElection(env, g);
}

function onElectionTimer(env: Env, g: GroupState): void {
  if (g.role === 'leader' || g.awaitingSnapshot || !env.cfg.failover) return;
  if (g.role === 'follower' && !g.prevote) {
    env.out.note(
      g.leader
        ? `suspect: no heartbeat from ${g.leader} for ${env.cfg.failover.timeout}ms; asking for pre-votes for term ${g.term + 1}`
        : `suspect: no leader heard for ${env.cfg.failover.timeout}ms; asking for pre-votes for term ${g.term + 1}`,
      { group: g.name, term: g.term, leader: g.leader },
    );
  }
  startPrevote(env, g);
}

function requestVotes(env: Env, g: GroupState, prevote: boolean, term: number): void {
  for (const m of g.members) {
    if (m === env.s.self) continue;
    send(env, m, {
      type: 'RequestVote',
      group: g.name,
      term,
      candidate: env.s.self,
      lastIndex: lastIndex(g),
      lastTerm: lastTerm(g),
      prevote,
    });
  }
}

function startPrevote(env: Env, g: GroupState): void {
  g.prevote = true;
  g.votes = [env.s.self];
  requestVotes(env, g, true, g.term + 1);
  armElection(env, g);
  if (g.votes.length >= majority(g.members)) startElection(env, g);
}

export function startElection(env: Env, g: GroupState): void {
  g.term++;
  g.votedFor = env.s.self;
  g.role = 'candidate';
  g.leader = null;
  g.prevote = false;
  g.votes = [env.s.self];
  g.electionClock = env.ctx.clock;
  showRole(env, g);
  env.out.note(
    `election: ${env.s.self} runs for term ${g.term} (log at term ${lastTerm(g)}, position ${lastIndex(g)})`,
    {
      group: g.name,
      term: g.term,
    },
  );
  requestVotes(env, g, false, g.term);
  armElection(env, g);
  if (g.votes.length >= majority(g.members)) {
    becomeLeader(env, g, `elected leader of term ${g.term} (a group of one)`, { votes: g.votes });
  }
}

function leaderAlive(env: Env, g: GroupState): boolean {
  if (g.role === 'leader') return true;
  const timeout = env.cfg.failover?.timeout ?? Number.POSITIVE_INFINITY;
  return g.leader !== null && env.ctx.now - g.leaderContact < timeout;
}

/** Whether this node may vote for the candidate, and why (or why not). */
function judge(env: Env, g: GroupState, msg: Msg<'RequestVote'>): { ok: boolean; reason: string } {
  const mine = `term ${lastTerm(g)}, position ${lastIndex(g)}`;
  const theirs = `term ${msg.lastTerm}, position ${msg.lastIndex}`;
  if (env.cfg.failover?.elect === 'lowest-id') {
    if (env.s.self < msg.candidate)
      return { ok: false, reason: `lowest-id: ${env.s.self} ranks before ${msg.candidate}` };
    return { ok: true, reason: `lowest-id: ${msg.candidate} ranks before ${env.s.self}` };
  }
  const upToDate =
    msg.lastTerm > lastTerm(g) || (msg.lastTerm === lastTerm(g) && msg.lastIndex >= lastIndex(g));
  return upToDate
    ? { ok: true, reason: `its log (${theirs}) is at least as up to date as mine (${mine})` }
    : { ok: false, reason: `its log (${theirs}) is behind mine (${mine})` };
}

export function onRequestVote(env: Env, from: string, msg: Msg<'RequestVote'>): void {
  const g = env.s.groups[msg.group];
  if (!g) return;
  if (msg.prevote) {
    const j = g.awaitingSnapshot || !g.voter ? { ok: false, reason: 'not a voter yet' } : judge(env, g, msg);
    let granted = j.ok && msg.term > g.term;
    let reason = j.reason;
    if (msg.term <= g.term) reason = `term ${msg.term} is not newer than ${g.term}`;
    else if (leaderAlive(env, g)) {
      granted = false;
      reason = `${g.leader} is still leading`;
    }
    send(env, from, { type: 'Vote', group: g.name, term: g.term, granted, prevote: true, reason });
    return;
  }
  if (msg.term < g.term) {
    send(env, from, {
      type: 'Vote',
      group: g.name,
      term: g.term,
      granted: false,
      prevote: false,
      reason: `stale term ${msg.term}`,
    });
    return;
  }
  if (msg.term > g.term) {
    stepDown(
      env,
      g,
      msg.term,
      null,
      `stepping down: ${from} runs for term ${msg.term}, newer than my term ${g.term}`,
    );
  }
  const j = g.awaitingSnapshot
    ? { ok: false, reason: `${env.s.self} is still joining (no snapshot yet) and does not vote` }
    : !g.voter
      ? {
          ok: false,
          reason: `${env.s.self} lost its disk and does not vote until it has caught up with a leader`,
        }
      : judge(env, g, msg);
  const granted = j.ok && (g.votedFor === null || g.votedFor === msg.candidate);
  const reason = !j.ok ? j.reason : granted ? j.reason : `already voted for ${g.votedFor} in term ${g.term}`;
  if (granted) {
    g.votedFor = msg.candidate;
    armElection(env, g);
  }
  env.out.note(`vote: ${granted ? 'for' : 'refuse'} ${msg.candidate} in term ${g.term}: ${reason}`, {
    group: g.name,
    term: g.term,
    candidate: msg.candidate,
    granted,
  });
  send(env, from, { type: 'Vote', group: g.name, term: g.term, granted, prevote: false, reason });
  // lowest-id: a lower-id node that refuses runs itself, so the lowest live id ends up leading.
  if (
    !j.ok &&
    !g.awaitingSnapshot &&
    g.voter &&
    env.cfg.failover?.elect === 'lowest-id' &&
    g.role === 'follower'
  ) {
    startElection(env, g);
  }
}

export function onVote(env: Env, from: string, msg: Msg<'Vote'>): void {
  const g = env.s.groups[msg.group];
  if (!g) return;
  if (msg.term > g.term) {
    stepDown(
      env,
      g,
      msg.term,
      null,
      `stepping down: ${from} is at term ${msg.term}, newer than my term ${g.term}`,
    );
    return;
  }
  if (!msg.granted || g.votes.includes(from)) return;
  if (msg.prevote) {
    if (!g.prevote || g.role === 'leader') return;
    g.votes.push(from);
    if (g.votes.length >= majority(g.members)) startElection(env, g);
    return;
  }
  if (g.role !== 'candidate' || msg.term !== g.term) return;
  g.votes.push(from);
  if (g.votes.length >= majority(g.members)) {
    becomeLeader(env, g, `elected leader of term ${g.term} with votes from ${g.votes.join(', ')}`, {
      votes: [...g.votes],
    });
  }
}

// A follower: accepts the leader's entries in log order, persists them, applies them to its data and
// acknowledges; asks for a catch-up when it finds a gap or a conflict; installs a snapshot when it
// joins; rejects older epochs when fencing is on; refuses WAL written by another storage engine.

import { appendEntry, applyUpTo, truncateLog } from './apply';
import { armElection, stepDown } from './election';
import { type Env, fencing, send, setField, showRole } from './env';
import { groupOfKey } from './groups';
import { advanceCommit } from './leader';
import { lastIndex, lastTerm, termAt, termRuns } from './log';
import { serveHeldReads } from './reads';
import type { GroupState, SlMessage } from './types';

type Msg<T extends SlMessage['type']> = Extract<SlMessage, { type: T }>;

export function askCatchUp(env: Env, g: GroupState, why: string): void {
  if (g.catchUpAsked || g.broken || !g.leader || g.leader === env.s.self) return;
  g.catchUpAsked = true;
  env.out.note(`catch-up: ${why}; asking ${g.leader} for the entries after position ${lastIndex(g)}`, {
    group: g.name,
    lastIndex: lastIndex(g),
  });
  send(env, g.leader, {
    type: 'CatchUpRequest',
    group: g.name,
    term: g.term,
    lastIndex: lastIndex(g),
    runs: termRuns(g),
  });
}

/**
 * This node's snapshot holds writes the leader never had (an election that ignored logs, or a
 * snapshot from a leader that was then deposed): start over from a snapshot of the leader's data.
 */
function resync(env: Env, g: GroupState, leader: string, why: string): void {
  env.out.note(
    `snapshot conflict: ${why}, but my snapshot was taken at position ${g.logStart} in term ${g.logStartTerm}; asking for a new snapshot`,
    {
      group: g.name,
      position: g.logStart,
    },
  );
  g.awaitingSnapshot = true;
  g.ready = false;
  setField(env, g, 'ready', false);
  g.catchUpAsked = false;
  askSnapshot(env, g, leader);
}

function askSnapshot(env: Env, g: GroupState, leader: string): void {
  if (g.catchUpAsked) return;
  g.catchUpAsked = true;
  env.out.note(`joining: asking ${leader} for a snapshot`, { group: g.name });
  send(env, leader, { type: 'SnapshotRequest', group: g.name, term: g.term });
}

/**
 * Accept a message from a leader of `term`: adopt the term and the leader, reset the election timer.
 * Returns false when the message must be rejected (an older epoch under fencing).
 */
function acceptLeader(env: Env, g: GroupState, from: string, term: number, what: string): boolean {
  if (term < g.term) {
    if (fencing(env)) {
      env.out.note(
        `fencing: rejected ${what} from ${from} carrying epoch ${term}; the current epoch is ${g.term}`,
        {
          group: g.name,
          from,
          epoch: term,
          current: g.term,
        },
      );
      send(env, from, {
        type: 'ReplicateReject',
        group: g.name,
        term: g.term,
        reason: 'stale-epoch',
        detail: `epoch ${term} < ${g.term}`,
      });
      return false;
    }
    if (what === 'Replicate') {
      env.out.note(
        `no fencing: accepting ${what} from ${from} although its epoch ${term} is older than ${g.term}`,
        {
          group: g.name,
          from,
          epoch: term,
        },
      );
    }
    return true;
  }
  if (term > g.term || g.role !== 'follower') {
    stepDown(env, g, term, from, `stepping down: ${from} leads term ${term}`);
  }
  if (g.leader !== from) {
    g.leader = from;
    setField(env, g, 'leader', from);
  }
  g.leaderContact = env.ctx.now;
  armElection(env, g);
  return true;
}

/** Entries older than the leader's term beyond its log can never be committed: drop them. */
function dropStaleSuffix(env: Env, g: GroupState, leaderLast: number, term: number): void {
  const first = termAt(g, leaderLast + 1);
  if (first === undefined || first >= term) return;
  const dropped = truncateLog(env, g, leaderLast);
  env.out.note(
    `truncated ${lastIndexNote(dropped)} after position ${leaderLast}: written in an older term, the leader of term ${term} never had them`,
    { group: g.name, position: leaderLast, ops: dropped },
  );
}

function lastIndexNote(ops: string[]): string {
  return ops.length === 1 ? `the entry of ${ops[0]}` : `the entries of ${ops.join(', ')}`;
}

/** Early Replicate messages kept while waiting for the one they follow (a small reorder buffer). */
const EARLY_LIMIT = 32;

export function onReplicate(env: Env, from: string, msg: Msg<'Replicate'>): void {
  replicate(env, from, msg);
  const g = env.s.groups[msg.group];
  if (!g) return;
  // Messages that overtook this one can be applied now.
  for (;;) {
    const ready = Object.keys(g.early)
      .map(Number)
      .filter((k) => k <= lastIndex(g))
      .sort((a, b) => a - b)[0];
    if (ready === undefined) return;
    const early = g.early[ready]!;
    delete g.early[ready];
    if (early.term === g.term && early.leader === g.leader) replicate(env, early.leader, early);
  }
}

function replicate(env: Env, from: string, msg: Msg<'Replicate'>): void {
  const g = env.s.groups[msg.group];
  if (!g || !acceptLeader(env, g, from, msg.term, 'Replicate')) return;
  if (g.awaitingSnapshot) {
    askSnapshot(env, g, from);
    return;
  }
  const foreign = msg.entries.find((e) => e.kind === 'wal' && e.engineVersion !== env.s.engineVersion);
  if (foreign && foreign.kind === 'wal') {
    const detail = `WAL written by storage engine v${foreign.engineVersion} cannot be applied by engine v${env.s.engineVersion} (page layouts differ)`;
    env.out.note(`error: ${detail}; this follower cannot replicate until it runs the same engine version`, {
      group: g.name,
      leaderEngine: foreign.engineVersion,
      engine: env.s.engineVersion,
      position: foreign.index,
    });
    setField(env, g, 'replicationError', detail);
    g.broken = detail;
    send(env, from, {
      type: 'ReplicateReject',
      group: g.name,
      term: g.term,
      reason: 'engine-version',
      detail,
    });
    return;
  }
  if (msg.prevIndex > lastIndex(g)) {
    // Probably overtaken by a later message: keep it until the gap fills (a lost message is
    // noticed at the next heartbeats, which trigger a catch-up).
    if (Object.keys(g.early).length < EARLY_LIMIT) {
      g.early[msg.prevIndex] = msg;
      return;
    }
    askCatchUp(
      env,
      g,
      `gap: the leader sent entries after position ${msg.prevIndex}, I have ${lastIndex(g)}`,
    );
    return;
  }
  const prev = termAt(g, msg.prevIndex);
  if (prev !== undefined && prev !== msg.prevTerm) {
    askCatchUp(
      env,
      g,
      `conflict: my entry at position ${msg.prevIndex} has term ${prev}, the leader's has ${msg.prevTerm}`,
    );
    return;
  }
  const atSnapshot = g.logStart > 0 ? msg.entries.find((e) => e.index === g.logStart) : undefined;
  if (atSnapshot && atSnapshot.term !== g.logStartTerm) {
    resync(env, g, from, `the leader's entry at position ${g.logStart} has term ${atSnapshot.term}`);
    return;
  }
  let appended = false;
  for (const e of msg.entries) {
    if (e.index <= g.logStart) continue;
    const t = termAt(g, e.index);
    if (t === e.term) continue;
    if (t !== undefined) {
      const dropped = truncateLog(env, g, e.index - 1);
      env.out.note(
        `truncated ${lastIndexNote(dropped)} from position ${e.index}: they conflict with the leader's log`,
        {
          group: g.name,
          position: e.index - 1,
          ops: dropped,
        },
      );
    }
    appendEntry(env, g, e);
    appended = true;
  }
  dropStaleSuffix(env, g, msg.prevIndex + msg.entries.length, msg.term);
  g.catchUpAsked = false;
  if (g.readyAt < 0) g.readyAt = msg.leaderLast;
  const commit = Math.min(msg.commitIndex, lastIndex(g));
  if (commit !== g.commitIndex) {
    g.commitIndex = commit;
    setField(env, g, 'commitIndex', commit);
  }
  if (appended) env.out.persist({ group: g.name, upTo: lastIndex(g), term: lastTerm(g) });
  else {
    ack(env, g, from);
    checkReady(env, g);
  }
}

function ack(env: Env, g: GroupState, to: string): void {
  send(env, to, {
    type: 'ReplicateAck',
    group: g.name,
    term: g.term,
    applied: g.applied,
    lastIndex: lastIndex(g),
  });
}

export function onHeartbeat(env: Env, from: string, msg: Msg<'Heartbeat'>): void {
  const g = env.s.groups[msg.group];
  if (!g || !acceptLeader(env, g, from, msg.term, 'Heartbeat')) return;
  if (g.awaitingSnapshot) {
    // Ask every other heartbeat until a snapshot arrives (the first may have been lost, or the
    // leader that should have sent it was down when this node joined).
    if (g.catchUpAsked) g.catchUpAsked = false;
    else askSnapshot(env, g, from);
  } else if (
    msg.term >= g.term &&
    g.logStart > 0 &&
    (msg.lastIndex < g.logStart || (msg.lastIndex === g.logStart && msg.lastTerm !== g.logStartTerm))
  ) {
    resync(env, g, from, `the leader's log ends at position ${msg.lastIndex} (term ${msg.lastTerm})`);
  } else {
    const t = termAt(g, msg.lastIndex);
    if (msg.lastIndex > lastIndex(g)) {
      // Entries may still be on their way: ask only when a whole heartbeat interval brought nothing.
      if (g.behindAt === lastIndex(g)) {
        g.catchUpAsked = false;
        askCatchUp(env, g, `behind: the leader is at position ${msg.lastIndex}, I have ${lastIndex(g)}`);
      }
      g.behindAt = lastIndex(g);
    } else if (t !== undefined && t !== msg.lastTerm) {
      if (g.catchUpAsked) g.catchUpAsked = false;
      else
        askCatchUp(
          env,
          g,
          `conflict: my entry at position ${msg.lastIndex} has term ${t}, the leader's has ${msg.lastTerm}`,
        );
    } else if (msg.term >= g.term) {
      dropStaleSuffix(env, g, msg.lastIndex, msg.term);
    }
    if (msg.lastIndex <= lastIndex(g)) g.behindAt = -1;
    if (!g.voter && msg.lastIndex <= lastIndex(g) && termAt(g, msg.lastIndex) === msg.lastTerm) {
      g.voter = true;
      env.out.note(`caught up with ${from} after losing its disk: voting again`, { group: g.name });
      armElection(env, g);
    }
    const commit = Math.min(msg.commitIndex, g.applied);
    if (commit > g.commitIndex) {
      g.commitIndex = commit;
      setField(env, g, 'commitIndex', commit);
    }
    checkReady(env, g);
  }
  send(env, from, {
    type: 'HeartbeatAck',
    group: g.name,
    term: g.term,
    seq: msg.seq,
    applied: g.applied,
    lastIndex: lastIndex(g),
  });
}

export function onSnapshot(env: Env, from: string, msg: Msg<'Snapshot'>): void {
  const g = env.s.groups[msg.group];
  if (!g || !acceptLeader(env, g, from, msg.term, 'Snapshot')) return;
  // The snapshot replaces everything this node held for the group (it may be re-syncing).
  for (const key of Object.keys(env.s.data)) {
    if (groupOfKey(env.cfg, key) !== g.name || key in msg.data) continue;
    delete env.s.data[key];
    delete env.s.deps[key];
    env.out.data(key, []);
  }
  for (const [key, sib] of Object.entries(msg.data)) {
    env.s.data[key] = sib;
    env.out.data(key, [sib]);
  }
  for (const [key, d] of Object.entries(msg.deps)) env.s.deps[key] = d;
  if (g.log.length > 0) env.out.truncate(env.cfg.shards?.length ? `${g.name}.log` : 'log', 0);
  g.log = [];
  g.opIndex = {};
  g.undo = {};
  g.logStart = msg.position;
  g.logStartTerm = msg.positionTerm;
  g.applied = msg.position;
  g.commitIndex = msg.position;
  g.awaitingSnapshot = false;
  g.catchUpAsked = false;
  if (!g.ready) g.readyAt = -1; // fixed by the first Replicate, which the leader sends after the snapshot
  env.s.counter = Math.max(env.s.counter, msg.counter);
  setField(env, g, 'logStart', msg.position);
  setField(env, g, 'applied', msg.position);
  setField(env, g, 'commitIndex', msg.position);
  env.out.note(
    `snapshot installed at position ${msg.position} (${Object.keys(msg.data).length} keys); catching up from there`,
    {
      group: g.name,
      position: msg.position,
    },
  );
  send(env, from, { type: 'SnapshotAck', group: g.name, term: g.term, position: msg.position });
  armElection(env, g);
}

/** A joined follower serves reads once it has applied what the leader had when it caught up. */
export function checkReady(env: Env, g: GroupState): void {
  if (g.ready || g.awaitingSnapshot || g.readyAt < 0 || g.applied < g.readyAt) return;
  g.ready = true;
  setField(env, g, 'ready', true);
  env.out.note(`caught up at position ${g.applied}: serving reads from now on`, {
    group: g.name,
    position: g.applied,
  });
}

/** Storage confirmed the entries up to `upTo`: apply them, then acknowledge (or count for commit). */
export function onPersisted(env: Env, data: unknown): void {
  const d = data as { group: string; upTo: number; term: number };
  const g = env.s.groups[d.group];
  if (!g || termAt(g, d.upTo) !== d.term) return; // the entries were truncated meanwhile
  applyUpTo(env, g, d.upTo);
  if (g.role === 'leader') advanceCommit(env, g);
  else if (g.leader) ack(env, g, g.leader);
  checkReady(env, g);
  serveHeldReads(env, g);
}

/** After a crash: come back as a follower (or, without automatic failover, as the same leader). */
export function recoverGroup(env: Env, g: GroupState): void {
  showRole(env, g);
  if (g.role === 'leader') return;
  armElection(env, g);
  if (g.leader && !g.awaitingSnapshot) askCatchUp(env, g, `recovered with position ${g.applied}`);
}

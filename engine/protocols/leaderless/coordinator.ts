// The quorum coordinator: sends a client's write or read to the key's n home replicas in parallel,
// answers after w acknowledgements or r replies, repairs stale replicas a read found, and — with a
// sloppy quorum — replaces home replicas that do not answer in time by the next nodes on the ring,
// with a hint naming the home. It runs inside a node (`coordinator: node`) or inside the client
// library (`coordinator: client`); the host supplies how to send and how to answer.
//
// There is no failure oracle: the coordinator learns that a replica is unreachable only because
// its answer does not come within a per-attempt timer, and then suspects it until it hears from it.
//
// With `writeFanout: quorum` a write goes to only w of the n homes, chosen uniformly at random per
// write (the setting of the PBS closed forms); a chosen home that stays silent is replaced first by
// a spare home (strict quorum), and only then, with a sloppy quorum, by a fallback with a hint.

import type { Value } from '../../../traces/types';
import type { LeaderlessConfig } from '../../scenario/model';
import type { Message, OpResult, Out, ProtocolContext } from '../protocol';
import type { Get, GetReply, Put, PutAck, ReadRepair } from './messages';
import type { Ring } from './ring';
import {
  type CausalContext,
  contextOf,
  describeVersion,
  digest,
  mergeContexts,
  mergeObjects,
  type StoredObject,
  visibleValues,
  type WriteStamp,
} from './versioning';

/** Share of the client's timeout after which a coordinator gives up (the rest is for the answer to travel). */
export const QUORUM_SHARE = 0.8;
/** Share of the client's timeout after which a silent replica is suspected and replaced (sloppy quorum). */
export const ATTEMPT_SHARE = 0.2;

export interface CoordinatorState {
  nextRequest: number;
  requests: Map<number, QuorumRequest>;
  /** Nodes that did not answer in time; skipped for fallbacks until they are heard from again. */
  suspects: Set<string>;
  /** Per key, the last counter this coordinator used in a dot (kept across crashes with the disk). */
  counters: Map<string, number>;
}

interface QuorumRequest {
  id: number;
  kind: 'write' | 'read';
  op: string;
  key: string;
  /** Who gets the answer: the client (coordinator: node) or the client itself. */
  client: string;
  stamp?: WriteStamp;
  needed: number;
  /** The key's preference list. */
  homes: readonly string[];
  /**
   * The homes this request is for (all of them, or the w chosen by a quorum fan-out) and, at the
   * same index, each one's current stand-in: the home itself, or a fallback holding a hint for it.
   * (Arrays rather than maps and sets: they hold a handful of nodes and there is one per request.)
   */
  forHomes: string[];
  standIns: string[];
  /** Quorum fan-out: homes not (yet) written to, to replace a chosen home that does not answer. */
  spares: string[];
  /** Targets that answered. */
  answered: string[];
  /** Every node this request has been sent to. */
  tried: string[];
  /** Whether per-attempt timers were armed (sloppy quorum or quorum fan-out): they need cancelling. */
  attempts: boolean;
  /** The first replica that answered (what `servedBy` names when the client coordinates). */
  first?: string;
  /** Reads: each responder's copy. */
  replies: Map<string, StoredObject | undefined>;
  merged?: StoredObject;
  /** Writes: contexts the replicas acknowledged with. */
  context: CausalContext;
  done: boolean;
  timeout: number;
  /** Read repair: digest last sent to each replica. */
  repaired: Map<string, string>;
  /**
   * The request as sent to its home replicas. Messages are never changed once sent, so every home
   * gets the same object (a fallback gets its own, with its hint): a write's Put is then stored
   * once in the trace, not n times.
   */
  message?: Put | Get;
}

/** Writes keep no replies and reads without read repair no repairs: they share these, never filled. */
const NO_REPLIES = new Map<string, StoredObject | undefined>();
const NO_REPAIRS = new Map<string, string>();
const EMPTY_CONTEXT: CausalContext = Object.freeze({});

export function newCoordinatorState(): CoordinatorState {
  return { nextRequest: 1, requests: new Map(), suspects: new Set(), counters: new Map() };
}

/** What the coordinator needs from its host. */
export interface CoordinatorHost {
  cfg: LeaderlessConfig;
  ring: Ring;
  ctx: ProtocolContext;
  out: Out;
  /** Sends to a replica (a node host delivers messages to itself without the network). */
  send(to: string, msg: Message): void;
  /** Delivers the operation's outcome to the client. */
  answer(client: string, op: string, result: OpResult): void;
  /** The host's own copy of a key, if the host is a replica (for dot counters). */
  local?(key: string): StoredObject | undefined;
}

export interface WriteRequest {
  op: string;
  client: string;
  key: string;
  value: Value;
  tombstone: boolean;
  context: CausalContext;
  timeout: number;
}

export function startWrite(cs: CoordinatorState, host: CoordinatorHost, w: WriteRequest): void {
  const { cfg, ctx } = host;
  const stamp: WriteStamp = {
    op: w.op,
    value: w.value,
    tombstone: w.tombstone,
    context: w.context,
    origin: ctx.self,
  };
  if (cfg.versioning === 'version-vectors' || cfg.versioning === 'dotted-version-vectors') {
    // A dot must never repeat: take one past anything this coordinator has used or seen for the key.
    const self = ctx.self;
    const seen = Math.max(
      cs.counters.get(w.key) ?? 0,
      w.context.vv?.[self] ?? 0,
      host.local?.(w.key)?.clock[self] ?? 0,
    );
    cs.counters.set(w.key, seen + 1);
    stamp.dot = [self, seen + 1];
  }
  if (cfg.versioning === 'timestamps') stamp.ts = ctx.clock;
  const req = open(cs, host, 'write', w.op, w.client, w.key, w.timeout);
  req.stamp = stamp;
  req.needed = cfg.w;
  if (cfg.writeFanout === 'quorum') chooseQuorum(cs, host, req);
  dispatch(cs, host, req);
}

export function startRead(
  cs: CoordinatorState,
  host: CoordinatorHost,
  r: { op: string; client: string; key: string; timeout: number },
): void {
  const req = open(cs, host, 'read', r.op, r.client, r.key, r.timeout);
  req.needed = host.cfg.r;
  dispatch(cs, host, req);
}

function open(
  cs: CoordinatorState,
  host: CoordinatorHost,
  kind: 'write' | 'read',
  op: string,
  client: string,
  key: string,
  timeout: number,
): QuorumRequest {
  const id = cs.nextRequest++;
  const homes = host.ring.preferenceList(key);
  const req: QuorumRequest = {
    id,
    kind,
    op,
    key,
    client,
    needed: 0,
    homes,
    forHomes: homes.slice(),
    standIns: homes.slice(),
    spares: [],
    answered: [],
    tried: [],
    attempts: false,
    replies: kind === 'read' ? new Map() : NO_REPLIES,
    context: EMPTY_CONTEXT,
    done: false,
    timeout,
    repaired: kind === 'read' && host.cfg.readRepair ? new Map() : NO_REPAIRS,
  };
  cs.requests.set(id, req);
  host.out.setTimer(`quorum:${id}`, timeout * QUORUM_SHARE, id);
  return req;
}

/**
 * Quorum fan-out: keeps w homes, uniformly at random among those not suspected down (suspected
 * ones only to make up the number), in preference-list order; the rest become spares.
 */
function chooseQuorum(cs: CoordinatorState, host: CoordinatorHost, req: QuorumRequest): void {
  const healthy = req.homes.filter((h) => !cs.suspects.has(h) || h === host.ctx.self);
  const suspected = req.homes.filter((h) => !healthy.includes(h));
  const picked = sample(host.ctx, healthy, req.needed);
  picked.push(...sample(host.ctx, suspected, req.needed - picked.length));
  const chosen = req.homes.filter((h) => picked.includes(h));
  req.forHomes = chosen;
  req.standIns = chosen.slice();
  req.spares = req.homes.filter((h) => !picked.includes(h));
  if (req.spares.length > 0)
    host.out.note(
      `quorum fan-out: writing to ${chosen.join(', ')} (${chosen.length} of ${req.homes.length} homes, at random)`,
      {
        op: req.op,
        key: req.key,
        chosen,
      },
    );
}

/** `count` distinct items drawn uniformly (a partial Fisher–Yates shuffle on a copy). */
function sample(ctx: ProtocolContext, items: string[], count: number): string[] {
  const pool = [...items];
  const n = Math.min(Math.max(count, 0), pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(ctx.random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, n);
}

function dispatch(cs: CoordinatorState, host: CoordinatorHost, req: QuorumRequest): void {
  for (let i = 0; i < req.forHomes.length; i++) {
    const home = req.forHomes[i]!;
    if (host.cfg.sloppyQuorum && cs.suspects.has(home) && home !== host.ctx.self) {
      const fallback = nextFallback(cs, host, req);
      if (fallback) {
        noteFallback(host, req, home, fallback, 'suspected down');
        req.standIns[i] = fallback;
        sendTo(host, req, fallback, home);
        continue;
      }
    }
    sendTo(host, req, home, undefined);
  }
}

function requestMessage(req: QuorumRequest, hint: string | undefined): Put | Get {
  if (req.kind === 'read') {
    const get: Get = { type: 'Get', req: req.id, key: req.key };
    if (hint) get.hint = hint;
    return get;
  }
  const s = req.stamp!;
  const put: Put = {
    type: 'Put',
    req: req.id,
    key: req.key,
    op: s.op,
    value: s.value,
    context: s.context,
    origin: s.origin,
  };
  if (s.tombstone) put.tombstone = true;
  if (s.dot) put.dot = s.dot;
  if (s.ts !== undefined) put.ts = s.ts;
  if (hint) put.hint = hint;
  return put;
}

function sendTo(host: CoordinatorHost, req: QuorumRequest, target: string, hint: string | undefined): void {
  req.tried.push(target);
  if (hint) host.send(target, requestMessage(req, hint));
  else {
    req.message ??= requestMessage(req, undefined);
    host.send(target, req.message);
  }
  if ((host.cfg.sloppyQuorum || replaceable(host, req)) && target !== host.ctx.self) {
    req.attempts = true;
    host.out.setTimer(`attempt:${req.id}:${target}`, req.timeout * ATTEMPT_SHARE, {
      request: req.id,
      target,
    });
  }
}

/** A quorum fan-out write may replace a silent chosen home by a spare home, sloppy quorum or not. */
function replaceable(host: CoordinatorHost, req: QuorumRequest): boolean {
  return req.kind === 'write' && host.cfg.writeFanout === 'quorum';
}

/**
 * A spare home not tried yet, drawn at random like the chosen ones; a suspected one only when no
 * other is left (it may have recovered since: this coordinator has not heard from it).
 */
function nextSpare(cs: CoordinatorState, host: CoordinatorHost, req: QuorumRequest): string | undefined {
  const untried = req.spares.filter((h) => !req.tried.includes(h));
  const healthy = untried.filter((h) => !cs.suspects.has(h));
  const [spare] = sample(host.ctx, healthy.length > 0 ? healthy : untried, 1);
  if (spare) req.spares = req.spares.filter((h) => h !== spare);
  return spare;
}

function nextFallback(cs: CoordinatorState, host: CoordinatorHost, req: QuorumRequest): string | undefined {
  for (const node of host.ring.walk(req.key)) {
    if (req.homes.includes(node) || req.tried.includes(node) || cs.suspects.has(node)) continue;
    return node;
  }
  return undefined;
}

function noteFallback(
  host: CoordinatorHost,
  req: QuorumRequest,
  home: string,
  fallback: string,
  why: string,
): void {
  const verb = req.kind === 'write' ? 'writing to' : 'reading from';
  const hintText = req.kind === 'write' ? ` with a hint for ${home}` : ` in place of ${home}`;
  host.out.note(`sloppy quorum: ${home} ${why}, ${verb} ${fallback}${hintText}`, {
    op: req.op,
    key: req.key,
    home,
    fallback,
  });
}

/** A replica's answer (PutAck or GetReply). Returns false if it was not for a live request. */
export function onReply(
  cs: CoordinatorState,
  host: CoordinatorHost,
  from: string,
  msg: PutAck | GetReply,
): boolean {
  if (cs.suspects.size > 0) cs.suspects.delete(from);
  const req = cs.requests.get(msg.req);
  if (!req || req.key !== msg.key) return false;
  if (req.answered.includes(from) || !req.tried.includes(from)) return true;
  req.answered.push(from);
  req.first ??= from;
  if (req.attempts) host.out.cancelTimer(`attempt:${req.id}:${from}`);
  if (msg.type === 'PutAck') {
    req.context = mergeContexts(req.context, msg.context);
    if (!req.done && req.answered.length >= req.needed) {
      req.done = true;
      host.answer(req.client, req.op, { ok: true, context: req.context, servedBy: servedBy(host, req) });
    }
  } else {
    const copy = msg.object ?? undefined;
    req.replies.set(from, copy);
    const before = req.merged;
    req.merged = mergeObjects(host.cfg.versioning, req.merged, copy);
    if (!req.done && req.answered.length >= req.needed) {
      req.done = true;
      host.answer(req.client, req.op, {
        ok: true,
        values: visibleValues(req.merged),
        context: contextOf(host.cfg.versioning, req.merged),
        servedBy: servedBy(host, req),
      });
      repair(host, req, [...req.replies.keys()]);
    } else if (req.done) {
      // A late reply: repair it if stale; if it was newer than what the read returned, every
      // earlier responder is now stale too.
      const grew = before !== req.merged && digest(before) !== digest(req.merged);
      repair(host, req, grew ? [...req.replies.keys()] : [from]);
    }
  }
  if (finished(req)) close(cs, host, req);
  return true;
}

/** The coordinating node, or — when the client coordinates — the first replica that answered. */
function servedBy(host: CoordinatorHost, req: QuorumRequest): string | undefined {
  return host.cfg.coordinator === 'node' ? host.ctx.self : req.first;
}

function repair(host: CoordinatorHost, req: QuorumRequest, responders: string[]): void {
  if (!host.cfg.readRepair || !req.merged) return;
  const newest = digest(req.merged);
  for (const node of responders) {
    // Only home replicas are repaired; a fallback's copy is a hint and is handed off instead.
    if (!req.homes.includes(node)) continue;
    const theirs = req.replies.get(node);
    if (digest(theirs) === newest || req.repaired.get(node) === newest) continue;
    req.repaired.set(node, newest);
    host.out.note(
      `read repair: ${node} had ${describeVersion(host.cfg.versioning, theirs)}, sent ${describeVersion(host.cfg.versioning, req.merged)}`,
      { op: req.op, key: req.key, replica: node },
    );
    const msg: ReadRepair = { type: 'ReadRepair', key: req.key, object: req.merged };
    host.send(node, msg);
  }
}

function finished(req: QuorumRequest): boolean {
  for (const standIn of req.standIns) if (!req.answered.includes(standIn)) return false;
  return true;
}

function close(cs: CoordinatorState, host: CoordinatorHost, req: QuorumRequest): void {
  cs.requests.delete(req.id);
  host.out.cancelTimer(`quorum:${req.id}`);
  if (req.attempts)
    for (const t of req.tried) if (!req.answered.includes(t)) host.out.cancelTimer(`attempt:${req.id}:${t}`);
}

/** Handles the coordinator's timers. Returns false if the timer is not one of its own. */
export function onTimer(cs: CoordinatorState, host: CoordinatorHost, name: string, data: unknown): boolean {
  if (name.startsWith('quorum:')) {
    const req = cs.requests.get(data as number);
    if (!req) return true;
    for (const t of req.tried) if (!req.answered.includes(t)) cs.suspects.add(t);
    if (!req.done) {
      const got = req.answered.length;
      const what = req.kind === 'write' ? 'acks' : 'replies';
      const reason = `quorum not reached: ${got} of ${req.needed} ${what}`;
      host.out.note(reason, { op: req.op, key: req.key, answered: req.answered.slice().sort() });
      const failed: OpResult = { ok: false, error: reason };
      const by = servedBy(host, req);
      if (by) failed.servedBy = by;
      host.answer(req.client, req.op, failed);
    }
    close(cs, host, req);
    return true;
  }
  if (name.startsWith('attempt:')) {
    const { request, target } = data as { request: number; target: string };
    const req = cs.requests.get(request);
    if (!req || req.answered.includes(target)) return true;
    cs.suspects.add(target);
    const slot = req.standIns.indexOf(target);
    if (slot < 0) return true;
    const home = req.forHomes[slot]!;
    // A quorum fan-out first writes to another home instead: still a strict quorum, no hint needed.
    const spare = replaceable(host, req) && target === home ? nextSpare(cs, host, req) : undefined;
    if (spare) {
      host.out.note(`quorum fan-out: ${home} does not answer, writing to ${spare} instead`, {
        op: req.op,
        key: req.key,
        home,
        spare,
      });
      req.forHomes.splice(slot, 1);
      req.standIns.splice(slot, 1);
      req.forHomes.push(spare);
      req.standIns.push(spare);
      sendTo(host, req, spare, undefined);
      return true;
    }
    if (!host.cfg.sloppyQuorum) {
      host.out.note(`quorum fan-out: ${home} does not answer and no other home is left to write to`, {
        op: req.op,
        key: req.key,
      });
      return true;
    }
    const fallback = nextFallback(cs, host, req);
    if (!fallback) {
      host.out.note(
        `sloppy quorum: ${target} does not answer and no other healthy node is left for ${home}`,
        {
          op: req.op,
          key: req.key,
        },
      );
      return true;
    }
    noteFallback(host, req, home, fallback, target === home ? 'down' : `and ${target} down`);
    req.standIns[slot] = fallback;
    sendTo(host, req, fallback, home);
    return true;
  }
  return false;
}

/** The client gave up on an operation: stop waiting for it (read repair is not worth a dead request). */
export function abandon(cs: CoordinatorState, host: CoordinatorHost, op: string): void {
  for (const req of cs.requests.values()) if (req.op === op) close(cs, host, req);
}

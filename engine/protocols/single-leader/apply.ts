// Log entries: how the leader turns a client write into entries for each log format, how any node
// applies an entry to its data, and how truncating the log undoes applied entries.

import type { Sibling, Value } from '../protocol';
import { type Env, setField } from './env';
import { entryAt, lastIndex } from './log';
import { evaluate, statementText } from './statement';
import type { GroupState, LogEntry, Positions, SlMessage, WalEntry } from './types';
import { applyWrite } from './writes';

/** What the leader needs from a client write. */
export type WriteRequest = Omit<Extract<SlMessage, { type: 'ClientWrite' }>, 'type' | 'group'>;

function currentValue(env: Env, key: string): Value | undefined {
  const sib = env.s.data[key];
  return sib && !sib.tombstone ? sib.value : undefined;
}

function evalEnv(env: Env) {
  return {
    clock: env.ctx.clock,
    random: () => env.ctx.random(),
    nextId: () => {
      env.s.counter++;
      return env.s.counter;
    },
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/** The page image as a given storage engine version lays it out: versions differ in header and order. */
export function pageImage(engineVersion: number, key: string, value: Value, tombstone: boolean): string {
  const bytes = Array.from(JSON.stringify([key, tombstone ? null : value]))
    .map((c) => c.charCodeAt(0).toString(16).padStart(2, '0'))
    .join('');
  const body = engineVersion % 2 === 0 ? (bytes.match(/../g)?.reverse().join('') ?? '') : bytes;
  return `v${engineVersion}:${tombstone ? 'dead' : 'live'}:${body.slice(0, 48)}${body.length > 48 ? '…' : ''}`;
}

/** Entries the leader appends for one client write (indexes from `next`). */
export function buildEntries(env: Env, g: GroupState, req: WriteRequest, next: number): LogEntry[] {
  const base = {
    term: g.term,
    op: req.op,
    key: req.key,
    at: Math.round(env.ctx.now * 1000) / 1000,
    ...(req.deps ? { deps: req.deps } : {}),
  };
  if (env.s.log === 'statement') {
    return [
      {
        ...base,
        index: next,
        kind: 'statement',
        write: req.write,
        ...(req.value !== undefined ? { value: req.value } : {}),
        ...(req.by !== undefined ? { by: req.by } : {}),
        sql: statementText(req.write, req.key, req.value, req.by),
      },
    ];
  }
  // Row and WAL logs ship the result, computed once here on the leader.
  const value = req.value === undefined ? undefined : evaluate(req.value, evalEnv(env));
  const result = applyWrite(currentValue(env, req.key), req.write, value, req.by);
  if (env.s.log === 'row') {
    const kind = result.tombstone ? 'delete' : currentValue(env, req.key) === undefined ? 'insert' : 'update';
    return [
      { ...base, index: next, kind, value: result.value },
      { ...base, index: next + 1, kind: 'commit' },
    ];
  }
  const h = hash(req.key);
  return [
    {
      ...base,
      index: next,
      kind: 'wal',
      engineVersion: env.s.engineVersion,
      page: h % 64,
      slot: (h >>> 6) % 32,
      image: pageImage(env.s.engineVersion, req.key, result.value, result.tombstone),
      value: result.value,
      tombstone: result.tombstone,
    },
  ];
}

function setData(env: Env, g: GroupState, index: number, key: string, sib: Sibling, deps?: Positions): void {
  g.undo[index] = { key, before: env.s.data[key], deps: env.s.deps[key] };
  env.s.data[key] = sib;
  if (deps) env.s.deps[key] = deps;
  else delete env.s.deps[key];
  env.out.data(key, [sib]);
}

/** Apply one entry to this node's data. */
function applyEntry(env: Env, g: GroupState, e: LogEntry): void {
  switch (e.kind) {
    case 'statement': {
      const value = e.value === undefined ? undefined : evaluate(e.value, evalEnv(env));
      const r = applyWrite(currentValue(env, e.key), e.write, value, e.by);
      const sib: Sibling = r.tombstone
        ? { value: null, tombstone: true, op: e.op, version: e.index }
        : { value: r.value, op: e.op, version: e.index };
      setData(env, g, e.index, e.key, sib, e.deps);
      return;
    }
    case 'commit': {
      // A transaction's rows become visible at its commit record.
      const row = entryAt(g, e.index - 1);
      if (
        !row ||
        row.op !== e.op ||
        (row.kind !== 'insert' && row.kind !== 'update' && row.kind !== 'delete')
      )
        return;
      const sib: Sibling =
        row.kind === 'delete'
          ? { value: null, tombstone: true, op: row.op, version: row.index }
          : { value: row.value, op: row.op, version: row.index };
      setData(env, g, e.index, row.key, sib, row.deps);
      return;
    }
    case 'wal': {
      const w = e as WalEntry;
      const sib: Sibling = w.tombstone
        ? { value: null, tombstone: true, op: w.op, version: w.index }
        : { value: w.value, op: w.op, version: w.index };
      setData(env, g, e.index, e.key, sib, e.deps);
      return;
    }
    default:
      return; // row images wait for their commit record
  }
}

/** Apply entries up to `upTo` (already persisted). */
export function applyUpTo(env: Env, g: GroupState, upTo: number): void {
  const to = Math.min(upTo, lastIndex(g));
  if (to <= g.applied) return;
  for (let i = g.applied + 1; i <= to; i++) {
    const e = entryAt(g, i);
    if (e) applyEntry(env, g, e);
  }
  g.applied = to;
  setField(env, g, 'applied', to);
}

/**
 * Cut the log to `length` positions, undoing the data of applied entries beyond it. Returns the
 * op keys whose entries were removed.
 */
export function truncateLog(env: Env, g: GroupState, length: number): string[] {
  const last = lastIndex(g);
  if (length >= last) return [];
  const removed = new Set<string>();
  for (let i = last; i > length; i--) {
    const e = entryAt(g, i);
    if (e) {
      removed.add(e.op);
      if (g.opIndex[e.op] === i) delete g.opIndex[e.op];
    }
    const u = g.undo[i];
    if (u && i <= g.applied) {
      if (u.before) env.s.data[u.key] = u.before;
      else delete env.s.data[u.key];
      if (u.deps) env.s.deps[u.key] = u.deps;
      else delete env.s.deps[u.key];
      env.out.data(u.key, u.before ? [u.before] : []);
    }
    delete g.undo[i];
  }
  g.log.length = Math.max(0, length - g.logStart);
  env.out.truncate(fieldNameLog(env, g), g.log.length);
  if (g.applied > length) {
    g.applied = length;
    setField(env, g, 'applied', length);
  }
  if (g.commitIndex > length) {
    g.commitIndex = length;
    setField(env, g, 'commitIndex', length);
  }
  return [...removed];
}

export function appendEntry(env: Env, g: GroupState, e: LogEntry): void {
  g.log.push(e);
  g.opIndex[e.op] = e.index;
  env.out.append(fieldNameLog(env, g), e);
}

function fieldNameLog(env: Env, g: GroupState): string {
  return env.cfg.shards && env.cfg.shards.length > 0 ? `${g.name}.log` : 'log';
}

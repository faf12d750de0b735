// The replication log of one group: entries after a snapshot point, addressed by 1-based position.
// Two logs that hold an entry with the same index and term agree on everything before it (the log
// matching rule), which is how a returning leader finds where its log parted from the new leader's.

import type { GroupState, LogEntry } from './types';

export function lastIndex(g: GroupState): number {
  return g.logStart + g.log.length;
}

export function lastTerm(g: GroupState): number {
  return g.log.length > 0 ? g.log[g.log.length - 1]!.term : g.logStartTerm;
}

/** Term of the entry at `index`; 0 before the log; undefined when absent or compacted away. */
export function termAt(g: GroupState, index: number): number | undefined {
  if (index === 0) return 0;
  if (index === g.logStart) return g.logStartTerm;
  if (index < g.logStart || index > lastIndex(g)) return undefined;
  return g.log[index - g.logStart - 1]!.term;
}

export function entryAt(g: GroupState, index: number): LogEntry | undefined {
  if (index <= g.logStart || index > lastIndex(g)) return undefined;
  return g.log[index - g.logStart - 1];
}

/** Entries with index in [from, to]. */
export function entriesBetween(g: GroupState, from: number, to: number): LogEntry[] {
  const lo = Math.max(from, g.logStart + 1) - g.logStart - 1;
  const hi = Math.min(to, lastIndex(g)) - g.logStart;
  return lo < hi ? g.log.slice(lo, hi) : [];
}

interface RunsCache {
  logStart: number;
  length: number;
  /** The last entry summarised: a different object at that place means the log was rewritten. */
  last: LogEntry | undefined;
  runs: [number, number][];
}

const runsCache = new WeakMap<GroupState, RunsCache>();

/**
 * The log as runs of equal terms: [term, first index]. Small even for long logs. Extended
 * incrementally while the log only grows (catch-up requests ask for it often).
 */
export function termRuns(g: GroupState): [number, number][] {
  let c = runsCache.get(g);
  const valid =
    c !== undefined &&
    c.logStart === g.logStart &&
    c.length <= g.log.length &&
    (c.length === 0 || g.log[c.length - 1] === c.last);
  if (!c || !valid) {
    c = {
      logStart: g.logStart,
      length: 0,
      last: undefined,
      runs: g.logStart > 0 ? [[g.logStartTerm, g.logStart]] : [],
    };
    runsCache.set(g, c);
  }
  for (let i = c.length; i < g.log.length; i++) {
    const e = g.log[i]!;
    const last = c.runs[c.runs.length - 1];
    if (!last || last[0] !== e.term) c.runs.push([e.term, e.index]);
  }
  c.length = g.log.length;
  c.last = g.log[g.log.length - 1];
  return c.runs.map((r) => [r[0], r[1]]);
}

/** Term at `index` in a log described by `runs` whose last position is `last`. */
export function termInRuns(runs: [number, number][], last: number, index: number): number | undefined {
  if (index === 0) return 0;
  if (index > last) return undefined;
  let term: number | undefined;
  for (const [t, first] of runs) {
    if (first <= index) term = t;
    else break;
  }
  return term;
}

/**
 * The last position at which the follower's log (given as runs) agrees with ours. Entries up to it
 * are kept; everything after it is replaced by our entries.
 */
export function matchPoint(g: GroupState, runs: [number, number][], followerLast: number): number {
  let i = Math.min(followerLast, lastIndex(g));
  while (i > 0) {
    const ours = termAt(g, i);
    if (ours === undefined) return i; // compacted into our snapshot: committed, hence shared
    if (ours === termInRuns(runs, followerLast, i)) return i;
    i--;
  }
  return 0;
}

// Causality queries over a columnar trace. They read the dense vector clocks and each actor's event
// list, and never rescan the trace: a happens-before test is O(1), a causal cone is one binary search
// per actor plus the size of the answer.
//
// An event's own counter is its own entry of its clock (its 1-based position among its actor's events
// for recorded runs; the logged counter for imported logs). a -> b exactly when b's clock has seen a's
// counter on a's actor; counters only grow along an actor, which is what makes the binary searches valid.

import type { Trace } from './store';

/** Events [from, to) of one actor's event list (positions, not event ids). */
export interface ActorRange {
  /** Index into `trace.actors`. */
  actor: number;
  from: number;
  to: number;
}

export type Relation = 'same' | 'before' | 'after' | 'concurrent';

function ownCounter(trace: Trace, e: number): number {
  return trace.vcEntry(e, trace.actorOf(e));
}

function checkEvent(trace: Trace, e: number): void {
  if (!Number.isInteger(e) || e < 0 || e >= trace.length) {
    throw new RangeError(`no event ${e}: the trace has ${trace.length} events`);
  }
}

/** a happened before b (a !== b, and b's clock covers a). */
export function happensBefore(trace: Trace, a: number, b: number): boolean {
  checkEvent(trace, a);
  checkEvent(trace, b);
  if (a === b) return false;
  return trace.vcEntry(b, trace.actorOf(a)) >= ownCounter(trace, a);
}

/** Neither happened before the other (and they are different events). */
export function concurrent(trace: Trace, a: number, b: number): boolean {
  return a !== b && !happensBefore(trace, a, b) && !happensBefore(trace, b, a);
}

/** How a relates to b: `before` = a happens before b. */
export function relation(trace: Trace, a: number, b: number): Relation {
  if (a === b) return 'same';
  if (happensBefore(trace, a, b)) return 'before';
  if (happensBefore(trace, b, a)) return 'after';
  return 'concurrent';
}

/** Position in `actor`'s list of the first event whose counter on `on` is >= `value` (count if none). */
function firstReaching(trace: Trace, actor: number, on: number, value: number): number {
  let lo = 0;
  let hi = trace.actorEventCount(actor);
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (trace.vcEntry(trace.actorEvent(actor, mid), on) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Position of event `e` in its actor's list. */
export function positionOnActor(trace: Trace, e: number): number {
  checkEvent(trace, e);
  const a = trace.actorOf(e);
  // Counters normally equal position + 1; fall back to a search for imported clocks that skip.
  const guess = ownCounter(trace, e) - 1;
  if (guess >= 0 && guess < trace.actorEventCount(a) && trace.actorEvent(a, guess) === e) return guess;
  let lo = 0;
  let hi = trace.actorEventCount(a) - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (trace.actorEvent(a, mid) < e) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Per actor, the events that happen before `e` (with `inclusive`, e itself too). Empty ranges omitted. */
export function causalPastRanges(trace: Trace, e: number, inclusive = false): ActorRange[] {
  checkEvent(trace, e);
  const out: ActorRange[] = [];
  const self = trace.actorOf(e);
  for (let a = 0; a < trace.actors.length; a++) {
    let to: number;
    if (a === self) to = positionOnActor(trace, e) + (inclusive ? 1 : 0);
    else {
      const seen = trace.vcEntry(e, a);
      if (seen === 0) continue;
      // Events of a whose own counter is <= seen.
      to = firstReaching(trace, a, a, seen + 1);
    }
    if (to > 0) out.push({ actor: a, from: 0, to });
  }
  return out;
}

/** Per actor, the events that `e` happens before (with `inclusive`, e itself too). Empty ranges omitted. */
export function causalFutureRanges(trace: Trace, e: number, inclusive = false): ActorRange[] {
  checkEvent(trace, e);
  const out: ActorRange[] = [];
  const self = trace.actorOf(e);
  const c = ownCounter(trace, e);
  for (let a = 0; a < trace.actors.length; a++) {
    const count = trace.actorEventCount(a);
    const from =
      a === self ? positionOnActor(trace, e) + (inclusive ? 0 : 1) : firstReaching(trace, a, self, c);
    if (from < count) out.push({ actor: a, from, to: count });
  }
  return out;
}

/** Per actor, the events concurrent with `e` (between its past and its future on that actor). */
export function concurrentRanges(trace: Trace, e: number): ActorRange[] {
  checkEvent(trace, e);
  const self = trace.actorOf(e);
  const c = ownCounter(trace, e);
  const out: ActorRange[] = [];
  for (let a = 0; a < trace.actors.length; a++) {
    if (a === self) continue;
    const seen = trace.vcEntry(e, a);
    const from = seen === 0 ? 0 : firstReaching(trace, a, a, seen + 1);
    const to = firstReaching(trace, a, self, c);
    if (from < to) out.push({ actor: a, from, to });
  }
  return out;
}

/** Event ids covered by ranges, sorted. */
export function rangesToIds(trace: Trace, ranges: ActorRange[]): Int32Array {
  let n = 0;
  for (const r of ranges) n += r.to - r.from;
  const ids = new Int32Array(n);
  let i = 0;
  for (const r of ranges) for (let p = r.from; p < r.to; p++) ids[i++] = trace.actorEvent(r.actor, p);
  return ids.sort();
}

/** Every event that happens before `e`, as sorted ids. */
export function causalPast(trace: Trace, e: number, inclusive = false): Int32Array {
  return rangesToIds(trace, causalPastRanges(trace, e, inclusive));
}

/** Every event that `e` happens before, as sorted ids. */
export function causalFuture(trace: Trace, e: number, inclusive = false): Int32Array {
  return rangesToIds(trace, causalFutureRanges(trace, e, inclusive));
}

/** Number of events in ranges. */
export function rangeSize(ranges: ActorRange[]): number {
  let n = 0;
  for (const r of ranges) n += r.to - r.from;
  return n;
}

/** Whether ranges (from causalPastRanges & co) contain event `x`. */
export function rangesContain(trace: Trace, ranges: ActorRange[], x: number): boolean {
  const a = trace.actorOf(x);
  const p = positionOnActor(trace, x);
  for (const r of ranges) if (r.actor === a && p >= r.from && p < r.to) return true;
  return false;
}

/**
 * For each actor, the last event of that actor in e's causal past (or e itself on its own actor), or
 * -1: the "frontier" the vector clock points at.
 */
export function causalFrontier(trace: Trace, e: number): Int32Array {
  checkEvent(trace, e);
  const out = new Int32Array(trace.actors.length).fill(-1);
  for (const r of causalPastRanges(trace, e, true)) out[r.actor] = trace.actorEvent(r.actor, r.to - 1);
  return out;
}

/**
 * The chain of causes behind `e`, newest first: e, its cause, that event's cause, ... (a deliver, the
 * send behind it, the delivery or client request that triggered that send, ...). This is the
 * debugger's call stack. Stops at an event without a cause; `limit` bounds very long chains.
 */
export function causalChain(trace: Trace, e: number, limit = 10_000): number[] {
  checkEvent(trace, e);
  const chain = [e];
  let cur = e;
  while (chain.length < limit) {
    const c = trace.cause(cur);
    // Causes always point backwards; anything else would be a corrupt trace, so stop rather than loop.
    if (c === undefined || c < 0 || c >= cur) break;
    chain.push(c);
    cur = c;
  }
  return chain;
}

/** The candidates that happen before `e`, in the given order. */
export function ancestorsAmong(trace: Trace, e: number, candidates: Iterable<number>): number[] {
  const out: number[] = [];
  for (const c of candidates) if (happensBefore(trace, c, e)) out.push(c);
  return out;
}

/** The candidates that `e` happens before, in the given order. */
export function descendantsAmong(trace: Trace, e: number, candidates: Iterable<number>): number[] {
  const out: number[] = [];
  for (const c of candidates) if (happensBefore(trace, e, c)) out.push(c);
  return out;
}

/** The candidates that no other candidate happens after: the causally latest ones (e.g. siblings). */
export function maximalAmong(trace: Trace, candidates: readonly number[]): number[] {
  return candidates.filter((c) => !candidates.some((d) => d !== c && happensBefore(trace, c, d)));
}

/**
 * Check that stored clocks are consistent: each actor's own counter increases along its events and
 * never goes backwards on other entries, and every cause happens before its effect. Returns the first
 * problem found as a sentence, or undefined. Linear in events x actors; for imported logs and tests.
 */
export function clockProblem(trace: Trace): string | undefined {
  const w = trace.actors.length;
  for (let a = 0; a < w; a++) {
    const n = trace.actorEventCount(a);
    for (let p = 1; p < n; p++) {
      const prev = trace.actorEvent(a, p - 1);
      const e = trace.actorEvent(a, p);
      if (trace.vcEntry(e, a) <= trace.vcEntry(prev, a)) {
        return `event ${e} on ${trace.actorId(a)}: its own clock entry ${trace.vcEntry(e, a)} does not increase over event ${prev}'s ${trace.vcEntry(prev, a)}`;
      }
      for (let b = 0; b < w; b++) {
        if (trace.vcEntry(e, b) < trace.vcEntry(prev, b)) {
          return `event ${e} on ${trace.actorId(a)}: its clock entry for ${trace.actorId(b)} went backwards (from ${trace.vcEntry(prev, b)} to ${trace.vcEntry(e, b)})`;
        }
      }
    }
  }
  for (let e = 0; e < trace.length; e++) {
    const c = trace.cause(e);
    if (c !== undefined && !happensBefore(trace, c, e)) {
      return `event ${e}: its cause ${c} does not happen before it according to the clocks`;
    }
  }
  return undefined;
}

// Indexes over one run's trace, built in one pass, so that every breakpoint kind can find its next
// or previous hit by binary search: continue and reverse-continue cost the same in either direction
// and never rescan the trace.

import { happensBefore } from '../../traces/causality';
import type { Trace } from '../../traces/store';
import type { Anomaly } from '../../traces/types';

/** How many of the first `n` positions satisfy `below` (which must hold for a prefix): a binary search. */
export function prefixLength(n: number, below: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (below(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A sorted list of event ids with next/previous lookups. */
export class EventList {
  constructor(readonly ids: number[]) {}

  /** First id > e. */
  after(e: number): number | undefined {
    return this.ids[this.rank(e)];
  }

  /** Last id < e. */
  before(e: number): number | undefined {
    const n = prefixLength(this.ids.length, (i) => this.ids[i]! < e);
    return n > 0 ? this.ids[n - 1] : undefined;
  }

  /** How many ids are <= e (the hit number of e when e is in the list). */
  rank(e: number): number {
    return prefixLength(this.ids.length, (i) => this.ids[i]! <= e);
  }
}

function push<K>(map: Map<K, number[]>, key: K, e: number): void {
  const list = map.get(key);
  if (list) {
    if (list[list.length - 1] !== e) list.push(e);
  } else map.set(key, [e]);
}

export class RunIndex {
  /** The first event of each scenario line: where a line breakpoint stops ("the item starts"). */
  readonly firstOfLine = new Map<number, number>();
  /** Send and deliver events by message type. */
  readonly byType = new Map<string, EventList>();
  /** State events by `actor/key` (data keys) and `actor/field` (protocol fields); crash/recover by `actor/up`. */
  readonly byData = new Map<string, EventList>();
  /** Events where anomalies of a kind become visible. */
  readonly byAnomaly = new Map<string, EventList>();
  readonly anomaliesAt = new Map<number, Anomaly[]>();
  /** Anomalies in event order. */
  readonly anomalies: Anomaly[];
  readonly crashes: EventList;
  /** Partition and one-way cut events. */
  readonly partitions: EventList;
  readonly forks: EventList;
  readonly skews: EventList;
  readonly opRequest = new Map<string, number>();
  readonly opResponse = new Map<string, number>();
  readonly dataKeys = new Set<string>();
  readonly fieldNames = new Set<string>();

  constructor(readonly trace: Trace) {
    const types = new Map<string, number[]>();
    const data = new Map<string, number[]>();
    const crashes: number[] = [];
    const partitions: number[] = [];
    const forks: number[] = [];
    const skews: number[] = [];
    const n = trace.length;
    for (let e = 0; e < n; e++) {
      const line = trace.line(e);
      if (line !== undefined && !this.firstOfLine.has(line)) this.firstOfLine.set(line, e);
      const kind = trace.kind(e);
      switch (kind) {
        case 'send':
        case 'deliver': {
          const t = trace.detail(e)?.type;
          if (t) push(types, t, e);
          break;
        }
        case 'state': {
          const d = trace.detail(e);
          const actor = trace.actorId(trace.actorOf(e));
          if (d?.key !== undefined) {
            this.dataKeys.add(d.key);
            push(data, `${actor}/${d.key}`, e);
          } else if (d?.field !== undefined) {
            this.fieldNames.add(d.field);
            push(data, `${actor}/${d.field}`, e);
          }
          break;
        }
        case 'request':
        case 'response': {
          const op = trace.detail(e)?.op;
          if (op) {
            this.dataKeys.add(op.dataKey);
            const map = kind === 'request' ? this.opRequest : this.opResponse;
            if (!map.has(op.key)) map.set(op.key, e);
          }
          break;
        }
        case 'crash':
          crashes.push(e);
          push(data, `${trace.actorId(trace.actorOf(e))}/up`, e);
          break;
        case 'recover':
          push(data, `${trace.actorId(trace.actorOf(e))}/up`, e);
          break;
        case 'partition':
        case 'cut':
          partitions.push(e);
          break;
        case 'fork':
          forks.push(e);
          break;
        case 'skew':
          skews.push(e);
          break;
      }
    }
    for (const [k, v] of types) this.byType.set(k, new EventList(v));
    for (const [k, v] of data) this.byData.set(k, new EventList(v));
    this.crashes = new EventList(crashes);
    this.partitions = new EventList(partitions);
    this.forks = new EventList(forks);
    this.skews = new EventList(skews);
    this.anomalies = trace.anomalies
      .filter((a) => a.event >= 0 && a.event < n)
      .sort((a, b) => a.event - b.event);
    const byKind = new Map<string, number[]>();
    for (const a of this.anomalies) {
      push(byKind, a.kind, a.event);
      const at = this.anomaliesAt.get(a.event);
      if (at) at.push(a);
      else this.anomaliesAt.set(a.event, [a]);
    }
    for (const [k, v] of byKind) this.byAnomaly.set(k, new EventList(v));
  }

  /** Anomalies visible at or before event e. */
  anomaliesUpTo(e: number): Anomaly[] {
    return this.anomalies.slice(
      0,
      prefixLength(this.anomalies.length, (i) => this.anomalies[i]!.event <= e),
    );
  }

  /** How many of an actor's events are at or before e. */
  private countOn(actor: number, e: number): number {
    const trace = this.trace;
    return prefixLength(trace.actorEventCount(actor), (i) => trace.actorEvent(actor, i) <= e);
  }

  /** The latest event of an actor at or before e. */
  latestOn(actor: number, e: number): number | undefined {
    const n = this.countOn(actor, e);
    return n > 0 ? this.trace.actorEvent(actor, n - 1) : undefined;
  }

  /** The first event of an actor after e. */
  nextOn(actor: number, e: number): number | undefined {
    const n = this.countOn(actor, e);
    return n < this.trace.actorEventCount(actor) ? this.trace.actorEvent(actor, n) : undefined;
  }

  /** Happens-before from the vector clocks. */
  happensBefore(a: number, b: number): boolean {
    return happensBefore(this.trace, a, b);
  }

  /** The op (client request) an event descends from, following causes (bounded walk). */
  opOf(e: number): string | undefined {
    const trace = this.trace;
    let cur: number | undefined = e;
    for (let steps = 0; cur !== undefined && steps < 10_000; steps++) {
      const kind = trace.kind(cur);
      if (kind === 'request' || kind === 'response') return trace.detail(cur)?.op?.key;
      cur = trace.cause(cur);
    }
    return undefined;
  }
}

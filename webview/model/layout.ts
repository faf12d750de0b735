// Where each event goes: its lane (one per actor the filters keep) and its position along the time
// axis, either virtual time or "compressed" (every shown event one step further, so bursts and idle
// stretches take the same room). Also which events the filters hide or collapse.
import { NETWORK_ACTOR } from '../../traces/types';
import { NONE, type TimelineModel } from './timelineModel';

export type TimeMode = 'time' | 'compressed';

export interface Filters {
  /** Actors whose lanes are hidden. */
  hiddenActors: string[];
  /** Message types hidden. */
  hiddenTypes: string[];
  /** Show only events touching this data key (plus faults); '' = all keys. */
  key: string;
  /** Show only events an anomaly involves (plus faults). */
  anomaliesOnly: boolean;
  /** Draw heartbeats and other periodic traffic as small ticks instead of events and arrows. */
  collapsePeriodic: boolean;
}

export const DEFAULT_FILTERS: Filters = {
  hiddenActors: [],
  hiddenTypes: [],
  key: '',
  anomaliesOnly: false,
  collapsePeriodic: true,
};

export const VIS_HIDDEN = 0;
export const VIS_SHOWN = 1;
export const VIS_COLLAPSED = 2;

export interface Lane {
  actor: number;
  id: string;
  kind: 'node' | 'client' | 'network';
}

const STRUCTURAL = new Set([
  'crash',
  'recover',
  'partition',
  'heal',
  'cut',
  'skew',
  'addNode',
  'failover',
  'offline',
  'online',
  'fork',
]);

export class Layout {
  lanes: Lane[] = [];
  /** Actor index -> lane row, NONE when hidden. */
  laneOf = new Int32Array(0);
  /** Position of each event on the time axis (ms, or rank in compressed mode). */
  pos = new Float64Array(0);
  vis = new Uint8Array(0);
  min = 0;
  max = 1;
  shownCount = 0;

  constructor(
    readonly model: TimelineModel,
    public mode: TimeMode,
    public filters: Filters,
  ) {
    this.compute();
  }

  compute(): void {
    const m = this.model;
    const t = m.trace;
    const n = t.length;
    const hiddenActors = new Set(this.filters.hiddenActors);
    const order = { node: 0, client: 1, network: 2 } as const;
    this.lanes = t.actors
      .map((a, i) => ({ actor: i, id: a.id, kind: a.id === NETWORK_ACTOR ? ('network' as const) : a.kind }))
      .filter((l) => !hiddenActors.has(l.id))
      .filter((l) => l.kind !== 'network' || t.actorEventCount(l.actor) > 0 || m.network.length > 0)
      .sort((a, b) => order[a.kind] - order[b.kind] || a.actor - b.actor);
    this.laneOf = new Int32Array(t.actors.length).fill(NONE);
    this.lanes.forEach((l, row) => {
      this.laneOf[l.actor] = row;
    });
    if (this.pos.length < n) {
      this.pos = new Float64Array(Math.max(n, this.pos.length * 2));
      this.vis = new Uint8Array(this.pos.length);
    }
    const hiddenTypes = new Set<number>();
    for (const name of this.filters.hiddenTypes) {
      const ti = m.types.indexOf(name);
      if (ti >= 0) hiddenTypes.add(ti);
    }
    const keyIndex = this.filters.key === '' ? NONE : m.keys.indexOf(this.filters.key);
    const keyFilter = this.filters.key !== '';
    const collapse = this.filters.collapsePeriodic;
    const anomaliesOnly = this.filters.anomaliesOnly;
    const compressed = this.mode === 'compressed';
    let rank = 0;
    let shown = 0;
    const pos = this.pos;
    const vis = this.vis;
    for (let i = 0; i < n; i++) {
      let v = VIS_SHOWN;
      if (this.laneOf[t.actorOf(i)] === NONE) v = VIS_HIDDEN;
      else {
        const kind = t.kind(i);
        const structural = STRUCTURAL.has(kind);
        const ti = m.typeOf[i]!;
        if (ti !== NONE && hiddenTypes.has(ti)) v = VIS_HIDDEN;
        else if (keyFilter && !structural && (keyIndex === NONE || m.keyOf[i] !== keyIndex)) v = VIS_HIDDEN;
        else if (anomaliesOnly && !structural && !m.anomalyInvolved.has(i)) v = VIS_HIDDEN;
        else if (collapse && m.isPeriodic(i)) v = VIS_COLLAPSED;
      }
      vis[i] = v;
      if (compressed) {
        // Collapsed and hidden events take no room: they sit where the next shown event goes.
        pos[i] = rank;
        if (v === VIS_SHOWN) rank++;
      } else pos[i] = t.time(i);
      if (v === VIS_SHOWN) shown++;
    }
    this.shownCount = shown;
    if (n === 0) {
      this.min = 0;
      this.max = 1;
    } else if (compressed) {
      this.min = 0;
      this.max = Math.max(1, rank);
    } else {
      let lo = Infinity;
      let hi = -Infinity;
      if (m.monotonic) {
        lo = pos[0]!;
        hi = pos[n - 1]!;
      } else
        for (let i = 0; i < n; i++) {
          lo = Math.min(lo, pos[i]!);
          hi = Math.max(hi, pos[i]!);
        }
      this.min = lo;
      this.max = hi > lo ? hi : lo + 1;
    }
  }

  /** First event id whose position is >= p (positions are non-decreasing when the model is monotonic). */
  lowerBound(p: number): number {
    const n = this.model.length;
    if (!this.model.monotonic && this.mode === 'time') return 0;
    let lo = 0;
    let hi = n;
    const pos = this.pos;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pos[mid]! < p) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** One past the last event id whose position is <= p. */
  upperBound(p: number): number {
    const n = this.model.length;
    if (!this.model.monotonic && this.mode === 'time') return n;
    let lo = 0;
    let hi = n;
    const pos = this.pos;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pos[mid]! <= p) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

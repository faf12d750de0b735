// Draws the space-time diagram. Only what is in view is touched (binary search on positions), and
// when more events are in view than there are pixels the events of each lane are aggregated per
// pixel column and individual arrows are left out: the cost of a frame follows the screen, not the trace.
import type { Anomaly } from '../../traces/types';
import { type Layout, VIS_COLLAPSED, VIS_SHOWN } from '../model/layout';
import { MARK_CONFLICT, MARK_RESOLVED, MARK_SIBLINGS_READ, NONE } from '../model/timelineModel';
import type { ForkPoint } from '../protocol';
import { drawColumnBars } from './columnBars';
import {
  AXIS,
  formatMs,
  GUTTER,
  LANE_H,
  laneY,
  niceStep,
  plotWidth,
  posAt,
  rowAt,
  type Viewport,
  xOf,
} from './geometry';
import type { Painter } from './painter';
import type { Palette } from './palette';

export interface Highlight {
  selected: number;
  second: number;
  current: number;
  hover: number;
  focus: number;
  /** Per event: 1 = matches the search. */
  searchHits: Uint8Array | null;
  /** The anomaly whose proof is drawn (badge linked to its related events). */
  anomaly: Anomaly | null;
  forks: ForkPoint[];
  /** Send events of the messages in flight at the current event. */
  inflight: number[];
  /** Skew label per actor (clock offset in force), by actor index. */
  skewLabels: Map<number, string>;
  /** Actors down at the current event. */
  down: Set<number>;
}

export const emptyHighlight = (): Highlight => ({
  selected: NONE,
  second: NONE,
  current: NONE,
  hover: NONE,
  focus: NONE,
  searchHits: null,
  anomaly: null,
  forks: [],
  inflight: [],
  skewLabels: new Map(),
  down: new Set(),
});

export interface RenderStats {
  inView: number;
  aggregated: boolean;
  arrows: number;
}

/** Above this many shown events per plot pixel and lane the view aggregates. */
const AGGREGATE_DENSITY = 0.15;
const R = 4;

const CAUSAL_NONE = 0;
const CAUSAL_PAST = 1;
const CAUSAL_FUTURE = 2;
const CAUSAL_CONCURRENT = 3;
const CAUSAL_SAME = 4;

/** Classifies events against the selection using the selected event's clock row. */
class CausalLens {
  private readonly row: Uint32Array;
  private readonly sActor: number;
  private readonly sSeq: number;
  constructor(
    private readonly layout: Layout,
    readonly selected: number,
  ) {
    const t = layout.model.trace;
    this.row = new Uint32Array(t.actors.length);
    if (selected !== NONE) for (let a = 0; a < t.actors.length; a++) this.row[a] = t.vcEntry(selected, a);
    this.sActor = selected === NONE ? 0 : t.actorOf(selected);
    this.sSeq = selected === NONE ? 0 : t.seq(selected);
  }
  of(e: number): number {
    if (this.selected === NONE) return CAUSAL_NONE;
    if (e === this.selected) return CAUSAL_SAME;
    const t = this.layout.model.trace;
    if (this.row[t.actorOf(e)]! >= t.seq(e)) return CAUSAL_PAST;
    if (t.vcEntry(e, this.sActor) >= this.sSeq) return CAUSAL_FUTURE;
    return CAUSAL_CONCURRENT;
  }
}

/** Everything one frame's drawing needs, gathered once per frame. */
interface Frame {
  p: Painter;
  layout: Layout;
  v: Viewport;
  pal: Palette;
  hl: Highlight;
  lens: CausalLens;
  /** Events lo..hi-1 are in view (with a margin); positions grow with ids. */
  lo: number;
  hi: number;
  /** Too many events for marks: one bar per lane and pixel column instead. */
  aggregated: boolean;
  /** Right of the last event: where open spans (crashes, partitions) end. */
  maxX: number;
  /** What badges and labels already cover: later labels go only where nothing is. */
  taken: Box[];
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Take a box for a label if nothing drawn so far covers any of it. */
function claim(f: Frame, b: Box): boolean {
  for (const o of f.taken)
    if (b.left < o.right && o.left < b.right && b.top < o.bottom && o.top < b.bottom) return false;
  f.taken.push(b);
  return true;
}

export function renderTimeline(
  p: Painter,
  layout: Layout,
  v: Viewport,
  hl: Highlight,
  pal: Palette,
): RenderStats {
  const n = layout.model.length;
  p.save();
  p.fillStyle = pal.background;
  p.fillRect(0, 0, v.width, v.height);
  p.font = `11px ${pal.font}`;

  const lanes = layout.lanes;
  const firstRow = Math.max(0, rowAt(v, AXIS));
  const lastRow = Math.min(lanes.length - 1, rowAt(v, v.height));
  const vis = layout.vis;
  const lo = n === 0 ? 0 : layout.lowerBound(posAt(v, GUTTER - 20));
  const hi = n === 0 ? 0 : layout.upperBound(posAt(v, v.width + 20));
  const inView = hi - lo;
  // Marks stay readable up to about one per few pixels per lane; beyond that, aggregate.
  const budget = plotWidth(v) * Math.max(1, lanes.length) * AGGREGATE_DENSITY;
  let aggregated = inView > budget;
  if (!aggregated && inView > budget / 4) {
    let shown = 0;
    for (let i = lo; i < hi; i++) if (vis[i] === VIS_SHOWN) shown++;
    aggregated = shown > budget;
  }
  const f: Frame = {
    p,
    layout,
    v,
    pal,
    hl,
    lens: new CausalLens(layout, hl.selected),
    lo,
    hi,
    aggregated,
    maxX: xOf(v, layout.max) + 40,
    taken: [],
  };

  // Clip everything but the gutter and axis to the plot.
  p.save();
  p.beginPath();
  p.rect(GUTTER, AXIS, v.width - GUTTER, v.height - AXIS);
  p.clip();

  // Lane backgrounds.
  for (let r = firstRow; r <= lastRow; r++) {
    const y = laneY(v, r) - LANE_H / 2;
    if (r % 2 === 1) {
      p.fillStyle = pal.laneAlt;
      p.fillRect(GUTTER, y, v.width - GUTTER, LANE_H);
    }
    p.strokeStyle = pal.grid;
    p.lineWidth = 1;
    p.beginPath();
    p.moveTo(GUTTER, laneY(v, r) + 0.5);
    p.lineTo(v.width, laneY(v, r) + 0.5);
    p.stroke();
  }

  drawGridLines(f);
  drawCrashes(f);
  drawNetwork(f);

  let arrows = 0;
  if (!aggregated) arrows += drawArrows(f);
  arrows += drawInflight(f);

  if (aggregated) drawAggregated(f);
  else drawEvents(f, firstRow, lastRow);

  // Overlays for particular events are drawn on top in both modes.
  drawMarks(f);
  drawCrashLabels(f);
  drawForks(f);
  drawAnomalyLinks(f);
  drawSearchHits(f);
  ring(f, hl.hover, pal.muted, 7, 1);
  ring(f, hl.focus, pal.selection, 8, 1.5, [2, 2]);
  ring(f, hl.second, pal.selection, 9, 2);
  label(f, hl.second, 'b', pal.selection);
  ring(f, hl.selected, pal.selection, 9, 2.5);
  if (hl.second !== NONE) label(f, hl.selected, 'a', pal.selection);
  drawCurrent(f);
  p.restore();

  drawAxis(f);
  drawGutter(f, firstRow, lastRow);
  p.restore();
  return { inView, aggregated, arrows };
}

/** One mark per shown event, coloured by causality; collapsed periodic events as small ticks. */
function drawEvents(f: Frame, firstRow: number, lastRow: number): void {
  const { p, layout, v, pal, lo, hi, lens } = f;
  const t = layout.model.trace;
  const { vis, pos, laneOf } = layout;
  for (let i = lo; i < hi; i++) {
    const row = laneOf[t.actorOf(i)]!;
    if (row === NONE || row < firstRow || row > lastRow) continue;
    const x = xOf(v, pos[i]!);
    const y = laneY(v, row);
    if (vis[i] === VIS_COLLAPSED) {
      p.fillStyle = pal.muted;
      p.globalAlpha = 0.6;
      p.fillRect(x - 0.5, y + LANE_H / 2 - 7, 1, 5);
      p.globalAlpha = 1;
      continue;
    }
    if (vis[i] !== VIS_SHOWN) continue;
    const c = lens.of(i);
    p.globalAlpha = c === CAUSAL_CONCURRENT ? 0.25 : 1;
    drawMark(f, i, x, y, c);
    p.globalAlpha = 1;
  }
}

function drawGridLines(f: Frame): void {
  const { p, layout, v, pal } = f;
  const step = niceStep(100 / v.scale);
  const from = Math.ceil(posAt(v, GUTTER) / step) * step;
  p.strokeStyle = pal.grid;
  p.globalAlpha = 0.35;
  p.lineWidth = 1;
  p.beginPath();
  const bottom = Math.min(v.height, AXIS + layout.lanes.length * LANE_H - v.scrollY);
  for (let x0 = from; xOf(v, x0) < v.width; x0 += step) {
    const x = Math.round(xOf(v, x0)) + 0.5;
    p.moveTo(x, AXIS);
    p.lineTo(x, bottom);
  }
  p.stroke();
  p.globalAlpha = 1;
}

function drawAxis(f: Frame): void {
  const { p, layout, v, pal } = f;
  p.fillStyle = pal.background;
  p.fillRect(0, 0, v.width, AXIS);
  p.strokeStyle = pal.grid;
  p.beginPath();
  p.moveTo(0, AXIS - 0.5);
  p.lineTo(v.width, AXIS - 0.5);
  p.stroke();
  const step = Math.max(layout.mode === 'compressed' ? 1 : 1e-6, niceStep(100 / v.scale));
  const from = Math.ceil(posAt(v, GUTTER) / step) * step;
  p.fillStyle = pal.muted;
  p.textAlign = 'center';
  p.textBaseline = 'middle';
  const t = layout.model.trace;
  for (let x0 = from; xOf(v, x0) < v.width - 20; x0 += step) {
    const x = xOf(v, x0);
    let text: string;
    if (layout.mode === 'time') text = formatMs(x0);
    else {
      // Compressed: a tick names the event at that rank and its time.
      const e = layout.lowerBound(x0);
      if (e >= layout.model.length) continue;
      text = `#${e} · ${formatMs(t.time(e))}`;
    }
    p.fillText(text, x, AXIS / 2);
  }
  p.textAlign = 'left';
  p.fillText(layout.mode === 'time' ? 'virtual time' : 'compressed', 8, AXIS / 2);
}

function drawGutter(f: Frame, firstRow: number, lastRow: number): void {
  const { p, layout, v, pal, hl } = f;
  p.save();
  p.beginPath();
  p.rect(0, AXIS, GUTTER, v.height - AXIS);
  p.clip();
  p.fillStyle = pal.background;
  p.fillRect(0, AXIS, GUTTER, v.height - AXIS);
  for (let r = firstRow; r <= lastRow; r++) {
    const lane = layout.lanes[r]!;
    const y = laneY(v, r);
    if (r % 2 === 1) {
      p.fillStyle = pal.laneAlt;
      p.fillRect(0, y - LANE_H / 2, GUTTER, LANE_H);
    }
    const down = hl.down.has(lane.actor);
    p.fillStyle = down ? pal.crash : pal.foreground;
    p.font = `600 12px ${pal.font}`;
    p.textAlign = 'left';
    p.textBaseline = 'middle';
    const icon = lane.kind === 'node' ? '■' : lane.kind === 'client' ? '●' : '≋';
    p.fillText(`${icon} ${lane.id === '$network' ? 'network' : lane.id}`, 8, y - 6, GUTTER - 14);
    p.font = `10px ${pal.font}`;
    p.fillStyle = pal.muted;
    const skew = hl.skewLabels.get(lane.actor);
    const sub = [down ? 'down' : lane.kind, skew].filter(Boolean).join(' · ');
    p.fillText(sub, 8, y + 9, GUTTER - 14);
  }
  p.strokeStyle = pal.grid;
  p.beginPath();
  p.moveTo(GUTTER - 0.5, AXIS);
  p.lineTo(GUTTER - 0.5, v.height);
  p.stroke();
  p.restore();
}

function drawCrashes(f: Frame): void {
  const { p, layout, v, pal, maxX } = f;
  for (const c of layout.model.crashes) {
    const row = layout.laneOf[c.actor]!;
    if (row === NONE) continue;
    const x0 = xOf(v, layout.pos[c.start]!);
    const x1 = c.end === NONE ? Math.max(maxX, v.width) : xOf(v, layout.pos[c.end]!);
    if (x1 < GUTTER || x0 > v.width) continue;
    const y = laneY(v, row);
    p.fillStyle = pal.crash;
    p.globalAlpha = 0.14;
    p.fillRect(x0, y - LANE_H / 2 + 2, Math.max(2, x1 - x0), LANE_H - 4);
    p.globalAlpha = 0.6;
    // Hatching says "down" without relying on colour alone.
    p.strokeStyle = pal.crash;
    p.lineWidth = 1;
    p.beginPath();
    const left = Math.max(x0, GUTTER - LANE_H);
    const right = Math.min(x1, v.width);
    for (let x = left - ((left - x0) % 10); x < right; x += 10) {
      p.moveTo(Math.max(x, x0), y + LANE_H / 2 - 2);
      p.lineTo(Math.min(x + LANE_H - 4, x1), y - LANE_H / 2 + 2);
    }
    p.stroke();
    p.globalAlpha = 1;
  }
}

/**
 * "down" on each crash span, drawn after the badges and marks so that it goes only where nothing
 * else is written (the hatching already says it without words).
 */
function drawCrashLabels(f: Frame): void {
  const { p, layout, v, pal } = f;
  p.fillStyle = pal.crash;
  p.font = `10px ${pal.font}`;
  p.textAlign = 'left';
  p.textBaseline = 'top';
  for (const c of layout.model.crashes) {
    const row = layout.laneOf[c.actor]!;
    if (row === NONE) continue;
    const x0 = xOf(v, layout.pos[c.start]!);
    if (x0 < GUTTER || x0 >= v.width) continue;
    const text = c.diskLost ? 'down, disk lost' : 'down';
    const top = laneY(v, row) - LANE_H / 2 + 3;
    const box = { left: x0 + 4, right: x0 + 4 + p.measureText(text).width, top, bottom: top + 11 };
    if (claim(f, box)) p.fillText(text, box.left, top);
  }
}

function drawNetwork(f: Frame): void {
  const { p, layout, v, pal, maxX } = f;
  const model = layout.model;
  const t = model.trace;
  const rows = layout.lanes.length;
  /** Right end of the last label in each text row of the network lane. */
  const labelEnds = [-Infinity, -Infinity];
  for (const span of model.network) {
    const x0 = xOf(v, layout.pos[span.start]!);
    const x1 = span.end === NONE ? Math.max(maxX, v.width) : xOf(v, layout.pos[span.end]!);
    if (x1 < GUTTER || x0 > v.width) continue;
    const w = Math.max(2, x1 - x0);
    p.fillStyle = pal.partition;
    p.strokeStyle = pal.partition;
    if (span.groups) {
      // Which group each lane is in (-1: in none, reaches everyone).
      const groupOf = layout.lanes.map((l) => span.groups!.findIndex((g) => g.includes(l.id)));
      for (let r = 0; r + 1 < rows; r++) {
        // A band on the boundary between two lanes that cannot talk.
        let below = r + 1;
        while (below < rows && groupOf[below] === -1) below++;
        if (groupOf[r] === -1 || below >= rows || groupOf[below] === groupOf[r]) continue;
        const yb = laneY(v, r) + LANE_H / 2;
        p.globalAlpha = 0.22;
        p.fillRect(x0, yb - 4, w, 8);
        dashedLine(p, x0, x0 + w, yb, 1.5, [6, 4]);
      }
      for (let r = 0; r < rows; r++) {
        const g = groupOf[r]!;
        if (g < 0 || x0 < GUTTER - 30 || x0 > v.width) continue;
        p.globalAlpha = 1;
        p.font = `600 10px ${pal.font}`;
        p.textAlign = 'left';
        p.textBaseline = 'bottom';
        p.fillText(String.fromCharCode(65 + (g % 26)), x0 + 3, laneY(v, r) + LANE_H / 2 - 2);
      }
    } else if (span.cut) {
      const row = layout.laneOf[t.actorIndex.get(span.cut.from) ?? 0]!;
      if (row !== NONE) {
        const y = laneY(v, row) + LANE_H / 2 - 5;
        dashedLine(p, x0, x0 + w, y, 2, [3, 3]);
        if (x0 >= GUTTER - 30 && x0 < v.width) {
          p.font = `10px ${pal.font}`;
          p.textAlign = 'left';
          p.textBaseline = 'bottom';
          p.fillText(`↛ ${span.cut.to}`, x0 + 3, y - 1);
        }
      }
    }
    // And on the network lane, the span itself.
    const netRow = layout.lanes.findIndex((l) => l.kind === 'network');
    if (netRow >= 0) {
      const y = laneY(v, netRow);
      p.globalAlpha = 0.25;
      p.fillRect(x0, y - LANE_H / 2 + 6, w, LANE_H - 12);
      p.globalAlpha = 1;
      p.fillStyle = pal.foreground;
      p.font = `10px ${pal.font}`;
      p.textAlign = 'left';
      p.textBaseline = 'middle';
      const text = span.groups
        ? span.groups.map((g) => `[${g.join(' ')}]`).join(' | ')
        : span.cut
          ? `${span.cut.from} ↛ ${span.cut.to}`
          : (t.detail(span.start)?.text ?? 'partition');
      // Two text rows; a label takes the first row free at its x, else it is left out (the
      // band stays, and its tooltip and the event list name it).
      const x = Math.max(x0 + 4, GUTTER + 4);
      const slot = labelEnds.findIndex((end) => end + 8 <= x);
      const fitted = slot < 0 || x >= v.width ? '' : fitText(p, text, v.width - x - 4);
      if (fitted) {
        p.fillText(fitted, x, slot === 0 ? y + 9 : y - 7);
        labelEnds[slot] = x + p.measureText(fitted).width;
      }
    }
    p.globalAlpha = 1;
  }
}

/** A horizontal dashed line (partition boundaries and one-way cuts). */
function dashedLine(p: Painter, x0: number, x1: number, y: number, width: number, dash: number[]): void {
  p.globalAlpha = 0.9;
  p.lineWidth = width;
  p.setLineDash(dash);
  p.beginPath();
  p.moveTo(x0, y);
  p.lineTo(x1, y);
  p.stroke();
  p.setLineDash([]);
}

/** The y of a message's end: drops are drawn towards the receiver's lane. */
function endY(layout: Layout, v: Viewport, end: number): number | undefined {
  const t = layout.model.trace;
  let actor = t.actorOf(end);
  if (t.kind(end) === 'drop') {
    const to = t.detail(end)?.to;
    const a = to === undefined ? undefined : t.actorIndex.get(to);
    if (a !== undefined && layout.laneOf[a] !== NONE) actor = a;
  }
  const row = layout.laneOf[actor]!;
  return row === NONE ? undefined : laneY(v, row);
}

function arrowHead(p: Painter, x0: number, y0: number, x1: number, y1: number, size = 6): void {
  const a = Math.atan2(y1 - y0, x1 - x0);
  p.beginPath();
  p.moveTo(x1, y1);
  p.lineTo(x1 - size * Math.cos(a - 0.4), y1 - size * Math.sin(a - 0.4));
  p.lineTo(x1 - size * Math.cos(a + 0.4), y1 - size * Math.sin(a + 0.4));
  p.closePath();
  p.fill();
}

function cross(p: Painter, x: number, y: number, s = 5): void {
  p.beginPath();
  p.moveTo(x - s, y - s);
  p.lineTo(x + s, y + s);
  p.moveTo(x + s, y - s);
  p.lineTo(x - s, y + s);
  p.stroke();
}

function drawOneArrow(
  f: Frame,
  send: number,
  end: number,
  color: string,
  dashed: boolean,
  endX?: number,
): boolean {
  const { p, layout, v, pal } = f;
  const t = layout.model.trace;
  const sr = layout.laneOf[t.actorOf(send)]!;
  if (sr === NONE) return false;
  const x0 = xOf(v, layout.pos[send]!);
  const y0 = laneY(v, sr);
  let x1: number;
  let y1: number | undefined;
  if (end === NONE) {
    const to = t.detail(send)?.to;
    const a = to === undefined ? undefined : t.actorIndex.get(to);
    const row = a === undefined ? NONE : layout.laneOf[a]!;
    if (row === NONE) return false;
    y1 = laneY(v, row);
    x1 = endX ?? x0 + 40;
  } else {
    y1 = endY(layout, v, end);
    if (y1 === undefined) return false;
    x1 = endX ?? xOf(v, layout.pos[end]!);
  }
  if ((x0 < GUTTER && x1 < GUTTER) || (x0 > v.width && x1 > v.width)) return false;
  const dropped = end !== NONE && t.kind(end) === 'drop';
  p.strokeStyle = dropped ? pal.drop : color;
  p.fillStyle = dropped ? pal.drop : color;
  p.lineWidth = 1.2;
  if (dashed) p.setLineDash([5, 4]);
  p.beginPath();
  p.moveTo(x0, y0);
  p.lineTo(x1, y1);
  p.stroke();
  if (dashed) p.setLineDash([]);
  if (dropped) {
    p.lineWidth = 2;
    cross(p, x1, y1);
  } else if (Math.abs(y1 - y0) > 2 || Math.abs(x1 - x0) > 8) arrowHead(p, x0, y0, x1, y1);
  return true;
}

function drawArrows(f: Frame): number {
  const { p, layout, pal, lo, hi, lens, hl } = f;
  const model = layout.model;
  const t = model.trace;
  const vis = layout.vis;
  const inflight = new Set(hl.inflight);
  let count = 0;
  for (let i = lo; i < hi; i++) {
    const kind = t.kind(i);
    let send: number;
    let end: number;
    if (kind === 'send') {
      send = i;
      end = model.partner[i]!;
      if (end === NONE) continue;
    } else if (kind === 'deliver' || kind === 'drop') {
      send = model.partner[i]!;
      end = i;
      // Arrows whose send is in view were drawn from the send.
      if (send === NONE || send >= lo) continue;
    } else continue;
    if (vis[send] !== VIS_SHOWN || vis[end] !== VIS_SHOWN || inflight.has(send)) continue;
    const cs = lens.of(send);
    const ce = lens.of(end);
    let color = pal.arrow;
    let alpha = 0.75;
    if (lens.selected !== NONE) {
      if ((cs === CAUSAL_PAST || cs === CAUSAL_SAME) && (ce === CAUSAL_PAST || ce === CAUSAL_SAME))
        color = pal.past;
      else if ((cs === CAUSAL_FUTURE || cs === CAUSAL_SAME) && (ce === CAUSAL_FUTURE || ce === CAUSAL_SAME))
        color = pal.future;
      else alpha = 0.18;
    }
    p.globalAlpha = alpha;
    if (drawOneArrow(f, send, end, color, false)) count++;
  }
  p.globalAlpha = 1;
  return count;
}

/** Messages in flight at the current event: dashed, ending where they will arrive (or at "now"). */
function drawInflight(f: Frame): number {
  const { p, layout, v, pal, hl } = f;
  if (hl.current === NONE) return 0;
  const model = layout.model;
  let count = 0;
  const nowX = xOf(v, layout.pos[hl.current]!);
  for (const send of hl.inflight.slice(0, 2000)) {
    if (layout.vis[send] !== VIS_SHOWN) continue;
    const end = model.partner[send]!;
    const visibleEnd = end !== NONE && layout.vis[end] === VIS_SHOWN ? end : NONE;
    p.globalAlpha = 0.95;
    if (drawOneArrow(f, send, visibleEnd, pal.current, true, visibleEnd === NONE ? nowX + 24 : undefined))
      count++;
  }
  p.globalAlpha = 1;
  return count;
}

function kindColor(layout: Layout, i: number, pal: Palette): string {
  const t = layout.model.trace;
  switch (t.kind(i)) {
    case 'send':
    case 'deliver':
      return pal.arrow;
    case 'drop':
    case 'crash':
      return pal.drop;
    case 'recover':
      return pal.resolved;
    case 'anomaly':
      return pal.anomaly;
    case 'fork':
      return pal.fork;
    case 'partition':
    case 'cut':
    case 'heal':
      return pal.partition;
    case 'note':
    case 'timer':
    case 'persisted':
      return pal.muted;
    default:
      return pal.foreground;
  }
}

function drawMark(f: Frame, i: number, x: number, y: number, causal: number): void {
  const { p, layout, pal } = f;
  const t = layout.model.trace;
  const kind = t.kind(i);
  let color = kindColor(layout, i, pal);
  if (causal === CAUSAL_PAST) color = pal.past;
  else if (causal === CAUSAL_FUTURE) color = pal.future;
  p.fillStyle = color;
  p.strokeStyle = color;
  p.lineWidth = 1.5;
  switch (kind) {
    case 'request':
      p.fillRect(x - R, y - R, 2 * R, 2 * R);
      return;
    case 'response': {
      const ok = !layout.model.failed(i);
      if (!ok && causal !== CAUSAL_PAST && causal !== CAUSAL_FUTURE) p.strokeStyle = pal.drop;
      p.strokeRect(x - R + 0.5, y - R + 0.5, 2 * R - 1, 2 * R - 1);
      return;
    }
    case 'state':
      p.beginPath();
      p.moveTo(x, y - R - 1);
      p.lineTo(x + R + 1, y);
      p.lineTo(x, y + R + 1);
      p.lineTo(x - R - 1, y);
      p.closePath();
      p.fill();
      return;
    case 'timer':
    case 'persisted':
      p.beginPath();
      p.arc(x, y, R - 0.5, 0, Math.PI * 2);
      p.stroke();
      return;
    case 'drop':
      cross(p, x, y, 3.5);
      return;
    case 'crash':
      p.lineWidth = 3;
      cross(p, x, y, 7);
      return;
    case 'recover':
      p.beginPath();
      p.moveTo(x, y - 7);
      p.lineTo(x + 6, y + 5);
      p.lineTo(x - 6, y + 5);
      p.closePath();
      p.fill();
      return;
    case 'partition':
    case 'cut':
    case 'heal':
      p.fillRect(x - 1.5, y - LANE_H / 2 + 4, 3, LANE_H - 8);
      return;
    case 'skew':
      p.beginPath();
      p.arc(x, y, 6, 0, Math.PI * 2);
      p.stroke();
      p.beginPath();
      p.moveTo(x, y);
      p.lineTo(x, y - 4);
      p.moveTo(x, y);
      p.lineTo(x + 3, y);
      p.stroke();
      return;
    case 'note':
      p.beginPath();
      p.arc(x, y, 2, 0, Math.PI * 2);
      p.fill();
      return;
    case 'fork':
      p.beginPath();
      p.moveTo(x, y - 7);
      p.lineTo(x + 7, y);
      p.lineTo(x, y + 7);
      p.lineTo(x - 7, y);
      p.closePath();
      p.stroke();
      return;
    default:
      p.beginPath();
      p.arc(x, y, kind === 'send' ? R - 1 : R, 0, Math.PI * 2);
      p.fill();
  }
}

/** Buffers the dense view reuses from frame to frame (no garbage per frame while panning). */
const scratch = {
  countBuf: new Uint32Array(0),
  flagBuf: new Uint8Array(0),
  barBuf: new Float32Array(0),
  counts(n: number): Uint32Array {
    if (this.countBuf.length < n) this.countBuf = new Uint32Array(n);
    const a = this.countBuf.subarray(0, n);
    a.fill(0);
    return a;
  },
  flags(n: number): Uint8Array {
    if (this.flagBuf.length < n) this.flagBuf = new Uint8Array(n);
    const a = this.flagBuf.subarray(0, n);
    a.fill(0);
    return a;
  },
  bars(n: number): Float32Array {
    if (this.barBuf.length < n) this.barBuf = new Float32Array(n);
    return this.barBuf;
  },
};

/** Dense mode: one bar per lane and pixel column, taller for more events, coloured by causality. */
function drawAggregated(f: Frame): void {
  const { p, layout, v, pal, lo, hi, lens } = f;
  const t = layout.model.trace;
  const rows = layout.lanes.length;
  const width = Math.ceil(v.width - GUTTER) + 1;
  const cells = rows * width;
  const counts = scratch.counts(cells);
  const flags = scratch.flags(cells);
  const pos = layout.pos;
  const vis = layout.vis;
  const laneOf = layout.laneOf;
  const start = v.start;
  const scale = v.scale;
  const selecting = lens.selected !== NONE;
  for (let i = lo; i < hi; i++) {
    if (vis[i] !== VIS_SHOWN) continue;
    const row = laneOf[t.actorOf(i)]!;
    if (row === NONE) continue;
    const col = Math.floor((pos[i]! - start) * scale);
    if (col < 0 || col >= width) continue;
    const k = row * width + col;
    counts[k]!++;
    if (selecting) {
      const c = lens.of(i);
      flags[k]! |= c === CAUSAL_PAST ? 1 : c === CAUSAL_FUTURE ? 2 : c === CAUSAL_CONCURRENT ? 4 : 0;
    }
  }
  const bars = scratch.bars(cells * 4);
  let count = 0;
  for (let row = 0; row < rows; row++) {
    const y = laneY(v, row) - AXIS;
    if (y < -LANE_H || y > v.height - AXIS + LANE_H) continue;
    for (let col = 0; col < width; col++) {
      const k = row * width + col;
      const c = counts[k]!;
      if (c === 0) continue;
      const f = flags[k]!;
      const j = 4 * count++;
      bars[j] = col;
      bars[j + 1] = y;
      bars[j + 2] = Math.min(LANE_H - 10, 4 + 3 * Math.log2(c));
      bars[j + 3] = !selecting ? 0 : f & 1 ? 1 : f & 2 ? 2 : 3;
    }
  }
  drawColumnBars(p, {
    x: GUTTER,
    y: AXIS,
    width: v.width - GUTTER,
    height: v.height - AXIS,
    colors: [
      { color: pal.arrow, alpha: 1 },
      { color: pal.past, alpha: 1 },
      { color: pal.future, alpha: 1 },
      { color: pal.muted, alpha: 0.35 },
    ],
    bars,
    count,
  });
}

/** Conflict, resolution and anomaly marks; in dense mode only the anomaly badges. */
function drawMarks(f: Frame): void {
  const { p, layout, v, pal, lo, hi, aggregated } = f;
  const model = layout.model;
  const t = model.trace;
  if (!aggregated) {
    // Right end of the last caption per lane row: a caption that would overlap it is left out.
    const captionEnds = new Map<number, number>();
    for (let i = lo; i < hi; i++) {
      const m = model.marks[i]!;
      if (m === 0 || layout.vis[i] !== VIS_SHOWN) continue;
      const row = layout.laneOf[t.actorOf(i)]!;
      if (row === NONE) continue;
      const x = xOf(v, layout.pos[i]!);
      const y = laneY(v, row);
      p.font = `600 10px ${pal.font}`;
      p.textAlign = 'center';
      p.textBaseline = 'top';
      if (m === MARK_CONFLICT || m === MARK_SIBLINGS_READ) {
        const n = model.markCount(i) || 2;
        // Plain characters only: symbol glyphs are missing from many systems' UI fonts.
        circled(p, x, y, pal.conflict, `×${n}`, row, captionEnds);
      } else if (m === MARK_RESOLVED) circled(p, x, y, pal.resolved, '✓ merged', row, captionEnds);
    }
  }
  drawAnomalyBadges(f);
}

/** A ring around an event with a caption under it (conflicts and their resolution). */
function circled(
  p: Painter,
  x: number,
  y: number,
  color: string,
  caption: string,
  row: number,
  captionEnds: Map<number, number>,
): void {
  p.strokeStyle = color;
  p.fillStyle = color;
  p.lineWidth = 1.5;
  p.beginPath();
  p.arc(x, y, 7, 0, Math.PI * 2);
  p.stroke();
  const half = p.measureText(caption).width / 2;
  if (x - half < (captionEnds.get(row) ?? -Infinity) + 4) return;
  p.fillText(caption, x, y + 8);
  captionEnds.set(row, x + half);
}

const BADGE_R = 6;
/** Badges closer than this (px) on one lane merge into one that counts them. */
const BADGE_GAP = 2 * BADGE_R + 4;

/**
 * Anomaly badges: always drawn, even zoomed out, since they are what a user looks for. Badges that
 * would overlap on a lane merge into one with a count, and a label is drawn only in the room before
 * the next badge (cut with an ellipsis), so labels never overlap.
 */
function drawAnomalyBadges(f: Frame): void {
  const { p, layout, v, pal, lo, hi, aggregated } = f;
  const model = layout.model;
  const t = model.trace;
  const list = model.anomalyEvents;
  // Per lane row: clusters of badges, left to right (events are in position order).
  const clusters = new Map<number, { x: number; events: number[] }[]>();
  for (let k = firstAtLeast(list, lo); k < list.length && list[k]! < hi; k++) {
    const e = list[k]!;
    if (layout.vis[e] === 0) continue;
    const row = layout.laneOf[t.actorOf(e)]!;
    if (row === NONE) continue;
    const x = xOf(v, layout.pos[e]!);
    if (x < GUTTER - 10 || x > v.width + 10) continue;
    let lane = clusters.get(row);
    if (!lane) {
      lane = [];
      clusters.set(row, lane);
    }
    const last = lane[lane.length - 1];
    if (last && x - last.x < BADGE_GAP) last.events.push(e);
    else lane.push({ x, events: [e] });
  }
  for (const [row, lane] of clusters) {
    const y = laneY(v, row) - 13;
    lane.forEach((c, i) => {
      p.fillStyle = pal.anomaly;
      p.beginPath();
      p.arc(c.x, y, BADGE_R, 0, Math.PI * 2);
      p.fill();
      p.fillStyle = pal.background;
      p.font = `700 ${c.events.length > 9 ? 8 : 10}px ${pal.font}`;
      p.textAlign = 'center';
      p.textBaseline = 'middle';
      p.fillText(c.events.length > 1 ? String(Math.min(c.events.length, 99)) : '!', c.x, y + 0.5);
      f.taken.push({ left: c.x - BADGE_R, right: c.x + BADGE_R, top: y - BADGE_R, bottom: y + BADGE_R });
      if (aggregated) return;
      const kinds = new Set<string>();
      for (const e of c.events) for (const a of model.anomaliesAt.get(e) ?? []) kinds.add(a.kind);
      const room = (lane[i + 1]?.x ?? v.width) - BADGE_R - 4 - (c.x + BADGE_R + 3);
      p.font = `600 10px ${pal.font}`;
      const text = fitText(p, [...kinds].join(', '), room);
      if (!text) return;
      p.fillStyle = pal.anomaly;
      p.textAlign = 'left';
      p.fillText(text, c.x + BADGE_R + 3, y);
      const left = c.x + BADGE_R + 3;
      f.taken.push({ left, right: left + p.measureText(text).width, top: y - 6, bottom: y + 6 });
    });
  }
}

/** Index of the first element of a sorted list that is >= value. */
function firstAtLeast(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The text cut with an ellipsis to fit `room` pixels, or '' when not even a few letters fit. */
function fitText(p: Painter, text: string, room: number): string {
  if (p.measureText(text).width <= room) return text;
  if (room < 24) return '';
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (p.measureText(`${text.slice(0, mid)}…`).width <= room) lo = mid;
    else hi = mid - 1;
  }
  return lo < 2 ? '' : `${text.slice(0, lo)}…`;
}

function drawForks(f: Frame): void {
  const { p, layout, v, pal } = f;
  const forks = f.hl.forks;
  const bottom = Math.min(v.height, AXIS + layout.lanes.length * LANE_H - v.scrollY);
  for (const f of forks) {
    if (f.event < 0 || f.event >= layout.model.length) continue;
    const x = xOf(v, layout.pos[f.event]!);
    if (x < GUTTER || x > v.width) continue;
    p.strokeStyle = pal.fork;
    p.fillStyle = pal.fork;
    p.lineWidth = 1.5;
    p.setLineDash([2, 3]);
    p.beginPath();
    p.moveTo(x, AXIS);
    p.lineTo(x, bottom);
    p.stroke();
    p.setLineDash([]);
    p.font = `600 10px ${pal.font}`;
    p.textAlign = 'left';
    p.textBaseline = 'top';
    p.fillText(`what-if: ${f.label}`, x + 4, AXIS + 2);
  }
}

function drawAnomalyLinks(f: Frame): void {
  const { p, layout, v, pal } = f;
  const anomaly = f.hl.anomaly;
  if (!anomaly) return;
  const t = layout.model.trace;
  const n = layout.model.length;
  if (anomaly.event >= n) return;
  const ar = layout.laneOf[t.actorOf(anomaly.event)]!;
  if (ar === NONE) return;
  const ax = xOf(v, layout.pos[anomaly.event]!);
  const ay = laneY(v, ar) - 13;
  p.strokeStyle = pal.anomaly;
  p.lineWidth = 1.5;
  for (const r of anomaly.related ?? []) {
    if (r < 0 || r >= n) continue;
    const row = layout.laneOf[t.actorOf(r)]!;
    if (row === NONE) continue;
    const x = xOf(v, layout.pos[r]!);
    const y = laneY(v, row);
    p.setLineDash([2, 3]);
    p.beginPath();
    p.moveTo(ax, ay);
    p.lineTo(x, y);
    p.stroke();
    p.setLineDash([]);
    p.beginPath();
    p.arc(x, y, 8, 0, Math.PI * 2);
    p.stroke();
  }
}

function drawSearchHits(f: Frame): void {
  const { p, layout, v, pal, lo, hi, aggregated } = f;
  const hits = f.hl.searchHits;
  if (!hits) return;
  const t = layout.model.trace;
  p.strokeStyle = pal.search;
  p.fillStyle = pal.search;
  p.lineWidth = 2;
  let lastX = -1;
  let lastRow = -1;
  for (let i = lo; i < hi; i++) {
    if (!hits[i] || layout.vis[i] === 0) continue;
    const row = layout.laneOf[t.actorOf(i)]!;
    if (row === NONE) continue;
    const x = xOf(v, layout.pos[i]!);
    if (aggregated) {
      // One tick per pixel column is enough when zoomed out.
      if (Math.floor(x) === lastX && row === lastRow) continue;
      lastX = Math.floor(x);
      lastRow = row;
      p.fillRect(Math.floor(x), laneY(v, row) + LANE_H / 2 - 4, 1, 4);
    } else {
      p.beginPath();
      p.arc(x, laneY(v, row), 6.5, 0, Math.PI * 2);
      p.stroke();
    }
  }
}

function ring(f: Frame, e: number, color: string, r: number, width: number, dash?: number[]): void {
  const { p, layout, v } = f;
  if (e === NONE || e >= layout.model.length) return;
  const row = layout.laneOf[layout.model.trace.actorOf(e)]!;
  if (row === NONE) return;
  p.strokeStyle = color;
  p.lineWidth = width;
  if (dash) p.setLineDash(dash);
  p.beginPath();
  p.arc(xOf(v, layout.pos[e]!), laneY(v, row), r, 0, Math.PI * 2);
  p.stroke();
  if (dash) p.setLineDash([]);
}

function label(f: Frame, e: number, text: string, color: string): void {
  const { p, layout, v, pal } = f;
  if (e === NONE || e >= layout.model.length) return;
  const row = layout.laneOf[layout.model.trace.actorOf(e)]!;
  if (row === NONE) return;
  p.fillStyle = color;
  p.font = `700 11px ${pal.font}`;
  p.textAlign = 'left';
  p.textBaseline = 'bottom';
  p.fillText(text, xOf(v, layout.pos[e]!) + 8, laneY(v, row) - 7);
}

function drawCurrent(f: Frame): void {
  const { p, layout, v, pal } = f;
  const e = f.hl.current;
  if (e === NONE || e >= layout.model.length) return;
  const x = xOf(v, layout.pos[e]!);
  const bottom = Math.min(v.height, AXIS + layout.lanes.length * LANE_H - v.scrollY);
  p.strokeStyle = pal.current;
  p.lineWidth = 1;
  p.globalAlpha = 0.8;
  p.beginPath();
  p.moveTo(x, AXIS);
  p.lineTo(x, bottom);
  p.stroke();
  p.globalAlpha = 1;
  ring(f, e, pal.current, 8, 3);
}

/** The shown event nearest to (x, y) within `radius` pixels on the lane under y, or NONE. */
export function pickEvent(layout: Layout, v: Viewport, x: number, y: number, radius = 8): number {
  const row = rowAt(v, y);
  if (row < 0 || row >= layout.lanes.length || x < GUTTER) return NONE;
  const actor = layout.lanes[row]!.actor;
  const t = layout.model.trace;
  const lo = layout.lowerBound(posAt(v, x - radius));
  const hi = layout.upperBound(posAt(v, x + radius));
  let best = NONE;
  let bestD = radius + 1;
  // Dense views: many events share a pixel; the scan is bounded by the window anyway.
  for (let i = lo; i < hi; i++) {
    if (t.actorOf(i) !== actor || layout.vis[i] !== VIS_SHOWN) continue;
    const d = Math.abs(xOf(v, layout.pos[i]!) - x);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

// Export a static space-time diagram as SVG: a lane per node and client (time flows down), events as
// marks on their lane, arrows from send to delivery, crosses where messages were dropped, dashed arrows
// for messages still in flight at the end, shaded spans while a node is down or cut off by a partition,
// and red badges on events where an anomaly shows. Every mark has a <title> tooltip. Rows are evenly
// spaced by event (or by virtual time with `pxPerMs`); beyond `maxEvents` the picture is clipped with a
// note, since a static image of a huge run is unreadable anyway (the timeline view is for those).

import { describeEvent } from '../describe';
import { TraceReplay } from '../replay';
import type { Trace } from '../store';

export interface SvgOptions {
  /** First event drawn (default 0). */
  from?: number;
  /** Most events drawn (default 3000). */
  maxEvents?: number;
  /** Space rows by virtual time at this many pixels per ms instead of evenly. */
  pxPerMs?: number;
}

const LANE = 120;
const ROW = 16;
const TOP = 56;
const LEFT = 64;
const BOTTOM = 40;

const STYLE = `
  text { font-family: -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif; font-size: 11px; fill: #333; }
  .title { font-size: 14px; font-weight: 600; }
  .actor { font-size: 12px; font-weight: 600; text-anchor: middle; }
  .lane { stroke: #bbb; stroke-width: 1; }
  .client .lane { stroke-dasharray: 4 3; }
  .ev { stroke: #fff; stroke-width: 1; fill: #777; }
  .ev.send, .ev.deliver { fill: #1f6feb; }
  .ev.state { fill: #2da44e; }
  .ev.request, .ev.response { fill: #8250df; }
  .ev.crash, .ev.recover { fill: #cf222e; }
  .ev.timer { fill: #9a6700; }
  .msg { stroke: #1f6feb; stroke-width: 1.2; fill: none; marker-end: url(#arrow); opacity: 0.75; }
  .msg.inflight { stroke-dasharray: 5 4; }
  .msg.dropped { stroke: #cf222e; marker-end: none; stroke-dasharray: 2 2; }
  .cross { stroke: #cf222e; stroke-width: 2; }
  .down { fill: #cf222e; opacity: 0.12; }
  .cutoff { fill: #9a6700; opacity: 0.10; }
  .badge { fill: #cf222e; }
  .badge-text { fill: #fff; font-size: 10px; font-weight: 700; text-anchor: middle; }
  .time { fill: #888; font-size: 10px; text-anchor: end; }
  .note { fill: #666; font-style: italic; }
`;

function esc(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

function num(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

export function exportSvg(trace: Trace, options: SvgOptions = {}): string {
  const max = Math.max(1, options.maxEvents ?? 3000);
  const from = Math.max(0, Math.min(options.from ?? 0, Math.max(0, trace.length - 1)));
  const to = Math.min(trace.length, from + max);
  const lanes = trace.actors.map((a, i) => ({ a, i })).filter(({ a }) => a.kind !== 'network');
  const laneOf = new Map<number, number>();
  const laneByName = new Map<string, number>();
  lanes.forEach(({ a, i }, k) => {
    laneOf.set(i, k);
    laneByName.set(a.id, k);
  });
  const x = (lane: number): number => LEFT + lane * LANE + LANE / 2;
  const t0 = trace.length > 0 ? trace.time(from) : 0;
  const y = (e: number): number =>
    options.pxPerMs !== undefined
      ? TOP + 12 + (trace.time(e) - t0) * options.pxPerMs
      : TOP + 12 + (e - from) * ROW;
  const height = (to > from ? y(to - 1) : TOP) + BOTTOM + 24;
  const width = LEFT + Math.max(1, lanes.length) * LANE + 16;
  const bottom = height - BOTTOM;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${num(height)}" viewBox="0 0 ${width} ${num(height)}" role="img" aria-label="${esc(`Space-time diagram of ${trace.header.scenario.title}`)}">`,
  );
  out.push(`<style>${STYLE}</style>`);
  out.push(
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#1f6feb"/></marker></defs>',
  );
  out.push('<rect width="100%" height="100%" fill="#fff"/>');
  out.push(`<text class="title" x="8" y="18">${esc(trace.header.scenario.title)}</text>`);

  // Shaded spans first, under everything else.
  const replay = new TraceReplay(trace);
  const rowTop = (e: number | undefined): number =>
    e === undefined || e < from ? TOP : e >= to ? bottom : y(e);
  for (const { a } of lanes) {
    const k = laneByName.get(a.id)!;
    for (const s of replay.downSpans(a.id)) {
      if (s.crash >= to || (s.recover !== undefined && s.recover < from)) continue;
      const top = rowTop(s.crash);
      const end = s.recover === undefined ? bottom : rowTop(s.recover);
      out.push(
        `<rect class="down" x="${x(k) - LANE / 2 + 4}" y="${num(top)}" width="${LANE - 8}" height="${num(Math.max(2, end - top))}"><title>${esc(`${a.id} down${s.diskLost ? ' (disk lost)' : ''}`)}</title></rect>`,
      );
    }
  }
  const cut = new Map<string, { start: number; end: number | undefined }[]>();
  for (const s of replay.partitionSpans()) {
    for (const who of [s.from, s.to]) {
      const list = cut.get(who) ?? [];
      if (!list.some((l) => l.start === s.startEvent && l.end === s.endEvent))
        list.push({ start: s.startEvent, end: s.endEvent });
      cut.set(who, list);
    }
  }
  for (const [who, spans] of cut) {
    const k = laneByName.get(who);
    if (k === undefined) continue;
    for (const s of spans) {
      if (s.start >= to || (s.end !== undefined && s.end < from)) continue;
      const top = rowTop(s.start);
      const end = s.end === undefined ? bottom : rowTop(s.end);
      out.push(
        `<rect class="cutoff" x="${x(k) - LANE / 2 + 2}" y="${num(top)}" width="${LANE - 4}" height="${num(Math.max(2, end - top))}"><title>${esc(`${who} partitioned`)}</title></rect>`,
      );
    }
  }

  // Lanes and their names.
  for (const { a } of lanes) {
    const k = laneByName.get(a.id)!;
    out.push(
      `<g class="${a.kind}"><text class="actor" x="${x(k)}" y="${TOP - 14}">${esc(a.id)}</text><line class="lane" x1="${x(k)}" y1="${TOP}" x2="${x(k)}" y2="${num(bottom)}"/></g>`,
    );
  }

  // Messages.
  const sendOf = new Map<number, number>();
  for (let e = 0; e < to; e++) if (trace.kind(e) === 'send') sendOf.set(trace.detail(e)?.msg ?? -1, e);
  const ended = new Set<number>();
  const arrow = (
    s: number | undefined,
    fromLane: number,
    toLane: number,
    endY: number,
    cls: string,
    tip: string,
  ): void => {
    const sy = s === undefined || s < from ? TOP : y(s);
    out.push(
      `<line class="msg${cls}" x1="${x(fromLane)}" y1="${num(sy)}" x2="${x(toLane)}" y2="${num(endY)}"><title>${esc(tip)}</title></line>`,
    );
  };
  for (let e = from; e < to; e++) {
    const kind = trace.kind(e);
    if (kind !== 'deliver' && kind !== 'drop') continue;
    const d = trace.detail(e) ?? {};
    const fromLane = d.from === undefined ? undefined : laneByName.get(d.from);
    const toLane = d.to === undefined ? undefined : laneByName.get(d.to);
    if (fromLane === undefined || toLane === undefined) continue;
    const s = d.msg !== undefined ? sendOf.get(d.msg) : trace.cause(e);
    if (d.msg !== undefined) ended.add(d.msg);
    if (kind === 'deliver') arrow(s, fromLane, toLane, y(e), '', describeEvent(trace, e, 200));
    else {
      arrow(s, fromLane, toLane, y(e), ' dropped', describeEvent(trace, e, 200));
      const cx = x(toLane);
      const cy = y(e);
      out.push(
        `<path class="cross" d="M${cx - 5},${num(cy - 5)} L${cx + 5},${num(cy + 5)} M${cx - 5},${num(cy + 5)} L${cx + 5},${num(cy - 5)}"><title>${esc(describeEvent(trace, e, 200))}</title></path>`,
      );
    }
  }
  // Messages sent in the window and not (yet) delivered within it.
  for (let e = from; e < to; e++) {
    if (trace.kind(e) !== 'send') continue;
    const d = trace.detail(e) ?? {};
    if (d.msg === undefined || ended.has(d.msg)) continue;
    const fromLane = laneOf.get(trace.actorOf(e));
    const toLane = d.to === undefined ? undefined : laneByName.get(d.to);
    if (fromLane === undefined || toLane === undefined) continue;
    const span = replay.messageSpan(d.msg);
    const tip = `${describeEvent(trace, e, 200)} — ${span?.end === undefined ? 'never delivered' : 'arrives later'}`;
    arrow(e, fromLane, toLane, bottom, ' inflight', tip);
  }

  // Events, with time labels where time moves on, and anomaly badges.
  const anomalies = new Map<number, string[]>();
  for (const a of trace.anomalies) {
    const list = anomalies.get(a.event) ?? [];
    list.push(`${a.kind}: ${a.explain}`);
    anomalies.set(a.event, list);
  }
  let lastTime = Number.NaN;
  for (let e = from; e < to; e++) {
    const kind = trace.kind(e);
    const t = trace.time(e);
    const ey = y(e);
    if (t !== lastTime) {
      out.push(`<text class="time" x="${LEFT - 8}" y="${num(ey + 3)}">${esc(`${num(t)}ms`)}</text>`);
      lastTime = t;
    }
    const a = trace.actorOf(e);
    const lane = laneOf.get(a);
    const label = `#${e} ${trace.actorId(a)} @${num(t)}ms: ${describeEvent(trace, e, 200)}`;
    if (lane === undefined) {
      // Network-wide events (partition, heal, cut) as a note across the diagram.
      if (kind === 'drop') continue;
      out.push(
        `<text class="note" x="${LEFT + 4}" y="${num(ey + 3)}">${esc(describeEvent(trace, e))}<title>${esc(label)}</title></text>`,
      );
      continue;
    }
    out.push(
      `<circle class="ev ${kind}" cx="${x(lane)}" cy="${num(ey)}" r="4"><title>${esc(label)}</title></circle>`,
    );
    const found = anomalies.get(e);
    if (found) {
      const bx = x(lane) + 11;
      out.push(
        `<g class="anomaly"><circle class="badge" cx="${bx}" cy="${num(ey)}" r="6"/><text class="badge-text" x="${bx}" y="${num(ey + 3.5)}">!</text><title>${esc(found.join('\n'))}</title></g>`,
      );
    }
  }

  const shown = to > from ? `events ${from}–${to - 1} of ${trace.length}` : 'no events';
  const clipped = from > 0 || to < trace.length ? ` (clipped: at most ${max} events are drawn)` : '';
  out.push(`<text class="note" x="8" y="${num(height - 12)}">${esc(`${shown}${clipped}`)}</text>`);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

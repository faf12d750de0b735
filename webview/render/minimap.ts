// The minimap: the whole trace squeezed into a strip (event density per lane), with the part the main
// view shows framed. Densities are computed once per layout and drawn once into a bitmap, so a frame
// costs one blit and the frame around the view.
import { type Layout, VIS_SHOWN } from '../model/layout';
import { NONE } from '../model/timelineModel';
import type { Palette } from './palette';

export class MinimapData {
  counts: Uint32Array = new Uint32Array(0);
  anomalies: Uint8Array = new Uint8Array(0);
  width = 0;
  rows = 0;
  max = 1;
  /** Bumped by compute(): the cached strip is stale. */
  version = 0;

  constructor(readonly layout: Layout) {}

  compute(width: number): void {
    const layout = this.layout;
    const t = layout.model.trace;
    const rows = layout.lanes.length;
    const w = Math.max(1, Math.floor(width));
    this.width = w;
    this.rows = rows;
    this.counts = new Uint32Array(rows * w);
    this.anomalies = new Uint8Array(w);
    const span = layout.max - layout.min || 1;
    const n = layout.model.length;
    const scale = (w - 1) / span;
    let max = 1;
    for (let i = 0; i < n; i++) {
      if (layout.vis[i] !== VIS_SHOWN) continue;
      const row = layout.laneOf[t.actorOf(i)]!;
      if (row === NONE) continue;
      const col = Math.floor((layout.pos[i]! - layout.min) * scale);
      const k = row * w + col;
      const c = ++this.counts[k]!;
      if (c > max) max = c;
    }
    for (const e of layout.model.anomalyEvents) {
      if (e < n) this.anomalies[Math.floor((layout.pos[e]! - layout.min) * scale)] = 1;
    }
    this.max = max;
    this.version++;
  }

  /** Column -> position on the time axis. */
  posAt(x: number): number {
    const span = this.layout.max - this.layout.min || 1;
    return this.layout.min + (x / Math.max(1, this.width - 1)) * span;
  }

  xOf(pos: number): number {
    const span = this.layout.max - this.layout.min || 1;
    return ((pos - this.layout.min) / span) * (this.width - 1);
  }
}

/** The density strip, drawn once per layout, size and palette. */
interface Strip {
  canvas: HTMLCanvasElement;
  key: string;
}
const strips = new WeakMap<MinimapData, Strip>();

function stripOf(data: MinimapData, height: number, dpr: number, pal: Palette): HTMLCanvasElement {
  const key = `${data.version}|${data.width}|${height}|${dpr}|${pal.laneAlt}|${pal.arrow}|${pal.anomaly}`;
  const known = strips.get(data);
  if (known && known.key === key) return known.canvas;
  const canvas = known?.canvas ?? document.createElement('canvas');
  const w = data.width;
  canvas.width = Math.max(1, Math.round(w * dpr));
  canvas.height = Math.max(1, Math.round(height * dpr));
  const p = canvas.getContext('2d')!;
  p.setTransform(dpr, 0, 0, dpr, 0, 0);
  p.fillStyle = pal.laneAlt;
  p.fillRect(0, 0, w, height);
  const rows = Math.max(1, data.rows);
  const rowH = (height - 6) / rows;
  const logMax = Math.log2(data.max + 1);
  p.fillStyle = pal.arrow;
  for (let r = 0; r < data.rows; r++) {
    for (let x = 0; x < w; x++) {
      const c = data.counts[r * w + x]!;
      if (c === 0) continue;
      p.globalAlpha = 0.25 + (0.75 * Math.log2(c + 1)) / logMax;
      p.fillRect(x, 3 + r * rowH, 1, Math.max(1, rowH - 1));
    }
  }
  p.globalAlpha = 1;
  p.fillStyle = pal.anomaly;
  for (let x = 0; x < w; x++) if (data.anomalies[x]) p.fillRect(x, 0, 1, 4);
  strips.set(data, { canvas, key });
  return canvas;
}

export function renderMinimap(
  p: CanvasRenderingContext2D,
  data: MinimapData,
  height: number,
  viewFrom: number,
  viewTo: number,
  current: number,
  pal: Palette,
): void {
  const w = data.width;
  const dpr = p.getTransform().a || 1;
  p.drawImage(stripOf(data, height, dpr, pal), 0, 0, w, height);
  if (current !== NONE && current < data.layout.model.length) {
    p.fillStyle = pal.current;
    p.fillRect(Math.round(data.xOf(data.layout.pos[current]!)), 0, 2, height);
  }
  const x0 = Math.max(0, data.xOf(viewFrom));
  const x1 = Math.min(w, data.xOf(viewTo));
  p.strokeStyle = pal.selection;
  p.lineWidth = 1.5;
  p.fillStyle = pal.selection;
  p.globalAlpha = 0.12;
  p.fillRect(x0, 0, Math.max(3, x1 - x0), height);
  p.globalAlpha = 1;
  p.strokeRect(x0 + 0.5, 0.5, Math.max(3, x1 - x0) - 1, height - 1);
}

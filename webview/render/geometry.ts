// Screen geometry of the timeline: the gutter for lane labels, the time axis, lane height, and the
// mapping between positions on the time axis and pixels.

export const GUTTER = 136;
export const AXIS = 26;
export const LANE_H = 44;

export interface Viewport {
  /** Time-axis position (ms, or rank in compressed mode) at the left edge of the plot. */
  start: number;
  /** Pixels per unit of position. */
  scale: number;
  /** Vertical scroll of the lanes, in pixels. */
  scrollY: number;
  /** CSS pixels of the whole canvas. */
  width: number;
  height: number;
}

export const plotWidth = (v: Viewport): number => Math.max(1, v.width - GUTTER);

export const xOf = (v: Viewport, pos: number): number => GUTTER + (pos - v.start) * v.scale;

export const posAt = (v: Viewport, x: number): number => v.start + (x - GUTTER) / v.scale;

export const laneY = (v: Viewport, row: number): number => AXIS + row * LANE_H + LANE_H / 2 - v.scrollY;

export const rowAt = (v: Viewport, y: number): number => Math.floor((y - AXIS + v.scrollY) / LANE_H);

/** Zoom by `factor` keeping the position under `x` fixed. */
export function zoomAt(v: Viewport, x: number, factor: number, minScale: number, maxScale: number): Viewport {
  const anchor = posAt(v, x);
  const scale = Math.min(maxScale, Math.max(minScale, v.scale * factor));
  return { ...v, scale, start: anchor - (x - GUTTER) / scale };
}

/** A viewport showing [min, max] across the plot with a small margin. */
export function fitView(v: Viewport, min: number, max: number): Viewport {
  const span = Math.max(1e-9, max - min);
  const w = plotWidth(v);
  const margin = 12;
  const scale = (w - 2 * margin) / span;
  return { ...v, scale, start: min - margin / scale };
}

/** Round tick steps: 1, 2, 5 times a power of ten. */
export function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}

export function formatMs(ms: number): string {
  if (Math.abs(ms) >= 1000) return `${+(ms / 1000).toFixed(3)} s`;
  return `${+ms.toFixed(3)} ms`;
}

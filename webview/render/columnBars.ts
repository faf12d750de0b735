// The dense view's bars: one per lane and pixel column, thousands a frame. As canvas rectangles they
// cost more to rasterize than everything else on screen (about 14 ms a frame with 100,000 events in
// view in software-rendered Chromium), so on a canvas they are written as pixels into a buffer and
// blitted in one drawImage. Other painters (SVG export) get ordinary rectangles.
import type { Painter } from './painter';

export interface ColumnBars {
  /** Left and top of the area (CSS pixels) and its size. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Colour and opacity of each bucket. */
  colors: { color: string; alpha: number }[];
  /** Per bar: column (CSS px from x), centre y (CSS px from y), height (CSS px), bucket. */
  bars: Float32Array;
  count: number;
}

type Rgba = [number, number, number, number];

const rgbaCache = new Map<string, Rgba>();
let probe: CanvasRenderingContext2D | null = null;

/** Any CSS colour as RGBA bytes, resolved once by a 1x1 canvas. */
function rgbaOf(color: string): Rgba {
  const known = rgbaCache.get(color);
  if (known) return known;
  if (!probe) {
    const c = document.createElement('canvas');
    c.width = 1;
    c.height = 1;
    probe = c.getContext('2d', { willReadFrequently: true });
  }
  let rgba: Rgba = [128, 128, 128, 255];
  if (probe) {
    probe.clearRect(0, 0, 1, 1);
    probe.fillStyle = color;
    probe.fillRect(0, 0, 1, 1);
    const d = probe.getImageData(0, 0, 1, 1).data;
    rgba = [d[0]!, d[1]!, d[2]!, d[3]!];
  }
  rgbaCache.set(color, rgba);
  return rgba;
}

const isCanvas = (p: Painter): p is Painter & CanvasRenderingContext2D =>
  typeof (p as Partial<CanvasRenderingContext2D>).putImageData === 'function';

let scratch: HTMLCanvasElement | null = null;
let image: ImageData | null = null;

export function drawColumnBars(p: Painter, b: ColumnBars): void {
  if (!isCanvas(p)) {
    drawAsRects(p, b);
    return;
  }
  const dpr = p.getTransform().a || 1;
  const w = Math.max(1, Math.ceil(b.width * dpr));
  const h = Math.max(1, Math.ceil(b.height * dpr));
  if (!scratch) scratch = document.createElement('canvas');
  if (scratch.width !== w || scratch.height !== h || !image) {
    scratch.width = w;
    scratch.height = h;
    image = new ImageData(w, h);
  }
  const px = new Uint32Array(image.data.buffer);
  px.fill(0);
  // ImageData is RGBA in memory; a Uint32 view reads it little-endian (every platform VS Code runs on).
  const words = b.colors.map(({ color, alpha }) => {
    const [r, g, bl, a] = rgbaOf(color);
    return ((Math.round(a * alpha) << 24) | (bl << 16) | (g << 8) | r) >>> 0;
  });
  const bars = b.bars;
  const colW = Math.max(1, Math.round(dpr));
  for (let i = 0; i < b.count; i++) {
    const k = i * 4;
    const x0 = Math.floor(bars[k]! * dpr);
    const half = (bars[k + 2]! * dpr) / 2;
    const yc = bars[k + 1]! * dpr;
    const y0 = Math.max(0, Math.round(yc - half));
    const y1 = Math.min(h, Math.round(yc + half));
    const word = words[bars[k + 3]!]!;
    const x1 = Math.min(w, x0 + colW);
    for (let y = y0; y < y1; y++) {
      const row = y * w;
      for (let x = Math.max(0, x0); x < x1; x++) px[row + x] = word;
    }
  }
  scratch.getContext('2d')!.putImageData(image, 0, 0);
  p.drawImage(scratch, b.x, b.y, w / dpr, h / dpr);
}

function drawAsRects(p: Painter, b: ColumnBars): void {
  b.colors.forEach(({ color, alpha }, bucket) => {
    p.fillStyle = color;
    p.globalAlpha = alpha;
    p.beginPath();
    for (let i = 0; i < b.count; i++) {
      const k = i * 4;
      if (b.bars[k + 3] !== bucket) continue;
      const hh = b.bars[k + 2]!;
      p.rect(b.x + b.bars[k]!, b.y + b.bars[k + 1]! - hh / 2, 1, hh);
    }
    p.fill();
  });
  p.globalAlpha = 1;
}

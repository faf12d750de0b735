// Draws media/icon.png (128x128): three replicas on a dark rounded square, the leader at the top
// sending to two followers, plus a dashed link between the followers (replication in both
// directions). Run `node scripts/make-icon.mjs` after changing it; the PNG is committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const SIZE = 128;
const SS = 4; // supersampling per axis, for smooth edges
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'media', 'icon.png');

/** @typedef {[number, number, number, number]} RGBA straight alpha, 0..1 */
const BG_TOP = /** @type {RGBA} */ ([0.11, 0.13, 0.19, 1]);
const BG_BOTTOM = /** @type {RGBA} */ ([0.07, 0.08, 0.12, 1]);
const LEADER = /** @type {RGBA} */ ([0.98, 0.72, 0.25, 1]);
const FOLLOWER = /** @type {RGBA} */ ([0.33, 0.72, 0.98, 1]);
const ARROW = /** @type {RGBA} */ ([0.86, 0.89, 0.95, 1]);
const DASH = /** @type {RGBA} */ ([0.55, 0.6, 0.72, 1]);

const leader = { x: 64, y: 33, r: 15 };
const left = { x: 30, y: 93, r: 15 };
const right = { x: 98, y: 93, r: 15 };

/** Signed distance to a rounded rectangle centred at c. */
function roundedRect(px, py, cx, cy, hw, hh, radius) {
  const qx = Math.abs(px - cx) - hw + radius;
  const qy = Math.abs(py - cy) - hh + radius;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

/** Distance from p to segment ab, and the position t along it (0..1). */
function segment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return { d: Math.hypot(px - (ax + t * dx), py - (ay + t * dy)), t, len: Math.hypot(dx, dy) };
}

/** Is p inside the triangle abc? */
function inTriangle(px, py, a, b, c) {
  const s = (p2, p3) => (px - p3[0]) * (p2[1] - p3[1]) - (p2[0] - p3[0]) * (py - p3[1]);
  const d1 = s(a, b);
  const d2 = s(b, c);
  const d3 = s(c, a);
  const neg = d1 < 0 || d2 < 0 || d3 < 0;
  const pos = d1 > 0 || d2 > 0 || d3 > 0;
  return !(neg && pos);
}

/** An arrow from node `from` to node `to`, stopping short of both circles. */
function arrow(from, to) {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const len = Math.hypot(dx, dy);
  const ux = dx / len;
  const uy = dy / len;
  const start = [from.x + ux * (from.r + 5), from.y + uy * (from.r + 5)];
  const tip = [to.x - ux * (to.r + 4), to.y - uy * (to.r + 4)];
  const head = 11;
  const base = [tip[0] - ux * head, tip[1] - uy * head];
  const wing = 6.5;
  const w1 = [base[0] - uy * wing, base[1] + ux * wing];
  const w2 = [base[0] + uy * wing, base[1] - ux * wing];
  return { start, base, tip, w1, w2 };
}
const arrows = [arrow(leader, left), arrow(leader, right)];

/** The colour at one subsample point, straight alpha. @returns {RGBA} */
function sample(x, y) {
  /** @type {RGBA} */
  let c = [0, 0, 0, 0];
  const over = (/** @type {RGBA} */ top) => {
    const a = top[3] + c[3] * (1 - top[3]);
    if (a === 0) return;
    c = [
      (top[0] * top[3] + c[0] * c[3] * (1 - top[3])) / a,
      (top[1] * top[3] + c[1] * c[3] * (1 - top[3])) / a,
      (top[2] * top[3] + c[2] * c[3] * (1 - top[3])) / a,
      a,
    ];
  };
  if (roundedRect(x, y, 64, 64, 62, 62, 24) > 0) return c;
  const g = y / SIZE;
  over([
    BG_TOP[0] + (BG_BOTTOM[0] - BG_TOP[0]) * g,
    BG_TOP[1] + (BG_BOTTOM[1] - BG_TOP[1]) * g,
    BG_TOP[2] + (BG_BOTTOM[2] - BG_TOP[2]) * g,
    1,
  ]);
  // Dashed, bidirectional follower link.
  const f = segment(x, y, left.x + left.r + 6, left.y, right.x - right.r - 6, right.y);
  if (f.d < 1.6 && (f.t * f.len) % 7 < 4) over(DASH);
  for (const a of arrows) {
    const s = segment(x, y, a.start[0], a.start[1], a.base[0], a.base[1]);
    if (s.d < 2.4) over(ARROW);
    if (inTriangle(x, y, a.tip, a.w1, a.w2)) over(ARROW);
  }
  for (const [n, colour] of [
    [leader, LEADER],
    [left, FOLLOWER],
    [right, FOLLOWER],
  ]) {
    const d = Math.hypot(x - n.x, y - n.y);
    if (d < n.r + 3.5) over([colour[0], colour[1], colour[2], 0.22]); // soft halo
    if (d < n.r) over(colour);
    // A small "database" mark: two darker bands across each replica.
    if (d < n.r - 4 && (Math.abs(y - n.y + 3) < 1.3 || Math.abs(y - n.y + 3 - 6) < 1.3))
      over([0.07, 0.08, 0.12, 0.55]);
  }
  return c;
}

const png = new PNG({ width: SIZE, height: SIZE });
for (let py = 0; py < SIZE; py++)
  for (let px = 0; px < SIZE; px++) {
    let r = 0;
    let g = 0;
    let b = 0;
    let a = 0;
    for (let sy = 0; sy < SS; sy++)
      for (let sx = 0; sx < SS; sx++) {
        const c = sample(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS);
        r += c[0] * c[3];
        g += c[1] * c[3];
        b += c[2] * c[3];
        a += c[3];
      }
    const i = (py * SIZE + px) * 4;
    png.data[i] = a ? Math.round((r / a) * 255) : 0;
    png.data[i + 1] = a ? Math.round((g / a) * 255) : 0;
    png.data[i + 2] = a ? Math.round((b / a) * 255) : 0;
    png.data[i + 3] = Math.round((a / (SS * SS)) * 255);
  }
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, PNG.sync.write(png));
console.log(`wrote ${out}`);

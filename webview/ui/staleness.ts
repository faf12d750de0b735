// Staleness plots for sweep results: P(consistent read) against the time since the write, or
// P(within k versions) against k, drawn as SVG (crisp at any size, exportable as is).
import type { StalenessSeries } from '../protocol';
import { h } from './dom';

const SVG = 'http://www.w3.org/2000/svg';

function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** Build the plot element (an <svg>) for one series. */
export function stalenessPlot(series: StalenessSeries, width = 640, height = 320): SVGSVGElement {
  const m = { left: 56, right: 20, top: 28, bottom: 44 };
  const w = width - m.left - m.right;
  const hh = height - m.top - m.bottom;
  const rows = series.rows;
  const xs = rows.map((r) => r.x);
  const xMin = Math.min(0, ...xs);
  const xMax = Math.max(xMin + 1, ...xs);
  const X = (x: number): number => m.left + ((x - xMin) / (xMax - xMin)) * w;
  const Y = (p: number): number => m.top + (1 - p) * hh;
  const svg = s('svg', {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    class: 'staleness-plot',
  });
  const what =
    series.measure === 't'
      ? 'Probability of a consistent read vs time after the write'
      : 'Probability of reading within k versions';
  svg.setAttribute('aria-label', `${series.title ? `${series.title}: ` : ''}${what}`);
  const title = s('text', { x: m.left, y: 16, class: 'plot-title' });
  title.textContent = series.title ? `${series.title} — ${what}` : what;
  svg.append(title);
  // Axes and grid.
  for (let i = 0; i <= 5; i++) {
    const p = i / 5;
    svg.append(s('line', { x1: m.left, x2: m.left + w, y1: Y(p), y2: Y(p), class: 'plot-grid' }));
    const label = s('text', { x: m.left - 6, y: Y(p) + 4, 'text-anchor': 'end', class: 'plot-tick' });
    label.textContent = p.toFixed(1);
    svg.append(label);
  }
  const ticks = 6;
  for (let i = 0; i <= ticks; i++) {
    const x = xMin + ((xMax - xMin) * i) / ticks;
    const label = s('text', { x: X(x), y: m.top + hh + 16, 'text-anchor': 'middle', class: 'plot-tick' });
    label.textContent = series.measure === 'k' ? String(Math.round(x)) : `${+x.toFixed(1)}`;
    svg.append(label);
  }
  const xl = s('text', { x: m.left + w / 2, y: height - 8, 'text-anchor': 'middle', class: 'plot-axis' });
  xl.textContent = series.measure === 't' ? 't (ms after the write)' : 'k (versions behind)';
  const yl = s('text', {
    x: 14,
    y: m.top + hh / 2,
    'text-anchor': 'middle',
    class: 'plot-axis',
    transform: `rotate(-90 14 ${m.top + hh / 2})`,
  });
  yl.textContent = series.measure === 't' ? 'P(consistent)' : 'P(within k)';
  svg.append(xl, yl);
  svg.append(s('rect', { x: m.left, y: m.top, width: w, height: hh, class: 'plot-frame' }));
  // 95 % Wilson interval per point, so few runs read as uncertain.
  const band: string[] = [];
  const lower: string[] = [];
  for (const r of rows) {
    const [lo, hi] = wilson(r.p, r.runs);
    band.push(`${X(r.x)},${Y(hi)}`);
    lower.unshift(`${X(r.x)},${Y(lo)}`);
  }
  if (rows.length > 1)
    svg.append(s('polygon', { points: [...band, ...lower].join(' '), class: 'plot-band' }));
  const path =
    series.measure === 'k'
      ? stepPath(rows.map((r) => [X(r.x), Y(r.p)]))
      : rows.map((r, i) => `${i ? 'L' : 'M'}${X(r.x)},${Y(r.p)}`).join('');
  svg.append(s('path', { d: path, class: 'plot-line' }));
  for (const r of rows) {
    const dot = s('circle', { cx: X(r.x), cy: Y(r.p), r: 3, class: 'plot-dot' });
    const tip = s('title', {});
    tip.textContent = `${series.measure === 't' ? `t = ${r.x} ms` : `k = ${r.x}`}: ${(r.p * 100).toFixed(1)} % of ${r.runs} runs`;
    dot.append(tip);
    svg.append(dot);
  }
  return svg;
}

function stepPath(points: number[][]): string {
  let d = '';
  points.forEach(([x, y], i) => {
    if (i === 0) d += `M${x},${y}`;
    else d += `H${x}V${y}`;
  });
  return d;
}

/** 95 % Wilson score interval for a proportion p over n runs. */
export function wilson(p: number, n: number): [number, number] {
  if (n <= 0) return [0, 1];
  const z = 1.96;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** A table of the same numbers, for screen readers and copying. */
export function stalenessTable(series: StalenessSeries): HTMLTableElement {
  const head = series.measure === 't' ? ['t (ms)', 'runs', 'P(consistent)'] : ['k', 'runs', 'P(within k)'];
  return h(
    'table',
    { class: 'data-table' },
    h('thead', {}, h('tr', {}, ...head.map((c) => h('th', {}, c)))),
    h(
      'tbody',
      {},
      ...series.rows.map((r) =>
        h('tr', {}, h('td', {}, String(r.x)), h('td', {}, String(r.runs)), h('td', {}, r.p.toFixed(3))),
      ),
    ),
  );
}

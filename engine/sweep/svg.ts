// A sweep result as a standalone SVG chart: probability (0..1) against t or k, the 95% interval
// as a band, one marker per measured point, labelled axes and a title. Browser-safe.

import type { SweepResult } from './types';

export interface ChartOptions {
  width?: number;
  height?: number;
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Round ticks (steps of 1, 2 or 5 × 10^n) from 0 to at least max, about `count` of them. */
export function niceTicks(max: number, count = 6): number[] {
  if (!(max > 0)) return [0];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks: number[] = [];
  // Up to the first tick at or past max, so the axis covers every point.
  const last = Math.ceil(max / step - 1e-9);
  for (let i = 0; i <= last; i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

function fmt(x: number): string {
  return String(Number(x.toFixed(3)));
}

export function sweepChartSvg(result: SweepResult, options: ChartOptions = {}): string {
  const width = options.width ?? 640;
  const height = options.height ?? 400;
  const m = { left: 64, right: 32, top: 60, bottom: 56 };
  const pw = width - m.left - m.right;
  const ph = height - m.top - m.bottom;
  const isT = result.measure === 't-visibility';
  const points = result.rows.map((r) =>
    'k' in r
      ? { x: r.k, p: r.p_within_k, lo: r.ci_low, hi: r.ci_high, runs: r.runs }
      : { x: r.t_ms, p: r.p_consistent, lo: r.ci_low, hi: r.ci_high, runs: r.runs },
  );
  points.sort((a, b) => a.x - b.x);
  const xs = points.map((p) => p.x);
  let xMin: number;
  let xEnd: number;
  let xTicks: number[];
  if (isT) {
    // Time from 0, to a round tick at or past the last t.
    xTicks = niceTicks(Math.max(1, ...xs));
    xMin = 0;
    xEnd = xTicks[xTicks.length - 1]!;
  } else {
    // Versions are whole numbers: a tick per k (or round ticks when many), half a step of margin.
    const lo = Math.min(1, ...xs);
    const hi = Math.max(lo + 1, ...xs);
    xTicks =
      hi - lo <= 12
        ? Array.from({ length: hi - lo + 1 }, (_, i) => lo + i)
        : niceTicks(hi).filter((v) => v >= lo);
    xMin = lo - 0.5;
    xEnd = hi + 0.5;
  }
  const span = xEnd - xMin || 1;
  const sx = (x: number) => m.left + ((x - xMin) / span) * pw;
  const sy = (p: number) => m.top + (1 - p) * ph;
  const out: string[] = [];
  const yLabel = isT ? 'P(read returns the write)' : 'P(read within k versions)';
  const xLabel = isT ? 't: ms between the write’s acknowledgement and the read' : 'k: versions';
  const runs = Math.max(0, ...points.map((p) => p.runs));
  const subtitle = `${isT ? 't-visibility' : 'k-staleness'} · ${runs} runs per point · band: 95% confidence interval`;
  // About 7.5px per character at 14px: long titles end in an ellipsis rather than off the chart.
  const maxChars = Math.floor((width - 32) / 7.5);
  const heading = result.title || (isT ? 'Staleness sweep: t-visibility' : 'Staleness sweep: k-staleness');
  const shown = heading.length > maxChars ? `${heading.slice(0, maxChars - 1)}…` : heading;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12">`,
    `<title>${escapeXml(`${heading} — ${subtitle}`)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="22" text-anchor="middle" font-size="14" font-weight="600" fill="#1f2328">${escapeXml(shown)}</text>`,
    `<text x="${width / 2}" y="40" text-anchor="middle" fill="#57606a">${escapeXml(subtitle)}</text>`,
  );
  // Grid and axes.
  for (const p of [0, 0.2, 0.4, 0.6, 0.8, 1]) {
    const y = fmt(sy(p));
    out.push(
      `<line x1="${m.left}" x2="${m.left + pw}" y1="${y}" y2="${y}" stroke="#d0d7de" stroke-width="${p === 0 ? 1 : 0.5}"/>`,
      `<text x="${m.left - 8}" y="${y}" dy="0.32em" text-anchor="end" fill="#57606a">${p.toFixed(1)}</text>`,
    );
  }
  for (const t of xTicks) {
    const x = fmt(sx(t));
    out.push(
      `<line x1="${x}" x2="${x}" y1="${m.top}" y2="${m.top + ph}" stroke="#d0d7de" stroke-width="0.5"/>`,
      `<text x="${x}" y="${m.top + ph + 18}" text-anchor="middle" fill="#57606a">${fmt(t)}</text>`,
    );
  }
  out.push(
    `<line x1="${m.left}" x2="${m.left}" y1="${m.top}" y2="${m.top + ph}" stroke="#57606a"/>`,
    `<text x="${m.left + pw / 2}" y="${height - 14}" text-anchor="middle" fill="#1f2328">${escapeXml(xLabel)}</text>`,
    `<text transform="translate(18 ${m.top + ph / 2}) rotate(-90)" text-anchor="middle" fill="#1f2328">${escapeXml(yLabel)}</text>`,
  );
  if (points.length > 0) {
    // 95% interval band, then the curve.
    const upper = points.map((p) => `${fmt(sx(p.x))},${fmt(sy(p.hi))}`);
    const lower = points.map((p) => `${fmt(sx(p.x))},${fmt(sy(p.lo))}`).reverse();
    out.push(
      `<polygon points="${[...upper, ...lower].join(' ')}" fill="#0969da" fill-opacity="0.15" stroke="none"><title>95% confidence interval</title></polygon>`,
      `<polyline points="${points.map((p) => `${fmt(sx(p.x))},${fmt(sy(p.p))}`).join(' ')}" fill="none" stroke="#0969da" stroke-width="2"/>`,
    );
    for (const p of points)
      out.push(
        `<circle cx="${fmt(sx(p.x))}" cy="${fmt(sy(p.p))}" r="3.5" fill="#0969da"><title>${isT ? `t = ${fmt(p.x)} ms` : `k = ${p.x}`}: p = ${p.p.toFixed(4)} (95% CI ${p.lo.toFixed(4)}–${p.hi.toFixed(4)}, ${p.runs} runs)</title></circle>`,
      );
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

import { describe, expect, it } from 'vitest';
import { niceTicks, sweepChartSvg } from './svg';

describe('sweep chart', () => {
  it('picks round ticks', () => {
    expect(niceTicks(100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(0)).toEqual([0]);
  });

  it('draws a labelled chart with one marker per point and the interval band', () => {
    const svg = sweepChartSvg({
      measure: 't-visibility',
      title: 'A & B <quorums>',
      runs: 200,
      rows: [
        { t_ms: 0, runs: 200, p_consistent: 0.5, ci_low: 0.43, ci_high: 0.57, excluded: 0 },
        { t_ms: 10, runs: 200, p_consistent: 0.9, ci_low: 0.85, ci_high: 0.93, excluded: 0 },
        { t_ms: 50, runs: 200, p_consistent: 1, ci_low: 0.98, ci_high: 1, excluded: 0 },
      ],
    });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('>A &#38; B &#60;quorums&#62;</text>');
    expect(svg).toContain('t-visibility · 200 runs per point · band: 95% confidence interval');
    expect(svg).toContain('P(read returns the write)');
    expect(svg).toContain('t: ms between the write’s acknowledgement and the read');
    expect(svg.match(/<circle /g)).toHaveLength(3);
    expect(svg).toContain('<polygon');
    expect(svg).toContain('t = 10 ms: p = 0.9000 (95% CI 0.8500–0.9300, 200 runs)');
  });

  it('labels a k-staleness chart by versions', () => {
    const svg = sweepChartSvg({
      measure: 'k-staleness',
      title: '',
      runs: 10,
      rows: [{ k: 1, runs: 10, p_within_k: 0.7, ci_low: 0.4, ci_high: 0.9, excluded: 0 }],
    });
    expect(svg).toContain('P(read within k versions)');
    expect(svg).toContain('k: versions');
    expect(svg).toContain('Staleness sweep: k-staleness');
  });

  it('shortens a title too long for the chart', () => {
    const svg = sweepChartSvg({ measure: 'k-staleness', title: 'x'.repeat(300), runs: 0, rows: [] });
    expect(svg).toContain(`>${'x'.repeat(80)}…</text>`);
  });
});

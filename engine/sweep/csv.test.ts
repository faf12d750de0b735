import { describe, expect, it } from 'vitest';
import { formatSweepCsv, parseSweepCsv } from './csv';
import type { SweepResult } from './types';

const tResult: SweepResult = {
  measure: 't-visibility',
  title: 'demo',
  runs: 100,
  rows: [
    { t_ms: 0, runs: 98, p_consistent: 0.5, ci_low: 0.401, ci_high: 0.599, excluded: 2 },
    { t_ms: 0.25, runs: 100, p_consistent: 2 / 3, ci_low: 0.1 + 0.2, ci_high: 1, excluded: 0 },
  ],
};

describe('sweep CSV', () => {
  it('starts with the contract columns, then the interval and the runs left out', () => {
    const csv = formatSweepCsv(tResult);
    expect(csv.split('\n')[0]).toBe('t_ms,runs,p_consistent,ci_low,ci_high,excluded');
    expect(csv).toBe(
      't_ms,runs,p_consistent,ci_low,ci_high,excluded\n0,98,0.5,0.401,0.599,2\n0.25,100,0.666667,0.3,1,0\n',
    );
  });

  it('writes k-staleness with the k header', () => {
    const csv = formatSweepCsv({
      measure: 'k-staleness',
      title: '',
      runs: 10,
      rows: [{ k: 1, runs: 10, p_within_k: 0.7, ci_low: 0.39, ci_high: 0.89, excluded: 0 }],
    });
    expect(csv).toBe('k,runs,p_within_k,ci_low,ci_high,excluded\n1,10,0.7,0.39,0.89,0\n');
  });

  it('reads back what it writes', () => {
    const back = parseSweepCsv(formatSweepCsv(tResult), 'demo');
    expect(back.measure).toBe('t-visibility');
    expect(back.runs).toBe(100);
    expect(back.rows[1]).toEqual({
      t_ms: 0.25,
      runs: 100,
      p_consistent: 0.666667,
      ci_low: 0.3,
      ci_high: 1,
      excluded: 0,
    });
  });

  it('accepts a file with only the three contract columns', () => {
    const r = parseSweepCsv('k,runs,p_within_k\r\n1,50,0.5\r\n2,50,0.75\r\n');
    expect(r.measure).toBe('k-staleness');
    expect(r.rows).toEqual([
      { k: 1, runs: 50, p_within_k: 0.5, ci_low: 0, ci_high: 1, excluded: 0 },
      { k: 2, runs: 50, p_within_k: 0.75, ci_low: 0, ci_high: 1, excluded: 0 },
    ]);
  });

  it('names the line of bad input', () => {
    expect(() => parseSweepCsv('')).toThrow('sweep CSV is empty');
    expect(() => parseSweepCsv('x,y,z\n')).toThrow(/line 1: expected a header/);
    expect(() => parseSweepCsv('k,runs,p_within_k\n1,10,1.5\n')).toThrow(
      'line 2: probability 1.5 is outside [0, 1]',
    );
    expect(() => parseSweepCsv('k,runs,p_within_k\n1,ten,0.5\n')).toThrow(
      'line 2: runs "ten" is not a number',
    );
    expect(() => parseSweepCsv('k,runs,p_within_k\n\n1,10\n')).toThrow('line 3: 2 cells, the header has 3');
  });
});

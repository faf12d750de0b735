import { describe, expect, it } from 'vitest';
import { benchStepping, syntheticTrace } from './stepBench';

describe('stepping benchmark', () => {
  it('builds a trace of the requested size with items, messages and anomalies', () => {
    const t = syntheticTrace(5_000);
    expect(t.length).toBeGreaterThan(4_900);
    expect(t.line(0)).toBe(12);
    expect(t.anomalies.length).toBeGreaterThan(0);
  });

  it('reports a p99 for every operation and position (small trace: the numbers only matter in npm run bench)', async () => {
    const r = await benchStepping(20_000, 20);
    for (const op of ['step', 'stepBack', 'reverseContinue'])
      for (const at of ['start', 'middle', 'end'])
        expect(r[`stepping.${op}.${at}.p99Ms`]).toBeGreaterThanOrEqual(0);
  });
});

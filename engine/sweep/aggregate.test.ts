import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate, wilson } from './aggregate';
import type { RunOutcome } from './types';

describe('aggregate', () => {
  it('gives a Wilson interval that contains p and stays inside [0, 1]', () => {
    const [lo, hi] = wilson(0, 20);
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(0.1611, 3);
    const [lo2, hi2] = wilson(50, 100);
    expect(lo2).toBeCloseTo(0.4038, 3);
    expect(hi2).toBeCloseTo(0.5962, 3);
  });

  it('counts a point per t, leaving out runs without a value', () => {
    const outcomes: RunOutcome[] = [
      { run: 0, seed: 1, values: [0, 1] },
      { run: 1, seed: 2, values: [1, 1] },
      { run: 2, seed: 3, values: [null, null], reason: 'write failed: timeout' },
    ];
    const r = aggregate({ measure: 't-visibility', write: 'w', read: 'r', t: [0, 5] }, outcomes, 'demo');
    expect(r.runs).toBe(3);
    expect(r.rows.map((x) => ('t_ms' in x ? [x.t_ms, x.runs, x.p_consistent, x.excluded] : []))).toEqual([
      [0, 2, 0.5, 1],
      [5, 2, 1, 1],
    ]);
  });

  it('counts a read within k when fewer than k newer versions exist', () => {
    const outcomes: RunOutcome[] = [0, 1, 2, Number.POSITIVE_INFINITY].map((v, run) => ({
      run,
      seed: run,
      values: [v],
    }));
    const r = aggregate({ measure: 'k-staleness', read: 'r', k: [1, 2, 3, 4] }, outcomes, '');
    expect(r.rows.map((x) => ('k' in x ? x.p_within_k : -1))).toEqual([0.25, 0.5, 0.75, 0.75]);
  });

  it('does not depend on the order outcomes arrive in (any worker count)', () => {
    const outcome = fc.record({ a: fc.constantFrom(0, 1, null), b: fc.constantFrom(0, 1, null) });
    fc.assert(
      fc.property(fc.array(outcome, { minLength: 1, maxLength: 30 }), fc.integer(), (rows, salt) => {
        const outcomes: RunOutcome[] = rows.map((x, run) => ({ run, seed: run, values: [x.a, x.b] }));
        const shuffled = [...outcomes].sort(
          (p, q) => ((p.run * 7919 + salt) % 31) - ((q.run * 7919 + salt) % 31),
        );
        const plan = { measure: 't-visibility', write: 'w', read: 'r', t: [0, 1] } as const;
        expect(aggregate(plan, shuffled, 't')).toEqual(aggregate(plan, outcomes, 't'));
      }),
    );
  });
});

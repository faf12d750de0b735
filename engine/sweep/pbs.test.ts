import { describe, expect, it } from 'vitest';
import { binomial, pbsWithinK, pMissOne } from './pbs';

describe('PBS closed forms', () => {
  it('computes binomial coefficients, zero outside 0..n', () => {
    expect([binomial(5, 0), binomial(5, 2), binomial(5, 5), binomial(10, 3)]).toEqual([1, 10, 1, 120]);
    expect(binomial(3, 4)).toBe(0);
  });

  it('gives the chance a read quorum misses a write quorum, zero once w + r > n', () => {
    expect(pMissOne(3, 1, 1)).toBeCloseTo(2 / 3);
    expect(pMissOne(5, 2, 2)).toBeCloseTo(0.3);
    expect(pMissOne(3, 2, 2)).toBe(0);
  });

  it('raises the miss probability to the k-th power for k-staleness', () => {
    expect(pbsWithinK(3, 1, 1, 1)).toBeCloseTo(1 / 3);
    expect(pbsWithinK(3, 1, 1, 2)).toBeCloseTo(1 - 4 / 9);
    expect(pbsWithinK(5, 2, 2, 3)).toBeCloseTo(1 - 0.027);
  });
});

import { describe, expect, it } from 'vitest';
import type { Distribution } from '../scenario/model';
import { describe as describeDist, mean, sample } from './distributions';
import { RandomStream } from './random';

function sampleMean(d: Distribution, n = 200_000): number {
  const rng = new RandomStream(42, 'test');
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sample(d, rng);
  return sum / n;
}

function median(d: Distribution, n = 100_001): number {
  const rng = new RandomStream(7, 'median');
  const xs = Array.from({ length: n }, () => sample(d, rng)).sort((a, b) => a - b);
  return xs[(n - 1) / 2]!;
}

describe('latency distributions', () => {
  const cases: [string, Distribution][] = [
    ['fixed', { kind: 'fixed', ms: 5 }],
    ['uniform', { kind: 'uniform', min: 2, max: 20 }],
    ['exponential', { kind: 'exponential', mean: 10 }],
    ['pareto', { kind: 'pareto', min: 1, alpha: 3 }],
    ['lognormal', { kind: 'lognormal', median: 5, sigma: 0.5 }],
    [
      'mixture',
      {
        kind: 'mixture',
        parts: [
          { weight: 0.9, of: { kind: 'fixed', ms: 1 } },
          { weight: 0.1, of: { kind: 'exponential', mean: 50 } },
        ],
      },
    ],
  ];
  for (const [name, d] of cases) {
    it(`samples ${name} with a mean within 2% of ${describeDist(d)}'s`, () => {
      expect(Math.abs(sampleMean(d) - mean(d)) / mean(d)).toBeLessThan(0.02);
    });
  }

  it('samples lognormal around its median', () => {
    expect(Math.abs(median({ kind: 'lognormal', median: 5, sigma: 0.5 }) - 5)).toBeLessThan(0.1);
  });

  it('never samples below the minimum of uniform and pareto', () => {
    const rng = new RandomStream(1, 'min');
    for (let i = 0; i < 10_000; i++) {
      expect(sample({ kind: 'uniform', min: 2, max: 3 }, rng)).toBeGreaterThanOrEqual(2);
      expect(sample({ kind: 'pareto', min: 1, alpha: 1.5 }, rng)).toBeGreaterThanOrEqual(1);
    }
  });

  it('gives independent, reproducible streams per name', () => {
    const a1 = new RandomStream(1, 'a');
    const a2 = new RandomStream(1, 'a');
    const b = new RandomStream(1, 'b');
    const xs = [a1.next(), a1.next()];
    expect([a2.next(), a2.next()]).toEqual(xs);
    expect(b.next()).not.toBe(xs[0]);
  });
});

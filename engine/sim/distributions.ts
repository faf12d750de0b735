// Sampling the latency distributions of the scenario format. All results are in milliseconds and
// never negative.

import type { Distribution } from '../scenario/model';
import type { RandomStream } from './random';

/** A standard normal draw (Box-Muller; one of the pair is discarded to keep draws independent). */
function normal(rng: RandomStream): number {
  let u = 0;
  while (u === 0) u = rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export function sample(d: Distribution, rng: RandomStream): number {
  switch (d.kind) {
    case 'fixed':
      return d.ms;
    case 'uniform':
      return d.min + (d.max - d.min) * rng.next();
    case 'exponential':
      return -d.mean * Math.log(1 - rng.next());
    case 'pareto':
      return d.min / (1 - rng.next()) ** (1 / d.alpha);
    case 'lognormal':
      return d.median * Math.exp(d.sigma * normal(rng));
    case 'mixture': {
      let total = 0;
      for (const p of d.parts) total += p.weight;
      let pick = rng.next() * total;
      for (const p of d.parts) {
        pick -= p.weight;
        if (pick < 0) return sample(p.of, rng);
      }
      return sample(d.parts[d.parts.length - 1]!.of, rng);
    }
  }
}

/** The distribution's mean, where it has one (Pareto with alpha <= 1 has none: Infinity). */
export function mean(d: Distribution): number {
  switch (d.kind) {
    case 'fixed':
      return d.ms;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'exponential':
      return d.mean;
    case 'pareto':
      return d.alpha <= 1 ? Number.POSITIVE_INFINITY : (d.alpha * d.min) / (d.alpha - 1);
    case 'lognormal':
      return d.median * Math.exp((d.sigma * d.sigma) / 2);
    case 'mixture': {
      let total = 0;
      let sum = 0;
      for (const p of d.parts) {
        total += p.weight;
        sum += p.weight * mean(p.of);
      }
      return sum / total;
    }
  }
}

/** Reads the way a user writes it: `5ms`, `2ms..20ms`, `exp(10ms)`, ... */
export function describe(d: Distribution): string {
  switch (d.kind) {
    case 'fixed':
      return `${d.ms}ms`;
    case 'uniform':
      return `${d.min}ms..${d.max}ms`;
    case 'exponential':
      return `exponential(mean ${d.mean}ms)`;
    case 'pareto':
      return `pareto(min ${d.min}ms, alpha ${d.alpha})`;
    case 'lognormal':
      return `lognormal(median ${d.median}ms, sigma ${d.sigma})`;
    case 'mixture':
      return `mixture(${d.parts.map((p) => `${p.weight}: ${describe(p.of)}`).join(', ')})`;
  }
}

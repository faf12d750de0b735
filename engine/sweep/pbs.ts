// The closed forms of Bailis et al., "Probabilistically Bounded Staleness for Practical Partial
// Quorums" (VLDB 2012), to check sweeps against.

/** C(n, k), exact for the small n of replica counts. */
export function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let c = 1;
  for (let i = 1; i <= Math.min(k, n - k); i++) c = (c * (n - i + 1)) / i;
  return Math.round(c);
}

/**
 * P(a read of r replicas out of n misses a write that reached exactly w of them, chosen
 * uniformly): C(n-w, r) / C(n, r). Zero when w + r > n (the quorums always overlap).
 */
export function pMissOne(n: number, w: number, r: number): number {
  return binomial(n - w, r) / binomial(n, r);
}

/**
 * PBS k-staleness: P(the read returns one of the last k versions) when each of those writes
 * reached an independent, uniformly chosen set of exactly w replicas and nothing propagates
 * further: 1 - (C(n-w, r) / C(n, r))^k.
 */
export function pbsWithinK(n: number, w: number, r: number, k: number): number {
  return 1 - pMissOne(n, w, r) ** k;
}

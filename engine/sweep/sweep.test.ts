import { describe, expect, it } from 'vitest';
import { binomial, pbsWithinK, pMissOne } from './pbs';
import { SweepError } from './retime';
import { runSweep } from './runner';
import { parsed, pbsScenario } from './testScenarios';
import type { KStalenessRow } from './types';

/** The observed proportion lies within 4.5 standard errors of p (a false alarm ~ 1 in 150,000). */
function expectNear(observed: number, p: number, runs: number) {
  const tolerance = 4.5 * Math.sqrt((p * (1 - p)) / runs) + 1e-9;
  expect(Math.abs(observed - p), `observed ${observed}, closed form ${p}`).toBeLessThanOrEqual(tolerance);
}

async function kStaleness(n: number, w: number, r: number, quorums: number[][], k: number[], runs: number) {
  const { result } = await runSweep(
    pbsScenario(n, w, r, quorums),
    { measure: 'k-staleness', read: 'the-read', k },
    { runs, workers: 1 },
  );
  return result.rows as KStalenessRow[];
}

describe('k-staleness sweep against the PBS closed form', () => {
  const runs = 1500;
  for (const [n, w, r] of [
    [3, 1, 1],
    [5, 2, 2],
    [5, 1, 2],
    [6, 2, 1],
  ] as const) {
    it(`matches 1 - C(n-w,r)/C(n,r) for n=${n} w=${w} r=${r}`, async () => {
      const quorum = Array.from({ length: w }, (_, i) => i);
      const [row] = await kStaleness(n, w, r, [quorum], [1], runs);
      expect(row!.runs).toBe(runs);
      expect(row!.excluded).toBe(0);
      expectNear(row!.p_within_k, 1 - pMissOne(n, w, r), runs);
    });
  }

  it('reads the version everyone has once k reaches it, and never fewer', async () => {
    // Three writes on the same quorum {n1, n2}: a read that misses it is 3 versions behind.
    const rows = await kStaleness(
      5,
      2,
      2,
      [
        [0, 1],
        [0, 1],
        [0, 1],
      ],
      [1, 2, 3, 4],
      600,
    );
    const p = rows.map((x) => x.p_within_k);
    expect(p[0]).toBe(p[1]);
    expect(p[1]).toBe(p[2]);
    expect(p[3]).toBe(1);
    expectNear(p[0]!, 0.7, 600);
  });

  it('follows the union of the last k write quorums', async () => {
    // n=6, r=1, three writes on disjoint pairs: within k iff the one reply comes from the last k pairs.
    const rows = await kStaleness(
      6,
      2,
      1,
      [
        [0, 1],
        [2, 3],
        [4, 5],
      ],
      [1, 2, 3],
      1500,
    );
    rows.forEach((row, i) => {
      const union = 2 * (i + 1);
      expectNear(row.p_within_k, 1 - binomial(6 - union, 1) / binomial(6, 1), 1500);
    });
    expect(rows[2]!.p_within_k).toBe(1);
  });
});

/**
 * The PBS setting itself: `writeFanout: quorum` puts each of `writes` writes on its own random set
 * of w homes, nothing propagates further, and the read takes the first r of n replies.
 */
function randomQuorumScenario(n: number, w: number, r: number, writes: number) {
  const nodes = Array.from({ length: n }, (_, i) => `n${i + 1}`);
  const events = Array.from(
    { length: writes },
    (_, i) => `  - { at: ${20 * i}ms, client: writer, write: { key: x, value: v${i + 1} }, id: v${i + 1} }`,
  );
  return parsed(`scenario: PBS random quorums n=${n} w=${w} r=${r}
cluster:
  replication: leaderless
  nodes: [${nodes.join(', ')}]
  n: ${n}
  w: ${w}
  r: ${r}
  coordinator: client
  placement: all
  writeFanout: quorum
  readRepair: false
  antiEntropy: false
network:
  latency: 1ms..5ms
clients:
  writer: {}
  reader: {}
events:
${events.join('\n')}
  - { at: ${20 * writes + 20}ms, client: reader, read: x, id: the-read }
`);
}

describe('k-staleness sweep with writes on independent random quorums', () => {
  const runs = 1500;
  for (const [n, w, r, k] of [
    [3, 1, 1, 3],
    [5, 2, 2, 4],
    [5, 1, 2, 3],
    [6, 2, 1, 3],
    [7, 2, 3, 3],
  ] as const) {
    it(`matches 1 - (C(n-w,r)/C(n,r))^k for n=${n} w=${w} r=${r}, k=1..${k}`, async () => {
      const ks = Array.from({ length: k }, (_, i) => i + 1);
      const { result } = await runSweep(
        randomQuorumScenario(n, w, r, k),
        { measure: 'k-staleness', read: 'the-read', k: ks },
        { runs, workers: 1 },
      );
      const rows = result.rows as KStalenessRow[];
      expect(rows.map((row) => [row.k, row.runs, row.excluded])).toEqual(ks.map((x) => [x, runs, 0]));
      rows.forEach((row) => {
        expectNear(row.p_within_k, pbsWithinK(n, w, r, row.k), runs);
      });
    }, 60_000);
  }

  it('reproduces the closed form with the pbs-k-staleness example', async () => {
    const { readFileSync } = await import('node:fs');
    const scenario = parsed(readFileSync('examples/leaderless/pbs-k-staleness.scenario.yaml', 'utf8'));
    const { result } = await runSweep(
      scenario,
      { measure: 'k-staleness', read: 'the-read', k: [1, 2, 3, 4] },
      { runs, workers: 1 },
    );
    for (const row of result.rows as KStalenessRow[])
      expectNear(row.p_within_k, pbsWithinK(5, 2, 2, row.k), runs);
  }, 60_000);
});

describe('t-visibility sweep', () => {
  it('rises with t and reaches 1 once propagation has completed', async () => {
    const { parsed } = await import('./testScenarios');
    const { readFileSync } = await import('node:fs');
    const file = 'examples/leaderless/pbs-t-visibility.scenario.yaml';
    const scenario = parsed(readFileSync(file, 'utf8'));
    const t = [0, 2, 5, 10, 20, 40, 500];
    const { result } = await runSweep(
      scenario,
      { measure: 't-visibility', write: 'new-write', read: 'the-read', t },
      { runs: 400, workers: 1 },
    );
    const p = result.rows.map((r) => ('p_consistent' in r ? r.p_consistent : Number.NaN));
    for (let i = 1; i < p.length; i++) expect(p[i]).toBeGreaterThanOrEqual(p[i - 1]! - 0.03);
    // At t=0 the acknowledging replica has the write and the others are still applying it.
    expect(p[0]).toBeGreaterThan(1 / 3 - 0.06);
    expect(p[0]).toBeLessThan(0.8);
    expect(p[6]).toBe(1);
    expect(result.rows.every((r) => r.runs === 400 && r.excluded === 0)).toBe(true);
  });

  it('is the same for the same seeds', async () => {
    const scenario = pbsScenario(3, 1, 1, [[0]]);
    const plan = { measure: 'k-staleness', read: 'the-read', k: [1, 2] } as const;
    const a = await runSweep(scenario, plan, { runs: 50, workers: 1 });
    const b = await runSweep(scenario, plan, { runs: 50, workers: 1 });
    expect(b).toEqual(a);
  });

  it('rejects unknown op ids and ops of the wrong kind with clear messages', async () => {
    const scenario = pbsScenario(3, 1, 1, [[0]]);
    const sweep = (write: string, read: string) =>
      runSweep(scenario, { measure: 't-visibility', write, read, t: [0] }, { runs: 1, workers: 1 });
    await expect(sweep('nope', 'the-read')).rejects.toThrow(
      '--write: the scenario has no client operation with id "nope" (ids: v0, v1, the-read)',
    );
    await expect(sweep('the-read', 'the-read')).rejects.toThrow('--write: "the-read" (line');
    await expect(sweep('v1', 'v0')).rejects.toThrow(/--read: "v0" \(line \d+\) is a write, not a read/);
    await expect(sweep('v1', 'v0')).rejects.toBeInstanceOf(SweepError);
  });
});

describe('t-visibility sweep against the WARS model', () => {
  it('matches a direct WARS sampling of the example’s latencies', async () => {
    const { parsed } = await import('./testScenarios');
    const { readFileSync } = await import('node:fs');
    const { warsTVisibility } = await import('./wars');
    const scenario = parsed(readFileSync('examples/leaderless/pbs-t-visibility.scenario.yaml', 'utf8'));
    const t = [0, 3, 10, 25];
    const runs = 600;
    const { result } = await runSweep(
      scenario,
      { measure: 't-visibility', write: 'new-write', read: 'the-read', t },
      { runs, workers: 1 },
    );
    const net = scenario.network.latency;
    const apply = scenario.storage.default!;
    const { n, w, r } = scenario.cluster as { n: number; w: number; r: number };
    const model = warsTVisibility({ n, w, r, W: net, apply, A: net, R: net, S: net }, t, 40_000);
    result.rows.forEach((row, i) => {
      if (!('p_consistent' in row)) throw new Error('expected t-visibility rows');
      expectNear(row.p_consistent, model[i]!, runs);
    });
  }, 60_000);
});

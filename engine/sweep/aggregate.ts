// From per-run outcomes to the rows of a sweep. Outcomes are folded in run order, so the result
// depends only on the seeds, never on how runs were spread over workers.

import type { KStalenessRow, RunOutcome, SweepPlan, SweepResult, TVisibilityRow } from './types';

/** Wilson score interval at 95%: sensible at p near 0 or 1, unlike the normal approximation. */
export function wilson(successes: number, n: number, z = 1.959963984540054): [number, number] {
  if (n === 0) return [0, 1];
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

export function aggregate(plan: SweepPlan, outcomes: readonly RunOutcome[], title: string): SweepResult {
  const sorted = [...outcomes].sort((a, b) => a.run - b.run);
  const runs = sorted.length;
  if (plan.measure === 't-visibility') {
    const rows: TVisibilityRow[] = plan.t.map((t, i) => {
      let n = 0;
      let yes = 0;
      for (const o of sorted) {
        const v = o.values[i];
        if (v === null || v === undefined) continue;
        n++;
        yes += v;
      }
      const [lo, hi] = wilson(yes, n);
      return {
        t_ms: t,
        runs: n,
        p_consistent: n === 0 ? 0 : yes / n,
        ci_low: lo,
        ci_high: hi,
        excluded: runs - n,
      };
    });
    return { measure: 't-visibility', rows, runs, title };
  }
  const rows: KStalenessRow[] = plan.k.map((k) => {
    let n = 0;
    let yes = 0;
    for (const o of sorted) {
      const v = o.values[0];
      if (v === null || v === undefined) continue;
      n++;
      if (v < k) yes++;
    }
    const [lo, hi] = wilson(yes, n);
    return { k, runs: n, p_within_k: n === 0 ? 0 : yes / n, ci_low: lo, ci_high: hi, excluded: runs - n };
  });
  return { measure: 'k-staleness', rows, runs, title };
}

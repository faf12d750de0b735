import { it } from 'vitest';
import { benchScenario } from '../../scripts/bench/benchScenario';
import { Simulation } from '../sim/simulate';
import { findCausalityViolations } from './causalityViolation';
import { findConflicts } from './conflict';
import { findConsistentPrefixViolations } from './consistentPrefix';
import { findDivergence } from './divergence';
import { evaluateExpectations } from './expectations';
import { findAnomalies } from './findAnomalies';
import { History } from './history';
import { findLostWrites } from './lostWrite';
import { findMonotonicReadViolations } from './monotonicReads';
import { findSplitBrain } from './splitBrain';
import { findStaleReads } from './staleReads';

it('bench', () => {
  const { scenario, family } = benchScenario(50_000);
  const r = new Simulation(scenario, family, {}).run();
  const t = r.trace;
  let p = performance.now();
  const h = new History(t, scenario);
  const lap = (name: string) => {
    const q = performance.now();
    console.log(name, (q - p).toFixed(0));
    p = q;
  };
  lap('history');
  for (const [name, f] of Object.entries({
    findStaleReads,
    findMonotonicReadViolations,
    findConsistentPrefixViolations,
    findLostWrites,
    findDivergence,
    findConflicts,
    findSplitBrain,
    findCausalityViolations,
  })) {
    f(h);
    lap(name);
  }
  const t0 = performance.now();
  const a = findAnomalies(t, scenario);
  const t1 = performance.now();
  evaluateExpectations({ ...scenario, expect: [{ kind: 'converged', line: 1, text: '' }] }, t, a);
  const t2 = performance.now();
  const kinds = new Map<string, number>();
  for (const x of a) kinds.set(x.kind, (kinds.get(x.kind) ?? 0) + 1);
  console.log(
    `events ${t.length} stop ${t.stats.stopReason} findAnomalies ${(t1 - t0).toFixed(0)}ms expect ${(t2 - t1).toFixed(0)}ms`,
    [...kinds],
  );
  for (const k of kinds.keys()) console.log(a.find((x) => x.kind === k)!.explain);
}, 900_000);

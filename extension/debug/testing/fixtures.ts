// A scenario text whose items sit on the lines the sample trace names, and an engine that "runs" it
// by returning the sample trace: for exercising the debugger without the simulator.

import { sampleTrace } from '../../../traces/sample';
import type { EngineOutcome, RunEngine } from '../runtime';

export const SAMPLE_FILE = '/work/sample.scenario.yaml';

export const SAMPLE_TEXT = `scenario: Sample
cluster:
  replication: single-leader
  nodes: [leader, f1, f2]
clients:
  alice: { node: leader }
  bob: { node: f2 }
# items start below; this comment block
# keeps them on the lines the sample
# trace records
events:
  - { at: 1ms, client: alice, write: { key: x, value: 1 } }
  - { at: 14ms, client: bob, read: x }
  - at: 30ms
    crash: f1
expect:
  - converged
`;

/** Returns the sample trace for any text; `diagnostics` makes it fail like an invalid scenario. */
export function sampleEngine(diagnostics: EngineOutcome['diagnostics'] = []): RunEngine {
  return () => {
    if (diagnostics.length) return { diagnostics };
    return { diagnostics: [], run: { trace: sampleTrace(), stopReason: 'quiet' } };
  };
}

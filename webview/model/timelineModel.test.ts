import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenarioText } from '../../engine/run';
import { readTraceJson, traceToJson } from '../../traces/io';
import type { Trace } from '../../traces/store';
import { toTransferParts } from '../../traces/transfer';
import { syntheticTrace } from '../testing/syntheticTrace';
import { DEFAULT_FILTERS, Layout } from './layout';
import { loadShown } from './loadTrace';
import { NONE, TimelineModel } from './timelineModel';

function engineRun(path: string): Trace {
  const out = runScenarioText(readFileSync(`examples/${path}`, 'utf8'), path);
  if (!out.result) throw new Error(`${path} did not run`);
  return out.result.trace;
}

/** Everything the canvas draws from the model, for one trace. */
function drawn(m: TimelineModel) {
  const n = m.length;
  return {
    partner: Array.from(m.partner.subarray(0, n)),
    typeOf: Array.from(m.typeOf.subarray(0, n)),
    marks: Array.from(m.marks.subarray(0, n)),
    facts: Array.from(m.facts.subarray(0, n)),
    types: m.types,
    typeCount: m.typeCount,
    periodic: [...m.periodicTypes],
    crashes: m.crashes,
    network: m.network,
    skews: m.skews,
    anomalyEvents: m.anomalyEvents,
    monotonic: m.monotonic,
  };
}

describe('the timeline model of a trace shown from its head', () => {
  const traces: [string, () => Trace][] = [
    ['an engine run', () => engineRun('leaderless/sibling-explosion-version-vectors.scenario.yaml')],
    ['a failover run', () => engineRun('single-leader/failover-lost-writes.scenario.yaml')],
    ['a synthetic trace with every fault', () => syntheticTrace({ events: 3000 })],
    [
      'a trace read from a file (generic details)',
      () => readTraceJson(traceToJson(engineRun('multi-leader/circular-crash.scenario.yaml'))),
    ],
  ];

  it.each(traces)('draws what the whole trace draws (%s); only the keys wait', (_, make) => {
    const whole = make();
    const full = new TimelineModel(whole);
    const { head } = toTransferParts(whole);
    const shown = loadShown({ transfer: structuredClone(head) });
    expect(shown.head).toBeDefined();
    const early = new TimelineModel(shown.trace, { outline: shown.head!.outline, keys: false });
    expect(drawn(early)).toEqual(drawn(full));
    expect(early.keysKnown).toBe(false);
    expect(early.keys).toEqual([]);
    expect(full.keys.length).toBeGreaterThan(0);
    // The same layout: positions, visibility, lanes.
    const a = new Layout(full, 'time', DEFAULT_FILTERS);
    const b = new Layout(early, 'time', DEFAULT_FILTERS);
    expect(Array.from(b.vis.subarray(0, whole.length))).toEqual(Array.from(a.vis.subarray(0, whole.length)));
    expect(Array.from(b.pos.subarray(0, whole.length))).toEqual(Array.from(a.pos.subarray(0, whole.length)));
    expect(b.lanes).toEqual(a.lanes);
  });

  it('marks failed responses and the sibling counts the marks show', () => {
    const whole = engineRun('leaderless/sibling-explosion-version-vectors.scenario.yaml');
    const m = new TimelineModel(whole);
    let conflicts = 0;
    for (let e = 0; e < whole.length; e++) {
      const d = whole.detail(e);
      if (whole.kind(e) === 'response') expect(m.failed(e)).toBe(d?.result?.ok === false);
      if (m.marks[e] === 1) {
        conflicts++;
        expect(m.markCount(e)).toBe(d!.after!.length);
      }
    }
    expect(conflicts).toBeGreaterThan(0);
    expect(m.partner.subarray(0, whole.length).some((p) => p !== NONE)).toBe(true);
  });
});

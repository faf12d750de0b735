// Invariants of time travel: whatever breakpoints are set, reverse-continue visits exactly the stops
// continue visits, in reverse; next then stepBack returns where it was; indexes agree with a scan.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticTrace } from './bench/stepBench';
import { EventList } from './runIndex';
import { ReplicationRuntime, type RunEngine } from './runtime';

const trace = syntheticTrace(3_000);
const engine: RunEngine = () => ({ diagnostics: [], run: { trace, stopReason: 'quiet' } });
const text = `scenario: x\n${'#\n'.repeat(9)}events:\n${Array.from({ length: 20 }, (_, i) => `  - { at: ${i}ms, client: c1, read: k }`).join('\n')}\n`;

async function runtime(): Promise<ReplicationRuntime> {
  const rt = new ReplicationRuntime(engine, '/x.scenario.yaml', text);
  await rt.start();
  return rt;
}

const breakpoints = fc.record({
  lines: fc.subarray([12, 13, 15, 20, 31]),
  types: fc.subarray(['Replicate', 'Ack', 'MerkleSummary', 'ClientPutOk']),
  hit: fc.option(fc.constantFrom('3', '>5', '%4', '<=2'), { nil: undefined }),
  condition: fc.option(fc.constantFrom('len(inflight) > 1', 'n1.k0.exists', 'event.to == "n2"'), {
    nil: undefined,
  }),
  filters: fc.subarray(['stale-read', 'crash']),
  data: fc.subarray(['n1/k0', 'n3/k2', 'n2/merkle']),
});

describe('stepping invariants', () => {
  it('reverse-continue stops exactly where continue stops, in reverse order', async () => {
    const rt = await runtime();
    await fc.assert(
      fc.asyncProperty(breakpoints, async (b) => {
        rt.setLineBreakpoints(b.lines.map((line) => ({ line })));
        rt.setFunctionBreakpoints(
          b.types.map((name) => ({
            name,
            ...(b.hit ? { hitCondition: b.hit } : {}),
            ...(b.condition ? { condition: b.condition } : {}),
          })),
        );
        rt.setExceptionFilters(b.filters.map((filterId) => ({ filterId })));
        rt.setDataBreakpoints(b.data.map((dataId) => ({ dataId })));
        const forwards: number[] = [];
        rt.goto(-1);
        for (let s = rt.continue(); s.reason !== 'pause'; s = rt.continue()) forwards.push(s.event);
        const backwards: number[] = [];
        rt.goto(rt.length - 1);
        for (let s = rt.reverseContinue(); s.reason !== 'entry'; s = rt.reverseContinue())
          backwards.push(s.event);
        // The last event may itself be a stop: continue reports it as the end, reverse from it skips it.
        expect(backwards.reverse()).toEqual(forwards.filter((e) => e !== rt.length - 1));
        expect([...forwards].sort((x, y) => x - y)).toEqual(forwards);
      }),
      { numRuns: 40 },
    );
  });

  it('next then stepBack returns to the same event', async () => {
    const rt = await runtime();
    fc.assert(
      fc.property(fc.integer({ min: -1, max: trace.length - 2 }), (e) => {
        rt.goto(e);
        expect(rt.next().event).toBe(e + 1);
        expect(rt.stepBack().event).toBe(e);
      }),
    );
  });

  it('EventList lookups agree with a linear scan', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 200 })),
        fc.integer({ min: -2, max: 202 }),
        (raw, e) => {
          const ids = [...raw].sort((a, b) => a - b);
          const list = new EventList(ids);
          expect(list.after(e)).toBe(ids.find((x) => x > e));
          expect(list.before(e)).toBe([...ids].reverse().find((x) => x < e));
          expect(list.rank(e)).toBe(ids.filter((x) => x <= e).length);
        },
      ),
    );
  });
});

// Property: a history that is linearizable by construction (one replica applies every op
// atomically at a point inside its request/response interval) never yields an anomaly, however
// the clients' operations overlap.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Sibling } from '../../traces/types';
import { findAnomalies } from './findAnomalies';
import { fixture, type OpHandle, TraceBuilder } from './traceFixture';

interface Planned {
  client: number;
  kind: 'write' | 'delete' | 'read';
  key: string;
  pause: number;
  duration: number;
  point: number;
}

const plan = fc.array(
  fc.record({
    client: fc.integer({ min: 0, max: 2 }),
    kind: fc.constantFrom(
      'write' as const,
      'write' as const,
      'read' as const,
      'read' as const,
      'delete' as const,
    ),
    key: fc.constantFrom('a', 'b'),
    pause: fc.integer({ min: 0, max: 6 }),
    duration: fc.integer({ min: 1, max: 12 }),
    point: fc.double({ min: 0.01, max: 0.99, noNaN: true }),
  }),
  { minLength: 1, maxLength: 30 },
);

type Step = { at: number; order: number; run: () => void };

function build(ops: Planned[]): TraceBuilder {
  const clients = ['c0', 'c1', 'c2'];
  const b = new TraceBuilder(['n1'], clients);
  const free = [0, 0, 0];
  const steps: Step[] = [];
  let value = 0;
  ops.forEach((o, i) => {
    const start = free[o.client]! + o.pause;
    const end = start + o.duration;
    free[o.client] = end + 0.5;
    const at = start + o.point * o.duration;
    const client = clients[o.client]!;
    const v = ++value;
    let handle: OpHandle | undefined;
    let served = -1;
    let values: Sibling[] = [];
    steps.push({
      at: start,
      order: i * 3,
      run: () => {
        handle = b.request(start, client, o.kind, o.key, o.kind === 'write' ? v : undefined);
      },
    });
    steps.push({
      at,
      order: i * 3 + 1,
      run: () => {
        const h = handle!;
        if (o.kind === 'read') {
          values = b.holds('n1', o.key).filter((s) => !s.tombstone);
          served = b.trace.append(at, b.actor('n1'), 'note', h.request, undefined, { text: 'read' });
          return;
        }
        const sib: Sibling =
          o.kind === 'delete' ? { value: null, tombstone: true, op: h.key } : { value: v, op: h.key };
        served = b.store(at, 'n1', o.key, [sib], h.request);
      },
    });
    steps.push({
      at: end,
      order: i * 3 + 2,
      run: () =>
        void b.respond(
          end,
          handle!,
          o.kind === 'read' ? { ok: true, values, servedBy: 'n1' } : { ok: true, servedBy: 'n1' },
          served,
        ),
    });
  });
  steps.sort((x, y) => x.at - y.at || x.order - y.order);
  for (const s of steps) s.run();
  return b;
}

describe('a linearizable history', () => {
  it('yields no anomaly at all, with overlapping operations from several clients', () => {
    fc.assert(
      fc.property(plan, (ops) => {
        const b = build(ops);
        b.trace.stats.stopReason = 'quiet';
        const found = findAnomalies(b.trace, fixture(b.nodes, b.clients));
        expect(found.map((a) => a.explain)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

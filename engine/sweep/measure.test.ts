import { describe, expect, it } from 'vitest';
import type { OpInfo, OpResult, Sibling } from '../../traces/types';
import { RunMeasurer, stalenessOf } from './measure';
import { parsed } from './testScenarios';

/** An operation requested at trace event `request` and answered at `response`. */
function op(key: string, kind: 'write' | 'read', request: number, response: number, result: OpResult) {
  const info: OpInfo = { key, client: 'c', kind, dataKey: 'x' };
  return {
    op: info,
    request,
    requestTime: request,
    response,
    responseTime: response,
    result,
  };
}
const ok: OpResult = { ok: true };
const reads = (...values: Sibling[]): OpResult => ({ ok: true, values });

describe('staleness of a read', () => {
  it('counts the acknowledged versions newer than the newest one returned', () => {
    const a = op('a', 'write', 0, 1, ok);
    const b = op('b', 'write', 2, 3, ok);
    const c = op('c', 'write', 4, 5, ok);
    const read = op('r', 'read', 6, 9, reads({ value: 1, op: 'a' }));
    expect(stalenessOf(read, [a, b, c, read])).toBe(2);
    const latest = { ...read, result: reads({ value: 1, op: 'a' }, { value: 3, op: 'c' }) };
    expect(stalenessOf(latest, [a, b, c, latest])).toBe(0);
    const merged = { ...read, result: reads({ value: 2, op: 'x', ops: ['b'] }) };
    expect(stalenessOf(merged, [a, b, c, merged])).toBe(1);
  });

  it('is infinite when the read returns none of the writes, and undefined without any', () => {
    const a = op('a', 'write', 0, 1, ok);
    const read = op('r', 'read', 6, 9, reads());
    expect(stalenessOf(read, [a, read])).toBe(Number.POSITIVE_INFINITY);
    expect(stalenessOf(read, [read])).toBeNull();
  });

  it('ignores writes that failed or were acknowledged after the read started', () => {
    const a = op('a', 'write', 0, 1, ok);
    const failed = op('b', 'write', 2, 3, { ok: false, error: 'timeout' });
    const late = op('c', 'write', 4, 10, ok);
    const read = op('r', 'read', 6, 9, reads({ value: 1, op: 'a' }));
    expect(stalenessOf(read, [a, failed, read, late])).toBe(0);
  });
});

describe('measuring one run', () => {
  const scenario = parsed(`scenario: one replica
seed: 3
cluster: { replication: leaderless, nodes: [n1], n: 1, w: 1, r: 1, coordinator: client }
network: { latency: 1ms }
storage: { default: { write: 4ms } }
clients: { alice: {}, bob: {} }
events:
  - { at: 0ms, client: alice, write: { key: x, value: 1 }, id: w }
  - { at: 1ms, client: bob, read: x, id: r }
`);

  it('re-times the read after the acknowledgement, with seed = scenario seed + run', () => {
    // The write is acknowledged at 1 + 4 + 1 = 6ms; the replica has it from 5ms on, so a read
    // sent at 6ms + t arrives at 7ms + t and always sees it.
    const m = new RunMeasurer(scenario, { measure: 't-visibility', write: 'w', read: 'r', t: [0, 3] });
    expect(m.measure(4)).toEqual({ run: 4, seed: 7, values: [1, 1] });
  });

  it('leaves a run out when the write fails, saying why', () => {
    const down = parsed(`scenario: replica down
cluster: { replication: leaderless, nodes: [n1], n: 1, w: 1, r: 1, coordinator: client }
clients: { alice: { timeout: 50ms }, bob: {} }
events:
  - { at: 0ms, crash: n1 }
  - { at: 1ms, client: alice, write: { key: x, value: 1 }, id: w }
  - { at: 2ms, client: bob, read: x, id: r }
`);
    const m = new RunMeasurer(down, { measure: 't-visibility', write: 'w', read: 'r', t: [0] });
    const outcome = m.measure(0);
    expect(outcome.values).toEqual([null]);
    expect(outcome.reason).toMatch(/^write failed: /);
  });
});

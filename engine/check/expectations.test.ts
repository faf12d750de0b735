import { describe, expect, it } from 'vitest';
import type { Expectation, ShardSpec } from '../scenario/model';
import { evaluateExpectations } from './expectations';
import { findAnomalies } from './findAnomalies';
import { fixture, TraceBuilder } from './traceFixture';

function run(b: TraceBuilder, expectations: Expectation[], replication?: 'single-leader') {
  const scenario = fixture(b.nodes, b.clients, replication ? { replication } : undefined, expectations);
  return evaluateExpectations(scenario, b.trace, findAnomalies(b.trace, scenario));
}

/** alice writes cart on n1 and n2; c2 writes concurrently on n1 only; first-read sees both siblings. */
function cart() {
  const b = new TraceBuilder(['n1', 'n2'], ['alice', 'c2']);
  b.writeVia(0, 'alice', 'n1', 'cart', ['milk']);
  b.ship(3, 'n1', 'n2', 'cart');
  b.writeVia(5, 'c2', 'n1', 'cart', ['eggs'], { keep: b.holds('n1', 'cart') });
  b.readVia(10, 'alice', 'n1', 'cart', 'first-read');
  const failing = b.request(20, 'alice', 'read', 'cart', undefined, 'late-read');
  b.respond(30, failing, { ok: false, error: 'quorum not reached: 1 of 2 responses' });
  return b;
}

describe('evaluateExpectations', () => {
  it('compares returned siblings as a set of values, a list value being one value', () => {
    const [ok, wrong, missing] = run(cart(), [
      { kind: 'op', op: 'first-read', returns: [['eggs'], ['milk']], line: 40, text: 'a' },
      { kind: 'op', op: 'first-read', returns: ['milk'], line: 41, text: 'b' },
      { kind: 'op', op: 'nope', returns: [], line: 42, text: 'c' },
    ]);
    expect(ok).toEqual({
      line: 40,
      text: 'a',
      passed: true,
      message: 'first-read returned [[milk], [eggs]] (2 siblings)',
    });
    expect(wrong).toMatchObject({
      line: 41,
      passed: false,
      message: 'expected first-read to return [milk] but it returned [[milk], [eggs]] (2 siblings)',
    });
    expect(missing).toMatchObject({
      passed: false,
      message: 'expected nope to return [] (not found) but it never ran',
    });
  });

  it('checks that an op failed, with its reason', () => {
    const [fails, succeeds, returns] = run(cart(), [
      { kind: 'op', op: 'late-read', fails: true, line: 1, text: '' },
      { kind: 'op', op: 'first-read', fails: true, line: 2, text: '' },
      { kind: 'op', op: 'late-read', returns: [], line: 3, text: '' },
    ]);
    expect(fails).toMatchObject({
      passed: true,
      message: 'late-read failed: quorum not reached: 1 of 2 responses',
    });
    expect(succeeds).toMatchObject({
      passed: false,
      message: 'expected first-read to fail but it succeeded and returned [[milk], [eggs]] (2 siblings)',
    });
    expect(returns).toMatchObject({
      passed: false,
      message:
        'expected late-read to return [] (not found) but it failed: quorum not reached: 1 of 2 responses',
    });
  });

  it('counts anomalies: at least one, exactly n, none', () => {
    const [some, exact, wrongCount, none, noneFails] = run(cart(), [
      { kind: 'anomaly', anomaly: 'conflict', line: 1, text: '' },
      { kind: 'anomaly', anomaly: 'conflict', count: 1, line: 2, text: '' },
      { kind: 'anomaly', anomaly: 'stale-read', count: 1, line: 3, text: '' },
      { kind: 'no', anomaly: 'split-brain', line: 4, text: '' },
      { kind: 'no', anomaly: 'conflict', line: 5, text: '' },
    ]);
    expect(some!.passed).toBe(true);
    expect(some!.message).toMatch(/^found 1 conflict: alice's write cart = \[milk\]/);
    expect(exact!.passed).toBe(true);
    expect(wrongCount).toMatchObject({ passed: false, message: 'expected exactly 1 stale-read but found 0' });
    expect(none).toMatchObject({ passed: true, message: 'no split-brain' });
    expect(noneFails!.passed).toBe(false);
    expect(noneFails!.message).toMatch(/^expected no conflict but found 1: alice's write/);
  });

  it('checks convergence of the live replicas', () => {
    const b = cart();
    const [diverged] = run(b, [{ kind: 'converged', line: 7, text: 'converged' }]);
    expect(diverged).toEqual({
      line: 7,
      text: 'converged',
      passed: false,
      message:
        'expected every live replica to hold the same data, but they disagree on cart: n1 holds [[milk], [eggs]] ' +
        '(2 siblings), n2 holds [milk]',
    });
    b.ship(40, 'n1', 'n2', 'cart');
    expect(run(b, [{ kind: 'converged', line: 7, text: '' }])[0]).toMatchObject({
      passed: true,
      message: 'all 2 live replicas hold the same data (1 key)',
    });
  });

  it('checks what one node holds at the end', () => {
    const [ok, wrong] = run(cart(), [
      { kind: 'state', node: 'n2', key: 'cart', values: [['milk']], line: 1, text: '' },
      { kind: 'state', node: 'n2', key: 'cart', values: [['milk'], ['eggs']], line: 2, text: '' },
    ]);
    expect(ok).toMatchObject({ passed: true, message: 'n2 holds cart = [milk]' });
    expect(wrong).toMatchObject({
      passed: false,
      message: 'expected n2 to hold cart = [[milk], [eggs]] but it holds [milk]',
    });
  });

  it('checks who leads at the end from the role fields', () => {
    const b = new TraceBuilder(['leader', 'f1'], ['alice']);
    b.field(0, 'leader', 'role', 'leader');
    b.field(0, 'leader', 'term', 1);
    b.field(0, 'f1', 'role', 'follower');
    b.crash(10, 'leader');
    b.field(60, 'f1', 'term', 2);
    b.field(60, 'f1', 'role', 'leader');
    const [ok, wrong] = run(
      b,
      [
        { kind: 'leader', node: 'f1', line: 1, text: '' },
        { kind: 'leader', node: 'leader', line: 2, text: '' },
      ],
      'single-leader',
    );
    expect(ok).toMatchObject({ passed: true, message: 'f1 (term 2) leads at the end' });
    expect(wrong).toMatchObject({
      passed: false,
      message: 'expected leader to lead at the end but f1 (term 2) leads (leader is down)',
    });
  });

  it('with shards, accepts a node that alone leads one of them', () => {
    const b = new TraceBuilder(['a', 'b'], ['alice']);
    b.field(0, 'a', 's1.role', 'leader');
    b.field(0, 'b', 's1.role', 'follower');
    b.field(0, 'b', 's2.role', 'leader');
    b.field(0, 'a', 's2.role', 'follower');
    const shards: ShardSpec[] = [
      { name: 's1', leader: 'a', followers: { b: 'async' }, keys: ['q'], line: 5 },
      { name: 's2', leader: 'b', followers: { a: 'async' }, keys: ['answer'], line: 6 },
    ];
    const scenario = fixture(b.nodes, b.clients, { replication: 'single-leader', shards }, [
      { kind: 'leader', node: 'b', line: 1, text: '' },
      { kind: 'leader', node: 'alice', line: 2, text: '' },
    ]);
    const [ok, wrong] = evaluateExpectations(scenario, b.trace, []);
    expect(ok).toMatchObject({ passed: true, message: 'b leads s2 at the end (s1: a; s2: b)' });
    expect(wrong).toMatchObject({
      passed: false,
      message: 'expected alice to lead at the end but the leaders are s1: a; s2: b',
    });
  });
});

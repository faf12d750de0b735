import { describe, expect, it } from 'vitest';
import type { ShardSpec } from '../scenario/model';
import { findAnomalies } from './findAnomalies';
import { fixture, TraceBuilder } from './traceFixture';

const single = (b: TraceBuilder) => fixture(b.nodes, b.clients, { replication: 'single-leader' });
const splitBrain = (b: TraceBuilder, scenario = single(b)) =>
  findAnomalies(b.trace, scenario).filter((a) => a.kind === 'split-brain');

/** `old` leads in term 1; `new` is elected in term 2 at 50ms while `old` still thinks it leads. */
function twoLeaders() {
  const b = new TraceBuilder(['old', 'new'], ['alice', 'bob']);
  const oldRole = b.field(0, 'old', 'role', 'leader');
  b.field(0, 'old', 'term', 1);
  b.field(0, 'new', 'role', 'follower');
  b.field(50, 'new', 'term', 2);
  const newRole = b.field(50, 'new', 'role', 'leader');
  return { b, oldRole, newRole };
}

describe('split-brain', () => {
  it('reports two leaders that both acknowledge writes while their leadership overlaps', () => {
    const { b, oldRole, newRole } = twoLeaders();
    const a = b.writeVia(60, 'alice', 'old', 'x', 1);
    const c = b.writeVia(70, 'bob', 'new', 'x', 2);
    const found = splitBrain(b);
    expect(found).toHaveLength(1);
    const ackOld = a.response - 2; // the WriteOk send on `old`
    const ackNew = c.response - 2;
    expect(found[0]).toMatchObject({ event: ackNew, key: 'x' });
    expect(found[0]!.related).toEqual([
      oldRole,
      newRole,
      a.request,
      ackOld,
      a.response,
      c.request,
      ackNew,
      c.response,
    ]);
    expect(found[0]!.explain).toBe(
      'old (term 1) and new (term 2) both acted as leader from 50ms until the end of the run: old acknowledged ' +
        "alice's write x = 1 (op alice#1) at 61ms and new acknowledged bob's write x = 2 (op bob#1) at 71ms.",
    );
  });

  it('does not report a leader that stepped down before the new one acknowledged anything', () => {
    const { b } = twoLeaders();
    b.writeVia(40, 'alice', 'old', 'x', 1);
    b.field(55, 'old', 'role', 'follower');
    b.writeVia(70, 'bob', 'new', 'x', 2);
    expect(splitBrain(b)).toEqual([]);
  });

  it('does not report an isolated old leader that acknowledges nothing, nor a crashed one', () => {
    const { b } = twoLeaders();
    b.crash(55, 'old');
    b.writeVia(70, 'bob', 'new', 'x', 2);
    b.recover(90, 'old');
    b.field(91, 'old', 'role', 'follower');
    expect(splitBrain(b)).toEqual([]);
  });

  it('is not reported for families where every node accepts writes', () => {
    const { b } = twoLeaders();
    b.writeVia(60, 'alice', 'old', 'x', 1);
    b.writeVia(70, 'bob', 'new', 'x', 2);
    expect(splitBrain(b, fixture(b.nodes, b.clients, { replication: 'multi-leader' }))).toEqual([]);
  });

  it('with shards, compares leaders of the same shard only', () => {
    const b = new TraceBuilder(['a', 'b'], ['alice', 'bob']);
    b.field(0, 'a', 's1.role', 'leader');
    b.field(0, 'b', 's2.role', 'leader');
    b.field(0, 'b', 's1.role', 'follower');
    b.writeVia(10, 'alice', 'a', 'q', 1);
    b.writeVia(20, 'bob', 'b', 'answer', 2);
    const shards: ShardSpec[] = [
      { name: 's1', leader: 'a', followers: { b: 'async' }, keys: ['q'], line: 5 },
      { name: 's2', leader: 'b', followers: { a: 'async' }, keys: ['answer'], line: 6 },
    ];
    const scenario = fixture(b.nodes, b.clients, { replication: 'single-leader', shards });
    expect(splitBrain(b, scenario)).toEqual([]);
    b.field(30, 'b', 's1.term', 2);
    b.field(30, 'b', 's1.role', 'leader');
    b.writeVia(40, 'alice', 'a', 'q', 3);
    b.writeVia(50, 'bob', 'b', 'q', 4);
    const found = splitBrain(b, scenario);
    expect(found.map((f) => f.explain)).toEqual([
      'a and b (term 2) both acted as leader of s1 from 30ms until the end of the run: a acknowledged ' +
        "alice's write q = 3 (op alice#2) at 41ms and b acknowledged bob's write q = 4 (op bob#2) at 51ms.",
    ]);
  });
});

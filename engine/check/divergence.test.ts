import { describe, expect, it } from 'vitest';
import { findAnomalies } from './findAnomalies';
import { fixture, TraceBuilder } from './traceFixture';

const divergence = (b: TraceBuilder, scenario = fixture(b.nodes, b.clients)) =>
  findAnomalies(b.trace, scenario).filter((a) => a.kind === 'divergence');

describe('divergence', () => {
  it('reports replicas that evaluated the same statement to different values, however the run stopped', () => {
    const b = new TraceBuilder(['leader', 'f1'], ['alice']);
    const w = b.request(0, 'alice', 'write', 'created', 'now()');
    b.deliver(1, b.send(0, 'alice', 'leader'));
    const s1 = b.store(1, 'leader', 'created', [{ value: 1, op: w.key }]);
    b.deliver(2, b.send(1, 'leader', 'alice'));
    b.respond(2, w, { ok: true, servedBy: 'leader' });
    const s2 = b.ship(5, 'leader', 'f1', 'created', [{ value: 6, op: w.key }]);
    const found = divergence(b);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ event: s2, key: 'created', related: [s1, s2] });
    expect(found[0]!.explain).toBe(
      "leader holds created = 1 but f1 holds created = 6, although both applied the same write (alice's write " +
        'created = now() (op alice#1)): each replica evaluated the statement itself and got a different result.',
    );
  });

  it('reports replicas that disagree when the run ended quiet', () => {
    const b = new TraceBuilder(['n1', 'n2', 'n3'], ['alice']);
    b.writeVia(0, 'alice', 'n1', 'cart', ['milk']);
    b.ship(3, 'n1', 'n2', 'cart');
    b.trace.stats.stopReason = 'quiet';
    const found = divergence(b);
    expect(found.map((f) => f.explain)).toEqual([
      'The run ended with nothing left to deliver, yet the live replicas disagree on cart: n1 and n2 hold ' +
        '[milk], n3 holds (not found).',
    ]);
  });

  it('does not report a disagreement when the run was stopped by `until`', () => {
    const b = new TraceBuilder(['n1', 'n2'], ['alice']);
    b.writeVia(0, 'alice', 'n1', 'cart', ['milk']);
    expect(divergence(b)).toEqual([]);
  });

  it('treats a tombstone and an absent key as the same, and ignores replicas that are down', () => {
    const b = new TraceBuilder(['n1', 'n2', 'n3'], ['alice']);
    b.writeVia(0, 'alice', 'n1', 'cart', null, { kind: 'delete' });
    b.writeVia(3, 'alice', 'n3', 'other', 1);
    b.crash(6, 'n3');
    b.trace.stats.stopReason = 'quiet';
    expect(divergence(b)).toEqual([]);
  });

  it('compares only the nodes of the key’s shard', () => {
    const b = new TraceBuilder(['a', 'b', 'c'], ['alice']);
    b.writeVia(0, 'alice', 'a', 'q', 1);
    b.ship(3, 'a', 'b', 'q');
    b.trace.stats.stopReason = 'quiet';
    const sharded = fixture(b.nodes, b.clients, {
      replication: 'single-leader',
      shards: [{ name: 's1', leader: 'a', followers: { b: 'async' }, keys: ['q'], line: 5 }],
    });
    expect(divergence(b, sharded)).toEqual([]);
    expect(divergence(b, fixture(b.nodes, b.clients, { replication: 'single-leader' }))).toHaveLength(1);
  });
});

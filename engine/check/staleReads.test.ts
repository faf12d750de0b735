import { describe, expect, it } from 'vitest';
import { findAnomalies } from './findAnomalies';
import { fixture, TraceBuilder } from './traceFixture';

const kinds = (b: TraceBuilder, scenario = fixture(b.nodes, b.clients)) =>
  findAnomalies(b.trace, scenario).map((a) => a.kind);

describe('stale-read', () => {
  it('reports a read from a follower that had not applied an acknowledged write', () => {
    const b = new TraceBuilder(['leader', 'f1'], ['alice', 'bob']);
    const w = b.writeVia(0, 'alice', 'leader', 'cart', ['milk', 'eggs']);
    const r = b.readVia(10, 'bob', 'f1', 'cart');
    b.ship(20, 'leader', 'f1', 'cart');
    const found = findAnomalies(b.trace, fixture(b.nodes, b.clients));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'stale-read', event: r.response, key: 'cart' });
    expect(found[0]!.related).toEqual([w.request, w.response, r.request, r.response]);
    expect(found[0]!.explain).toBe(
      "bob read cart = (not found) from f1 at 12ms, but alice's write cart = [milk, eggs] (op alice#1) had " +
        'been acknowledged at 2ms: f1 had not applied it yet (it did at 21ms).',
    );
  });

  it('does not report the same read once the follower has applied the write', () => {
    const b = new TraceBuilder(['leader', 'f1'], ['alice', 'bob']);
    b.writeVia(0, 'alice', 'leader', 'cart', ['milk']);
    b.ship(3, 'leader', 'f1', 'cart');
    b.readVia(10, 'bob', 'f1', 'cart');
    expect(kinds(b)).toEqual([]);
  });

  it('does not report a read that started before the write was acknowledged', () => {
    const b = new TraceBuilder(['leader', 'f1'], ['alice', 'bob']);
    const w = b.request(0, 'alice', 'write', 'cart', 'milk');
    const r = b.request(1, 'bob', 'read', 'cart');
    b.deliver(2, b.send(0, 'alice', 'leader'));
    b.store(2, 'leader', 'cart', [{ value: 'milk', op: w.key }]);
    b.deliver(3, b.send(2, 'leader', 'alice'));
    b.respond(3, w, { ok: true, servedBy: 'leader' });
    b.respond(4, r, { ok: true, values: [], servedBy: 'f1' });
    expect(kinds(b)).toEqual([]);
  });

  it('accepts a concurrent write that may have been ordered last, but not one superseded in real time', () => {
    // w1 [0, 10] and w2 [2, 5] overlap, so either may be the final value; w0 finished before both.
    const b = new TraceBuilder(['n1'], ['alice', 'bob', 'carol']);
    const w0 = b.writeVia(-10, 'carol', 'n1', 'x', 0);
    const w1 = b.request(0, 'alice', 'write', 'x', 1);
    const w2 = b.request(2, 'bob', 'write', 'x', 2);
    b.respond(5, w2, { ok: true, servedBy: 'n1' });
    b.respond(10, w1, { ok: true, servedBy: 'n1' });
    const fine = b.request(12, 'carol', 'read', 'x');
    b.respond(13, fine, { ok: true, values: [{ value: 1, op: w1.key }], servedBy: 'n1' });
    const stale = b.request(14, 'carol', 'read', 'x');
    b.respond(15, stale, { ok: true, values: [{ value: 0, op: w0.key }], servedBy: 'n1' });
    const found = findAnomalies(b.trace, fixture(b.nodes, b.clients)).filter((a) => a.kind === 'stale-read');
    expect(found.map((a) => a.event)).toEqual([stale.request + 1]);
    expect(found[0]!.explain).toContain("alice's write x = 1 (op alice#1) had been acknowledged at 10ms");
  });

  it('accepts a value from a write that failed: it may have taken effect late', () => {
    const b = new TraceBuilder(['n1'], ['alice', 'bob']);
    b.writeVia(0, 'alice', 'n1', 'x', 1);
    const failed = b.request(3, 'bob', 'write', 'x', 2);
    b.respond(8, failed, { ok: false, error: 'timeout' });
    const r = b.request(10, 'alice', 'read', 'x');
    b.respond(11, r, { ok: true, values: [{ value: 2, op: failed.key }], servedBy: 'n1' });
    expect(kinds(b)).toEqual([]);
  });

  it('does not report a value returned beside a concurrent delete, whose tombstone reads leave out', () => {
    const b = new TraceBuilder(['n1', 'n2'], ['alice', 'bob', 'carol']);
    const w = b.writeVia(0, 'alice', 'n1', 'x', 1);
    b.writeVia(5, 'bob', 'n2', 'x', null, { kind: 'delete' });
    b.ship(8, 'n2', 'n1', 'x', [...b.holds('n1', 'x'), ...b.holds('n2', 'x')]);
    const r = b.request(12, 'carol', 'read', 'x');
    b.respond(13, r, { ok: true, values: [{ value: 1, op: w.key }], servedBy: 'n1' });
    expect(kinds(b)).toEqual(['conflict']);
  });

  it('does not report a value the replica keeps beside a later delete that lacked its context', () => {
    const b = new TraceBuilder(['n1'], ['alice', 'bob', 'carol']);
    const w = b.writeVia(0, 'alice', 'n1', 'x', 1);
    b.readVia(3, 'bob', 'n1', 'y');
    b.writeVia(6, 'bob', 'n1', 'x', null, { kind: 'delete', keep: b.holds('n1', 'x') });
    const r = b.request(12, 'carol', 'read', 'x');
    b.respond(13, r, { ok: true, values: [{ value: 1, op: w.key }], servedBy: 'n1' });
    expect(kinds(b).filter((k) => k !== 'conflict')).toEqual([]);
  });

  it('blames the replicas a leaderless coordinator asked, not the coordinator', () => {
    const b = new TraceBuilder(['n1', 'n2', 'n3'], ['alice', 'bob']);
    b.writeVia(0, 'alice', 'n1', 'x', 1);
    b.readVia(10, 'bob', 'n3', 'x');
    const found = findAnomalies(b.trace, fixture(b.nodes, b.clients));
    expect(found[0]!.explain).toMatch(/: the replicas n3 asked had not applied it yet\.$/);
  });

  it('reports a read that misses an acknowledged increment of a counter', () => {
    const b = new TraceBuilder(['dc1', 'dc2'], ['alice', 'bob']);
    const i1 = b.writeVia(0, 'alice', 'dc1', 'likes', 1, { kind: 'increment' });
    b.ship(3, 'dc1', 'dc2', 'likes');
    b.writeVia(5, 'alice', 'dc1', 'likes', 1, { kind: 'increment' });
    b.store(6, 'dc1', 'likes', [{ value: 2, op: 'alice#2', ops: [i1.key] }]);
    const r = b.request(10, 'bob', 'read', 'likes');
    b.respond(11, r, { ok: true, values: b.holds('dc2', 'likes'), servedBy: 'dc2' });
    const scenario = fixture(b.nodes, b.clients, {
      replication: 'multi-leader',
      types: { likes: 'counter' },
    });
    const found = findAnomalies(b.trace, scenario).filter((a) => a.kind === 'stale-read');
    expect(found).toHaveLength(1);
    expect(found[0]!.explain).toContain('increment of likes by 1 (op alice#2)');
  });

  it('stays silent about a read whose values name no write', () => {
    const b = new TraceBuilder(['leader', 'f1'], ['alice', 'bob']);
    b.writeVia(0, 'alice', 'leader', 'cart', 'milk');
    const r = b.request(10, 'bob', 'read', 'cart');
    b.respond(11, r, { ok: true, values: [{ value: 'old' }], servedBy: 'f1' });
    expect(kinds(b)).toEqual([]);
  });
});

describe('read-your-writes', () => {
  it('reports a client missing its own acknowledged write, instead of a stale-read', () => {
    const b = new TraceBuilder(['leader', 'f1'], ['alice']);
    b.writeVia(0, 'alice', 'leader', 'cart', ['milk', 'eggs']);
    b.readVia(10, 'alice', 'f1', 'cart');
    const found = findAnomalies(b.trace, fixture(b.nodes, b.clients, { replication: 'single-leader' }));
    expect(found.map((a) => a.kind)).toEqual(['read-your-writes']);
    expect(found[0]!.explain).toBe(
      "alice read cart = (not found) from f1 at 12ms, but alice's own write cart = [milk, eggs] (op alice#1) " +
        'had been acknowledged at 2ms: f1 never applied it.',
    );
  });

  it('reports stale-read, not read-your-writes, when the reader saw its own write but missed a later one', () => {
    const b = new TraceBuilder(['leader', 'f1'], ['alice', 'bob']);
    b.writeVia(0, 'alice', 'leader', 'cart', 'milk');
    b.ship(3, 'leader', 'f1', 'cart');
    b.writeVia(5, 'bob', 'leader', 'cart', 'eggs');
    b.readVia(10, 'alice', 'f1', 'cart');
    expect(kinds(b)).toEqual(['stale-read']);
  });
});

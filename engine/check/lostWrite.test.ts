import { describe, expect, it } from 'vitest';
import { findAnomalies } from './findAnomalies';
import { fixture, TraceBuilder } from './traceFixture';

const lost = (b: TraceBuilder, scenario = fixture(b.nodes, b.clients)) =>
  findAnomalies(b.trace, scenario).filter((a) => a.kind === 'lost-write');

describe('lost-write', () => {
  it('reports a write truncated from an old leader that the new leader never had', () => {
    const b = new TraceBuilder(['old', 'new'], ['alice', 'bob']);
    const w = b.writeVia(0, 'alice', 'old', 'x', 1);
    b.crash(5, 'old');
    b.writeVia(10, 'bob', 'new', 'x', 2);
    b.recover(20, 'old');
    const dropped = b.store(21, 'old', 'x', []);
    b.ship(22, 'new', 'old', 'x');
    const found = lost(b);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ event: dropped, key: 'x' });
    expect(found[0]!.related).toEqual([w.request, w.store, w.response, dropped]);
    expect(found[0]!.explain).toBe(
      "alice's write x = 1 (op alice#1) was acknowledged at 2ms, but at the end no live replica holds it " +
        'and no later write of x had seen it: old dropped it at 21ms.',
    );
  });

  it('does not report a write overwritten by a write that saw it', () => {
    const b = new TraceBuilder(['n1'], ['alice', 'bob']);
    b.writeVia(0, 'alice', 'n1', 'x', 1);
    b.readVia(3, 'bob', 'n1', 'x');
    b.writeVia(6, 'bob', 'n1', 'x', 2);
    expect(lost(b)).toEqual([]);
  });

  it('counts a queued write as sent when the client library sent it, after the previous ack', () => {
    const b = new TraceBuilder(['r1'], ['c1']);
    const first = b.request(0, 'c1', 'write', 'cart', ['milk']);
    const second = b.request(1, 'c1', 'write', 'cart', ['milk', 'flour']);
    b.deliver(2, b.send(0, 'c1', 'r1', 'Write', first.request));
    b.store(2, 'r1', 'cart', [{ value: ['milk'], op: first.key }]);
    b.deliver(3, b.send(2, 'r1', 'c1'));
    b.respond(3, first, { ok: true, servedBy: 'r1' });
    b.deliver(4, b.send(3, 'c1', 'r1'));
    b.store(4, 'r1', 'cart', [{ value: ['milk', 'flour'], op: second.key }]);
    expect(lost(b)).toEqual([]);
  });

  it('does not report a write a leader ordered before an overlapping one, even from the same client', () => {
    const b = new TraceBuilder(['leader'], ['alice']);
    const first = b.request(0, 'alice', 'write', 'x', 1);
    const second = b.request(0, 'alice', 'write', 'x', 2);
    b.deliver(1, b.send(0, 'alice', 'leader', 'Write', first.request));
    b.store(1, 'leader', 'x', [{ value: 1, op: first.key, version: 1 }]);
    b.deliver(2, b.send(0, 'alice', 'leader', 'Write', second.request));
    b.store(2, 'leader', 'x', [{ value: 2, op: second.key, version: 2 }]);
    b.deliver(3, b.send(2, 'leader', 'alice'));
    b.respond(3, first, { ok: true, servedBy: 'leader' });
    b.respond(3, second, { ok: true, servedBy: 'leader' });
    expect(lost(b)).toEqual([]);
  });

  it('reports a write discarded on arrival of a write whose version vector does not cover it', () => {
    const b = new TraceBuilder(['dc1', 'dc2'], ['alice', 'bob']);
    const a = b.request(0, 'alice', 'write', 'x', 1);
    b.deliver(1, b.send(0, 'alice', 'dc1'));
    b.store(1, 'dc1', 'x', [{ value: 1, op: a.key, vv: { dc1: 1 }, ts: 1 }]);
    b.deliver(2, b.send(1, 'dc1', 'alice'));
    b.respond(2, a, { ok: true, servedBy: 'dc1' });
    b.ship(3, 'dc1', 'dc2', 'x');
    // bob's context is stale: dc2 accepts his write on top of alice's, but as a concurrent one.
    const w = b.request(5, 'bob', 'write', 'x', 2);
    b.deliver(6, b.send(5, 'bob', 'dc2'));
    b.store(6, 'dc2', 'x', [{ value: 2, op: w.key, vv: { dc2: 1 }, ts: 6 }]);
    b.deliver(7, b.send(6, 'dc2', 'bob'));
    b.respond(7, w, { ok: true, servedBy: 'dc2' });
    b.ship(8, 'dc2', 'dc1', 'x');
    expect(lost(b).map((f) => f.explain.includes('op alice#1'))).toEqual([true]);
  });

  it('reports a write replaced by a concurrent one (last write wins)', () => {
    const b = new TraceBuilder(['n1', 'n2'], ['alice', 'bob']);
    const a = b.writeVia(0, 'alice', 'n1', 'x', 1);
    b.writeVia(0, 'bob', 'n2', 'x', 2);
    b.ship(5, 'n2', 'n1', 'x');
    const found = lost(b);
    expect(found.map((f) => f.related.includes(a.request))).toEqual([true]);
    expect(found[0]!.explain).toContain("n1 replaced it at 6ms with bob's write x = 2 (op bob#1)");
  });

  it('reports a write that only a node down at the end still holds', () => {
    const b = new TraceBuilder(['n1', 'n2'], ['alice']);
    b.writeVia(0, 'alice', 'n1', 'x', 1);
    const crash = b.crash(5, 'n1');
    const found = lost(b);
    expect(found).toHaveLength(1);
    expect(found[0]!.event).toBe(crash);
    expect(found[0]!.explain).toContain('only n1 still holds it, and it is down');
  });

  it('says when a node lost the only copy with its disk', () => {
    const b = new TraceBuilder(['n1', 'n2'], ['alice']);
    b.writeVia(0, 'alice', 'n1', 'x', 1);
    const crash = b.crash(5, 'n1');
    const wiped = b.store(5, 'n1', 'x', [], crash);
    b.recover(9, 'n1');
    const found = lost(b);
    expect(found.map((f) => f.event)).toEqual([wiped]);
    expect(found[0]!.explain).toMatch(/: n1 lost it when it crashed with its disk at 5ms\.$/);
  });

  it('does not report a write a live replica still holds, nor a failed write', () => {
    const b = new TraceBuilder(['n1', 'n2'], ['alice', 'bob']);
    b.writeVia(0, 'alice', 'n1', 'x', 1);
    b.ship(3, 'n1', 'n2', 'x');
    b.crash(5, 'n1');
    const failed = b.request(6, 'bob', 'write', 'y', 1);
    b.respond(20, failed, { ok: false, error: 'timeout' });
    expect(lost(b)).toEqual([]);
  });

  it('reports an increment missing from a counter even though later increments happened', () => {
    const b = new TraceBuilder(['dc1', 'dc2'], ['alice']);
    b.writeVia(0, 'alice', 'dc1', 'likes', 1, { kind: 'increment' });
    b.writeVia(5, 'alice', 'dc1', 'likes', 1, { kind: 'increment' });
    const scenario = fixture(b.nodes, b.clients, {
      replication: 'multi-leader',
      types: { likes: 'counter' },
    });
    expect(lost(b, scenario).map((f) => f.explain.includes('op alice#1'))).toEqual([true]);
  });
});

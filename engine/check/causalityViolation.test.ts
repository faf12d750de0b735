import { describe, expect, it } from 'vitest';
import { findAnomalies } from './findAnomalies';
import { fixture, TraceBuilder } from './traceFixture';

const multi = (b: TraceBuilder, types = {}) =>
  fixture(b.nodes, b.clients, { replication: 'multi-leader', types });
const violations = (b: TraceBuilder, scenario = multi(b)) =>
  findAnomalies(b.trace, scenario).filter((a) => a.kind === 'causality-violation');

describe('causality-violation', () => {
  it("reports a replica that applies a client's second write before its first", () => {
    const b = new TraceBuilder(['dc1', 'dc3'], ['alice']);
    const a = b.writeVia(0, 'alice', 'dc1', 'a', 1);
    const later = b.writeVia(3, 'alice', 'dc1', 'b', 2);
    const storedB = b.ship(6, 'dc1', 'dc3', 'b');
    const storedA = b.ship(10, 'dc1', 'dc3', 'a');
    const found = violations(b);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      event: storedA,
      key: 'a',
      related: [a.request, later.request, storedB, storedA],
    });
    expect(found[0]!.explain).toBe(
      "dc3 applied alice's write b = 2 (op alice#2) at 7ms before alice's write a = 1 (op alice#1), which " +
        'happened before it, and applied alice#1 only at 11ms: the later write overtook the one it depends on.',
    );
  });

  it('does not order two requests a client pipelined without waiting for the first', () => {
    const b = new TraceBuilder(['leader'], ['alice']);
    const first = b.request(0, 'alice', 'write', 'a', 1);
    const second = b.request(0, 'alice', 'write', 'b', 2);
    const s1 = b.send(0, 'alice', 'leader', 'Write', first.request);
    const s2 = b.send(0, 'alice', 'leader', 'Write', second.request);
    b.deliver(1, s2);
    b.store(1, 'leader', 'b', [{ value: 2, op: second.key }]);
    b.deliver(2, s1);
    b.store(2, 'leader', 'a', [{ value: 1, op: first.key }]);
    expect(violations(b)).toEqual([]);
  });

  it('does not invent an order among pipelined writes a leader received out of order', () => {
    const b = new TraceBuilder(['leader'], ['alice']);
    const ops = [1, 2, 3].map((v) => b.request(0, 'alice', 'write', 'x', v));
    const sends = ops.map((op) => b.send(0, 'alice', 'leader', 'Write', op.request));
    for (const [t, i] of [
      [1, 2],
      [2, 0],
      [3, 1],
    ] as const) {
      b.deliver(t, sends[i]!);
      b.store(t, 'leader', 'x', [{ value: i + 1, op: ops[i]!.key, version: t }]);
    }
    expect(violations(b)).toEqual([]);
  });

  it('does not report causal dependencies that only messages between nodes suggest', () => {
    // bob's earlier op was answered by n1 after n1 had stored alice's write: by vector clocks
    // alice's write happened before bob's, but bob never saw it, so n2 may apply them in any order.
    const b = new TraceBuilder(['n1', 'n2'], ['alice', 'bob']);
    b.writeVia(0, 'alice', 'n1', 'a', 1);
    b.writeVia(3, 'bob', 'n1', 'c', 0);
    b.writeVia(6, 'bob', 'n1', 'b', 2);
    b.ship(9, 'n1', 'n2', 'b');
    b.ship(12, 'n1', 'n2', 'a');
    expect(violations(b)).toEqual([]);
  });

  it('does not report writes applied in causal order, nor independent writes in any order', () => {
    const b = new TraceBuilder(['dc1', 'dc2', 'dc3'], ['alice', 'bob']);
    b.writeVia(0, 'alice', 'dc1', 'a', 1);
    b.writeVia(3, 'alice', 'dc1', 'b', 2);
    b.writeVia(3, 'bob', 'dc2', 'c', 3);
    b.ship(6, 'dc1', 'dc3', 'a');
    b.ship(8, 'dc2', 'dc3', 'c');
    b.ship(10, 'dc1', 'dc3', 'b');
    expect(violations(b)).toEqual([]);
  });

  it('reports an update that overtook the insert it replaced on its own leader (DDIA overtaking)', () => {
    const b = new TraceBuilder(['dc1', 'dc2', 'dc3'], ['alice', 'bob']);
    b.writeVia(0, 'alice', 'dc1', 'row', 'inserted');
    b.ship(3, 'dc1', 'dc3', 'row');
    b.writeVia(5, 'bob', 'dc3', 'row', 'updated');
    b.ship(8, 'dc3', 'dc2', 'row');
    b.ship(12, 'dc1', 'dc2', 'row', [...b.holds('dc2', 'row'), ...b.holds('dc1', 'row')]);
    const found = violations(b);
    expect(found.map((f) => f.explain)).toEqual([
      "dc2 applied bob's write row = updated (op bob#1) at 9ms before alice's write row = inserted (op alice#1), " +
        'which bob#1 replaced where it was written, and applied alice#1 only at 13ms: the later write ' +
        'overtook the one it depends on.',
    ]);
  });

  it('does not report counter increments that arrive out of order', () => {
    const b = new TraceBuilder(['dc1', 'dc3'], ['alice']);
    const i1 = b.writeVia(0, 'alice', 'dc1', 'likes', 1, { kind: 'increment' });
    b.writeVia(3, 'alice', 'dc1', 'likes', 1, { kind: 'increment' });
    b.ship(6, 'dc1', 'dc3', 'likes', [{ value: 1, op: 'alice#2' }]);
    b.ship(10, 'dc1', 'dc3', 'likes', [{ value: 2, op: 'alice#2', ops: [i1.key] }]);
    expect(violations(b, multi(b, { likes: 'counter' }))).toEqual([]);
    expect(violations(b)).toHaveLength(1);
  });

  it('treats a snapshot installed in one step as one application', () => {
    const b = new TraceBuilder(['leader', 'f3'], ['alice']);
    b.writeVia(0, 'alice', 'leader', 'a', 1);
    b.writeVia(3, 'alice', 'leader', 'b', 2);
    const snap = b.deliver(11, b.send(10, 'leader', 'f3', 'Snapshot'));
    b.store(11, 'f3', 'b', b.holds('leader', 'b'), snap);
    b.store(11, 'f3', 'a', b.holds('leader', 'a'), snap);
    expect(violations(b, fixture(b.nodes, b.clients, { replication: 'single-leader' }))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { findAnomalies } from './findAnomalies';
import { fixture, TraceBuilder } from './traceFixture';

const conflicts = (b: TraceBuilder, scenario = fixture(b.nodes, b.clients)) =>
  findAnomalies(b.trace, scenario).filter((a) => a.kind === 'conflict');

describe('conflict', () => {
  it('reports concurrent writes kept side by side as siblings', () => {
    const b = new TraceBuilder(['r1'], ['c1', 'c2']);
    const w1 = b.writeVia(0, 'c1', 'r1', 'cart', ['milk']);
    const w2 = b.writeVia(3, 'c2', 'r1', 'cart', ['eggs'], { keep: b.holds('r1', 'cart') });
    const found = conflicts(b);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ event: w2.store, key: 'cart' });
    expect(found[0]!.related).toEqual([w1.request, w1.store, w2.request, w2.store]);
    expect(found[0]!.explain).toBe(
      "c1's write cart = [milk] (op c1#1) and c2's write cart = [eggs] (op c2#1) were concurrent (neither " +
        "writer had seen the other's write); r1 kept both as siblings: cart = [[milk], [eggs]] (2 siblings).",
    );
  });

  it('does not report siblings when the second writer had seen the first write', () => {
    const b = new TraceBuilder(['r1'], ['c1', 'c2']);
    b.writeVia(0, 'c1', 'r1', 'cart', ['milk']);
    b.readVia(3, 'c2', 'r1', 'cart');
    b.writeVia(6, 'c2', 'r1', 'cart', ['eggs'], { keep: b.holds('r1', 'cart') });
    expect(conflicts(b)).toEqual([]);
  });

  it('reports a concurrent write replaced by last-write-wins, naming the resolution', () => {
    const b = new TraceBuilder(['dc1', 'dc2'], ['alice', 'bob']);
    b.writeVia(0, 'alice', 'dc1', 'x', 1);
    b.writeVia(0, 'bob', 'dc2', 'x', 2);
    const replaced = b.ship(5, 'dc2', 'dc1', 'x');
    const scenario = fixture(b.nodes, b.clients, {
      replication: 'multi-leader',
      conflicts: 'last-write-wins',
    });
    const found = conflicts(b, scenario);
    expect(found.map((f) => f.event)).toEqual([replaced]);
    expect(found[0]!.explain).toContain(
      'dc1 kept bob#1 and discarded alice#1 (last write wins, by timestamp)',
    );
  });

  it('does not report a single leader applying two overlapping requests one after the other', () => {
    const b = new TraceBuilder(['leader'], ['alice', 'bob']);
    const w1 = b.request(0, 'alice', 'write', 'x', 1);
    const w2 = b.request(0, 'bob', 'write', 'x', 2);
    b.deliver(1, b.send(0, 'alice', 'leader'));
    b.store(1, 'leader', 'x', [{ value: 1, op: w1.key }]);
    b.deliver(2, b.send(0, 'bob', 'leader', 'Msg', w2.request));
    b.store(2, 'leader', 'x', [{ value: 2, op: w2.key }]);
    expect(conflicts(b, fixture(b.nodes, b.clients, { replication: 'single-leader' }))).toEqual([]);
  });

  it('reports concurrent writes merged into one value, but not concurrent increments of a counter', () => {
    const b = new TraceBuilder(['dc1', 'dc2'], ['alice', 'bob']);
    const a = b.writeVia(0, 'alice', 'dc1', 'cart', ['milk']);
    b.writeVia(0, 'bob', 'dc2', 'cart', ['eggs']);
    b.ship(5, 'dc2', 'dc1', 'cart', [{ value: ['eggs', 'milk'], op: a.key, ops: ['bob#1'] }]);
    const merge = fixture(b.nodes, b.clients, { replication: 'multi-leader', conflicts: 'merge' });
    expect(conflicts(b, merge).map((f) => f.explain)).toEqual([
      "alice's write cart = [milk] (op alice#1) and bob's write cart = [eggs] (op bob#1) were concurrent " +
        "(neither writer had seen the other's write); dc1 merged them into cart = [eggs, milk].",
    ]);
    const counter = fixture(b.nodes, b.clients, { replication: 'multi-leader', types: { cart: 'counter' } });
    expect(conflicts(b, counter)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { findAnomalies } from './findAnomalies';
import { fixture, TraceBuilder } from './traceFixture';

const only = (b: TraceBuilder, kind: string) =>
  findAnomalies(b.trace, fixture(b.nodes, b.clients)).filter((a) => a.kind === kind);

describe('monotonic-reads', () => {
  it('reports a second read that no longer sees a write the first read saw', () => {
    const b = new TraceBuilder(['leader', 'f1', 'f2'], ['alice', 'bob']);
    const w = b.writeVia(0, 'bob', 'leader', 'x', 1);
    b.ship(3, 'leader', 'f1', 'x');
    const r1 = b.readVia(10, 'alice', 'f1', 'x');
    const r2 = b.readVia(20, 'alice', 'f2', 'x');
    const found = only(b, 'monotonic-reads');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ event: r2.response, key: 'x' });
    expect(found[0]!.related).toEqual([
      w.request,
      w.response,
      r1.request,
      r1.response,
      r2.request,
      r2.response,
    ]);
    expect(found[0]!.explain).toBe(
      'alice read x = (not found) from f2 at 22ms, after alice had already read x = 1 from f1 at 12ms: the ' +
        "second read went back in time, it no longer reflects bob's write x = 1 (op bob#1).",
    );
  });

  it('reports going back to a value overwritten before the first read saw the new one', () => {
    const b = new TraceBuilder(['leader', 'f1', 'f2'], ['alice', 'bob']);
    b.writeVia(0, 'bob', 'leader', 'x', 1);
    b.ship(3, 'leader', 'f2', 'x');
    b.writeVia(5, 'bob', 'leader', 'x', 2);
    b.ship(8, 'leader', 'f1', 'x');
    b.readVia(10, 'alice', 'f1', 'x');
    b.readVia(20, 'alice', 'f2', 'x');
    expect(only(b, 'monotonic-reads')).toHaveLength(1);
  });

  it('does not report a second read that sees a newer write', () => {
    const b = new TraceBuilder(['leader', 'f1', 'f2'], ['alice', 'bob']);
    b.writeVia(0, 'bob', 'leader', 'x', 1);
    b.ship(3, 'leader', 'f1', 'x');
    b.readVia(10, 'alice', 'f1', 'x');
    b.writeVia(13, 'bob', 'leader', 'x', 2);
    b.ship(16, 'leader', 'f2', 'x');
    b.readVia(20, 'alice', 'f2', 'x');
    expect(only(b, 'monotonic-reads')).toEqual([]);
  });

  it('does not report a second read that sees a concurrent sibling instead', () => {
    const b = new TraceBuilder(['n1', 'n2'], ['alice', 'bob', 'carol']);
    const a = b.writeVia(0, 'alice', 'n1', 'x', 'a');
    const c = b.writeVia(0, 'carol', 'n2', 'x', 'c');
    b.readVia(10, 'bob', 'n1', 'x');
    b.readVia(20, 'bob', 'n2', 'x');
    expect(a.key).not.toBe(c.key);
    expect(only(b, 'monotonic-reads')).toEqual([]);
  });

  it('does not compare reads of different clients', () => {
    const b = new TraceBuilder(['leader', 'f1', 'f2'], ['alice', 'bob', 'carol']);
    b.writeVia(0, 'bob', 'leader', 'x', 1);
    b.ship(3, 'leader', 'f1', 'x');
    b.readVia(10, 'alice', 'f1', 'x');
    b.readVia(20, 'carol', 'f2', 'x');
    expect(only(b, 'monotonic-reads')).toEqual([]);
  });

  it('accepts an empty second read explained by a newer delete', () => {
    const b = new TraceBuilder(['leader', 'f1', 'f2'], ['alice', 'bob']);
    b.writeVia(0, 'bob', 'leader', 'x', 1);
    b.ship(3, 'leader', 'f1', 'x');
    b.readVia(10, 'alice', 'f1', 'x');
    b.writeVia(13, 'bob', 'leader', 'x', null, { kind: 'delete' });
    b.ship(16, 'leader', 'f2', 'x');
    b.readVia(20, 'alice', 'f2', 'x');
    expect(only(b, 'monotonic-reads')).toEqual([]);
  });
});

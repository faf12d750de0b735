import { describe, expect, it } from 'vitest';
import { findAnomalies } from './findAnomalies';
import { fixture, TraceBuilder } from './traceFixture';

describe('findAnomalies', () => {
  it("merges a protocol's own report with the checker's finding about the same write", () => {
    const b = new TraceBuilder(['old', 'new'], ['alice']);
    b.writeVia(0, 'alice', 'old', 'x', 1);
    const dropped = b.store(10, 'old', 'x', []);
    const reported = b.anomaly(10, 'old', {
      kind: 'lost-write',
      explain: 'old truncated alice#1 from its log when it learned of term 2.',
      related: [dropped],
      key: 'x',
    });
    const found = findAnomalies(b.trace, fixture(b.nodes, b.clients));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      kind: 'lost-write',
      event: reported,
      key: 'x',
      explain: 'old truncated alice#1 from its log when it learned of term 2.',
    });
    expect(found[0]!.related).toContain(0);
    expect(found[0]!.related).toContain(dropped);
  });

  it('keeps protocol reports about other ops apart, and ignores unknown kinds', () => {
    const b = new TraceBuilder(['n1'], ['alice']);
    b.writeVia(0, 'alice', 'n1', 'x', 1);
    b.store(10, 'n1', 'x', []);
    b.anomaly(11, 'n1', { kind: 'lost-write', explain: 'n1 lost alice#12.', related: [], key: 'x' });
    b.anomaly(12, 'n1', { kind: 'weird', explain: 'not an anomaly kind' });
    const found = findAnomalies(b.trace, fixture(b.nodes, b.clients));
    expect(found.map((a) => a.kind)).toEqual(['lost-write', 'lost-write']);
    expect(found.map((a) => a.explain.startsWith('n1 lost alice#12'))).toEqual([false, true]);
  });

  it('sorts anomalies by the event where they become visible', () => {
    const b = new TraceBuilder(['leader', 'f1'], ['alice', 'bob']);
    b.writeVia(0, 'alice', 'leader', 'x', 1);
    b.readVia(5, 'bob', 'f1', 'x');
    b.writeVia(10, 'alice', 'leader', 'y', 1);
    b.readVia(15, 'alice', 'f1', 'y');
    const found = findAnomalies(b.trace, fixture(b.nodes, b.clients));
    expect(found.map((a) => a.kind)).toEqual(['stale-read', 'read-your-writes']);
    expect(found[0]!.event).toBeLessThan(found[1]!.event);
  });

  it('finds nothing in an empty trace', () => {
    const b = new TraceBuilder(['n1'], ['alice']);
    expect(findAnomalies(b.trace, fixture(b.nodes, b.clients))).toEqual([]);
  });
});

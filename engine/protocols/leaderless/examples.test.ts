// Every example in examples/leaderless runs, passes its own `expect`, shows exactly the anomalies
// it is meant to teach, and ends in the state it describes.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Value } from '../../../traces/types';
import { runScenarioText } from '../../run';

const dir = join(__dirname, '../../../examples/leaderless');

function run(name: string) {
  const file = join(dir, `${name}.scenario.yaml`);
  const outcome = runScenarioText(readFileSync(file, 'utf8'), file);
  const errors = outcome.diagnostics.filter((d) => d.severity === 'error');
  expect(errors).toEqual([]);
  const result = outcome.result!;
  const trace = result.trace;
  const anomalies = trace.anomalies.map((a) => a.kind).sort();
  const values = (node: string, key: string): Value[] =>
    (trace.final[node]?.data[key] ?? []).filter((s) => !s.tombstone).map((s) => s.value);
  const tombstoned = (node: string, key: string) =>
    (trace.final[node]?.data[key] ?? []).some((s) => s.tombstone);
  const events = [...trace.events()];
  const notes = events.filter((e) => e.kind === 'note').map((e) => e.text ?? '');
  const types = new Set(events.filter((e) => e.kind === 'send').map((e) => e.type));
  return { trace, anomalies, values, tombstoned, notes, types, result };
}

describe('leaderless examples', () => {
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.scenario.yaml'))
    .map((f) => f.replace('.scenario.yaml', ''));

  it('has at least ten examples, each with a description', () => {
    expect(names.length).toBeGreaterThanOrEqual(10);
    for (const name of names)
      expect(readFileSync(join(dir, `${name}.scenario.yaml`), 'utf8')).toMatch(/description: \|/);
  });

  for (const name of names)
    it(`${name}: every expectation passes and the run ends quietly`, () => {
      const { trace, result } = run(name);
      expect(trace.expectations.length).toBeGreaterThan(0);
      expect(trace.expectations.filter((e) => !e.passed)).toEqual([]);
      expect(result.stopReason).toBe('quiet');
    });

  it('shopping cart: the spec example keeps [eggs] and [milk, flour] as siblings', () => {
    const { values, anomalies } = run('shopping-cart-version-numbers');
    expect(values('r1', 'cart')).toEqual([['eggs'], ['milk', 'flour']]);
    expect(anomalies).toEqual(['conflict', 'conflict']);
  });

  it('quorum with one node down: no stale read, and anti-entropy fills n3 after it recovers', () => {
    const { values, anomalies } = run('quorum-survives-node-down');
    expect(anomalies).toEqual([]);
    expect(values('n3', 'profile')).toEqual(['lives in Lisbon']);
  });

  it('w + r <= n: exactly one stale read', () => {
    const { anomalies, values } = run('stale-read-small-quorums');
    expect(anomalies).toEqual(['stale-read']);
    for (const n of ['n1', 'n2', 'n3']) expect(values(n, 'price')).toEqual([12]);
  });

  it('concurrent write and read: two reads disagree without any anomaly', () => {
    const { anomalies, trace } = run('concurrent-write-and-read');
    expect(anomalies).toEqual([]);
    const reads = [...trace.events()].filter((e) => e.kind === 'response' && e.op?.kind === 'read');
    expect(reads.map((e) => e.result?.values?.map((s) => s.value))).toEqual([['2-0'], ['1-0']]);
  });

  it('tombstone: the delete reaches n3 by anti-entropy and the old cart is not resurrected', () => {
    const { anomalies, values, tombstoned, types } = run('sibling-merge-with-tombstone');
    expect(anomalies).toEqual(['conflict']);
    for (const n of ['n1', 'n2', 'n3']) {
      expect(values(n, 'cart')).toEqual([]);
      expect(tombstoned(n, 'cart')).toBe(true);
    }
    for (const t of ['MerkleRoot', 'MerkleBranch', 'MerkleLeaves', 'KeyTransfer']) expect(types).toContain(t);
  });

  it('partial write: fails with the quorum reason, is read later and repaired everywhere', () => {
    const { trace, notes, values, types } = run('partial-write-later-read');
    const failed = [...trace.events()].find((e) => e.kind === 'response' && e.op?.id === 'book');
    expect(failed?.result).toMatchObject({ ok: false, error: 'quorum not reached: 1 of 2 acks' });
    expect(notes).toContain('quorum not reached: 1 of 2 acks');
    expect(types).toContain('ReadRepair');
    for (const n of ['n1', 'n2', 'n3']) expect(values(n, 'seat')).toEqual(['12A']);
  });

  it('sloppy quorum: hints on n1 and n4, handed off after the heal, then deleted', () => {
    const { notes, trace, anomalies, values, types } = run('sloppy-quorum-hinted-handoff');
    expect(notes).toContain('sloppy quorum: n3 down, writing to n1 with a hint for n3');
    expect(notes).toContain('sloppy quorum: n2 down, writing to n4 with a hint for n2');
    expect(notes).toContain('hinted handoff: n3 has cart, hint deleted');
    expect(notes).toContain('hinted handoff: n2 has cart, hint deleted');
    expect(types).toContain('HintedPut');
    expect(types).toContain('HandoffAck');
    expect(anomalies).toEqual(['stale-read']);
    expect(trace.final.n1?.fields.hints).toEqual([]);
    expect(trace.final.n4?.fields.hints).toEqual([]);
    expect(trace.final.n1?.data.cart).toBeUndefined(); // a fallback keeps hints, never the data
    for (const n of ['n2', 'n3', 'n5']) expect(values(n, 'cart')).toEqual([['book']]);
  });

  it('LWW under skew: Bob’s later write is acknowledged and lost', () => {
    const { anomalies, values, notes } = run('lww-lost-write-under-skew');
    expect(anomalies).toEqual(['lost-write', 'read-your-writes']);
    for (const n of ['n1', 'n2', 'n3']) expect(values(n, 'title')).toEqual(['Draft']);
    expect(notes.some((t) => t.startsWith('last write wins: bob-writes (timestamp 11)'))).toBe(true);
  });

  it('read repair: the coordinator sends the newest version to n3', () => {
    const { anomalies, notes, values } = run('read-repair');
    expect(anomalies).toEqual([]);
    expect(notes).toContain('read repair: n3 had version {n1:1}, sent version {n1:2}');
    expect(values('n3', 'status')).toEqual(['shipped']);
  });

  it('anti-entropy: all three keys on all three nodes, with Merkle summaries', () => {
    const { trace, values, anomalies } = run('anti-entropy-convergence');
    expect(anomalies).toEqual([]);
    for (const n of ['n1', 'n2', 'n3']) {
      expect(values(n, 'avatar')).toEqual(['cat.png']);
      expect(values(n, 'bio')).toEqual(['hello']);
      expect(values(n, 'city')).toEqual(['Porto']);
      expect(trace.final[n]?.fields.merkle).toMatchObject({ keys: 3, ranges: 8 });
    }
    const roots = new Set(
      ['n1', 'n2', 'n3'].map((n) => (trace.final[n]!.fields.merkle as { root: string }).root),
    );
    expect(roots.size).toBe(1);
  });

  it('ring placement: the client routes to each key’s preference list and n1 sees no traffic', () => {
    const { trace, values, anomalies } = run('ring-placement-client-routing');
    expect(anomalies).toEqual([]);
    for (const n of ['n5', 'n3', 'n2']) expect(values(n, 'cart')).toEqual([['book']]);
    for (const n of ['n4', 'n2', 'n3']) expect(values(n, 'stock')).toEqual([41]);
    expect(values('n4', 'cart')).toEqual([]);
    expect(values('n5', 'stock')).toEqual([]);
    expect([...trace.events()].filter((e) => e.actor === 'n1')).toEqual([]);
  });

  it('plain version vectors keep six siblings where dotted version vectors keep two', () => {
    expect(run('sibling-explosion-version-vectors').values('n2', 'doc')).toHaveLength(6);
    expect(run('bounded-siblings-dotted-version-vectors').values('n2', 'doc')).toEqual(['alice-3', 'bob-3']);
    expect(run('bounded-siblings-dotted-version-vectors').anomalies).not.toContain('lost-write');
  });
});

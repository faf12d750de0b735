import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Value } from '../../../traces/types';
import {
  applyWrite,
  type CausalContext,
  contextOf,
  digest,
  mergeObjects,
  type StoredObject,
  type VersioningScheme,
  visibleValues,
  type WriteStamp,
} from './versioning';

function stamp(
  op: string,
  value: Value,
  context: CausalContext,
  extra: Partial<WriteStamp> = {},
): WriteStamp {
  return { op, value, tombstone: false, context, origin: 'n1', ...extra };
}

function values(obj: StoredObject | undefined): Value[] {
  return visibleValues(obj).map((s) => s.value);
}

/**
 * Two clients write alternately, each with the context of its own previous write (never reading),
 * through one coordinator `n1`: the situation where plain version vectors pile up siblings.
 */
function alternatingWriters(scheme: VersioningScheme, rounds: number): StoredObject {
  let obj: StoredObject | undefined;
  const ctx: Record<string, CausalContext> = { a: {}, b: {} };
  let counter = 0;
  for (let i = 0; i < rounds; i++) {
    const who = i % 2 === 0 ? 'a' : 'b';
    counter++;
    const res = applyWrite(
      scheme,
      obj,
      stamp(`${who}#${i}`, `${who}${i}`, ctx[who]!, { dot: ['n1', counter] }),
    );
    obj = res.obj;
    ctx[who] = contextOf(scheme, obj);
  }
  return obj!;
}

describe('version numbers', () => {
  it('keeps the values with higher versions than the client saw (DDIA shopping cart)', () => {
    let cart = applyWrite('version-numbers', undefined, stamp('c1#1', ['milk'], { version: 0 })).obj;
    const c1 = contextOf('version-numbers', cart);
    cart = applyWrite('version-numbers', cart, stamp('c2#1', ['eggs'], { version: 0 })).obj;
    cart = applyWrite('version-numbers', cart, stamp('c1#2', ['milk', 'flour'], c1)).obj;
    expect(values(cart)).toEqual([['eggs'], ['milk', 'flour']]);
    expect(cart.version).toBe(3);
  });
});

describe('version vectors and dotted version vectors', () => {
  it('piles up siblings with one clock per object but keeps two with dots', () => {
    expect(visibleValues(alternatingWriters('version-vectors', 6))).toHaveLength(6);
    expect(visibleValues(alternatingWriters('dotted-version-vectors', 6))).toHaveLength(2);
  });

  it('replaces every sibling when the context has seen the whole object', () => {
    let obj = applyWrite('version-vectors', undefined, stamp('a', 1, {}, { dot: ['n1', 1] })).obj;
    obj = applyWrite('version-vectors', obj, stamp('b', 2, {}, { dot: ['n2', 1] })).obj;
    expect(values(obj)).toEqual([1, 2]);
    obj = applyWrite(
      'version-vectors',
      obj,
      stamp('c', [1, 2], contextOf('version-vectors', obj), { dot: ['n1', 2] }),
    ).obj;
    expect(values(obj)).toEqual([[1, 2]]);
    expect(obj.clock).toEqual({ n1: 2, n2: 1 });
  });

  it('ignores a write it has already seen', () => {
    const first = applyWrite('dotted-version-vectors', undefined, stamp('a', 1, {}, { dot: ['n1', 1] })).obj;
    expect(applyWrite('dotted-version-vectors', first, stamp('a', 1, {}, { dot: ['n1', 1] })).changed).toBe(
      false,
    );
  });

  it('does not resurrect a deleted value when a stale replica is merged in', () => {
    for (const scheme of ['version-vectors', 'dotted-version-vectors'] as const) {
      const old = applyWrite(scheme, undefined, stamp('a', 'milk', {}, { dot: ['n1', 1] })).obj;
      const deleted = applyWrite(scheme, old, {
        ...stamp('d', null, contextOf(scheme, old), { dot: ['n1', 2] }),
        tombstone: true,
      }).obj;
      expect(values(deleted)).toEqual([]);
      expect(deleted.siblings[0]?.tombstone).toBe(true);
      expect(values(mergeObjects(scheme, old, deleted))).toEqual([]);
      expect(values(mergeObjects(scheme, deleted, old))).toEqual([]);
    }
  });
});

describe('timestamps (last write wins)', () => {
  it('keeps the write with the highest timestamp and reports the discarded one', () => {
    const early = applyWrite('timestamps', undefined, stamp('alice#1', 'a', {}, { ts: 50 })).obj;
    const res = applyWrite('timestamps', early, stamp('bob#1', 'b', {}, { ts: 10 }));
    expect(res.changed).toBe(false);
    expect(res.rejectedBy?.op).toBe('alice#1');
    expect(values(applyWrite('timestamps', early, stamp('bob#1', 'b', {}, { ts: 60 })).obj)).toEqual(['b']);
  });
});

// Replica histories: each replica applies a subset of writes in its own order; merges must not
// depend on which replica is merged into which, and must agree with the union of what was applied.
const schemes: VersioningScheme[] = ['version-vectors', 'dotted-version-vectors', 'timestamps'];

interface GenWrite {
  client: string;
  coordinator: string;
  value: number;
  tombstone: boolean;
  seesPrevious: boolean;
  toFirst: boolean;
  toSecond: boolean;
  ts: number;
}

const writesArb: fc.Arbitrary<GenWrite[]> = fc.array(
  fc.record({
    client: fc.constantFrom('a', 'b', 'c'),
    coordinator: fc.constantFrom('n1', 'n2'),
    value: fc.integer({ min: 0, max: 9 }),
    tombstone: fc.boolean(),
    seesPrevious: fc.boolean(),
    toFirst: fc.boolean(),
    toSecond: fc.boolean(),
    ts: fc.integer({ min: 0, max: 1000 }),
  }),
  { minLength: 1, maxLength: 12 },
);

function replicate(scheme: VersioningScheme, writes: GenWrite[]) {
  let r1: StoredObject | undefined;
  let r2: StoredObject | undefined;
  const counters: Record<string, number> = {};
  const ctx: Record<string, CausalContext> = {};
  writes.forEach((w, i) => {
    counters[w.coordinator] = (counters[w.coordinator] ?? 0) + 1;
    const s: WriteStamp = {
      op: `${w.client}#${i}`,
      value: w.value,
      tombstone: w.tombstone,
      context: w.seesPrevious ? (ctx[w.client] ?? {}) : {},
      dot: [w.coordinator, counters[w.coordinator]!],
      ts: w.ts * 100 + i,
      origin: w.coordinator,
    };
    // Every write lands on at least one replica.
    const first = w.toFirst || !w.toSecond;
    if (first) r1 = applyWrite(scheme, r1, s).obj;
    if (w.toSecond) r2 = applyWrite(scheme, r2, s).obj;
    ctx[w.client] = contextOf(scheme, first ? r1 : r2);
  });
  return { r1, r2 };
}

describe('merge laws', () => {
  for (const scheme of schemes) {
    it(`${scheme}: merging replicas is commutative and idempotent`, () => {
      fc.assert(
        fc.property(writesArb, (writes) => {
          const { r1, r2 } = replicate(scheme, writes);
          const ab = mergeObjects(scheme, r1, r2);
          const ba = mergeObjects(scheme, r2, r1);
          return digest(ab) === digest(ba) && digest(mergeObjects(scheme, ab, r1)) === digest(ab);
        }),
        { numRuns: 300 },
      );
    });
  }
});

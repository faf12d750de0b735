import { describe, expect, it } from 'vitest';
import { buildTree, childrenOf, DEPTH, differing, LEAVES, rangeOf, root } from './merkle';
import { applyWrite, type StoredObject } from './versioning';

function store(entries: Record<string, string>): Map<string, StoredObject> {
  const m = new Map<string, StoredObject>();
  let i = 0;
  for (const [key, value] of Object.entries(entries))
    m.set(
      key,
      applyWrite('dotted-version-vectors', undefined, {
        op: `w${i}`,
        value,
        tombstone: false,
        context: {},
        dot: ['n1', ++i],
        origin: 'n1',
      }).obj,
    );
  return m;
}

/** Descends from the root like two replicas exchanging MerkleBranch messages. */
function differingLeaves(a: Map<string, StoredObject>, b: Map<string, StoredObject>): number[] {
  const ta = buildTree(a);
  const tb = buildTree(b);
  if (root(ta) === root(tb)) return [];
  let nodes = [0];
  for (let level = 0; level < DEPTH; level++) nodes = differing(tb, level + 1, childrenOf(ta, level, nodes));
  return nodes;
}

describe('Merkle trees over key ranges', () => {
  const keys = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`key${i}`, `v${i}`]));

  it('gives equal roots to equal data', () => {
    expect(root(buildTree(store(keys)))).toBe(root(buildTree(store(keys))));
    expect(buildTree(store(keys)).levels[DEPTH]).toHaveLength(LEAVES);
  });

  it('leads the descent to exactly the range of a missing key', () => {
    const a = store(keys);
    const b = new Map(a);
    b.delete('key7');
    expect(differingLeaves(a, b)).toEqual([rangeOf('key7')]);
  });

  it('finds every range with a changed copy and no other', () => {
    const a = store(keys);
    const b = new Map(a);
    b.set('key3', store({ key3: 'other' }).get('key3')!);
    b.set('key11', store({ key11: 'other' }).get('key11')!);
    expect(differingLeaves(a, b)).toEqual(
      [...new Set([rangeOf('key3'), rangeOf('key11')])].sort((x, y) => x - y),
    );
  });

  it('finds nothing when the data agree', () => {
    expect(differingLeaves(store(keys), store(keys))).toEqual([]);
  });
});

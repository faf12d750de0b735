import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Ring } from './ring';

const nodes = ['n1', 'n2', 'n3', 'n4', 'n5'];

describe('consistent-hashing ring', () => {
  it('gives every key a preference list of n distinct nodes, then the rest as fallbacks', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 5 }), (key, n) => {
        const ring = new Ring(nodes, 'ring', n, 8);
        const walk = ring.walk(key);
        return (
          new Set(walk).size === nodes.length &&
          walk.length === nodes.length &&
          ring.preferenceList(key).join() === walk.slice(0, n).join()
        );
      }),
    );
  });

  it('places keys the same way every time, whatever order the nodes are declared in', () => {
    const a = new Ring(nodes, 'ring', 3, 8);
    const b = new Ring([...nodes].reverse(), 'ring', 3, 8);
    for (const key of ['cart', 'profile', 'stock', 'x'])
      expect(a.preferenceList(key)).toEqual(b.preferenceList(key));
    expect(a.preferenceList('cart')).toEqual(['n5', 'n3', 'n2']);
  });

  it('spreads keys over the nodes with virtual nodes', () => {
    const ring = new Ring(nodes, 'ring', 1, 16);
    const owners = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      const o = ring.preferenceList(`key${i}`)[0]!;
      owners.set(o, (owners.get(o) ?? 0) + 1);
    }
    expect(owners.size).toBe(5);
    for (const count of owners.values()) expect(count).toBeGreaterThan(150);
  });

  it('with placement all uses the declared order: the first n nodes are the homes', () => {
    const ring = new Ring(['a', 'b', 'c', 'd'], 'all', 3, 8);
    expect(ring.preferenceList('anything')).toEqual(['a', 'b', 'c']);
    expect(ring.walk('anything')).toEqual(['a', 'b', 'c', 'd']);
    expect(ring.peers('a')).toEqual(['b', 'c']);
    expect(ring.peers('d')).toEqual([]);
  });

  it('lists as anti-entropy peers exactly the nodes that share a key range', () => {
    const ring = new Ring(nodes, 'ring', 2, 4);
    for (let i = 0; i < 200; i++) {
      const [a, b] = ring.preferenceList(`k${i}`);
      expect(ring.peers(a!)).toContain(b);
    }
  });
});

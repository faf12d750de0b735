import { describe, expect, it } from 'vitest';
import { applyVersion, display, emptyKey, mergeValues, nextVV } from './resolve';
import type { Version } from './types';

const NODES = ['dc1', 'dc2', 'dc3'];

function v(op: string, origin: string, value: Version['value'], vv: Record<string, number>, ts = 0): Version {
  return { op, origin, value, vv, ts, ev: -1 };
}

describe('conflict resolution of a plain key', () => {
  it('unions lists in a fixed order and concatenates other values', () => {
    expect(
      mergeValues([
        ['milk', 'bread'],
        ['bread', 'eggs'],
      ]),
    ).toEqual(['milk', 'bread', 'eggs']);
    expect(mergeValues(['B', 'C'])).toBe('B/C');
    expect(mergeValues(['B', 3])).toBe('B/3');
  });

  it('shows one merged value naming every merged write, the same whatever the arrival order', () => {
    const a = v('a', 'dc1', ['x'], { dc1: 1 });
    const b = v('b', 'dc2', ['y'], { dc2: 1 });
    const k1 = emptyKey();
    const k2 = emptyKey();
    applyVersion(k1, a, 'merge', NODES);
    applyVersion(k1, b, 'merge', NODES);
    applyVersion(k2, b, 'merge', NODES);
    applyVersion(k2, a, 'merge', NODES);
    expect(display(k1, 'merge', NODES)).toEqual(display(k2, 'merge', NODES));
    expect(display(k1, 'merge', NODES)).toEqual([
      { value: ['x', 'y'], op: 'a', ops: ['b'], vv: { dc1: 1, dc2: 1 }, ts: 0, origin: 'dc1' },
    ]);
  });

  it('lets the leader declared last win under highest-node, keeping the loser out of sight', () => {
    const k = emptyKey();
    applyVersion(k, v('hi', 'dc3', 'h', { dc3: 1 }), 'highest-node', NODES);
    const outcome = applyVersion(k, v('lo', 'dc1', 'l', { dc1: 1 }), 'highest-node', NODES);
    expect(outcome.conflicts).toHaveLength(1);
    expect(outcome.note).toMatch(/^highest-node: kept dc3's write hi/);
    expect(display(k, 'highest-node', NODES).map((s) => s.op)).toEqual(['hi']);
  });

  it('breaks a last-write-wins timestamp tie by leader id, so every replica keeps the same write', () => {
    const k1 = emptyKey();
    const k2 = emptyKey();
    const a = v('a', 'dc1', 'x', { dc1: 1 }, 50);
    const b = v('b', 'dc2', 'y', { dc2: 1 }, 50);
    applyVersion(k1, a, 'last-write-wins', NODES);
    applyVersion(k1, b, 'last-write-wins', NODES);
    applyVersion(k2, b, 'last-write-wins', NODES);
    applyVersion(k2, a, 'last-write-wins', NODES);
    expect(k1.versions.map((x) => x.op)).toEqual(['b']);
    expect(k2.versions.map((x) => x.op)).toEqual(['b']);
  });

  it('ignores a version older than one it holds when causality is tracked', () => {
    const k = emptyKey();
    applyVersion(k, v('new', 'dc2', 'n', { dc1: 1, dc2: 1 }), 'siblings', NODES);
    const outcome = applyVersion(k, v('old', 'dc1', 'o', { dc1: 1 }), 'siblings', NODES);
    expect(outcome).toMatchObject({ changed: false, note: 'ignored old: already superseded by new' });
  });

  it('gives a new write a version vector covering its context and every earlier write of its leader', () => {
    const k = emptyKey();
    applyVersion(k, v('a', 'dc1', 'x', { dc1: 1 }), 'siblings', NODES);
    applyVersion(k, v('b', 'dc2', 'y', { dc2: 1 }), 'siblings', NODES);
    expect(nextVV(k, 'dc1', undefined)).toEqual({ dc1: 2 });
    expect(nextVV(k, 'dc1', { dc2: 1 })).toEqual({ dc1: 2, dc2: 1 });
  });
});

import { describe, expect, it } from 'vitest';
import { forwards, inNeighbors, outNeighbors } from './topology';

const nodes = ['dc1', 'dc2', 'dc3', 'dc4'];

describe('topology', () => {
  it('sends to every other leader in all-to-all and never forwards between leaders', () => {
    expect(outNeighbors({ kind: 'all-to-all' }, nodes, 'dc2')).toEqual(['dc1', 'dc3', 'dc4']);
    expect(forwards({ kind: 'all-to-all' }, nodes, 'dc1')).toBe(false);
    expect(forwards({ kind: 'all-to-all' }, nodes, 'phone')).toBe(true);
  });

  it('sends to the next leader in declaration order around a circle', () => {
    expect(outNeighbors({ kind: 'circular' }, nodes, 'dc4')).toEqual(['dc1']);
    expect(inNeighbors({ kind: 'circular' }, nodes, 'dc1')).toEqual(['dc4']);
  });

  it('routes every leaf through the hub of a star', () => {
    const star = { kind: 'star' as const, hub: 'dc1' };
    expect(outNeighbors(star, nodes, 'dc3')).toEqual(['dc1']);
    expect(outNeighbors(star, nodes, 'dc1')).toEqual(['dc2', 'dc3', 'dc4']);
    expect(inNeighbors(star, nodes, 'dc1')).toEqual(['dc2', 'dc3', 'dc4']);
  });

  it('follows explicit links, one direction each', () => {
    const links = {
      kind: 'links' as const,
      links: [
        { from: 'dc1', to: 'dc2' },
        { from: 'dc2', to: 'dc3' },
      ],
    };
    expect(outNeighbors(links, nodes, 'dc1')).toEqual(['dc2']);
    expect(outNeighbors(links, nodes, 'dc3')).toEqual([]);
    expect(inNeighbors(links, nodes, 'dc3')).toEqual(['dc2']);
  });
});

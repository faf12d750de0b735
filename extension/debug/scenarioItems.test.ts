import { describe, expect, it } from 'vitest';
import { itemForLine, scenarioItems } from './scenarioItems';

const TEXT = `scenario: x
cluster:
  replication: leaderless
  nodes: [a, b]
events:
  - { at: 0ms, client: c, write: { key: k, value: 1 } }
  # a comment between items

  - at: 5ms
    client: c
    read: k
  - { at: 9ms, crash: a }
expect:
  - converged
`;

describe('scenario item layout', () => {
  it('finds each events item with its first and last line', () => {
    const layout = scenarioItems(TEXT);
    expect(layout.block).toEqual({ start: 5, end: 12 });
    expect(layout.items).toEqual([
      { line: 6, end: 6, label: '{ at: 0ms, client: c, write: { key: k, value: 1 } }' },
      { line: 9, end: 11, label: 'at: 5ms' },
      { line: 12, end: 12, label: '{ at: 9ms, crash: a }' },
    ]);
  });

  it('moves a line inside an item to the item, a line between items to the next one', () => {
    const layout = scenarioItems(TEXT);
    expect(itemForLine(layout, 11)?.line).toBe(9);
    expect(itemForLine(layout, 7)?.line).toBe(9);
    expect(itemForLine(layout, 5)?.line).toBe(6);
    expect(itemForLine(layout, 14)).toBeUndefined();
    expect(itemForLine(layout, 2)).toBeUndefined();
  });

  it('has no items when the file has no events list or does not parse', () => {
    expect(scenarioItems('scenario: x\n').items).toEqual([]);
    expect(scenarioItems('events: [\n').items).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { findOpItem, findWriteAndRead, retimeItem, SweepError, withoutItem } from './retime';
import { parsed } from './testScenarios';

const scenario = parsed(`scenario: retiming
cluster: { replication: leaderless, nodes: [n1, n2, n3], n: 3, w: 1, r: 1 }
clients: { alice: { node: n1 }, bob: { node: n2 } }
events:
  - { at: 0ms, client: alice, write: { key: x, value: 1 }, id: w1 }
  - { at: 5ms, client: bob, read: x, id: r1 }
  - { at: 10ms, crash: n3 }
  - { at: 10ms, client: alice, write: { key: x, value: 2 }, id: w2 }
  - { at: 20ms, client: alice, read: y, id: other-key }
`);

const order = (s: typeof scenario) => s.events.map((e) => [e.id ?? e.action.kind, e.at, e.index]);

describe('re-timing a read', () => {
  it('moves the item and keeps the timeline sorted with positions renumbered', () => {
    const moved = retimeItem(scenario, findOpItem(scenario, 'r1', '--read'), 15);
    expect(order(moved)).toEqual([
      ['w1', 0, 0],
      ['crash', 10, 1],
      ['w2', 10, 2],
      ['r1', 15, 3],
      ['other-key', 20, 4],
    ]);
    // The original is untouched: every run starts from it.
    expect(order(scenario)[1]).toEqual(['r1', 5, 1]);
  });

  it('breaks ties in file order, as the parser does', () => {
    const moved = retimeItem(scenario, findOpItem(scenario, 'r1', '--read'), 10);
    // r1 is on line 6, before the crash (7) and w2 (8): a file with `at: 10ms` on r1 runs it first too.
    expect(order(moved).map((x) => x[0])).toEqual(['w1', 'r1', 'crash', 'w2', 'other-key']);
    const early = retimeItem(scenario, findOpItem(scenario, 'w2', '--write'), 5);
    expect(order(early).map((x) => x[0])).toEqual(['w1', 'r1', 'w2', 'crash', 'other-key']);
  });

  it('removes the read for the probe run', () => {
    expect(order(withoutItem(scenario, findOpItem(scenario, 'r1', '--read')))).toEqual([
      ['w1', 0, 0],
      ['crash', 10, 1],
      ['w2', 10, 2],
      ['other-key', 20, 3],
    ]);
  });

  it('refuses a negative time', () => {
    expect(() => retimeItem(scenario, scenario.events[0]!, -1)).toThrow(SweepError);
  });
});

describe('choosing the write and the read', () => {
  it('finds a write and a read of the same key', () => {
    const { write, read } = findWriteAndRead(scenario, 'w2', 'r1');
    expect([write.line, read.line]).toEqual([8, 6]);
  });

  it('says which ids exist when one is unknown', () => {
    expect(() => findWriteAndRead(scenario, 'w3', 'r1')).toThrow(
      '--write: the scenario has no client operation with id "w3" (ids: w1, r1, w2, other-key)',
    );
  });

  it('says when an op is of the wrong kind or key', () => {
    expect(() => findWriteAndRead(scenario, 'r1', 'r1')).toThrow(
      '--write: "r1" (line 6) is a read, not a write',
    );
    expect(() => findWriteAndRead(scenario, 'w1', 'w2')).toThrow(
      '--read: "w2" (line 8) is a write, not a read',
    );
    expect(() => findWriteAndRead(scenario, 'w1', 'other-key')).toThrow(
      '--read: "other-key" reads key "y" but "w1" writes key "x"',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { entriesBetween, lastIndex, lastTerm, matchPoint, termAt, termInRuns, termRuns } from './log';
import type { GroupState, LogEntry } from './types';

function group(terms: number[], logStart = 0, logStartTerm = 0): GroupState {
  const log = terms.map(
    (term, i) =>
      ({ index: logStart + i + 1, term, kind: 'commit', op: `w${i}`, key: 'k', at: 0 }) as LogEntry,
  );
  return { log, logStart, logStartTerm } as GroupState;
}

describe('replication log', () => {
  it('addresses entries by position after the snapshot point', () => {
    const g = group([1, 1, 2], 4, 1);
    expect(lastIndex(g)).toBe(7);
    expect(lastTerm(g)).toBe(2);
    expect(termAt(g, 4)).toBe(1);
    expect(termAt(g, 7)).toBe(2);
    expect(termAt(g, 3)).toBeUndefined();
    expect(termAt(g, 8)).toBeUndefined();
    expect(entriesBetween(g, 6, 20).map((e) => e.index)).toEqual([6, 7]);
  });

  it('summarises the log as runs of terms', () => {
    const g = group([1, 1, 2, 2, 3]);
    expect(termRuns(g)).toEqual([
      [1, 1],
      [2, 3],
      [3, 5],
    ]);
    expect(termInRuns(termRuns(g), 5, 4)).toBe(2);
    expect(termInRuns(termRuns(g), 5, 6)).toBeUndefined();
  });

  it('finds where a returning leader parted from the new leader', () => {
    const leader = group([1, 1, 2, 2]);
    const oldLeader = group([1, 1, 1, 1, 1]);
    expect(matchPoint(leader, termRuns(oldLeader), 5)).toBe(2);
    const behind = group([1, 1]);
    expect(matchPoint(leader, termRuns(behind), 2)).toBe(2);
    expect(matchPoint(leader, [], 0)).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import { leaderlessScenario } from './testScenario';

describe('sloppy quorum', () => {
  // placement all with n=3 of 4 nodes: n1..n3 are the homes, n4 the only fallback.
  const scenario = leaderlessScenario({
    nodes: ['n1', 'n2', 'n3', 'n4'],
    cluster: { placement: 'all', n: 3, w: 2, r: 2, sloppyQuorum: true, hintedHandoff: 50 },
    clients: [
      { id: 'alice', node: 'n1' },
      { id: 'bob', node: 'n1' },
    ],
    items: [
      { at: 0, fault: { kind: 'crash', node: 'n2', disk: 'kept' } },
      { at: 0, fault: { kind: 'crash', node: 'n3', disk: 'kept' } },
      { at: 10, client: 'alice', id: 'write', action: { kind: 'write', key: 'k', value: 'v' } },
      { at: 300, client: 'bob', id: 'read', action: { kind: 'read', key: 'k' } },
      { at: 400, fault: { kind: 'recover', node: 'n2' } },
      { at: 400, fault: { kind: 'recover', node: 'n3' } },
    ],
  });
  const { trace } = runScenario(scenario);
  const events = [...trace.events()];
  const notes = events.filter((e) => e.kind === 'note').map((e) => e.text);
  const result = (id: string) => events.find((e) => e.kind === 'response' && e.op?.id === id)?.result;

  it('counts a fallback’s acknowledgement toward w, and says when no fallback is left', () => {
    expect(result('write')).toMatchObject({ ok: true, servedBy: 'n1' });
    expect(notes).toContain('sloppy quorum: n2 down, writing to n4 with a hint for n2');
    expect(notes).toContain('sloppy quorum: n3 does not answer and no other healthy node is left for n3');
  });

  it('reads from the fallback at once once the home is suspected, and sees the hinted write', () => {
    expect(notes).toContain('sloppy quorum: n2 suspected down, reading from n4 in place of n2');
    expect(result('read')?.values?.map((s) => s.value)).toEqual(['v']);
  });

  it('hands the hint to n2 when it recovers, and nothing to n3 which never had a stand-in', () => {
    expect(trace.final.n2?.data.k?.map((s) => s.op)).toEqual(['write']);
    expect(trace.final.n3?.data.k).toBeUndefined();
    expect(trace.final.n4?.fields.hints).toEqual([]);
    // Without anti-entropy or a read, n3 stays behind: the run ends diverged.
    expect(trace.anomalies.map((a) => a.kind)).toEqual(['divergence']);
  });
});

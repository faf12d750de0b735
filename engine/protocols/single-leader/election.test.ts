import { describe, expect, it } from 'vitest';
import { slConfig } from './fakeOut';
import { TestCluster } from './testCluster';
import type { SlMessage } from './types';

const failover = (fencing: boolean, elect: 'most-up-to-date' | 'lowest-id' = 'most-up-to-date') =>
  slConfig({ failover: { timeout: 50, elect, fencing } });
const main = (c: TestCluster, id: string) => c.nodes[id]!.state.groups.main!;

/** Let every follower's election timer run out (no heartbeats meanwhile). */
function silence(c: TestCluster, ms = 120): void {
  c.advance(ms);
}

describe('single-leader failover', () => {
  it('elects a follower after the leader crashes, with a majority and a higher term', () => {
    const c = new TestCluster(failover(true));
    c.op('alice', { kind: 'write', dataKey: 'x', value: 1 });
    c.pump();
    c.crash('l');
    silence(c);
    c.fire('f1', 'election');
    c.pump();
    expect(main(c, 'f1').role).toBe('leader');
    expect(main(c, 'f1').term).toBe(2);
    expect(main(c, 'f2').leader).toBe('f1');
    expect(
      c.nodes.f1!.rec.notes.some((n) => n.startsWith('elected leader of term 2 with votes from f1, f2')),
    ).toBe(true);
  });

  it('votes at most once per term', () => {
    const c = new TestCluster(failover(true));
    c.pump();
    const g = main(c, 'f2');
    const ask = (candidate: string): SlMessage => ({
      type: 'RequestVote',
      group: 'main',
      term: 2,
      candidate,
      lastIndex: 0,
      lastTerm: 0,
      prevote: false,
    });
    c.node('f2', { kind: 'message', from: 'f1', msg: ask('f1') });
    c.node('f2', { kind: 'message', from: 'l', msg: ask('l') });
    const votes = c.queue
      .filter((m) => m.msg.type === 'Vote')
      .map((m) => (m.msg as unknown as { granted: boolean }).granted);
    expect(votes).toEqual([true, false]);
    expect(g.votedFor).toBe('f1');
  });

  it('refuses a candidate whose log is behind its own under most-up-to-date', () => {
    const c = new TestCluster(failover(true));
    c.op('alice', { kind: 'write', dataKey: 'x', value: 1 });
    c.pump();
    const msg: SlMessage = {
      type: 'RequestVote',
      group: 'main',
      term: 2,
      candidate: 'f9',
      lastIndex: 0,
      lastTerm: 0,
      prevote: false,
    };
    c.node('f2', { kind: 'message', from: 'f1', msg });
    expect(c.queue.find((m) => m.msg.type === 'Vote')!.msg).toMatchObject({ granted: false });
    expect(c.nodes.f2!.rec.notes.at(-1)).toMatch(
      /its log \(term 0, position 0\) is behind mine \(term 1, position 2\)/,
    );
  });

  it('under lowest-id, a lower id refuses and runs itself', () => {
    const c = new TestCluster(failover(true, 'lowest-id'));
    c.pump();
    c.crash('l');
    silence(c);
    const msg: SlMessage = {
      type: 'RequestVote',
      group: 'main',
      term: 2,
      candidate: 'f2',
      lastIndex: 9,
      lastTerm: 1,
      prevote: false,
    };
    c.node('f1', { kind: 'message', from: 'f2', msg });
    expect(c.queue.find((m) => m.msg.type === 'Vote')!.msg).toMatchObject({ granted: false });
    c.pump();
    expect(main(c, 'f1').role).toBe('leader');
  });

  it('turns down pre-votes while the leader is still heard from', () => {
    const c = new TestCluster(failover(true));
    c.pump();
    c.advance(10);
    c.fire('l', 'heartbeat');
    c.pump();
    c.fire('f1', 'election');
    c.pump();
    expect(main(c, 'f1').term).toBe(1);
    expect(main(c, 'l').role).toBe('leader');
  });

  it('truncates the old leader’s unreplicated entries when it learns of a newer term', () => {
    const c = new TestCluster(slConfig());
    c.op('alice', { kind: 'write', dataKey: 'x', value: 'kept' });
    c.pump();
    c.cut.add('l->f1');
    c.cut.add('l->f2');
    const lost = c.op('alice', { kind: 'write', dataKey: 'x', value: 'lost' });
    c.pump();
    expect(c.result('alice', lost)).toMatchObject({ ok: true });
    c.node('f1', { kind: 'promote' });
    c.cut.clear();
    c.pump();
    expect(main(c, 'l').role).toBe('follower');
    expect(c.value('l', 'x')).toBe('kept');
    expect(main(c, 'l').log.length).toBe(2);
    expect(c.nodes.l!.rec.notes.some((n) => /^truncated the entry of alice#2/.test(n))).toBe(true);
  });

  it('with fencing, a follower rejects Replicate from an older epoch and the sender steps down', () => {
    const c = new TestCluster(failover(true));
    c.pump();
    main(c, 'f1').term = 2;
    c.op('alice', { kind: 'write', dataKey: 'x', value: 1 });
    c.pump();
    expect(c.value('f1', 'x')).toBeUndefined();
    expect(
      c.nodes.f1!.rec.notes.some((n) => n.startsWith('fencing: rejected Replicate from l carrying epoch 1')),
    ).toBe(true);
    expect(main(c, 'l').role).toBe('follower');
  });

  it('without fencing, a follower applies Replicate from an older epoch', () => {
    const c = new TestCluster(failover(false));
    c.pump();
    main(c, 'f1').term = 2;
    c.op('alice', { kind: 'write', dataKey: 'x', value: 1 });
    c.pump();
    expect(c.value('f1', 'x')).toBe(1);
  });

  it('with fencing, a leader cut off from the majority steps down when its lease runs out', () => {
    const c = new TestCluster(failover(true));
    c.pump();
    c.cut.add('l->f1');
    c.cut.add('l->f2');
    c.advance(60);
    c.fire('l', 'lease');
    expect(main(c, 'l').role).toBe('follower');
    const w = c.op('alice', { kind: 'write', dataKey: 'x', value: 1 });
    c.pump();
    expect(c.result('alice', w)).toBeUndefined(); // redirected, nobody to go to: it retries later
  });
});

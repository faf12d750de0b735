import { describe, expect, it } from 'vitest';
import { slConfig } from './fakeOut';
import { TestCluster } from './testCluster';

describe('single-leader client library', () => {
  it('learns the leader by redirect and remembers it', () => {
    const c = new TestCluster(slConfig(), { bob: { node: 'f1' } });
    const w = c.op('bob', { kind: 'write', dataKey: 'x', value: 1 });
    c.pump();
    expect(c.result('bob', w)).toMatchObject({ ok: true, servedBy: 'l' });
    expect(c.clients.bob!.rec.notes).toContain('learned by redirect: l leads');
    expect(c.nodes.f1!.rec.notes).toContain('redirect: f1 is not the leader; l is');
    c.op('bob', { kind: 'write', dataKey: 'x', value: 2 });
    expect(c.queue.at(-1)!.to).toBe('l');
  });

  it('reads from the configured follower, stale while it lags', () => {
    const c = new TestCluster(slConfig(), { alice: { reads: 'f1' } });
    c.cut.add('l->f1');
    c.op('alice', { kind: 'write', dataKey: 'x', value: 1 });
    c.pump();
    const r = c.op('alice', { kind: 'read', dataKey: 'x' });
    c.pump();
    expect(c.result('alice', r)).toMatchObject({ ok: true, values: [], servedBy: 'f1' });
  });

  it('read-your-writes (leader-for-own-keys) reads own keys from the leader and others from the follower', () => {
    const c = new TestCluster(slConfig(), {
      alice: { reads: 'f1', guarantees: [{ kind: 'read-your-writes' }] },
    });
    c.cut.add('l->f1');
    c.op('alice', { kind: 'write', dataKey: 'x', value: 1 });
    c.pump();
    const own = c.op('alice', { kind: 'read', dataKey: 'x' });
    const other = c.op('alice', { kind: 'read', dataKey: 'y' });
    c.pump();
    expect(c.result('alice', own)).toMatchObject({ values: [{ value: 1 }], servedBy: 'l' });
    expect(c.result('alice', other)).toMatchObject({ servedBy: 'f1' });
    expect(c.clients.alice!.rec.notes[0]).toBe(
      'read-your-writes: alice has written x, so alice#2 goes to l, the leader, instead of f1',
    );
  });

  it('read-your-writes (leader-window) goes to the leader only inside the window', () => {
    const c = new TestCluster(slConfig(), {
      alice: {
        reads: 'f1',
        guarantees: [{ kind: 'read-your-writes', strategy: 'leader-window', window: 50 }],
      },
    });
    c.op('alice', { kind: 'write', dataKey: 'x', value: 1 });
    c.pump();
    const inside = c.op('alice', { kind: 'read', dataKey: 'x' });
    c.pump();
    c.advance(60);
    const outside = c.op('alice', { kind: 'read', dataKey: 'x' });
    c.pump();
    expect(c.result('alice', inside)).toMatchObject({ servedBy: 'l' });
    expect(c.result('alice', outside)).toMatchObject({ servedBy: 'f1' });
  });

  it('read-your-writes (position) makes the follower hold the read until it has the write', () => {
    const c = new TestCluster(slConfig(), {
      alice: { reads: 'f1', guarantees: [{ kind: 'read-your-writes', strategy: 'position' }] },
    });
    c.cut.add('l->f1');
    c.op('alice', { kind: 'write', dataKey: 'x', value: 1 });
    c.pump();
    const r = c.op('alice', { kind: 'read', dataKey: 'x' });
    c.pump();
    expect(c.result('alice', r)).toBeUndefined();
    expect(c.nodes.f1!.rec.notes.at(-1)).toBe(
      'hold read: the client needs position 2, f1 has applied 0; waiting',
    );
    c.cut.clear();
    c.heartbeats('l', 2); // behind for a whole interval: the follower asks to catch up
    expect(c.result('alice', r)).toMatchObject({ values: [{ value: 1 }], servedBy: 'f1' });
  });

  it('monotonic-reads (sticky) keeps reading from the first replica it chose', () => {
    const c = new TestCluster(slConfig({ reads: 'followers' }), {
      alice: { guarantees: [{ kind: 'monotonic-reads' }] },
    });
    const servers = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const r = c.op('alice', { kind: 'read', dataKey: 'x' });
      c.pump();
      servers.add(c.result('alice', r)!.servedBy!);
    }
    expect(servers.size).toBe(1);
  });

  it('reads from several followers without a guarantee', () => {
    const c = new TestCluster(slConfig({ reads: 'followers' }));
    const servers = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const r = c.op('alice', { kind: 'read', dataKey: 'x' });
      c.pump();
      servers.add(c.result('alice', r)!.servedBy!);
    }
    expect(servers).toEqual(new Set(['f1', 'f2']));
  });

  it('sends the positions a write depended on, and consistent-prefix reads wait for them', () => {
    const cfg = slConfig({
      nodes: [
        { id: 'n1', engineVersion: 1, line: 1 },
        { id: 'n2', engineVersion: 1, line: 1 },
        { id: 'n3', engineVersion: 1, line: 1 },
      ],
      leader: 'n1',
      followers: {},
      shards: [
        { name: 's1', leader: 'n1', followers: { n3: 'async' }, keys: ['q'], line: 1 },
        { name: 's2', leader: 'n2', followers: { n3: 'async' }, keys: ['a'], line: 1 },
      ],
    });
    const c = new TestCluster(cfg, {
      poons: { node: 'n1' },
      cake: { node: 'n2' },
      obs: { node: 'n3', reads: 'n3', guarantees: [{ kind: 'consistent-prefix' }] },
    });
    c.pump();
    c.cut.add('n1->n3');
    c.op('poons', { kind: 'write', dataKey: 'q', value: 'question' });
    c.pump();
    c.op('cake', { kind: 'read', dataKey: 'q' });
    c.pump();
    const answer = c.op('cake', { kind: 'write', dataKey: 'a', value: 'answer' });
    c.pump();
    expect(c.delivered.find((m) => m.msg.type === 'ClientWrite' && m.from === 'cake')!.msg).toMatchObject({
      deps: { s1: 1 },
    });
    expect(c.result('cake', answer)).toMatchObject({ ok: true });
    c.op('obs', { kind: 'read', dataKey: 'a' });
    c.pump();
    const q = c.op('obs', { kind: 'read', dataKey: 'q' });
    c.pump();
    expect(c.result('obs', q)).toBeUndefined();
    expect(c.clients.obs!.rec.notes.at(-1)).toMatch(
      /^consistent-prefix: n3 may serve obs#\d+ only once it has applied position 1 of s1/,
    );
    c.cut.clear();
    c.heartbeats('n1', 2);
    expect(c.result('obs', q)).toMatchObject({ values: [{ value: 'question' }] });
  });

  it('with `reads: sticky`, spreads clients over followers but keeps each on one', () => {
    const c = new TestCluster(slConfig({ reads: 'sticky' }), { alice: {}, bob: {} });
    const seen: Record<string, Set<string>> = { alice: new Set(), bob: new Set() };
    for (let i = 0; i < 6; i++) {
      for (const who of ['alice', 'bob']) {
        const r = c.op(who, { kind: 'read', dataKey: 'x' });
        c.pump();
        seen[who]!.add(c.result(who, r)!.servedBy!);
      }
    }
    expect(seen.alice!.size).toBe(1);
    expect(seen.bob!.size).toBe(1);
    expect([...seen.alice!, ...seen.bob!].every((n) => n === 'f1' || n === 'f2')).toBe(true);
  });

  it('stops retrying an operation the simulator has timed out', () => {
    const c = new TestCluster(slConfig());
    c.crash('l');
    const w = c.op('alice', { kind: 'write', dataKey: 'x', value: 1 });
    expect(c.clients.alice!.rec.timers[`retry:${w}`]).toBeGreaterThan(0);
    c.client('alice', { kind: 'timedOut', opKey: w });
    expect(c.clients.alice!.rec.timers[`retry:${w}`]).toBeUndefined();
    c.client('alice', { kind: 'timer', name: `retry:${w}` });
    expect(c.queue.filter((m) => m.from === 'alice').length).toBe(1);
  });
});

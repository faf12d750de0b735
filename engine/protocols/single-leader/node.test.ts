import { describe, expect, it } from 'vitest';
import { slConfig } from './fakeOut';
import { crash } from './node';
import { TestCluster } from './testCluster';
import type { LogEntry } from './types';

const main = (c: TestCluster, id: string) => c.nodes[id]!.state.groups.main!;

describe('single-leader replication', () => {
  it('acknowledges a write only once every sync follower has it', () => {
    const c = new TestCluster(slConfig({ followers: { f1: 'sync', f2: 'async' } }));
    c.pump();
    c.cut.add('l->f1');
    const w = c.op('alice', { kind: 'write', dataKey: 'x', value: 1 });
    c.pump();
    expect(c.result('alice', w)).toBeUndefined();
    expect(c.value('l', 'x')).toBe(1);
    expect(c.value('f2', 'x')).toBe(1);
    c.cut.clear();
    c.heartbeats('l', 2); // behind for a whole interval: the follower asks to catch up
    expect(c.result('alice', w)).toMatchObject({ ok: true, servedBy: 'l' });
    expect(c.value('f1', 'x')).toBe(1);
  });

  it('acknowledges at once with only async followers, before they have the write', () => {
    const c = new TestCluster(slConfig());
    c.pump();
    c.cut.add('l->f1');
    c.cut.add('l->f2');
    const w = c.op('alice', { kind: 'write', dataKey: 'x', value: 1 });
    c.pump();
    expect(c.result('alice', w)).toMatchObject({ ok: true });
    expect(c.value('f1', 'x')).toBeUndefined();
    expect((c.nodes.l!.rec.fields.lag as Record<string, { entries: number }>).f1!.entries).toBe(2);
  });

  it('makes an async follower synchronous under semi-sync when the sync one falls silent', () => {
    const c = new TestCluster(slConfig({ followers: { f1: 'sync', f2: 'async' }, semiSync: true }));
    c.pump();
    c.crash('f1');
    const w = c.op('alice', { kind: 'write', dataKey: 'x', value: 1 });
    c.pump();
    expect(c.result('alice', w)).toBeUndefined();
    for (let i = 0; i < 4; i++) {
      c.advance(10);
      c.fire('l', 'heartbeat');
      c.pump();
    }
    expect(
      c.nodes.l!.rec.notes.some((n) =>
        /^semi-sync: f1 has not answered for \d+ms .*; f2 .* becomes the synchronous follower/.test(n),
      ),
    ).toBe(true);
    expect(c.result('alice', w)).toMatchObject({ ok: true });
    expect(c.nodes.l!.rec.fields.sync).toEqual(['f2']);
  });

  it('keeps waiting for a dead sync follower without semi-sync', () => {
    const c = new TestCluster(slConfig({ followers: { f1: 'sync', f2: 'async' } }));
    c.pump();
    c.crash('f1');
    const w = c.op('alice', { kind: 'write', dataKey: 'x', value: 1 });
    for (let i = 0; i < 6; i++) {
      c.advance(10);
      c.fire('l', 'heartbeat');
      c.pump();
    }
    expect(c.result('alice', w)).toBeUndefined();
  });

  it('ships row images with a commit record and applies them at the commit', () => {
    const c = new TestCluster(slConfig({ log: 'row' }));
    c.op('alice', { kind: 'write', dataKey: 'x', value: 'a' });
    c.pump();
    c.op('alice', { kind: 'write', dataKey: 'x', value: 'b' });
    c.pump();
    c.op('alice', { kind: 'delete', dataKey: 'x' });
    c.pump();
    const log = main(c, 'f1').log;
    expect(log.map((e) => e.kind)).toEqual(['insert', 'commit', 'update', 'commit', 'delete', 'commit']);
    expect(c.nodes.f1!.state.data.x).toMatchObject({ tombstone: true, value: null, version: 5 });
    expect(c.nodes.f1!.rec.data.map((d) => d.after[0]!.op)).toEqual(['alice#1', 'alice#2', 'alice#3']);
  });

  it('lets every node evaluate statements itself, so now() differs between replicas', () => {
    const c = new TestCluster(slConfig({ log: 'statement' }));
    c.nodes.f1!.ctx.clock = 500;
    c.op('alice', { kind: 'write', dataKey: 't', value: 'now()' });
    c.pump();
    expect(main(c, 'f1').log[0]).toMatchObject({ kind: 'statement', value: 'now()' });
    expect(c.value('l', 't')).toBe(0);
    expect(c.value('f1', 't')).toBe(500);
  });

  it('refuses WAL written by another storage engine version and the leader stops shipping to it', () => {
    const cfg = slConfig({ log: 'wal' });
    cfg.nodes[2] = { id: 'f2', engineVersion: 2, line: 1 };
    const c = new TestCluster(cfg);
    c.op('alice', { kind: 'write', dataKey: 'x', value: 1 });
    c.pump();
    expect(c.value('f1', 'x')).toBe(1);
    expect(c.value('f2', 'x')).toBeUndefined();
    expect(c.nodes.f2!.rec.notes[0]).toMatch(
      /^error: WAL written by storage engine v1 cannot be applied by engine v2/,
    );
    expect(c.nodes.l!.rec.notes.some((n) => n.startsWith('replication to f2 stopped'))).toBe(true);
    c.op('alice', { kind: 'write', dataKey: 'y', value: 2 });
    c.pump();
    expect(c.sentOfType('Replicate').filter((m) => m.to === 'f2').length).toBe(1);
  });

  it('catches a recovered follower up from its last applied position', () => {
    const c = new TestCluster(slConfig());
    c.op('alice', { kind: 'write', dataKey: 'x', value: 1 });
    c.pump();
    c.crash('f1');
    c.op('alice', { kind: 'write', dataKey: 'x', value: 2 });
    c.op('alice', { kind: 'write', dataKey: 'y', value: 3 });
    c.pump();
    c.recover('f1');
    c.pump();
    const ask = c.sentOfType('CatchUpRequest').find((m) => m.from === 'f1')!;
    expect(ask.msg).toMatchObject({ lastIndex: 2 });
    expect(c.value('f1', 'x')).toBe(2);
    expect(c.value('f1', 'y')).toBe(3);
  });

  it('keeps only the persisted log prefix through a crash', () => {
    const c = new TestCluster(slConfig());
    const g = main(c, 'f1');
    g.log.push({ index: 1, term: 1, kind: 'commit', op: 'w', key: 'x', at: 0 } as LogEntry);
    g.applied = 0;
    const after = crash(c.nodes.f1!.state, false, c.nodes.f1!.ctx);
    expect(after.groups.main!.log).toEqual([]);
    expect(after.groups.main!.term).toBe(1);
  });

  it('answers a retried write from the log instead of appending it twice', () => {
    const c = new TestCluster(slConfig());
    const w = c.op('alice', { kind: 'write', dataKey: 'x', value: 1 });
    c.pump();
    const write = c.delivered.find((m) => m.msg.type === 'ClientWrite')!;
    c.node('l', { kind: 'message', from: 'alice', msg: write.msg });
    c.pump();
    expect(main(c, 'l').log.length).toBe(2);
    const answers = c.delivered.filter((m) => m.msg.type === 'ClientWriteResult');
    expect(answers.map((a) => a.msg)).toEqual([
      expect.objectContaining({ op: w, ok: true, position: 2 }),
      expect.objectContaining({ op: w, ok: true, position: 2 }),
    ]);
  });

  it('rebuilds a follower that lost its disk from position 0', () => {
    const c = new TestCluster(slConfig());
    c.op('alice', { kind: 'write', dataKey: 'x', value: 1 });
    c.op('alice', { kind: 'write', dataKey: 'y', value: 2 });
    c.pump();
    c.crash('f1', true);
    expect(c.nodes.f1!.state.data).toEqual({});
    c.recover('f1');
    c.heartbeats('l', 2);
    expect(c.sentOfType('CatchUpRequest').find((m) => m.from === 'f1')!.msg).toMatchObject({ lastIndex: 0 });
    expect(c.value('f1', 'x')).toBe(1);
    expect(c.value('f1', 'y')).toBe(2);
    expect(main(c, 'f1').term).toBe(1);
  });

  it('does not keep asking to catch up once WAL replication has failed', () => {
    const cfg = slConfig({ log: 'wal' });
    cfg.nodes[2] = { id: 'f2', engineVersion: 3, line: 1 };
    const c = new TestCluster(cfg);
    c.op('alice', { kind: 'write', dataKey: 'x', value: 1 });
    c.pump();
    c.heartbeats('l', 5);
    expect(c.sentOfType('CatchUpRequest').filter((m) => m.from === 'f2')).toEqual([]);
    expect(c.nodes.f2!.rec.fields.replicationError).toMatch(/engine v1 cannot be applied by engine v3/);
  });
});

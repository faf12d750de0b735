import { describe, expect, it } from 'vitest';
import type { LeaderlessConfig } from '../../scenario/model';
import type { NodeInput } from '../protocol';
import { FakeOut, fakeContext } from './fakeOut';
import type { ClientReply, GetReply, HintedPut, Put, PutAck, ReadRepair } from './messages';
import { initNode, type LeaderlessNode, onNode } from './node';
import { applyWrite } from './versioning';

const nodes = ['n1', 'n2', 'n3', 'n4'];
type Settings = Partial<Omit<LeaderlessConfig, 'nodes' | 'replication'>>;
// placement all: n1, n2, n3 are every key's homes and n4 the first fallback.
const base: Settings = { placement: 'all', n: 3, w: 2, r: 2 };

function node(self: string, settings: Settings = base) {
  const state: LeaderlessNode = initNode();
  const out = new FakeOut();
  const ctx = fakeContext(self, nodes, settings);
  const feed = (input: NodeInput) => {
    onNode(state, input, ctx, out);
    // Storage is instant in these tests: hand every persisted job straight back.
    for (let i = 0; i < 10; i++) {
      const jobs = out.effects.filter((e) => e.kind === 'persist');
      if (jobs.length === 0) break;
      out.effects = out.effects.filter((e) => e.kind !== 'persist');
      for (const j of jobs)
        if (j.kind === 'persist') onNode(state, { kind: 'persisted', data: j.data }, ctx, out);
    }
  };
  return { state, out, feed, ctx };
}

const clientPut = {
  type: 'ClientPut',
  op: 'alice#1',
  key: 'cart',
  value: ['milk'],
  context: {},
  timeout: 1000,
};

describe('a coordinating node', () => {
  it('writes locally and to the other homes, and answers after w acks', () => {
    const { out, feed } = node('n1');
    feed({ kind: 'message', from: 'alice', msg: clientPut });
    expect(out.sent('Put').map((s) => s.to)).toEqual(['n2', 'n3']);
    expect(out.sent('ClientReply')).toEqual([]); // only its own ack so far
    const put = out.sent('Put')[0]!.msg as Put;
    const ack: PutAck = { type: 'PutAck', req: put.req, key: 'cart', context: { vv: { n1: 1 } } };
    feed({ kind: 'message', from: 'n2', msg: ack });
    const reply = out.sent('ClientReply')[0]!.msg as ClientReply;
    expect(reply.result).toMatchObject({ ok: true, context: { vv: { n1: 1 } }, servedBy: 'n1' });
  });

  it('fails with the reason when fewer than w replicas answer by the deadline', () => {
    const { out, feed } = node('n1', { ...base, w: 3 });
    feed({ kind: 'message', from: 'alice', msg: clientPut });
    const put = out.sent('Put')[0]!.msg as Put;
    feed({ kind: 'message', from: 'n2', msg: { type: 'PutAck', req: put.req, key: 'cart', context: {} } });
    const timer = out.effects.find((e) => e.kind === 'setTimer' && e.name.startsWith('quorum:'));
    expect(timer).toMatchObject({ after: 800 });
    if (timer?.kind !== 'setTimer') throw new Error('no quorum timer');
    feed({ kind: 'timer', name: timer.name, data: timer.data });
    expect(out.notes()).toContain('quorum not reached: 2 of 3 acks');
    expect((out.sent('ClientReply')[0]!.msg as ClientReply).result).toEqual({
      ok: false,
      error: 'quorum not reached: 2 of 3 acks',
      servedBy: 'n1',
    });
  });

  it('repairs a stale replica after a read, visibly', () => {
    const { out, feed } = node('n1', { ...base, versioning: 'version-numbers' });
    feed({
      kind: 'message',
      from: 'alice',
      msg: { type: 'ClientGet', op: 'alice#2', key: 'cart', timeout: 1000 },
    });
    const get = out.sent('Get')[0]!.msg as GetReply;
    const v1 = applyWrite('version-numbers', undefined, {
      op: 'bob#1',
      value: 'milk',
      tombstone: false,
      context: {},
      origin: 'n2',
    }).obj;
    const v2 = applyWrite('version-numbers', v1, {
      op: 'bob#2',
      value: 'eggs',
      tombstone: false,
      context: { version: 1 },
      origin: 'n2',
    }).obj;
    feed({ kind: 'message', from: 'n2', msg: { type: 'GetReply', req: get.req, key: 'cart', object: v2 } });
    feed({ kind: 'message', from: 'n3', msg: { type: 'GetReply', req: get.req, key: 'cart', object: v1 } });
    const reply = out.sent('ClientReply')[0]!.msg as ClientReply;
    expect(reply.result.values?.map((s) => s.value)).toEqual(['eggs']);
    expect(out.notes()).toContain('read repair: n3 had version 1, sent version 2');
    expect(out.notes()).toContain('read repair: n1 had nothing, sent version 2');
    const repairs = out.sent('ReadRepair');
    expect(repairs.map((r) => r.to).sort()).toEqual(['n3']); // n1 repairs itself without the network
    expect((repairs[0]!.msg as ReadRepair).object.version).toBe(2);
  });

  it('with a sloppy quorum, replaces a silent home by the next node with a hint', () => {
    const { out, feed } = node('n1', { ...base, sloppyQuorum: true });
    feed({ kind: 'message', from: 'alice', msg: clientPut });
    const attempt = out.effects.find((e) => e.kind === 'setTimer' && e.name.includes(':n2'));
    if (attempt?.kind !== 'setTimer') throw new Error('no attempt timer for n2');
    expect(attempt.after).toBe(200);
    out.take();
    feed({ kind: 'timer', name: attempt.name, data: attempt.data });
    expect(out.notes()).toContain('sloppy quorum: n2 down, writing to n4 with a hint for n2');
    const fallback = out.sent('Put')[0]!;
    expect(fallback.to).toBe('n4');
    expect((fallback.msg as Put).hint).toBe('n2');
  });
});

describe('a fallback node', () => {
  it('holds the hint, hands it off every interval, and deletes it once the home has it', () => {
    const { state, out, feed } = node('n4', { ...base, sloppyQuorum: true, hintedHandoff: 50 });
    const put: Put = {
      type: 'Put',
      req: 1,
      key: 'cart',
      op: 'alice#1',
      value: 'milk',
      context: {},
      dot: ['n1', 1],
      origin: 'n1',
      hint: 'n2',
    };
    feed({ kind: 'message', from: 'n1', msg: put });
    expect(state.store.size).toBe(0); // a hint is not the node's own data
    expect(out.effects).toContainEqual({
      kind: 'field',
      name: 'hints',
      value: [{ home: 'n2', key: 'cart', ops: ['alice#1'] }],
    });
    expect(out.sent('PutAck')[0]!.to).toBe('n1');
    expect(out.effects).toContainEqual({ kind: 'setTimer', name: 'handoff', after: 50, data: undefined });
    out.take();
    feed({ kind: 'timer', name: 'handoff' });
    const handoff = out.sent('HintedPut')[0]!;
    expect(handoff.to).toBe('n2');
    expect(out.effects.some((e) => e.kind === 'setTimer' && e.name === 'handoff')).toBe(true); // retried until acked
    const home = node('n2', { ...base, sloppyQuorum: true });
    home.feed({ kind: 'message', from: 'n4', msg: handoff.msg as HintedPut });
    expect(home.state.store.get('cart')?.siblings.map((s) => s.op)).toEqual(['alice#1']);
    const ack = home.out.sent('HandoffAck')[0]!;
    out.take();
    feed({ kind: 'message', from: 'n2', msg: ack.msg });
    expect(state.hints.size).toBe(0);
    expect(out.notes()).toContain('hinted handoff: n2 has cart, hint deleted');
    expect(out.effects).toContainEqual({ kind: 'field', name: 'hints', value: [] });
  });
});

describe('a replica', () => {
  it('stores a write only once even if a duplicating network delivers the Put twice', () => {
    const { state, out, feed, ctx } = node('n2', { ...base, versioning: 'version-numbers' });
    ctx.scenario.network.duplicate = 0.1;
    const put: Put = {
      type: 'Put',
      req: 1,
      key: 'cart',
      op: 'alice#1',
      value: 'milk',
      context: {},
      origin: 'n1',
    };
    feed({ kind: 'message', from: 'n1', msg: put });
    feed({ kind: 'message', from: 'n1', msg: put });
    expect(state.store.get('cart')?.siblings).toHaveLength(1);
    expect(out.sent('PutAck')).toHaveLength(2);
  });

  it('keeps no record of applied writes when the network never duplicates', () => {
    const { state, feed } = node('n2', { ...base, versioning: 'version-numbers' });
    const put: Put = {
      type: 'Put',
      req: 1,
      key: 'cart',
      op: 'alice#1',
      value: 'milk',
      context: {},
      origin: 'n1',
    };
    feed({ kind: 'message', from: 'n1', msg: put });
    expect(state.store.get('cart')?.siblings).toHaveLength(1);
    expect(state.applied.size).toBe(0);
  });

  it('acknowledges a write that last-write-wins discards, and says so', () => {
    const { state, out, feed } = node('n2', { ...base, versioning: 'timestamps' });
    const put = (op: string, ts: number): Put => ({
      type: 'Put',
      req: 1,
      key: 'k',
      op,
      value: op,
      context: {},
      ts,
      origin: 'n1',
    });
    feed({ kind: 'message', from: 'n1', msg: put('alice#1', 50) });
    feed({ kind: 'message', from: 'n3', msg: put('bob#1', 10) });
    expect(state.store.get('k')?.siblings.map((s) => s.op)).toEqual(['alice#1']);
    expect(out.sent('PutAck').map((s) => s.to)).toEqual(['n1', 'n3']);
    expect(out.notes()).toContain(
      'last write wins: bob#1 (timestamp 10) is older than alice#1 (timestamp 50) and is discarded',
    );
  });
});

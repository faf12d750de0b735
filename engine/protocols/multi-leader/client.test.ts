import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../scenario/model';
import type { ClientContext, ClientOperation } from '../protocol';
import { type ClientState, HOME_FAILOVER_MS, initClient, onClient } from './client';
import { fakeContext, fakeOut, mlConfig } from './fakeOut';
import type { ClientWrite, ReplicateMsg } from './types';

function client(self: string, over: Parameters<typeof mlConfig>[0] = {}, goesOffline = false) {
  const cluster = mlConfig(over);
  const base = fakeContext(self, cluster, 0);
  const events = goesOffline
    ? [{ type: 'fault', at: 10, action: { kind: 'offline', client: self }, line: 1, index: 0 }]
    : [];
  const ctx: ClientContext & { now: number } = {
    ...base,
    scenario: { events } as unknown as Scenario,
    spec: { id: self, node: 'dc2', guarantees: [], timeout: 1000, line: 1 },
  };
  const state: ClientState = initClient(ctx);
  let out = fakeOut();
  const persistAll = () => {
    while (out.rec.persisted.length > 0)
      onClient(state, { kind: 'persisted', data: out.rec.persisted.shift() } as never, ctx, out);
  };
  return {
    state,
    ctx,
    get rec() {
      return out.rec;
    },
    fresh() {
      out = fakeOut();
    },
    input(input: Parameters<typeof onClient>[1]) {
      onClient(state, input, ctx, out);
      persistAll();
    },
  };
}

function op(key: string, kind: ClientOperation['kind'], dataKey: string, value?: string): ClientOperation {
  return { key, client: 'alice', kind, dataKey, line: 1, ...(value !== undefined ? { value } : {}) };
}

describe('multi-leader client library', () => {
  it("routes a key's operations to its home and fails over to its own leader when the home is silent", () => {
    const c = client('alice', { homes: { cart: 'dc1' } });
    c.input({ kind: 'op', op: op('alice#1', 'write', 'cart', 'milk') });
    expect(c.rec.sent.map((s) => s.to)).toEqual(['dc1']);
    expect(c.rec.notes[0]).toBe("cart's home is dc1: alice#1 goes there, not to dc2");
    expect(c.rec.timers).toEqual([{ name: 'home:alice#1', after: HOME_FAILOVER_MS }]);
    c.input({ kind: 'timer', name: 'home:alice#1' });
    expect(c.rec.sent.map((s) => s.to)).toEqual(['dc1', 'dc2']);
    expect(c.rec.notes[1]).toMatch(/^dc1, home of cart, did not answer: failing over to dc2/);
  });

  it('sends reads to the leader named by `reads` and writes to its own leader', () => {
    const c = client('alice');
    c.ctx.spec.reads = 'dc3';
    c.input({ kind: 'op', op: op('alice#1', 'read', 'x') });
    c.input({
      kind: 'message',
      from: 'dc3',
      msg: { type: 'ClientReply', opKey: 'alice#1', ok: true, values: [] },
    });
    c.input({ kind: 'op', op: op('alice#2', 'write', 'x', 'v') });
    expect(c.rec.sent.map((s) => [s.to, s.msg.type])).toEqual([
      ['dc3', 'ClientRead'],
      ['dc2', 'ClientWrite'],
    ]);
  });

  it('sends one operation at a time, the next when the previous is answered', () => {
    const c = client('alice');
    c.input({ kind: 'op', op: op('alice#1', 'write', 'x', 'a') });
    c.input({ kind: 'op', op: op('alice#2', 'write', 'x', 'b') });
    expect(c.rec.sent).toHaveLength(1);
    c.input({
      kind: 'message',
      from: 'dc2',
      msg: { type: 'ClientReply', opKey: 'alice#1', ok: true, context: { dc2: 1 } },
    });
    expect(c.rec.completed.map((x) => x.opKey)).toEqual(['alice#1']);
    expect(c.rec.sent).toHaveLength(2);
    expect((c.rec.sent[1]!.msg as ClientWrite).op.key).toBe('alice#2');
  });

  it('sends the context of the last read of a key with its next write of that key', () => {
    const c = client('alice');
    c.input({ kind: 'op', op: op('alice#1', 'read', 'x') });
    c.input({
      kind: 'message',
      from: 'dc2',
      msg: {
        type: 'ClientReply',
        opKey: 'alice#1',
        ok: true,
        values: [],
        context: { dc1: 1, dc2: 1 },
        deps: { dc1: 3 },
      },
    });
    expect(c.rec.completed[0]!.result).toMatchObject({
      ok: true,
      context: { vv: { dc1: 1, dc2: 1 } },
      servedBy: 'dc2',
    });
    c.input({ kind: 'op', op: op('alice#2', 'write', 'x', 'v') });
    expect(c.rec.sent[1]!.msg).toMatchObject({ context: { dc1: 1, dc2: 1 }, deps: { dc1: 3 } });
  });

  it('keeps accepting writes offline on its own replica and pushes them when back online', () => {
    const c = client('alice', {}, true);
    c.input({ kind: 'start' });
    expect(c.rec.sent[0]!.msg).toMatchObject({ type: 'SyncRequest', subscribe: true });
    c.input({ kind: 'offline' });
    c.fresh();
    c.input({ kind: 'op', op: op('alice#1', 'write', 'cal', '9:30') });
    expect(c.rec.completed).toEqual([
      { opKey: 'alice#1', result: { ok: true, servedBy: 'alice', context: { vv: { alice: 1 } } } },
    ]);
    expect(c.rec.data).toEqual([
      { key: 'cal', after: [{ value: '9:30', op: 'alice#1', vv: { alice: 1 }, ts: 0, origin: 'alice' }] },
    ]);
    expect(c.rec.sent).toEqual([]);
    c.input({
      kind: 'message',
      from: 'dc2',
      msg: { type: 'Forward', change: {}, path: ['dc1', 'dc2'], horizon: {} },
    });
    expect(c.rec.notes.at(-1)).toBe('alice is offline: Forward from dc2 not received');
    c.input({ kind: 'online' });
    const pushed = c.rec.sent
      .filter((s) => s.msg.type === 'Replicate')
      .map((s) => (s.msg as ReplicateMsg).change.op);
    expect(pushed).toEqual(['alice#1']);
    expect(c.rec.sent.at(-1)).toMatchObject({ to: 'dc2', msg: { type: 'SyncRequest', subscribe: true } });
  });
});

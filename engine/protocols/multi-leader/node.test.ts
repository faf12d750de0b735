import { describe, expect, it } from 'vitest';
import type { MultiLeaderConfig } from '../../scenario/model';
import { fakeContext, fakeOut, mlConfig } from './fakeOut';
import { crashNode, initNode, type NodeState, onNode } from './node';
import type { Change, ClientWrite, ReplicateMsg, SyncResponse } from './types';

/** A node driven by hand: every storage write completes at once, as with no storage latency. */
function harness(self: string, config: MultiLeaderConfig = mlConfig()) {
  const ctx = fakeContext(self, config, 100);
  let state: NodeState = initNode(ctx);
  let out = fakeOut();
  const drain = () => {
    while (out.rec.persisted.length > 0) {
      const data = out.rec.persisted.shift();
      onNode(state, { kind: 'persisted', data }, ctx, out);
    }
  };
  const h = {
    get state() {
      return state;
    },
    get rec() {
      return out.rec;
    },
    fresh() {
      out = fakeOut();
    },
    message(
      from: string,
      msg: ReplicateMsg | ClientWrite | SyncResponse | { type: string; [k: string]: unknown },
    ) {
      onNode(state, { kind: 'message', from, msg }, ctx, out);
      drain();
    },
    crash(diskLost: boolean) {
      state = crashNode(state, diskLost);
    },
  };
  return h;
}

function write(key: string, value: string, opKey: string, extra: Partial<ClientWrite> = {}): ClientWrite {
  return {
    type: 'ClientWrite',
    op: { key: opKey, client: 'c', kind: 'write', dataKey: key, value },
    deps: {},
    ...extra,
  };
}

function change(
  origin: string,
  seq: number,
  key: string,
  value: string,
  vv: Record<string, number>,
  deps = {},
): Change {
  const op = `${origin}-op${seq}`;
  return { origin, seq, deps, key, op, put: { op, value, vv, ts: seq, origin, ev: -1 } };
}

function replicate(c: Change, path: string[], type: 'Replicate' | 'Forward' = 'Replicate'): ReplicateMsg {
  return { type, change: c, path, horizon: {} };
}

describe('multi-leader node', () => {
  it('applies a client write once stored, acknowledges it and replicates it to every other leader', () => {
    const n = harness('dc1');
    n.message('alice', write('cart', 'milk', 'alice#1'));
    expect(n.rec.data).toEqual([
      { key: 'cart', after: [{ value: 'milk', op: 'alice#1', vv: { dc1: 1 }, ts: 100, origin: 'dc1' }] },
    ]);
    const reply = n.rec.sent.find((s) => s.to === 'alice')!.msg;
    expect(reply).toMatchObject({ type: 'ClientReply', opKey: 'alice#1', ok: true, context: { dc1: 1 } });
    const replicas = n.rec.sent.filter((s) => s.msg.type === 'Replicate');
    expect(replicas.map((s) => s.to)).toEqual(['dc2', 'dc3']);
    expect(replicas[0]!.msg).toMatchObject({ path: ['dc1'], change: { origin: 'dc1', seq: 1, key: 'cart' } });
  });

  it('ignores a change tagged with its own id, and does not pass it on', () => {
    const n = harness('dc1', mlConfig({ topology: { kind: 'circular' } }));
    n.message('dc3', replicate(change('dc2', 1, 'k', 'v', { dc2: 1 }), ['dc2', 'dc1', 'dc3'], 'Forward'));
    expect(n.rec.notes).toEqual(['ignored dc2-op1: already passed through dc1']);
    expect(n.rec.data).toEqual([]);
    expect(n.rec.sent).toEqual([]);
  });

  it('forwards along a circle with its own id added to the path', () => {
    const n = harness('dc2', mlConfig({ topology: { kind: 'circular' } }));
    n.message('dc1', replicate(change('dc1', 1, 'k', 'v', { dc1: 1 }), ['dc1']));
    expect(n.rec.sent.map((s) => [s.to, s.msg.type, s.msg.path])).toEqual([
      ['dc3', 'Forward', ['dc1', 'dc2']],
    ]);
  });

  it('does not forward between leaders in all-to-all: every origin reaches everyone itself', () => {
    const n = harness('dc2');
    n.message('dc1', replicate(change('dc1', 1, 'k', 'v', { dc1: 1 }), ['dc1']));
    expect(n.rec.data).toHaveLength(1);
    expect(n.rec.sent).toEqual([]);
  });

  it('holds a change until the change it depends on has arrived, then applies both in order', () => {
    const n = harness('dc3');
    const update = change('dc2', 1, 'row', 'updated', { dc1: 1, dc2: 1 }, { dc1: 1 });
    n.message('dc2', replicate(update, ['dc2']));
    expect(n.rec.data).toEqual([]);
    expect(n.rec.notes[0]).toBe("held dc2-op1 from dc2: it depends on dc1's change 1 not applied here yet");
    expect(n.rec.fields.held).toEqual(['dc2-op1 (dc2:1)']);
    n.message('dc1', replicate(change('dc1', 1, 'row', 'inserted', { dc1: 1 }), ['dc1']));
    expect(n.rec.data.map((d) => d.after.map((s) => s.value))).toEqual([['inserted'], ['updated']]);
    expect(n.rec.fields.held).toEqual([]);
  });

  it('without causality tracking applies the update first and lets the late insert overwrite it', () => {
    const n = harness('dc3', mlConfig({ causality: 'none' }));
    n.message('dc2', replicate(change('dc2', 1, 'row', 'updated', { dc1: 1, dc2: 1 }, { dc1: 1 }), ['dc2']));
    n.message('dc1', replicate(change('dc1', 1, 'row', 'inserted', { dc1: 1 }), ['dc1']));
    expect(n.rec.data.map((d) => d.after.map((s) => s.value))).toEqual([['updated'], ['inserted']]);
    expect(n.rec.notes.some((t) => t.includes('out of order'))).toBe(true);
  });

  it('keeps concurrent writes as siblings and reports the conflict once, on the first writer', () => {
    const n = harness('dc1');
    n.message('alice', write('k', 'a', 'alice#1'));
    n.message('dc2', replicate(change('dc2', 1, 'k', 'b', { dc2: 1 }), ['dc2']));
    expect(n.rec.data.at(-1)!.after.map((s) => s.value)).toEqual(['a', 'b']);
    expect(n.rec.anomalies).toHaveLength(1);
    expect(n.rec.anomalies[0]!.explain).toMatch(/alice#1.*dc2-op1.*concurrent/);
    const other = harness('dc3');
    other.message('dc2', replicate(change('dc2', 1, 'k', 'b', { dc2: 1 }), ['dc2']));
    other.message('dc1', replicate(change('dc1', 1, 'k', 'a', { dc1: 1 }), ['dc1']));
    expect(other.rec.anomalies).toEqual([]);
  });

  it('resolves siblings with a write whose context saw them all', () => {
    const n = harness('dc1');
    n.message('dc2', replicate(change('dc2', 1, 'k', 'b', { dc2: 1 }), ['dc2']));
    n.message('dc3', replicate(change('dc3', 1, 'k', 'c', { dc3: 1 }), ['dc3']));
    n.message('alice', write('k', 'bc', 'alice#1', { context: { dc2: 1, dc3: 1 } }));
    expect(n.rec.data.at(-1)!.after).toEqual([
      { value: 'bc', op: 'alice#1', vv: { dc1: 1, dc2: 1, dc3: 1 }, ts: 100, origin: 'dc1' },
    ]);
  });

  it('holds a client write until the leader has applied what the client had seen', () => {
    const n = harness('dc1');
    n.message('bob', write('k', 'x', 'bob#1', { deps: { dc2: 1 } }));
    expect(n.rec.data).toEqual([]);
    expect(n.rec.notes[0]).toMatch(
      /^held bob#1: it must follow changes dc1 has heard of but not applied yet; waiting for dc2's change 1/,
    );
    n.message('dc2', replicate(change('dc2', 1, 'other', 'y', { dc2: 1 }), ['dc2']));
    expect(n.rec.data.map((d) => d.key)).toEqual(['other', 'k']);
  });

  it("ignores a write its client gave up on when it arrives after the client's next write", () => {
    const n = harness('dc1');
    n.message('alice', write('k', 'second', 'alice#2', { seq: 2, gaveUp: [1] }));
    n.message('alice', write('k', 'first', 'alice#1', { seq: 1, gaveUp: [] }));
    expect(n.rec.data.map((d) => d.after.map((s) => s.value))).toEqual([['second']]);
    expect(n.rec.notes).toContain('ignored alice#1: alice gave up on it and has sent later writes since');
  });

  it('answers a SyncRequest with exactly the logged changes the neighbour lacks', () => {
    const n = harness('dc1', mlConfig({ topology: { kind: 'circular' } }));
    n.message('alice', write('a', '1', 'alice#1'));
    n.message('alice', write('b', '2', 'alice#2'));
    n.fresh();
    n.message('dc2', { type: 'SyncRequest', have: { applied: { dc1: 1 }, extra: {} }, horizon: {} });
    expect(n.rec.sent).toHaveLength(1);
    const res = n.rec.sent[0]!.msg as SyncResponse;
    expect(res.changes.map((t) => [t.change.op, t.path])).toEqual([['alice#2', ['dc1']]]);
    n.fresh();
    n.message('dc2', { type: 'SyncRequest', have: { applied: { dc1: 2 }, extra: {} }, horizon: {} });
    expect(n.rec.sent).toEqual([]);
  });

  it('keeps its data and log through a crash, and loses them with its disk', () => {
    const n = harness('dc1');
    n.message('alice', write('a', '1', 'alice#1'));
    n.crash(false);
    expect(n.state.replica.log).toHaveLength(1);
    expect(n.state.replica.plain.a!.versions[0]!.value).toBe('1');
    n.crash(true);
    expect(n.state.replica.log).toEqual([]);
    expect(n.state.replica.plain).toEqual({});
  });

  it("after losing its disk, waits for a neighbour's log before writing and never reuses change ids", () => {
    const n = harness('dc1');
    n.message('alice', write('a', '1', 'alice#1'));
    const [mine] = n.state.replica.log;
    n.crash(true);
    n.fresh();
    n.message('alice', write('a', '2', 'alice#2'));
    expect(n.rec.data).toEqual([]);
    expect(n.rec.notes[0]).toMatch(/lost its disk/);
    n.message('dc2', {
      type: 'SyncResponse',
      changes: [{ change: mine!.change, path: ['dc1', 'dc2'] }],
      horizon: {},
    });
    const replicated = n.rec.sent
      .filter((s) => s.msg.type === 'Replicate')
      .map((s) => (s.msg as ReplicateMsg).change);
    expect(replicated.map((c) => [c.origin, c.seq, c.op])).toEqual([
      ['dc1', 2, 'alice#2'],
      ['dc1', 2, 'alice#2'],
    ]);
    expect(n.rec.data.at(-1)!.after.map((s) => s.value)).toEqual(['2']);
  });

  it('keeps only the highest timestamp under last-write-wins and explains a discarded later write', () => {
    const n = harness('dc2', mlConfig({ conflicts: 'last-write-wins' }));
    const early = change('dc1', 1, 'k', 'ahead', { dc1: 1 });
    early.put!.ts = 500;
    n.message('dc1', replicate(early, ['dc1']));
    n.message('bob', write('k', 'later', 'bob#1', { context: { dc1: 1 } }));
    expect(n.rec.data.map((d) => d.after.map((s) => s.value))).toEqual([['ahead'], ['later'], ['ahead']]);
    expect(n.rec.notes).toContain(
      "lww: discarded dc2's write bob#1 (ts 100) although it came after dc1's write dc1-op1 (ts 500): its clock is behind",
    );
  });

  it('rejects an operation the key type does not support', () => {
    const n = harness('dc1', mlConfig({ types: { likes: 'counter' } }));
    n.message('alice', write('likes', 'x', 'alice#1'));
    expect(n.rec.sent[0]!.msg).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not an operation of a counter/),
    });
  });
});

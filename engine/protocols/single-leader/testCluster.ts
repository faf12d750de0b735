// A hand-cranked cluster for unit tests: nodes and clients of the single-leader family, messages
// delivered in FIFO order when the test pumps, storage writes completed at once, time moved by hand.
// No simulator involved, so each test pins down the state machines' own behaviour.

import type { SingleLeaderConfig } from '../../scenario/model';
import type { ClientOperation, Message } from '../protocol';
import { type ClientState, initClient, onClient } from './client';
import { type FakeContext, fakeContext, type Recorded, recordOut } from './fakeOut';
import { crash, initNode, onNode } from './node';
import type { NodeState, SlMessage } from './types';

interface Actor {
  ctx: FakeContext;
  rec: Recorded;
  up: boolean;
}

export class TestCluster {
  readonly nodes: Record<string, Actor & { state: NodeState }> = {};
  readonly clients: Record<string, Actor & { state: ClientState }> = {};
  /** Messages in flight, in send order. */
  queue: { from: string; to: string; msg: Message }[] = [];
  /** Directed links that drop everything ("a->b"). */
  readonly cut = new Set<string>();
  /** Every delivered message, for assertions. */
  readonly delivered: { from: string; to: string; msg: Message }[] = [];
  private opCount = 0;

  constructor(
    readonly cfg: SingleLeaderConfig,
    clients: Record<string, Partial<FakeContext['spec']>> = { alice: {} },
  ) {
    for (const n of cfg.nodes) {
      const ctx = fakeContext(n.id, cfg);
      const rec = recordOut();
      this.nodes[n.id] = { ctx, rec, up: true, state: initNode(ctx) };
    }
    for (const [id, spec] of Object.entries(clients)) {
      const ctx = fakeContext(id, cfg, spec, id.length + 7);
      const rec = recordOut();
      this.clients[id] = { ctx, rec, up: true, state: initClient(ctx) };
    }
    for (const id of Object.keys(this.nodes)) this.node(id, { kind: 'start' });
  }

  private collect(from: string, rec: Recorded): void {
    for (const s of rec.sent) this.queue.push({ from, to: s.to, msg: s.msg });
    rec.sent.length = 0;
  }

  node(id: string, input: Parameters<typeof onNode>[1]): void {
    const n = this.nodes[id]!;
    if (!n.up && input.kind !== 'recover') return;
    onNode(n.state, input, n.ctx, n.rec.out);
    this.collect(id, n.rec);
    // Storage is instant here: feed every persist straight back.
    while (n.rec.persisted.length > 0) {
      const data = n.rec.persisted.shift();
      onNode(n.state, { kind: 'persisted', data }, n.ctx, n.rec.out);
      this.collect(id, n.rec);
    }
  }

  client(id: string, input: Parameters<typeof onClient>[1]): void {
    const c = this.clients[id]!;
    onClient(c.state, input, c.ctx, c.rec.out);
    this.collect(id, c.rec);
  }

  /** Deliver messages (including the ones delivering them causes) until none are left. */
  pump(limit = 10_000): void {
    let n = 0;
    while (this.queue.length > 0 && n++ < limit) {
      const m = this.queue.shift()!;
      if (this.cut.has(`${m.from}->${m.to}`)) continue;
      this.delivered.push(m);
      if (this.nodes[m.to]) {
        if (this.nodes[m.to]!.up) this.node(m.to, { kind: 'message', from: m.from, msg: m.msg });
      } else if (this.clients[m.to]) this.client(m.to, { kind: 'message', from: m.from, msg: m.msg });
    }
  }

  /** Move every actor's virtual time and clock forward. */
  advance(ms: number): void {
    for (const a of [...Object.values(this.nodes), ...Object.values(this.clients)]) {
      a.ctx.now += ms;
      a.ctx.clock += ms;
    }
  }

  /** Fire a timer that the node armed (as the simulator would when it expires). */
  fire(id: string, timer: string): void {
    delete this.nodes[id]!.rec.timers[timer];
    this.node(id, { kind: 'timer', name: timer });
  }

  /** Let `n` heartbeat intervals pass on a leader, delivering everything after each. */
  heartbeats(leader: string, n: number): void {
    for (let i = 0; i < n; i++) {
      this.advance(this.cfg.heartbeat);
      this.fire(leader, 'heartbeat');
      this.pump();
    }
  }

  op(client: string, action: Omit<ClientOperation, 'key' | 'client' | 'line'>, key?: string): string {
    const k = key ?? `${client}#${++this.opCount}`;
    this.client(client, { kind: 'op', op: { key: k, client, line: 1, ...action } });
    return k;
  }

  result(client: string, op: string) {
    return this.clients[client]!.rec.completed.find((c) => c.op === op)?.result;
  }

  crash(id: string, diskLost = false): void {
    const n = this.nodes[id]!;
    n.up = false;
    n.rec.timers = {};
    n.state = crash(n.state, diskLost, n.ctx);
    this.queue = this.queue.filter((m) => m.to !== id);
  }

  recover(id: string): void {
    this.nodes[id]!.up = true;
    this.node(id, { kind: 'recover' });
  }

  value(id: string, key: string): unknown {
    const sib = this.nodes[id]!.state.data[key];
    return sib && !sib.tombstone ? sib.value : undefined;
  }

  sentOfType(type: SlMessage['type']): { from: string; to: string; msg: Message }[] {
    return this.delivered.filter((m) => m.msg.type === type);
  }
}

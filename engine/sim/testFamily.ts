// A deliberately small protocol used to test the simulator itself: each node keeps the last value
// written to each key; a client sends its op to its node, which persists a write, replicates it to
// every other node and acknowledges; reads answer from the node's copy. Nodes also send a
// periodic Ping so that `quiet` handling of background traffic is exercised.

import type { ClientOperation, ProtocolFamily, Sibling } from '../protocols/protocol';

interface EchoNode {
  data: Map<string, Sibling[]>;
}

interface EchoClient {
  pending: Map<string, ClientOperation>;
}

export const echoFamily: ProtocolFamily<EchoNode, EchoClient> = {
  replication: 'leaderless',
  periodicMessages: ['Ping'],
  periodicTimers: ['ping'],
  initNode: () => ({ data: new Map() }),
  onNode(state, input, ctx, out) {
    switch (input.kind) {
      case 'start':
      case 'recover':
        out.setTimer('ping', 50);
        return;
      case 'timer':
        for (const n of ctx.nodes) if (n !== ctx.self) out.send(n, { type: 'Ping' });
        out.setTimer('ping', 50);
        return;
      case 'persisted': {
        const { op, replyTo } = input.data as { op: ClientOperation; replyTo?: string };
        const sib: Sibling = { value: op.value ?? null, op: op.key, origin: ctx.self };
        state.data.set(op.dataKey, [sib]);
        out.data(op.dataKey, [sib]);
        if (replyTo) {
          for (const n of ctx.nodes) if (n !== ctx.self) out.send(n, { type: 'Replicate', op });
          out.send(replyTo, { type: 'Ack', key: op.key });
        }
        return;
      }
      case 'message': {
        const m = input.msg;
        if (m.type === 'Write') out.persist({ op: m.op, replyTo: input.from });
        else if (m.type === 'Replicate') out.persist({ op: m.op });
        else if (m.type === 'Read') {
          const op = m.op as ClientOperation;
          out.send(input.from, { type: 'ReadReply', key: op.key, values: state.data.get(op.dataKey) ?? [] });
        }
        return;
      }
      default:
        return;
    }
  },
  crash: (state, diskLost) => (diskLost ? { data: new Map() } : state),
  initClient: () => ({ pending: new Map() }),
  onClient(state, input, ctx, out) {
    if (input.kind === 'op') {
      state.pending.set(input.op.key, input.op);
      out.send(ctx.spec.node, { type: input.op.kind === 'read' ? 'Read' : 'Write', op: input.op });
    } else if (input.kind === 'message') {
      const m = input.msg;
      const key = m.key as string;
      if (!state.pending.delete(key)) return;
      if (m.type === 'Ack') out.complete(key, { ok: true, servedBy: input.from });
      else out.complete(key, { ok: true, values: m.values as Sibling[], servedBy: input.from });
    } else if (input.kind === 'timedOut') {
      state.pending.delete(input.opKey);
    }
  },
};

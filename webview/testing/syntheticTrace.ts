// Synthetic traces for the timeline's tests and benchmark, recorded with TraceRecorder the way the
// simulator records a leaderless run (a small discrete-event loop, so times never go backwards):
// client requests, coordinator fan-out, heartbeats, a crash with dropped messages, a partition and
// heal, clock skew, concurrent writes that become siblings and are later merged, stale reads flagged
// as anomalies, and messages left in flight at the end. The fault script repeats every 40 rounds.
import { TraceRecorder } from '../../traces/store';
import type { Anomaly, Message, Sibling, TraceHeader, VersionVector } from '../../traces/types';
import { NETWORK_ACTOR, TRACE_FORMAT, TRACE_VERSION } from '../../traces/types';

export interface SyntheticOptions {
  nodes?: number;
  clients?: number;
  /** Stop at this many events. */
  events?: number;
  /** Include the scripted faults, conflicts and anomalies. */
  faults?: boolean;
  title?: string;
}

type Job = { at: number; seq: number; run: () => void };

/** A binary heap of jobs by (time, insertion order). */
class Queue {
  private heap: Job[] = [];
  private seq = 0;
  get size(): number {
    return this.heap.length;
  }
  push(at: number, run: () => void): void {
    const h = this.heap;
    h.push({ at, seq: this.seq++, run });
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }
  pop(): Job {
    const h = this.heap;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && less(h[l]!, h[m]!)) m = l;
        if (r < h.length && less(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}
const less = (a: Job, b: Job): boolean => a.at < b.at || (a.at === b.at && a.seq < b.seq);

const dominates = (a: VersionVector, b: VersionVector): boolean =>
  Object.entries(b).every(([k, v]) => (a[k] ?? 0) >= v);

export function syntheticTrace(opts: SyntheticOptions = {}): TraceRecorder {
  const nodes = Array.from({ length: opts.nodes ?? 3 }, (_, i) => `n${i + 1}`);
  const clients = Array.from({ length: opts.clients ?? 2 }, (_, i) => `c${i + 1}`);
  const target = opts.events ?? 400;
  const faults = opts.faults ?? true;
  const header: TraceHeader = {
    format: TRACE_FORMAT,
    version: TRACE_VERSION,
    scenario: { title: opts.title ?? 'Synthetic leaderless run', file: 'synthetic.scenario.yaml', seed: 1 },
    actors: [
      ...nodes.map((id) => ({ id, kind: 'node' as const })),
      ...clients.map((id) => ({ id, kind: 'client' as const })),
      { id: NETWORK_ACTOR, kind: 'network' as const },
    ],
  };
  const t = new TraceRecorder(header, target + 64);
  const idx = (a: string): number => t.actorIndex.get(a)!;
  const net = idx(NETWORK_ACTOR);
  const q = new Queue();
  const down = new Set<string>();
  let groups: string[][] | null = null;
  const anomalies: Anomaly[] = [];
  const data = new Map<string, Map<string, Sibling[]>>(nodes.map((n) => [n, new Map()]));
  const counters = new Map<string, number>();
  const lastWrite = new Map<string, string>();
  const lastWriteEvent = new Map<string, number>();
  /** The causal context clients send with a write (shared by the clients: one session). */
  const contexts = new Map<string, VersionVector>();
  let msgId = 1;
  let opSeq = 0;
  let now = 0;
  let ended = false;
  const full = (): boolean => t.length >= target;

  const rec = (...args: Parameters<TraceRecorder['append']>): number => {
    if (full()) {
      ended = true;
      return -1;
    }
    return t.append(...args);
  };
  const cutBetween = (a: string, b: string): boolean => {
    if (!groups) return false;
    const ga = groups.findIndex((g) => g.includes(a));
    const gb = groups.findIndex((g) => g.includes(b));
    return ga >= 0 && gb >= 0 && ga !== gb;
  };
  const handlers: Record<string, (to: string, from: string, m: Message, d: number) => void> = {};
  const send = (
    from: string,
    to: string,
    payload: Message,
    cause: number | undefined,
    latency: number,
  ): void => {
    const msg = msgId++;
    const detail = { msg, from, to, type: payload.type, payload };
    const s = rec(now, idx(from), 'send', cause, undefined, detail);
    if (s < 0) return;
    q.push(now + latency, () => {
      if (down.has(to) || cutBetween(from, to)) {
        rec(now, net, 'drop', s, undefined, { ...detail, reason: down.has(to) ? 'crashed' : 'partition' });
        return;
      }
      const d = rec(now, idx(to), 'deliver', s, undefined, detail);
      if (d >= 0) handlers[payload.type]?.(to, from, payload, d);
    });
  };
  const setData = (node: string, key: string, after: Sibling[], cause: number): number => {
    const before = data.get(node)!.get(key) ?? [];
    data.get(node)!.set(key, after);
    return rec(now, idx(node), 'state', cause, undefined, { key, before, after });
  };

  handlers.Write = (coord, client, m, d) => {
    const key = m.key as string;
    const c = (counters.get(coord) ?? 0) + 1;
    counters.set(coord, c);
    const vv: VersionVector = { ...((m.context as VersionVector | undefined) ?? {}), [coord]: c };
    const sib: Sibling = { value: m.value as string, op: m.op as string, vv, origin: coord };
    const mine = (data.get(coord)!.get(key) ?? []).filter((s) => !dominates(vv, s.vv ?? {}));
    const st = setData(coord, key, [...mine, sib], d);
    if (st < 0) return;
    nodes.forEach((n, i) => {
      if (n !== coord) send(coord, n, { type: 'Replicate', key, sibling: sib }, st, 1 + (i % 3) * 0.7);
    });
    send(coord, client, { type: 'WriteAck', key, op: m.op, vv }, st, 1);
  };
  handlers.Replicate = (node, _from, m, d) => {
    const key = m.key as string;
    const incoming = m.sibling as Sibling;
    const mine = data.get(node)!.get(key) ?? [];
    if (mine.some((s) => dominates(s.vv ?? {}, incoming.vv ?? {}))) return;
    setData(node, key, [...mine.filter((s) => !dominates(incoming.vv ?? {}, s.vv ?? {})), incoming], d);
  };
  handlers.Read = (coord, client, m, d) => {
    const key = m.key as string;
    const values = (data.get(coord)!.get(key) ?? []).filter((s) => !s.tombstone);
    send(coord, client, { type: 'ReadReply', key, op: m.op, values }, d, 1);
  };
  handlers.ReadReply = (client, from, m, d) => {
    const key = m.key as string;
    const values = m.values as Sibling[];
    const op = { key: m.op as string, client, kind: 'read' as const, dataKey: key };
    const resp = rec(now, idx(client), 'response', d, undefined, {
      op,
      result: { ok: true, values, servedBy: from },
    });
    const latest = lastWrite.get(key);
    if (resp >= 0 && latest && !values.some((v) => v.op === latest || v.ops?.includes(latest))) {
      anomalies.push({
        kind: 'stale-read',
        event: resp,
        explain: `${client} read ${key} from ${from} and did not see write ${latest}, which had already been acknowledged.`,
        related: [lastWriteEvent.get(key)!, d],
        key,
      });
    }
  };
  handlers.WriteAck = (client, from, m, d) => {
    const key = m.key as string;
    lastWrite.set(key, m.op as string);
    contexts.set(key, m.vv as VersionVector);
    const resp = rec(now, idx(client), 'response', d, undefined, {
      op: { key: m.op as string, client, kind: 'write', dataKey: key },
      result: { ok: true, servedBy: from, context: m.vv },
    });
    if (resp >= 0) lastWriteEvent.set(key, resp);
  };
  handlers.Heartbeat = () => {};

  // Heartbeats from n1 every 5 ms: periodic traffic the view collapses.
  const heartbeat = (): void => {
    if (!down.has('n1')) {
      const timer = rec(now, idx('n1'), 'timer', undefined, undefined, { timer: 'heartbeat' });
      for (const n of nodes.slice(1)) send('n1', n, { type: 'Heartbeat', term: 1 }, timer, 0.4);
    }
    q.push(now + 5, heartbeat);
  };
  q.push(0, heartbeat);

  let round = 0;
  const clientRound = (): void => {
    const r = round % 40;
    const concurrent = faults && r === 20 && clients.length >= 2 && nodes.length >= 2;
    const writers = concurrent ? [0, 1] : [round % clients.length];
    const keys = ['cart', 'x'];
    const isRead = !concurrent && round % 3 === 2;
    // Writes alternate cart and x; reads alternate between the two as well.
    const key = concurrent ? 'cart' : isRead ? keys[Math.floor(round / 3) % 2]! : keys[round % 3]!;
    writers.forEach((ci, w) => {
      const client = clients[ci]!;
      // While n3 is recovering or cut off, reads go to it: that is where stale reads show up.
      const lagging = faults && r >= 9 && r <= 16;
      const coord =
        isRead && lagging ? nodes[nodes.length - 1]! : nodes[(round + w + (isRead ? 2 : 0)) % nodes.length]!;
      const opKey = `${client}#${++opSeq}`;
      const value = `${key}-${round}${concurrent ? `-${client}` : ''}`;
      const op = isRead
        ? { key: opKey, client, kind: 'read' as const, dataKey: key }
        : { key: opKey, client, kind: 'write' as const, dataKey: key, value };
      const req = rec(now, idx(client), 'request', undefined, 20 + (round % 7), { op });
      if (req < 0) return;
      // Concurrent writers send without a context: neither has seen the other.
      const context = concurrent ? undefined : contexts.get(key);
      send(
        client,
        coord,
        isRead ? { type: 'Read', key, op: opKey } : { type: 'Write', key, value, op: opKey, context },
        req,
        1,
      );
    });
    if (faults) {
      if (r === 3 && nodes.includes('n2'))
        rec(now, idx('n2'), 'skew', undefined, 12, {
          text: "n2's clock: offset 50ms, drift 0",
          detail: { offset: 50, drift: 0 },
        });
      if (r === 5 && nodes.length >= 3) {
        rec(now + 0, idx(nodes[2]!), 'crash', undefined, 14, {
          text: `${nodes[2]} crashes`,
          detail: { disk: 'kept' },
        });
        down.add(nodes[2]!);
      }
      if (r === 9 && down.has(nodes[2]!)) {
        rec(now, idx(nodes[2]!), 'recover', undefined, 15, { text: `${nodes[2]} recovers` });
        down.delete(nodes[2]!);
      }
      if (r === 12 && nodes.length >= 3) {
        groups = [[nodes[0]!, nodes[1]!], nodes.slice(2)];
        rec(now, net, 'partition', undefined, 16, {
          text: `partition [${groups[0]!.join(', ')}] | [${groups[1]!.join(', ')}]`,
          detail: { groups },
        });
      }
      if (r === 15 && groups) {
        groups = null;
        rec(now, net, 'heal', undefined, 17, { text: 'heal all', detail: { cut: [] } });
      }
      if (r === 26) {
        // Read repair merges the siblings the concurrent writes left on each replica.
        for (const n of nodes) {
          const s = data.get(n)!.get('cart') ?? [];
          if (s.length < 2 || down.has(n)) continue;
          const vv: VersionVector = {};
          for (const x of s) for (const [k, v] of Object.entries(x.vv ?? {})) vv[k] = Math.max(vv[k] ?? 0, v);
          const note = rec(now, idx(n), 'note', undefined, undefined, {
            text: `read repair merges ${s.length} siblings of cart`,
          });
          if (note < 0) break;
          setData(
            n,
            'cart',
            [{ value: s.map((x) => String(x.value)).join('+'), vv, ops: s.map((x) => x.op ?? '') }],
            note,
          );
        }
      }
    }
    round++;
    q.push(now + 10, clientRound);
  };
  q.push(2, clientRound);

  while (!ended && !full() && q.size) {
    const job = q.pop();
    now = job.at;
    job.run();
  }
  // The conflict anomaly: where siblings first coexist after each concurrent pair of writes.
  for (let e = 0; e < t.length; e++) {
    const d = t.detail(e);
    if (t.kind(e) === 'state' && (d?.after?.length ?? 0) > 1 && (d?.before?.length ?? 0) <= 1) {
      anomalies.push({
        kind: 'conflict',
        event: e,
        explain: `Concurrent writes to ${d!.key} on ${t.actorId(t.actorOf(e))}: the replica keeps both as siblings.`,
        related: [e],
        key: d!.key!,
      });
    }
  }
  anomalies.sort((a, b) => a.event - b.event);
  t.anomalies = anomalies;
  return t;
}

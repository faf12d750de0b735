// Hand-built traces for the checkers' tests: clients, nodes, messages and state changes appended
// in time order through TraceRecorder, with vector clocks computed exactly as in a real run.
// Callers must append in chronological order (event ids are the order checkers trust).

import { TraceRecorder } from '../../traces/store';
import type { OpInfo, OpKind, OpResult, Sibling, Value } from '../../traces/types';
import type { ClusterConfig, Expectation, Scenario } from '../scenario/model';
import { fixtureScenario } from '../sim/scenarioFixture';

export interface OpHandle {
  key: string;
  info: OpInfo;
  request: number;
}

export class TraceBuilder {
  readonly trace: TraceRecorder;
  private readonly data = new Map<string, Map<string, Sibling[]>>();
  private readonly counters = new Map<string, number>();

  constructor(
    readonly nodes: string[],
    readonly clients: string[],
  ) {
    this.trace = new TraceRecorder({
      format: 'replication-trace',
      version: 1,
      scenario: { title: 'fixture', seed: 1 },
      actors: [
        ...nodes.map((id) => ({ id, kind: 'node' as const })),
        ...clients.map((id) => ({ id, kind: 'client' as const })),
        { id: '$network', kind: 'network' as const },
      ],
    });
    // Most fixtures stop mid-replication on purpose; divergence tests say when a run ended quiet.
    this.trace.stats.stopReason = 'until';
  }

  actor(id: string): number {
    const i = this.trace.actorIndex.get(id);
    if (i === undefined) throw new Error(`no actor ${id}`);
    return i;
  }

  /** The actor's latest event, the default cause of its next one. */
  last(id: string): number | undefined {
    const a = this.actor(id);
    const n = this.trace.actorEventCount(a);
    return n > 0 ? this.trace.actorEvent(a, n - 1) : undefined;
  }

  holds(node: string, key: string): Sibling[] {
    return this.data.get(node)?.get(key) ?? [];
  }

  request(t: number, client: string, kind: OpKind, key: string, value?: Value, id?: string): OpHandle {
    const n = (this.counters.get(client) ?? 0) + 1;
    this.counters.set(client, n);
    const info: OpInfo = { key: id ?? `${client}#${n}`, client, kind, dataKey: key };
    if (id) info.id = id;
    if (value !== undefined) info.value = value;
    if (kind === 'increment') info.by = typeof value === 'number' ? value : 1;
    const request = this.trace.append(t, this.actor(client), 'request', undefined, undefined, { op: info });
    return { key: info.key, info, request };
  }

  respond(t: number, op: OpHandle, result: OpResult, cause = this.last(op.info.client)): number {
    return this.trace.append(t, this.actor(op.info.client), 'response', cause, undefined, {
      op: op.info,
      result,
    });
  }

  send(t: number, from: string, to: string, type = 'Msg', cause = this.last(from)): number {
    return this.trace.append(t, this.actor(from), 'send', cause, undefined, {
      from,
      to,
      type,
      msg: cause ?? -1,
    });
  }

  deliver(t: number, send: number): number {
    const d = this.trace.detail(send)!;
    return this.trace.append(t, this.actor(d.to!), 'deliver', send, undefined, { ...d });
  }

  store(t: number, node: string, key: string, after: Sibling[], cause = this.last(node)): number {
    let m = this.data.get(node);
    if (!m) {
      m = new Map();
      this.data.set(node, m);
    }
    const before = m.get(key) ?? [];
    m.set(key, after);
    return this.trace.append(t, this.actor(node), 'state', cause, undefined, { key, before, after });
  }

  field(t: number, node: string, name: string, value: unknown): number {
    return this.trace.append(t, this.actor(node), 'state', this.last(node), undefined, {
      field: name,
      value,
    });
  }

  crash(t: number, node: string): number {
    return this.trace.append(t, this.actor(node), 'crash', undefined, undefined, {
      detail: { disk: 'kept' },
    });
  }

  recover(t: number, node: string): number {
    return this.trace.append(t, this.actor(node), 'recover', undefined, undefined, {});
  }

  anomaly(t: number, node: string, detail: Record<string, unknown>): number {
    return this.trace.append(t, this.actor(node), 'anomaly', this.last(node), undefined, {
      text: String(detail.explain),
      detail,
    });
  }

  /** A write sent to `node`, stored there (replacing what it held) and acknowledged: t .. t+2. */
  writeVia(
    t: number,
    client: string,
    node: string,
    key: string,
    value: Value,
    opts: { id?: string; keep?: Sibling[]; kind?: OpKind } = {},
  ): OpHandle & { store: number; response: number } {
    const kind = opts.kind ?? 'write';
    const op = this.request(t, client, kind, key, value, opts.id);
    this.deliver(t + 1, this.send(t, client, node, 'Write'));
    const sib: Sibling =
      kind === 'delete' ? { value: null, tombstone: true, op: op.key } : { value, op: op.key };
    const store = this.store(t + 1, node, key, [...(opts.keep ?? []), sib]);
    this.deliver(t + 2, this.send(t + 1, node, client, 'WriteOk'));
    const response = this.respond(t + 2, op, { ok: true, servedBy: node });
    return { ...op, store, response };
  }

  /** A read answered by `node` with what it holds: t .. t+2. */
  readVia(
    t: number,
    client: string,
    node: string,
    key: string,
    id?: string,
  ): OpHandle & { response: number } {
    const op = this.request(t, client, 'read', key, undefined, id);
    this.deliver(t + 1, this.send(t, client, node, 'Read'));
    const values = this.holds(node, key).filter((s) => !s.tombstone);
    this.deliver(t + 2, this.send(t + 1, node, client, 'ReadOk'));
    const response = this.respond(t + 2, op, { ok: true, values, servedBy: node });
    return { ...op, response };
  }

  /** `from` ships what it holds for `key` to `to`, which stores it: sent at t, stored at t+1. */
  ship(t: number, from: string, to: string, key: string, after = this.holds(from, key)): number {
    this.deliver(t + 1, this.send(t, from, to, 'Replicate'));
    return this.store(t + 1, to, key, after);
  }
}

/** A normalized scenario for a fixture trace. */
export function fixture(
  nodes: string[],
  clients: string[],
  cluster?: Partial<ClusterConfig>,
  expect: Expectation[] = [],
): Scenario {
  const s = fixtureScenario({ nodes, clients: clients.map((id) => ({ id, node: nodes[0]! })) });
  const specs = nodes.map((id, i) => ({ id, engineVersion: 1, line: 10 + i }));
  if (cluster?.replication === 'single-leader') {
    s.cluster = {
      replication: 'single-leader',
      nodes: specs,
      leader: nodes[0]!,
      followers: Object.fromEntries(nodes.slice(1).map((n) => [n, 'async' as const])),
      semiSync: false,
      log: 'row',
      heartbeat: 10,
      reads: 'leader',
      ...cluster,
    } as ClusterConfig;
  } else if (cluster?.replication === 'multi-leader') {
    s.cluster = {
      replication: 'multi-leader',
      nodes: specs,
      topology: { kind: 'all-to-all' },
      conflicts: 'siblings',
      causality: 'none',
      homes: {},
      types: {},
      ...cluster,
    } as ClusterConfig;
  } else if (cluster) {
    s.cluster = { ...s.cluster, ...cluster } as ClusterConfig;
  }
  s.expect = expect;
  return s;
}

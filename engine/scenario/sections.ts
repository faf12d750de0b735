// network, clocks, storage, clients and run: read with their defaults.

import { asMap, asScalar, asSeq, type CheckedMap, entry } from './checked';
import type {
  ClientSpec,
  ClockSpec,
  ClusterConfig,
  Distribution,
  Guarantee,
  GuaranteeKind,
  LinkOverride,
  NetworkConfig,
  RunSettings,
} from './model';
import { lineOf, type NormalizeContext, read, say, toDistribution } from './normalizeContext';
import type { LinkSpec } from './syntax';

const DEFAULT_LATENCY: Distribution = { kind: 'fixed', ms: 1 };

export function normalizeNetwork(m: CheckedMap | undefined, ctx: NormalizeContext): NetworkConfig {
  const byPair = new Map<string, LinkOverride>();
  for (const [key, e] of asMap(entry(m, 'links'))?.entries ?? []) {
    const settings = asMap(e.value);
    const l = parseLinkKey(key);
    if (!settings || !l) continue;
    const line = lineOf(ctx, e.keyRange);
    const latency = toDistribution(entry(settings, 'latency'));
    const drop = read<number | undefined>(settings, 'drop');
    const duplicate = read<number | undefined>(settings, 'duplicate');
    const directions = l.both
      ? [[l.from, l.to] as const, [l.to, l.from] as const]
      : [[l.from, l.to] as const];
    for (const [from, to] of directions) {
      // A `->` entry refines a `<->` one for its direction: fields merge, later lines win.
      const id = `${from}\u0000${to}`;
      const o = byPair.get(id) ?? { from, to, line };
      if (latency) o.latency = latency;
      if (drop !== undefined) o.drop = drop;
      if (duplicate !== undefined) o.duplicate = duplicate;
      byPair.set(id, o);
    }
  }
  return {
    latency: toDistribution(entry(m, 'latency')) ?? DEFAULT_LATENCY,
    drop: read<number>(m, 'drop'),
    duplicate: read<number>(m, 'duplicate'),
    fifo: read<boolean>(m, 'fifo'),
    links: [...byPair.values()],
  };
}

function parseLinkKey(key: string): LinkSpec | undefined {
  const m = /^\s*(\S+?)\s*(<->|->)\s*(\S+)\s*$/.exec(key);
  return m ? { from: m[1], to: m[3], both: m[2] === '<->', fromAt: 0, toAt: 0 } : undefined;
}

/** Warns when every message between actors would be lost. */
export function checkNetworkReachable(
  m: CheckedMap | undefined,
  network: NetworkConfig,
  actors: string[],
  ctx: NormalizeContext,
) {
  if (actors.length < 2) return;
  const override = new Map(network.links.map((l) => [`${l.from}\u0000${l.to}`, l]));
  for (const a of actors) {
    for (const b of actors) {
      if (a === b) continue;
      if ((override.get(`${a}\u0000${b}`)?.drop ?? network.drop) < 1) return;
    }
  }
  const at = m?.entries.get('drop')?.value.range ?? m?.entries.get('links')?.keyRange ?? m?.range ?? [0, 0];
  say(
    ctx,
    'warning',
    'all-dropped',
    at,
    'every link drops every message (drop: 1): no message will ever arrive',
  );
}

export function normalizeClocks(m: CheckedMap | undefined): Record<string, ClockSpec> {
  const out: Record<string, ClockSpec> = {};
  for (const [node, e] of m?.entries ?? []) {
    const c = asMap(e.value);
    if (c) out[node] = { offset: read<number>(c, 'offset'), drift: read<number>(c, 'drift') };
  }
  return out;
}

export function normalizeStorage(m: CheckedMap | undefined): {
  default?: Distribution;
  nodes: Record<string, Distribution>;
} {
  const out: { default?: Distribution; nodes: Record<string, Distribution> } = { nodes: {} };
  for (const [key, e] of m?.entries ?? []) {
    const write = toDistribution(entry(asMap(e.value), 'write'));
    if (!write) continue;
    if (key === 'default') out.default = write;
    else out.nodes[key] = write;
  }
  return out;
}

const DEFAULT_STRATEGY: Record<GuaranteeKind, string> = {
  'read-your-writes': 'leader-for-own-keys',
  'monotonic-reads': 'sticky',
  'consistent-prefix': 'causal',
};

export function normalizeClients(
  m: CheckedMap | undefined,
  cluster: ClusterConfig,
  ctx: NormalizeContext,
): ClientSpec[] {
  const out: ClientSpec[] = [];
  const defaultNode = cluster.replication === 'single-leader' ? cluster.leader : (cluster.nodes[0]?.id ?? '');
  for (const [id, e] of m?.entries ?? []) {
    const c = asMap(e.value);
    if (!c) continue;
    const spec: ClientSpec = {
      id,
      node: read<string | undefined>(c, 'node') ?? defaultNode,
      guarantees: guaranteesOf(c, ctx),
      timeout: read<number>(c, 'timeout'),
      line: lineOf(ctx, e.keyRange),
    };
    const reads = read<string | undefined>(c, 'reads');
    if (reads !== undefined) spec.reads = reads;
    out.push(spec);
  }
  return out;
}

function guaranteesOf(c: CheckedMap, ctx: NormalizeContext): Guarantee[] {
  const out: Guarantee[] = [];
  for (const item of asSeq(entry(c, 'guarantees'))?.items ?? []) {
    if (!item) continue;
    let g: Guarantee | undefined;
    const s = asScalar(item);
    if (s) {
      const kind = s.parsed as GuaranteeKind;
      g = { kind, strategy: DEFAULT_STRATEGY[kind] };
    } else {
      const m = asMap(item);
      const [kind, e] = [...(m?.entries ?? [])][0] ?? [];
      if (!kind || !e) continue;
      const settings = asMap(e.value);
      const k = kind as GuaranteeKind;
      g = { kind: k, strategy: read<string | undefined>(settings, 'strategy') ?? DEFAULT_STRATEGY[k] };
      const window = read<number | undefined>(settings, 'window');
      if (window !== undefined) {
        g.window = window;
        if (g.strategy !== 'leader-window') {
          const at = settings?.entries.get('window')?.keyRange ?? item.range;
          say(ctx, 'warning', 'unused-window', at, '`window` only applies to the leader-window strategy');
        }
      }
    }
    if (out.some((o) => o.kind === g.kind)) {
      say(
        ctx,
        'warning',
        'duplicate-guarantee',
        item.range,
        `\`${g.kind}\` is listed twice; the last one applies`,
      );
      const i = out.findIndex((o) => o.kind === g.kind);
      out.splice(i, 1);
    }
    out.push(g);
  }
  return out;
}

export function normalizeRun(m: CheckedMap | undefined): RunSettings {
  const until = read<number | string>(m, 'until');
  return { until: typeof until === 'number' ? until : 'quiet', maxEvents: read<number>(m, 'maxEvents') };
}

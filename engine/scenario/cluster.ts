// cluster: the nodes and the family's settings, with the family defaults filled in, and the
// checks that need several keys at once (quorums, followers, shards).

import { asMap, asScalar, asSeq, type CheckedMap, entry, type Offsets } from './checked';
import type {
  ClusterConfig,
  CrdtType,
  FollowerMode,
  LeaderlessConfig,
  MultiLeaderConfig,
  NodeSpec,
  Replication,
  ShardSpec,
  SingleLeaderConfig,
  Topology,
} from './model';
import { has, lineOf, type NormalizeContext, read, say } from './normalizeContext';
import type { LinkSpec } from './syntax';

export function normalizeNodes(cluster: CheckedMap | undefined, ctx: NormalizeContext): NodeSpec[] {
  const nodes: NodeSpec[] = [];
  for (const item of asSeq(entry(cluster, 'nodes'))?.items ?? []) {
    if (!item) continue;
    if (item.kind === 'scalar') {
      nodes.push({ id: item.parsed as string, engineVersion: 1, line: lineOf(ctx, item) });
      continue;
    }
    const m = asMap(item);
    const id = read<string | undefined>(m, 'id');
    if (m && id !== undefined)
      nodes.push({ id, engineVersion: read<number>(m, 'engineVersion'), line: lineOf(ctx, m) });
  }
  return nodes;
}

export function normalizeCluster(cluster: CheckedMap | undefined, ctx: NormalizeContext): ClusterConfig {
  const written = read<Replication | undefined>(cluster, 'replication');
  // Without a valid family there is nothing to check the family's settings against.
  const replication = written ?? 'single-leader';
  const nodes = normalizeNodes(cluster, ctx);
  switch (replication) {
    case 'single-leader':
      return singleLeader(cluster, nodes, ctx, written !== undefined);
    case 'multi-leader':
      return multiLeader(cluster, nodes);
    case 'leaderless':
      return leaderless(cluster, nodes, ctx);
  }
}

function followersOf(
  m: CheckedMap | undefined,
  leader: string,
  nodes: NodeSpec[],
  fillUnlisted: boolean,
  ctx: NormalizeContext,
): Record<string, FollowerMode> {
  const out: Record<string, FollowerMode> = {};
  const explicit = asMap(entry(m, 'followers'));
  if (explicit) {
    for (const [id, e] of explicit.entries) {
      if (id === leader) {
        say(
          ctx,
          'error',
          'leader-is-follower',
          e.keyRange,
          `\`${id}\` is the leader; it cannot also be its follower`,
        );
        continue;
      }
      out[id] = (asScalar(e.value)?.parsed as FollowerMode) ?? 'async';
    }
  }
  if (!explicit || fillUnlisted) {
    for (const n of nodes) if (n.id !== leader && !(n.id in out)) out[n.id] = 'async';
  }
  return out;
}

function singleLeader(
  cluster: CheckedMap | undefined,
  nodes: NodeSpec[],
  ctx: NormalizeContext,
  check = true,
): SingleLeaderConfig {
  const leader = read<string | undefined>(cluster, 'leader') ?? nodes[0]?.id ?? '';
  const followers = followersOf(cluster, leader, nodes, true, ctx);
  const failoverMap = asMap(entry(cluster, 'failover'));
  const config: SingleLeaderConfig = {
    replication: 'single-leader',
    nodes,
    leader,
    followers,
    semiSync: read<boolean>(cluster, 'semiSync'),
    log: read<SingleLeaderConfig['log']>(cluster, 'log'),
    heartbeat: read<number>(cluster, 'heartbeat'),
    reads: read<SingleLeaderConfig['reads']>(cluster, 'reads'),
  };
  if (failoverMap) {
    config.failover = {
      timeout: read<number>(failoverMap, 'timeout'),
      elect: read<'most-up-to-date' | 'lowest-id'>(failoverMap, 'elect'),
      fencing: read<boolean>(failoverMap, 'fencing'),
    };
  }
  const shards = asMap(entry(cluster, 'shards'));
  if (shards) config.shards = normalizeShards(shards, nodes, ctx);
  if (check) checkSingleLeader(cluster, config, ctx);
  return config;
}

function normalizeShards(shards: CheckedMap, nodes: NodeSpec[], ctx: NormalizeContext): ShardSpec[] {
  const out: ShardSpec[] = [];
  const owner = new Map<string, { shard: string; line: number }>();
  for (const [name, e] of shards.entries) {
    const m = asMap(e.value);
    const leader = read<string | undefined>(m, 'leader');
    if (!m || leader === undefined) continue;
    const keys: string[] = [];
    for (const k of asSeq(entry(m, 'keys'))?.items ?? []) {
      const s = asScalar(k);
      if (!s) continue;
      const key = s.parsed as string;
      const prev = owner.get(key);
      if (prev) {
        say(
          ctx,
          'error',
          'shard-key-twice',
          s.range,
          `key \`${key}\` already belongs to shard \`${prev.shard}\` (line ${prev.line}); a key lives in one shard`,
        );
        continue;
      }
      owner.set(key, { shard: name, line: lineOf(ctx, s) });
      keys.push(key);
    }
    out.push({
      name,
      leader,
      followers: followersOf(m, leader, nodes, false, ctx),
      keys,
      line: lineOf(ctx, e.keyRange),
    });
  }
  return out;
}

function checkSingleLeader(cluster: CheckedMap | undefined, c: SingleLeaderConfig, ctx: NormalizeContext) {
  const followers = asMap(entry(cluster, 'followers'));
  const sync = Object.entries(c.followers).filter(([, mode]) => mode === 'sync');
  if (sync.length > 0 && !c.failover && !c.semiSync) {
    const [first] = sync[0];
    const at = followers?.entries.get(first)?.value.range ?? entry(cluster, 'replication')?.range ?? [0, 0];
    say(
      ctx,
      'warning',
      'sync-without-failover',
      at,
      `\`${first}\` is a sync follower and no \`failover\` is configured: if it crashes, the leader blocks every write forever (add \`failover\` or \`semiSync: true\`)`,
    );
  }
  if (c.failover && c.failover.timeout < 2 * c.heartbeat) {
    const at = asMap(entry(cluster, 'failover'))?.entries.get('timeout')?.value.range;
    if (at) {
      say(
        ctx,
        'warning',
        'short-failover-timeout',
        at,
        `the failover timeout (${c.failover.timeout}ms) is less than two heartbeats (${c.heartbeat}ms each): one lost or late heartbeat starts a needless failover`,
      );
    }
  }
  if (c.semiSync && sync.length === 0) {
    const at = cluster?.entries.get('semiSync')?.keyRange;
    if (at)
      say(ctx, 'warning', 'semisync-without-sync', at, '`semiSync` has no effect without a sync follower');
  }
  if (c.log === 'wal') {
    const versions = new Set(c.nodes.map((n) => n.engineVersion));
    const at = cluster?.entries.get('log')?.value.range;
    if (versions.size > 1 && at) {
      say(
        ctx,
        'info',
        'wal-mixed-versions',
        at,
        `nodes run different engine versions (${[...versions].join(', ')}): a wal log only applies on nodes of the leader’s version`,
      );
    }
  }
}

function multiLeader(cluster: CheckedMap | undefined, nodes: NodeSpec[]): MultiLeaderConfig {
  const homes: Record<string, string> = {};
  for (const [key, e] of asMap(entry(cluster, 'homes'))?.entries ?? [])
    homes[key] = asScalar(e.value)?.parsed as string;
  const types: Record<string, CrdtType> = {};
  for (const [key, e] of asMap(entry(cluster, 'types'))?.entries ?? [])
    types[key] = asScalar(e.value)?.parsed as CrdtType;
  return {
    replication: 'multi-leader',
    nodes,
    topology: topologyOf(cluster),
    conflicts: read<MultiLeaderConfig['conflicts']>(cluster, 'conflicts'),
    causality: read<MultiLeaderConfig['causality']>(cluster, 'causality'),
    homes,
    types,
  };
}

function topologyOf(cluster: CheckedMap | undefined): Topology {
  const t = entry(cluster, 'topology');
  if (!t || t.kind === 'scalar') return { kind: (t?.parsed as 'all-to-all' | 'circular') ?? 'all-to-all' };
  const m = asMap(t);
  const star = read<string | undefined>(m, 'star');
  if (star !== undefined) return { kind: 'star', hub: star };
  const links: { from: string; to: string }[] = [];
  for (const item of asSeq(entry(m, 'links'))?.items ?? []) {
    const l = asScalar(item)?.parsed as LinkSpec | undefined;
    if (!l) continue;
    links.push({ from: l.from, to: l.to });
    if (l.both) links.push({ from: l.to, to: l.from });
  }
  return { kind: 'links', links };
}

function leaderless(
  cluster: CheckedMap | undefined,
  nodes: NodeSpec[],
  ctx: NormalizeContext,
): LeaderlessConfig {
  const explicitN = read<number | undefined>(cluster, 'n');
  const placement = read<LeaderlessConfig['placement']>(cluster, 'placement');
  const n = explicitN ?? Math.max(1, placement === 'all' ? nodes.length : Math.min(3, nodes.length));
  const majority = Math.floor(n / 2) + 1;
  const w = read<number | undefined>(cluster, 'w') ?? majority;
  const r = read<number | undefined>(cluster, 'r') ?? majority;
  const config: LeaderlessConfig = {
    replication: 'leaderless',
    nodes,
    n,
    w,
    r,
    coordinator: read<LeaderlessConfig['coordinator']>(cluster, 'coordinator'),
    placement,
    vnodes: read<number>(cluster, 'vnodes'),
    readRepair: read<boolean>(cluster, 'readRepair'),
    antiEntropy: read<number | false>(cluster, 'antiEntropy'),
    sloppyQuorum: read<boolean>(cluster, 'sloppyQuorum'),
    hintedHandoff: read<number>(cluster, 'hintedHandoff'),
    versioning: read<LeaderlessConfig['versioning']>(cluster, 'versioning'),
    writeFanout: read<LeaderlessConfig['writeFanout']>(cluster, 'writeFanout'),
  };
  checkQuorums(cluster, config, explicitN !== undefined, ctx);
  return config;
}

function checkQuorums(
  cluster: CheckedMap | undefined,
  c: LeaderlessConfig,
  explicitN: boolean,
  ctx: NormalizeContext,
) {
  const at = (key: string): Offsets | undefined => cluster?.entries.get(key)?.value.range;
  const nText = explicitN ? `n = ${c.n}` : `n = ${c.n} (the default, min(3, nodes))`;
  // Only judge numbers the user wrote (or whose inputs are valid), so one typo gives one message.
  const nodesValid = has(cluster, 'nodes') && c.nodes.length > 0;
  if (explicitN && nodesValid && c.n > c.nodes.length) {
    say(
      ctx,
      'error',
      'n-greater-than-nodes',
      at('n') ?? [0, 0],
      `n = ${c.n} is more than the ${c.nodes.length} node${c.nodes.length === 1 ? '' : 's'}: each key needs n distinct replicas`,
    );
  }
  const wAt = at('w');
  const rAt = at('r');
  let quorumError = false;
  for (const [q, value, where, op] of [
    ['w', c.w, wAt, 'write'],
    ['r', c.r, rAt, 'read'],
  ] as const) {
    if (where && value > c.n) {
      say(
        ctx,
        'error',
        `${q}-greater-than-n`,
        where,
        `${q} = ${value} is more than ${nText}: no ${op} could ever succeed`,
      );
      quorumError = true;
    }
  }
  if (!quorumError && (wAt || rAt) && c.w + c.r <= c.n) {
    say(
      ctx,
      'warning',
      'stale-quorum',
      (rAt ?? wAt) as Offsets,
      `reads may miss the latest write: w + r = ${c.w + c.r} is not greater than n = ${c.n}`,
    );
  }
  if (c.placement === 'all' && explicitN && nodesValid && c.n !== c.nodes.length) {
    say(
      ctx,
      'warning',
      'placement-all-n',
      at('placement') ?? [0, 0],
      `with placement all every node stores every key, so n is the ${c.nodes.length} nodes, not ${c.n}`,
    );
  }
}

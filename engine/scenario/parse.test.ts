import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from './diagnostics';
import type { FaultItem, LeaderlessConfig, MultiLeaderConfig, Scenario, SingleLeaderConfig } from './model';
import { parseScenario } from './parse';

const FIXTURES = join(__dirname, 'fixtures');

function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

function valid(text: string): Scenario {
  const r = parseScenario(text, 'test.scenario.yaml');
  const errors = r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
  expect(errors).toEqual([]);
  expect(r.scenario).toBeDefined();
  return r.scenario as Scenario;
}

const minimal = (cluster: string, rest = 'events: []') => `scenario: t\ncluster:\n${cluster}\n${rest}\n`;

describe('spec examples', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.scenario.yaml'));

  it('has a fixture for every example of the spec', () => {
    expect(files.length).toBeGreaterThanOrEqual(13);
  });

  for (const f of files) {
    it(`parses ${f} without errors`, () => {
      const r = parseScenario(fixture(f), f);
      expect(r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
      expect(r.scenario?.file).toBe(f);
    });
  }

  it('reads the shopping cart example exactly', () => {
    const s = valid(fixture('shopping-cart.scenario.yaml'));
    expect(s.title).toBe('Shopping cart siblings');
    expect(s.seed).toBe(1);
    const c = s.cluster as LeaderlessConfig;
    expect([c.n, c.w, c.r, c.versioning]).toEqual([1, 1, 1, 'version-numbers']);
    expect(s.clients.map((x) => [x.id, x.node, x.timeout])).toEqual([
      ['c1', 'r1', 1000],
      ['c2', 'r1', 1000],
    ]);
    expect(s.events[3]).toEqual({
      type: 'client',
      at: 3,
      line: 17,
      index: 3,
      id: 'c2-sees',
      client: 'c2',
      action: { kind: 'read', key: 'cart' },
    });
    expect(s.expect[0]).toMatchObject({
      kind: 'op',
      op: 'c2-sees',
      returns: [['eggs'], ['milk', 'flour']],
      line: 19,
    });
    expect(s.expect[1]).toMatchObject({ kind: 'anomaly', anomaly: 'conflict', line: 20 });
  });

  it('reads the single-leader block with shards', () => {
    const s = valid(fixture('single-leader.scenario.yaml'));
    const c = s.cluster as SingleLeaderConfig;
    expect(c.leader).toBe('leader');
    expect(c.followers).toEqual({ f1: 'sync', f2: 'async' });
    expect(c.semiSync).toBe(true);
    expect(c.failover).toEqual({ timeout: 50, elect: 'most-up-to-date', fencing: true });
    expect(c.shards).toEqual([
      { name: 's1', leader: 'leader', followers: { f1: 'async' }, keys: ['question'], line: 21 },
      { name: 's2', leader: 'f2', followers: { f1: 'async' }, keys: ['answer'], line: 22 },
    ]);
    expect(s.events.map((e) => e.at)).toEqual([0, 5]);
    expect(s.description).toContain('verbatim');
  });

  it('reads every latency form', () => {
    const s = valid(fixture('latencies.scenario.yaml'));
    const links = Object.fromEntries(s.network.links.map((l) => [`${l.from}->${l.to}`, l.latency]));
    expect(s.network.latency).toEqual({ kind: 'fixed', ms: 5 });
    expect(links['n1->n2']).toEqual({ kind: 'uniform', min: 2, max: 20 });
    expect(links['n2->n3']).toEqual({ kind: 'exponential', mean: 10 });
    expect(links['n3->n4']).toEqual({ kind: 'pareto', min: 1, alpha: 1.5 });
    expect(links['n4->n5']).toEqual({ kind: 'lognormal', median: 5, sigma: 0.5 });
    expect(links['n5->n6']).toEqual({
      kind: 'mixture',
      parts: [
        { weight: 0.9, of: { kind: 'uniform', min: 2, max: 5 } },
        { weight: 0.1, of: { kind: 'exponential', mean: 50 } },
      ],
    });
    expect(links['n6->n7']).toEqual({ kind: 'exponential', mean: 1 / 1.66 });
    expect(links['n7->n1']).toEqual({ kind: 'fixed', ms: 0.25 });
    expect(links['n1->n3']).toEqual({ kind: 'fixed', ms: 1500 });
    expect(links['n1->n4']).toEqual({ kind: 'fixed', ms: 3 });
  });

  it('reads faults, heal forms and addNode', () => {
    const s = valid(fixture('faults.scenario.yaml'));
    const actions = s.events.map((e) => (e as FaultItem).action);
    expect(actions).toEqual([
      { kind: 'crash', node: 'f2', disk: 'kept' },
      { kind: 'crash', node: 'f2', disk: 'lost' },
      { kind: 'recover', node: 'f2' },
      { kind: 'partition', groups: [['a', 'b'], ['c']] },
      { kind: 'cut', from: 'a', to: 'c' },
      { kind: 'heal' },
      { kind: 'skew', node: 'b', offset: 50 },
      { kind: 'addNode', id: 'f3', as: 'follower', engineVersion: 1 },
      { kind: 'failover', node: 'f1' },
      {
        kind: 'heal',
        links: [
          { from: 'a', to: 'b' },
          { from: 'b', to: 'a' },
          { from: 'a', to: 'c' },
        ],
      },
      { kind: 'heal', links: [{ from: 'b', to: 'c' }] },
    ]);
  });

  it('reads clients with guarantees as names and as maps', () => {
    const s = valid(fixture('clients.scenario.yaml'));
    const byId = Object.fromEntries(s.clients.map((c) => [c.id, c]));
    expect(byId.carol.timeout).toBe(500);
    expect(byId.bob.reads).toBe('f2');
    expect(byId.bob.guarantees).toEqual([
      { kind: 'read-your-writes', strategy: 'leader-for-own-keys' },
      { kind: 'monotonic-reads', strategy: 'sticky' },
    ]);
    expect(byId.dave.guarantees).toEqual([
      { kind: 'read-your-writes', strategy: 'position' },
      { kind: 'monotonic-reads', strategy: 'sticky' },
    ]);
  });

  it('reads every expectation form', () => {
    const s = valid(fixture('expect.scenario.yaml'));
    expect(s.expect.map(({ text: _t, ...e }) => e)).toEqual([
      { kind: 'converged', line: 11 },
      { kind: 'op', op: 'first-read', returns: ['milk'], line: 12 },
      { kind: 'op', op: 'first-read', fails: true, line: 15 },
      { kind: 'anomaly', anomaly: 'stale-read', line: 16 },
      { kind: 'anomaly', anomaly: 'lost-write', count: 1, line: 17 },
      { kind: 'no', anomaly: 'split-brain', line: 18 },
      { kind: 'leader', node: 'f1', line: 19 },
      { kind: 'state', node: 'n3', key: 'cart', values: ['milk', 'eggs'], line: 20 },
    ]);
    expect(s.expect[1].text).toBe('{ op: first-read, returns: [milk] }');
  });

  it('reads clocks, storage and run settings', () => {
    const s = valid(fixture('clocks-storage.scenario.yaml'));
    expect(s.clocks).toEqual({ n2: { offset: -20, drift: 0.001 } });
    expect(s.storage).toEqual({
      default: { kind: 'fixed', ms: 0.1 },
      nodes: { n3: { kind: 'exponential', mean: 5 } },
    });
    const r = valid(fixture('run.scenario.yaml'));
    expect(r.run).toEqual({ until: 2000, maxEvents: 1000000 });
  });
});

describe('defaults', () => {
  it('fills single-leader defaults: leader first, followers async, row log, 10ms heartbeat', () => {
    const s = valid(minimal('  replication: single-leader\n  nodes: [a, b, c]'));
    expect(s.cluster).toEqual({
      replication: 'single-leader',
      nodes: [
        { id: 'a', engineVersion: 1, line: 4 },
        { id: 'b', engineVersion: 1, line: 4 },
        { id: 'c', engineVersion: 1, line: 4 },
      ],
      leader: 'a',
      followers: { b: 'async', c: 'async' },
      semiSync: false,
      log: 'row',
      heartbeat: 10,
      reads: 'leader',
    });
    expect(s.seed).toBe(1);
    expect(s.run).toEqual({ until: 'quiet', maxEvents: 1000000 });
    expect(s.network).toEqual({
      latency: { kind: 'fixed', ms: 1 },
      drop: 0,
      duplicate: 0,
      fifo: false,
      links: [],
    });
    expect(s.clocks).toEqual({});
    expect(s.storage).toEqual({ nodes: {} });
  });

  it('makes unlisted nodes async followers when some followers are given', () => {
    const s = valid(
      minimal('  replication: single-leader\n  nodes: [a, b, c]\n  followers: { b: sync }\n  semiSync: true'),
    );
    expect((s.cluster as SingleLeaderConfig).followers).toEqual({ b: 'sync', c: 'async' });
  });

  it('fills multi-leader defaults', () => {
    const s = valid(minimal('  replication: multi-leader\n  nodes: [a, b]'));
    const c = s.cluster as MultiLeaderConfig;
    expect([c.topology, c.conflicts, c.causality, c.homes, c.types]).toEqual([
      { kind: 'all-to-all' },
      'siblings',
      'version-vectors',
      {},
      {},
    ]);
  });

  it('fills leaderless defaults with n = min(3, nodes) and majority quorums', () => {
    const s = valid(minimal('  replication: leaderless\n  nodes: [a, b, c, d, e]'));
    const { nodes: _n, ...c } = s.cluster as LeaderlessConfig;
    expect(c).toEqual({
      replication: 'leaderless',
      n: 3,
      w: 2,
      r: 2,
      coordinator: 'node',
      placement: 'ring',
      vnodes: 8,
      readRepair: true,
      antiEntropy: false,
      sloppyQuorum: false,
      hintedHandoff: 50,
      versioning: 'version-vectors',
      writeFanout: 'all',
    });
    const two = valid(minimal('  replication: leaderless\n  nodes: [a, b]')).cluster as LeaderlessConfig;
    expect([two.n, two.w, two.r]).toEqual([2, 2, 2]);
  });

  it('reads nodes given as maps with an engine version', () => {
    const s = valid(
      minimal('  replication: single-leader\n  log: wal\n  nodes: [a, b, { id: c, engineVersion: 2 }]'),
    );
    expect(s.cluster.nodes.map((n) => [n.id, n.engineVersion])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 2],
    ]);
  });

  it('reads topologies', () => {
    const star = valid(minimal('  replication: multi-leader\n  nodes: [a, b]\n  topology: { star: a }'));
    expect((star.cluster as MultiLeaderConfig).topology).toEqual({ kind: 'star', hub: 'a' });
    const links = valid(
      minimal(
        '  replication: multi-leader\n  nodes: [a, b, c]\n  topology: { links: ["a -> b", "b <-> c"] }',
      ),
    );
    expect((links.cluster as MultiLeaderConfig).topology).toEqual({
      kind: 'links',
      links: [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
        { from: 'c', to: 'b' },
      ],
    });
    const circ = valid(minimal('  replication: multi-leader\n  nodes: [a, b]\n  topology: circular'));
    expect((circ.cluster as MultiLeaderConfig).topology).toEqual({ kind: 'circular' });
  });
});

describe('durations and links', () => {
  it('reads durations in us, ms, s and bare milliseconds', () => {
    const text = minimal(
      '  replication: single-leader\n  nodes: [a]',
      'events:\n  - { at: 250us, crash: a }\n  - { at: 5ms, recover: a }\n  - { at: 1.5s, crash: a }\n  - { at: 1600, recover: a }',
    );
    expect(valid(text).events.map((e) => e.at)).toEqual([0.25, 5, 1500, 1600]);
  });

  it('turns a two-way link into two directed overrides and merges a one-way refinement', () => {
    const s = valid(
      minimal(
        '  replication: single-leader\n  nodes: [a, b]',
        'network:\n  links:\n    "a <-> b": { latency: 80ms }\n    a->b: { drop: 0.5 }\nevents: []',
      ),
    );
    expect(s.network.links).toEqual([
      { from: 'a', to: 'b', line: 7, latency: { kind: 'fixed', ms: 80 }, drop: 0.5 },
      { from: 'b', to: 'a', line: 7, latency: { kind: 'fixed', ms: 80 } },
    ]);
  });
});

describe('events', () => {
  const cluster = '  replication: single-leader\n  nodes: [a, b]';

  it('computes `after` from the previous item in file order', () => {
    const s = valid(
      minimal(
        cluster,
        'clients:\n  c: { node: a }\nevents:\n  - { after: 5ms, read: k }\n  - { after: 2ms, read: k }\n  - { at: 20ms, read: k }\n  - { after: 1ms, read: k }',
      ),
    );
    expect(s.events.map((e) => e.at)).toEqual([5, 7, 20, 21]);
  });

  it('uses the only client when `client` is omitted', () => {
    const s = valid(minimal(cluster, 'clients:\n  solo: { node: b }\nevents:\n  - { at: 0ms, read: k }'));
    expect(s.events[0]).toMatchObject({ type: 'client', client: 'solo' });
  });

  it('keeps file order for items at the same time and numbers them by position', () => {
    const s = valid(
      minimal(
        cluster,
        'clients:\n  c: { node: a }\nevents:\n  - { at: 1ms, crash: b }\n  - { at: 1ms, read: k }\n  - { at: 1ms, recover: b }',
      ),
    );
    expect(s.events.map((e) => [e.index, e.type])).toEqual([
      [0, 'fault'],
      [1, 'client'],
      [2, 'fault'],
    ]);
  });

  it('defaults increment to 1 and a client to the leader', () => {
    const s = valid(
      minimal(cluster, 'clients:\n  c: {}\nevents:\n  - { at: 0ms, increment: { key: likes } }'),
    );
    expect(s.events[0]).toMatchObject({ action: { kind: 'increment', key: 'likes', by: 1 } });
    expect(s.clients[0].node).toBe('a');
  });

  it('reads block-style items and their lines', () => {
    const s = valid(
      'scenario: t\ncluster:\n  replication: single-leader\n  nodes: [a]\nclients:\n  c: { node: a }\nevents:\n  - at: 1ms\n    write:\n      key: k\n      value: [1, two, true, null]\n',
    );
    expect(s.events[0]).toMatchObject({
      line: 8,
      action: { kind: 'write', key: 'k', value: [1, 'two', true, null] },
    });
  });
});

describe('robustness', () => {
  it('parses a 500-event file', () => {
    const lines = [
      'scenario: big',
      'cluster:',
      '  replication: leaderless',
      '  nodes: [n1, n2, n3]',
      'clients:',
    ];
    lines.push('  c1: { node: n1 }', '  c2: { node: n2 }', 'events:');
    for (let i = 0; i < 500; i++) {
      lines.push(
        `  - { at: ${i}ms, client: c${(i % 2) + 1}, write: { key: k${i % 7}, value: ${i} }, id: op${i} }`,
      );
    }
    const s = valid(`${lines.join('\n')}\n`);
    expect(s.events).toHaveLength(500);
    expect(s.events[499]).toMatchObject({ at: 499, id: 'op499', line: 508 });
  });

  it('accepts anchors, aliases and merge keys', () => {
    const s = valid(
      'scenario: t\ncluster:\n  replication: single-leader\n  nodes: [a, b]\nclients:\n  base: &c { node: b, timeout: 2s }\n  other: { <<: *c, timeout: 3s }\nevents:\n  - { at: 0ms, client: base, read: k }\n',
    );
    expect(s.clients.map((c) => [c.id, c.node, c.timeout])).toEqual([
      ['base', 'b', 2000],
      ['other', 'b', 3000],
    ]);
  });
});

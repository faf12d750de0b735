import { describe, expect, it } from 'vitest';
import type { Diagnostic, SourceRange } from './diagnostics';
import { formatDiagnostic } from './diagnostics';
import { parseScenario } from './parse';
import { SourceText } from './source';

/** The text a range covers. */
function covered(text: string, r: SourceRange): string {
  const src = new SourceText(text);
  return text.slice(src.offset(r.line, r.col), src.offset(r.endLine, r.endCol));
}

/** The one diagnostic with `code`, with the text it underlines. */
function only(text: string, code: string): Diagnostic & { text: string } {
  const r = parseScenario(text, 'f.scenario.yaml');
  const found = r.diagnostics.filter((d) => d.code === code);
  expect(
    found.map(formatDiagnostic),
    `diagnostics: ${r.diagnostics.map(formatDiagnostic).join('\n')}`,
  ).toHaveLength(1);
  if (found[0].severity === 'error') expect(r.scenario).toBeUndefined();
  return { ...found[0], text: covered(text, found[0]) };
}

function applyFix(text: string, d: Diagnostic): string {
  if (!d.fix) throw new Error('no fix');
  const src = new SourceText(text);
  const r = d.fix.range;
  return (
    text.slice(0, src.offset(r.line, r.col)) + d.fix.replacement + text.slice(src.offset(r.endLine, r.endCol))
  );
}

const SL = 'scenario: t\ncluster:\n  replication: single-leader\n  nodes: [a, b, c]\n';
const LL = 'scenario: t\ncluster:\n  replication: leaderless\n  nodes: [a, b, c]\n';
const ML = 'scenario: t\ncluster:\n  replication: multi-leader\n  nodes: [a, b]\n';
const ALICE = 'clients:\n  alice: { node: a }\n';

describe('syntax and structure', () => {
  it('reports a YAML syntax error where it is', () => {
    const d = only('scenario: t\ncluster: { replication: leaderless\nevents: []\n', 'yaml-syntax');
    expect(d.severity).toBe('error');
    expect(d.line).toBeGreaterThanOrEqual(2);
  });

  it('reports an empty file at its start', () => {
    const d = only('', 'empty');
    expect([d.line, d.col, d.endLine, d.endCol]).toEqual([1, 1, 1, 1]);
  });

  it('suggests the closest key for an unknown key and offers the fix', () => {
    const text = 'scenario: t\ncluster:\n  replicaton: leaderless\n  nodes: [a]\nevents: []\n';
    const d = only(text, 'unknown-key');
    expect(d.message).toBe('unknown key `replicaton` in `cluster`; did you mean `replication`?');
    expect([d.text, d.line, d.col, d.endCol]).toEqual(['replicaton', 3, 3, 13]);
    expect(d.fix?.replacement).toBe('replication');
    expect(parseScenario(applyFix(text, d)).scenario).toBeDefined();
  });

  it('lists the allowed keys when nothing is close', () => {
    const d = only(`${SL}zzzzzz: 1\nevents: []\n`, 'unknown-key');
    expect(d.message).toMatch(/^unknown key `zzzzzz`; allowed: scenario, description, seed, cluster/);
    expect(d.fix).toBeUndefined();
  });

  it('says which values are allowed for an enum', () => {
    const d = only(
      'scenario: t\ncluster:\n  replication: single-leder\n  nodes: [a]\nevents: []\n',
      'bad-value',
    );
    expect(d.message).toBe(
      '`replication` must be one of single-leader, multi-leader, leaderless; did you mean single-leader?',
    );
    expect([d.text, d.line, d.col]).toEqual(['single-leder', 3, 16]);
    expect(d.fix?.replacement).toBe('single-leader');
  });

  it('says what type a value must have', () => {
    const d = only(`${LL}  w: two\nevents: []\n`, 'type');
    expect(d.message).toBe('`w` must be an integer ≥ 1');
    expect([d.text, d.line]).toEqual(['two', 5]);
  });

  it('rejects a duration with an unknown unit', () => {
    const d = only(`${SL}  heartbeat: 10min\nevents: []\n`, 'type');
    expect(d.message).toBe('`heartbeat`: unknown unit "min": use us, ms or s (e.g. 250us, 5ms, 1.5s)');
    expect(d.text).toBe('10min');
  });

  it('reports a missing required section on the file’s first line', () => {
    const d = only('scenario: t\nevents: []\n', 'missing-key');
    expect(d.message).toBe('the scenario needs `cluster`: a map');
    expect(d.line).toBe(1);
  });

  it('reports an identifier that does not match the pattern', () => {
    const d = only(
      'scenario: t\ncluster:\n  replication: leaderless\n  nodes: [a, 9b]\nevents: []\n',
      'bad-identifier',
    );
    expect(d.text).toBe('9b');
    expect(d.message).toContain('not an identifier');
  });

  it('rejects a family-specific key under another family', () => {
    const d = only(`${SL}  w: 2\nevents: []\n`, 'wrong-family');
    expect(d.message).toBe('`w` only applies to leaderless clusters; this cluster is single-leader');
    expect([d.text, d.line, d.col]).toEqual(['w', 5, 3]);
  });

  it('rejects offline outside multi-leader', () => {
    const d = only(`${SL}${ALICE}events:\n  - { at: 0ms, offline: alice }\n`, 'wrong-family');
    expect(d.message).toBe('`offline` only applies to multi-leader clusters; this cluster is single-leader');
    expect(d.text).toBe('offline');
  });

  it('rejects a leader expectation outside single-leader', () => {
    const d = only(`${LL}events: []\nexpect:\n  - { leader: a }\n`, 'wrong-family');
    expect(d.message).toBe('`leader` only applies to single-leader clusters; this cluster is leaderless');
    expect(d.text).toBe('{ leader: a }');
  });
});

describe('events', () => {
  it('rejects two actions in one item, pointing at the second', () => {
    const d = only(`${SL}events:\n  - { at: 1ms, crash: a, recover: b }\n`, 'multiple-actions');
    expect(d.message).toBe('one action per item: this item has `crash` and `recover`');
    expect([d.text, d.line, d.col]).toEqual(['recover', 6, 26]);
  });

  it('requires an action and a time', () => {
    const text = `${SL}events:\n  - { id: x }\n`;
    const r = parseScenario(text);
    expect(r.diagnostics.map((d) => [d.code, covered(text, d)])).toEqual([
      ['missing-time', '{ id: x }'],
      ['missing-action', '{ id: x }'],
    ]);
  });

  it('rejects an absolute time going backwards, naming both lines', () => {
    const d = only(
      `${SL}events:\n  - { at: 5ms, crash: a }\n  - { at: 3ms, recover: a }\n`,
      'time-backwards',
    );
    expect(d.message).toBe(
      'at 3ms is earlier than the previous item (line 6, at 5ms): items must be in time order',
    );
    expect([d.text, d.line]).toEqual(['3ms', 7]);
    expect(d.related?.[0].range.line).toBe(6);
  });

  it('requires `client` when there are several clients', () => {
    const d = only(
      `${SL}clients:\n  x: { node: a }\n  y: { node: b }\nevents:\n  - { at: 0ms, read: k }\n`,
      'missing-client',
    );
    expect(d.message).toBe('which client? `client:` is required when there are several clients (x, y)');
    expect(d.text).toBe('read');
  });

  it('offers to add a clients section when there is none', () => {
    const text = `${SL}events:\n  - { at: 0ms, read: k }\n`;
    const d = only(text, 'no-clients');
    expect(d.fix?.title).toBe('Add a client `client1`');
    const fixed = applyFix(text, d);
    expect(fixed).toContain('clients:\n  client1: { node: a }\nevents:');
    expect(parseScenario(fixed).scenario?.events[0]).toMatchObject({ client: 'client1' });
  });

  it('rejects `client` on a fault', () => {
    const d = only(`${SL}${ALICE}events:\n  - { at: 0ms, client: alice, crash: b }\n`, 'client-on-fault');
    expect(d.text).toBe('client');
  });

  it('rejects duplicate op ids and expectations about unknown ops', () => {
    const text = `${SL}${ALICE}events:\n  - { at: 0ms, read: k, id: r1 }\n  - { at: 1ms, read: k, id: r1 }\nexpect:\n  - { op: r2, fails: true }\n`;
    const dup = only(text, 'duplicate-op-id');
    expect([dup.text, dup.line]).toEqual(['r1', 9]);
    expect(dup.message).toBe('duplicate id `r1`: already declared as an op id on line 8');
    const unknown = only(text, 'unknown-op');
    expect(unknown.message).toBe('no event has id `r2`; did you mean `r1`?');
    expect([unknown.text, unknown.line]).toEqual(['r2', 11]);
  });

  it('rejects `returns` on an operation that is not a read', () => {
    const d = only(
      `${SL}${ALICE}events:\n  - { at: 0ms, write: { key: k, value: 1 }, id: w }\nexpect:\n  - { op: w, returns: [1] }\n`,
      'returns-not-read',
    );
    expect(d.text).toBe('returns');
  });

  it('rejects a node used before addNode brings it in', () => {
    const d = only(
      `${SL}events:\n  - { at: 1ms, crash: d }\n  - { at: 5ms, addNode: { id: d } }\n`,
      'before-added',
    );
    expect(d.message).toBe('`d` only joins at 5ms (addNode); this item is at 1ms');
    expect(d.text).toBe('d');
  });

  it('rejects an actor in two partition groups', () => {
    const d = only(`${SL}events:\n  - { at: 1ms, partition: [[a, b], [b, c]] }\n`, 'partition-overlap');
    expect(d.message).toBe('`b` is already in group 1: an actor belongs to at most one group');
    expect([d.text, d.col]).toEqual(['b', 37]);
  });

  it('rejects a two-way cut', () => {
    const d = only(`${SL}events:\n  - { at: 1ms, cut: "a <-> b" }\n`, 'bad-link');
    expect(d.message).toBe('`cut` cuts one direction: write "a -> b" (use partition for both)');
    expect(d.text).toBe('"a <-> b"');
  });

  it('warns about items after run.until', () => {
    const d = only(`${SL}events:\n  - { at: 5s, crash: a }\nrun: { until: 1s }\n`, 'after-until');
    expect(d.severity).toBe('warning');
    expect(d.text).toBe('5s');
  });
});

describe('references', () => {
  it('rejects an undeclared node with a suggestion', () => {
    const d = only(`${SL}events:\n  - { at: 1ms, crash: bb }\n`, 'undeclared-node');
    expect(d.message).toBe('undeclared node `bb`; did you mean `b`?');
    expect([d.text, d.line, d.col]).toEqual(['bb', 6, 23]);
    expect(d.fix?.replacement).toBe('b');
  });

  it('checks node references in clients, links, clocks, storage, followers, shards and expect', () => {
    const text = `scenario: t
cluster:
  replication: single-leader
  nodes: [a, b]
  followers: { x1: sync }
  failover: {}
  shards:
    s: { leader: x2, keys: [k] }
network:
  links: { "x3 -> a": { drop: 0.5 } }
clocks: { x4: { offset: 1ms } }
storage: { x5: { write: 1ms } }
clients: { c: { node: x6 } }
events:
  - { at: 0ms, partition: [[x7]] }
expect:
  - { leader: x8 }
  - { state: { node: x9, key: k, values: [] } }
`;
    const r = parseScenario(text);
    const names = r.diagnostics.filter((d) => d.code.startsWith('undeclared')).map((d) => covered(text, d));
    expect(names).toEqual(['x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', 'x8', 'x9']);
  });

  it('checks multi-leader homes and topology references', () => {
    const text = `${ML}  homes: { k: zz }\n  topology: { star: yy }\nevents: []\n`;
    const r = parseScenario(text);
    expect(r.diagnostics.map((d) => [d.code, covered(text, d)])).toEqual([
      ['undeclared-node', 'zz'],
      ['undeclared-node', 'yy'],
    ]);
  });

  it('offers to declare an undeclared client under clients', () => {
    const text = `${SL}clients:\n  alice: { node: a }\n  bob: { node: b }\nevents:\n  - { at: 0ms, client: zed, read: k }\n`;
    const d = only(text, 'undeclared-client');
    expect(d.text).toBe('zed');
    expect(d.fix?.title).toBe('Add client `zed` to clients');
    const fixed = applyFix(text, d);
    expect(fixed).toContain('  bob: { node: b }\n  zed: { node: a }\nevents:');
    expect(parseScenario(fixed).scenario).toBeDefined();
  });

  it('adds a missing client to a flow-style clients map', () => {
    const text = `${SL}clients: { alice: { node: a } }\nevents:\n  - { at: 0ms, client: zed, read: k }\n`;
    const fixed = applyFix(text, only(text, 'undeclared-client'));
    expect(fixed).toContain('clients: { alice: { node: a }, zed: { node: a } }');
    expect(parseScenario(fixed).scenario).toBeDefined();
  });

  it('rejects a client used where a node is needed', () => {
    const d = only(`${SL}${ALICE}events:\n  - { at: 0ms, crash: alice }\n`, 'not-a-node');
    expect(d.message).toBe('`alice` is a client, not a node');
  });

  it('rejects a client id that is already a node id', () => {
    const d = only(`${SL}clients:\n  b: { node: a }\nevents: []\n`, 'duplicate-id');
    expect(d.message).toBe(
      'duplicate id `b`: already declared as a node on line 4 (nodes and clients share one namespace)',
    );
    expect([d.text, d.line]).toEqual(['b', 6]);
  });
});

describe('quorums and families', () => {
  it('rejects w > n', () => {
    const d = only(`${LL}  n: 3\n  w: 4\nevents: []\n`, 'w-greater-than-n');
    expect(d.message).toBe('w = 4 is more than n = 3: no write could ever succeed');
    expect([d.text, d.line]).toEqual(['4', 6]);
  });

  it('rejects r > n against the default n', () => {
    const d = only(`${LL}  r: 5\nevents: []\n`, 'r-greater-than-n');
    expect(d.message).toBe(
      'r = 5 is more than n = 3 (the default, min(3, nodes)): no read could ever succeed',
    );
  });

  it('rejects n > nodes', () => {
    const d = only(`${LL}  n: 4\n  w: 2\n  r: 3\nevents: []\n`, 'n-greater-than-nodes');
    expect(d.message).toBe('n = 4 is more than the 3 nodes: each key needs n distinct replicas');
    expect(d.text).toBe('4');
  });

  it('warns that w + r <= n allows stale reads', () => {
    const d = only(`${LL}  n: 3\n  w: 1\n  r: 2\nevents: []\n`, 'stale-quorum');
    expect(d.severity).toBe('warning');
    expect(d.message).toBe('reads may miss the latest write: w + r = 3 is not greater than n = 3');
    expect([d.text, d.line]).toEqual(['2', 7]);
  });

  it('warns about a sync follower without failover', () => {
    const d = only(`${SL}  followers: { b: sync }\nevents: []\n`, 'sync-without-failover');
    expect(d.severity).toBe('warning');
    expect(d.text).toBe('sync');
    expect(d.message).toContain('no `failover` is configured');
  });

  it('rejects the leader listed as its own follower', () => {
    const d = only(`${SL}  failover: {}\n  followers: { a: sync }\nevents: []\n`, 'leader-is-follower');
    expect(d.text).toBe('a');
  });

  it('rejects a key owned by two shards', () => {
    const d = only(
      `${SL}  shards:\n    s1: { leader: a, keys: [k] }\n    s2: { leader: b, keys: [k] }\nevents: []\n`,
      'shard-key-twice',
    );
    expect(d.message).toBe('key `k` already belongs to shard `s1` (line 6); a key lives in one shard');
    expect(d.line).toBe(7);
  });

  it('warns when every link drops every message', () => {
    const d = only(`${SL}network: { drop: 1 }\nevents: []\n`, 'all-dropped');
    expect(d.severity).toBe('warning');
    expect(d.text).toBe('1');
  });
});

describe('CRDT keys', () => {
  it('rejects a key used as two CRDT types', () => {
    const d = only(
      `${LL}${ALICE}events:\n  - { at: 0ms, increment: { key: k } }\n  - { at: 1ms, add: { key: k, value: x } }\n`,
      'crdt-type-conflict',
    );
    expect(d.message).toBe(
      '`k` is used as a counter (increment on line 8) and as a set here: a key has one CRDT type',
    );
    expect([d.line, d.text]).toEqual([9, '{ key: k, value: x }']);
  });

  it('requires a declared type for CRDT operations in multi-leader', () => {
    const d = only(`${ML}${ALICE}events:\n  - { at: 0ms, increment: { key: likes } }\n`, 'crdt-untyped');
    expect(d.message).toBe('increment needs a CRDT key: declare it in cluster.types (`likes: counter`)');
  });

  it('rejects an operation that does not fit the declared type', () => {
    const d = only(
      `${ML}  types: { likes: set }\n${ALICE}events:\n  - { at: 0ms, increment: { key: likes } }\n`,
      'crdt-type-conflict',
    );
    expect(d.message).toBe('`likes` is declared a set; increment needs a counter');
  });
});

describe('more checks', () => {
  it('rejects an expectation about a fault item and contradictory results', () => {
    const text = `${SL}${ALICE}events:\n  - { at: 0ms, crash: b, id: boom }\n  - { at: 1ms, read: k, id: r }\nexpect:\n  - { op: boom, fails: true }\n  - { op: r, returns: [], fails: true }\n`;
    expect(only(text, 'not-an-op').message).toBe('`boom` is a crash item, not a client operation');
    expect(only(text, 'returns-and-fails').text).toBe('fails');
  });

  it('rejects addNode with a role of another family', () => {
    const d = only(`${LL}events:\n  - { at: 0ms, addNode: { id: d, as: follower } }\n`, 'wrong-family');
    expect(d.message).toBe('a leaderless cluster adds nodes as replica, not follower');
    expect(d.text).toBe('follower');
  });

  it('warns about recovering a node that is up', () => {
    const d = only(`${SL}events:\n  - { at: 0ms, recover: b }\n`, 'recover-running');
    expect([d.severity, d.text]).toEqual(['warning', 'b']);
  });

  it('warns about semiSync without a sync follower and a window without leader-window', () => {
    expect(only(`${SL}  semiSync: true\nevents: []\n`, 'semisync-without-sync').text).toBe('semiSync');
    const d = only(
      `${SL}clients:\n  c: { node: a, guarantees: [{ read-your-writes: { window: 5ms } }] }\nevents: []\n`,
      'unused-window',
    );
    expect(d.text).toBe('window');
  });

  it('rejects a value that is a map and a key that is not a name', () => {
    const text = `${SL}${ALICE}events:\n  - { at: 0ms, write: { key: k, value: { a: 1 } } }\n`;
    expect(only(text, 'type').text).toBe('{ a: 1 }');
    expect(only(`${SL}? [x]\n: 1\nevents: []\n`, 'bad-key').text).toBe('[x]');
  });

  it('reports a missing value on its key', () => {
    const d = only(`${SL}  heartbeat:\nevents: []\n`, 'missing-value');
    expect(d.message).toBe('`heartbeat` needs a value: a positive duration such as 5ms, 250us or 1.5s');
    expect(d.text).toBe('heartbeat');
  });

  it('does not throw on input that is not a string', () => {
    expect(parseScenario(undefined as unknown as string).diagnostics[0].code).toBe('empty');
  });
});

describe('failover timing', () => {
  it('warns when the failover timeout is under two heartbeats', () => {
    const d = only(
      `${SL}  heartbeat: 10ms\n  failover: { timeout: 12ms }\nevents: []\n`,
      'short-failover-timeout',
    );
    expect([d.severity, d.text]).toEqual(['warning', '12ms']);
  });
});

describe('one message per mistake', () => {
  it('reports a misspelt action once, with its fix', () => {
    const text = `${SL}${ALICE}events:\n  - { at: 0ms, wirte: { key: k, value: 1 } }\n`;
    const r = parseScenario(text);
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['unknown-key', 'unknown key `wirte` in `events[0]`; did you mean `write`?'],
    ]);
  });
});

describe('messages for values with several forms', () => {
  it('gives the reason of the form the value was written in', () => {
    const d = only(`${SL}network: { latency: 2ms..1ms }\nevents: []\n`, 'type');
    expect(d.message).toBe('`latency`: range start 2ms is after its end');
    expect(d.text).toBe('2ms..1ms');
  });

  it('lists every form and suggests the close word otherwise', () => {
    const d = only(`${SL}events: []\nexpect:\n  - convergd\n`, 'bad-value');
    expect(d.message).toBe(
      '`expect[0]` must be converged, or a map with op, anomaly, no, leader or state; did you mean converged?',
    );
    expect(d.fix?.replacement).toBe('converged');
  });

  it('explains that yes is not a boolean in YAML 1.2', () => {
    const d = only(`${LL}  readRepair: yes\nevents: []\n`, 'type');
    expect(d.message).toBe('`readRepair` must be true or false: YAML 1.2 reads yes as a string');
  });
});

describe('every other check, with the text it underlines', () => {
  const cases: [string, string, string, 'error' | 'warning' | 'info'][] = [
    ['out-of-range', `${SL}network: { drop: 1.5 }\nevents: []\n`, '1.5', 'error'],
    ['too-few', 'scenario: t\ncluster:\n  replication: leaderless\n  nodes: []\nevents: []\n', '[]', 'error'],
    ['multiple-times', `${SL}events:\n  - { at: 1ms, after: 2ms, crash: a }\n`, 'after', 'error'],
    ['not-a-client', `${ML}${ALICE}events:\n  - { at: 0ms, offline: a }\n`, 'a', 'error'],
    ['bad-link', `${SL}network:\n  links: { "a = b": { drop: 0.1 } }\nevents: []\n`, '"a = b"', 'error'],
    ['undeclared-actor', `${SL}events:\n  - { at: 0ms, cut: "a -> zz" }\n`, 'zz', 'error'],
    ['crash-crashed', `${SL}events:\n  - { at: 0ms, crash: b }\n  - { at: 1ms, crash: b }\n`, 'b', 'warning'],
    ['online-not-offline', `${ML}${ALICE}events:\n  - { at: 0ms, online: alice }\n`, 'alice', 'warning'],
    [
      'duplicate-guarantee',
      `${SL}clients:\n  c: { node: a, guarantees: [monotonic-reads, { monotonic-reads: { strategy: position } }] }\nevents: []\n`,
      '{ monotonic-reads: { strategy: position } }',
      'warning',
    ],
    ['placement-all-n', `${LL}  placement: all\n  n: 2\n  w: 2\n  r: 1\nevents: []\n`, 'all', 'warning'],
    [
      'wal-mixed-versions',
      'scenario: t\ncluster:\n  replication: single-leader\n  log: wal\n  nodes: [a, { id: b, engineVersion: 2 }]\nevents: []\n',
      'wal',
      'info',
    ],
    ['alias', `${SL}${ALICE}events:\n  - { at: 0ms, write: { key: k, value: &v [*v] } }\n`, '*v', 'error'],
  ];
  for (const [code, text, underlined, severity] of cases) {
    it(`reports ${code}`, () => {
      const d = only(text, code);
      expect([d.text, d.severity]).toEqual([underlined, severity]);
    });
  }

  it('reports an alias to no anchor, which the YAML parser lets through', () => {
    for (const text of [
      `${SL}${ALICE}events:\n  - { at: 0ms, client: alice, write: { key: k, value: *x } }\n`,
      `${SL}${ALICE}events:\n  - { at: 0ms, client: alice, write: *x }\n`,
    ]) {
      const d = only(text, 'alias');
      expect([d.text, d.severity]).toEqual(['*x', 'error']);
      expect(d.message).toContain('refers to no anchor');
      expect(parseScenario(text).scenario).toBeUndefined();
    }
  });

  it('reports YAML warnings as warnings', () => {
    const text = `${SL}events: []\ndescription: !unknown x\n`;
    const r = parseScenario(text);
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toContainEqual(['yaml-warning', 'warning']);
  });
});

describe('the add-a-client fix', () => {
  it('appends after a client written as a block map', () => {
    const text = `${SL}clients:\n  alice:\n    node: a\n    timeout: 2s\nevents:\n  - { at: 0ms, client: zed, read: k }\n`;
    const fixed = applyFix(text, only(text, 'undeclared-client'));
    expect(fixed).toContain('    timeout: 2s\n  zed: { node: a }\nevents:');
    expect(parseScenario(fixed).scenario).toBeDefined();
  });

  it('adds a clients section at the end when there is no events key to put it before', () => {
    const text = `${SL}expect: []\nevents: [{ at: 0ms, read: k }]`;
    const d = only(text, 'no-clients');
    const fixed = applyFix(text, d);
    expect(parseScenario(fixed).scenario).toBeDefined();
  });
});

describe('reads', () => {
  it('suggests a routing mode for a misspelt one', () => {
    const d = only(`${SL}clients:\n  c: { node: a, reads: folowers }\nevents: []\n`, 'undeclared-node');
    expect(d.message).toBe('undeclared node `folowers`; did you mean `followers`?');
  });
});

describe('follow-on errors', () => {
  it('judges no family setting when the family itself is wrong', () => {
    const text =
      'scenario: t\ncluster:\n  replication: leaderles\n  nodes: [a, b]\n  followers: { b: sync }\nevents:\n  - { at: 0ms, addNode: { id: c, as: replica } }\n';
    expect(parseScenario(text).diagnostics.map((d) => d.code)).toEqual(['bad-value']);
  });

  it('points at the first line of a block item that lacks an action', () => {
    const text = `${SL}events:\n  - at: 1ms\n    id: x\n`;
    const d = only(text, 'missing-action');
    expect([d.line, d.endLine, d.text]).toEqual([6, 6, 'at: 1ms']);
  });
});

// The scenario schema, written once: every key with its type, allowed values, default and a
// one-sentence doc. The validator, the JSON Schema (schemas/scenario.schema.json) and the editor's
// completion and hovers are all derived from it.

import type {
  ArrayType,
  BooleanType,
  DurationType,
  EnumType,
  EnumValue,
  NumberType,
  ObjectType,
  RefKind,
  RefType,
  SchemaType,
  StringType,
  UnionType,
  ValueType,
} from './schemaTypes';

type Extra<T> = Partial<Omit<T, 'kind' | 'doc'>>;

const dur = (doc: string, extra: Extra<DurationType> = {}): DurationType => ({
  kind: 'duration',
  doc,
  ...extra,
});
const num = (doc: string, extra: Extra<NumberType> = {}): NumberType => ({ kind: 'number', doc, ...extra });
const int = (doc: string, extra: Extra<NumberType> = {}): NumberType => num(doc, { integer: true, ...extra });
const bool = (doc: string, extra: Extra<BooleanType> = {}): BooleanType => ({
  kind: 'boolean',
  doc,
  ...extra,
});
const text = (doc: string, extra: Extra<StringType> = {}): StringType => ({ kind: 'string', doc, ...extra });
const ref = (r: RefKind, doc: string, extra: Extra<StringType> = {}): StringType =>
  text(doc, { ref: r, ...extra });
const oneOf = (doc: string, values: [string, string][], extra: Extra<EnumType> = {}): EnumType => ({
  kind: 'enum',
  doc,
  values: values.map(([value, d]): EnumValue => ({ value, doc: d })),
  ...extra,
});
const obj = (
  doc: string,
  properties: Record<string, SchemaType>,
  extra: Extra<ObjectType> = {},
): ObjectType => ({ kind: 'object', doc, properties, ...extra });
const list = (doc: string, items: SchemaType, extra: Extra<ArrayType> = {}): ArrayType => ({
  kind: 'array',
  doc,
  items,
  ...extra,
});
const union = (
  doc: string,
  what: string,
  variants: SchemaType[],
  extra: Extra<UnionType> = {},
): UnionType => ({
  kind: 'union',
  doc,
  what,
  variants,
  ...extra,
});
const distribution = (doc: string, extra: Extra<RefType> = {}): RefType => ({
  kind: 'ref',
  name: 'distribution',
  doc,
  ...extra,
});

export const LATENCY_WHAT =
  'a latency: a duration (5ms), a range (2ms..20ms), or a map with exponential, pareto, lognormal or mixture';

const distributionType: UnionType = union('A latency distribution.', LATENCY_WHAT, [
  dur('A fixed latency.', { example: '5ms' }),
  { kind: 'range', doc: 'Uniform between the two bounds.', example: '2ms..20ms' },
  obj(
    'Exponentially distributed latency.',
    {
      exponential: union(
        'Exponential distribution: its mean (`10ms`), or `{ rate: <per millisecond> }`.',
        'a mean duration (10ms) or { rate: <events per millisecond> }',
        [
          dur('The mean of the exponential distribution.', { positive: true }),
          obj(
            'The exponential distribution given by its rate.',
            { rate: num('Rate per millisecond: the mean is 1 / rate milliseconds.', { above: 0 }) },
            { required: ['rate'] },
          ),
        ],
      ),
    },
    { required: ['exponential'], example: '{ exponential: 10ms }' },
  ),
  obj(
    'Pareto (heavy-tailed) latency.',
    {
      pareto: obj(
        'Pareto distribution with scale `min` and shape `alpha`.',
        {
          min: dur('Scale: the smallest latency the distribution produces.', { positive: true }),
          alpha: num('Shape: smaller alpha means a heavier tail.', { above: 0 }),
        },
        { required: ['min', 'alpha'] },
      ),
    },
    { required: ['pareto'], example: '{ pareto: { min: 1ms, alpha: 1.5 } }' },
  ),
  obj(
    'Log-normal latency.',
    {
      lognormal: obj(
        'Log-normal distribution given by its median and the sigma of its logarithm.',
        {
          median: dur('The median latency.', { positive: true }),
          sigma: num('Standard deviation of the latency’s natural logarithm.', { min: 0 }),
        },
        { required: ['median', 'sigma'] },
      ),
    },
    { required: ['lognormal'], example: '{ lognormal: { median: 5ms, sigma: 0.5 } }' },
  ),
  obj(
    'A mixture: each draw picks a component by weight.',
    {
      mixture: list(
        'Components of the mixture; each draw picks one with probability proportional to its weight.',
        obj(
          'One component of a mixture.',
          {
            weight: num('Relative weight of this component.', { above: 0 }),
            of: distribution('The distribution of this component.'),
          },
          { required: ['weight', 'of'] },
        ),
        { minItems: 1 },
      ),
    },
    {
      required: ['mixture'],
      example: '{ mixture: [ { weight: 0.9, of: 2ms }, { weight: 0.1, of: 50ms } ] }',
    },
  ),
]);

/** Named types, referenced with `{ kind: 'ref', name }` (distributions nest in mixtures). */
export const DEFINITIONS: Readonly<Record<string, SchemaType>> = { distribution: distributionType };

export const REPLICATIONS: [string, string][] = [
  ['single-leader', 'One leader accepts writes and streams them to followers (sync or async).'],
  [
    'multi-leader',
    'Every node accepts writes and replicates them to the others; concurrent writes can conflict.',
  ],
  ['leaderless', 'Dynamo-style: clients or a coordinator write to w and read from r of n replicas.'],
];

export const ANOMALIES: [string, string][] = [
  ['stale-read', 'A read returned a value older than one already acknowledged before the read began.'],
  ['read-your-writes', 'A client did not see its own earlier write.'],
  ['monotonic-reads', 'A client saw an older value after having seen a newer one.'],
  ['consistent-prefix', 'A client saw a write without a write it causally depends on.'],
  ['lost-write', 'An acknowledged write disappeared without being overwritten by a later write.'],
  ['split-brain', 'Two nodes acted as leader for the same data at the same time.'],
  ['conflict', 'Concurrent writes to one key produced siblings or were resolved by a conflict policy.'],
  ['divergence', 'Replicas ended holding different data for the same key.'],
  ['causality-violation', 'A node applied an update before one that happened before it.'],
];

const anomalyName = (doc: string): EnumType => oneOf(doc, ANOMALIES);

const followerMode = oneOf('How this follower replicates.', [
  ['sync', 'The leader waits for this follower before acknowledging a write.'],
  ['async', 'The leader acknowledges writes without waiting for this follower.'],
]);

const followers = (doc: string, extra: Extra<ObjectType> = {}): ObjectType =>
  obj(
    doc,
    {},
    { additional: followerMode, additionalKeys: { ref: 'node', what: 'a follower node' }, ...extra },
  );

const SL = ['single-leader'] as const;
const ML = ['multi-leader'] as const;
const LL = ['leaderless'] as const;

const nodeMap = obj(
  'A node with settings.',
  {
    id: ref('node', 'The node’s id.', { declares: true }),
    engineVersion: int(
      'Storage engine version: a `wal` log only replicates between nodes of the same version.',
      {
        min: 1,
        default: 1,
      },
    ),
  },
  { required: ['id'], example: '{ id: c, engineVersion: 2 }' },
);

const cluster = obj(
  'The nodes and the replication scheme.',
  {
    replication: oneOf('The replication scheme.', REPLICATIONS),
    nodes: list(
      'The nodes, as ids or as maps with settings (`{ id: c, engineVersion: 2 }`).',
      union(
        'A node: its id, or a map with its id and settings.',
        'a node id or { id: <node>, engineVersion: <n> }',
        [ref('node', 'A node id.', { declares: true }), nodeMap],
      ),
      { minItems: 1 },
    ),
    // single-leader
    leader: ref('node', 'The node that starts as leader.', { defaultText: 'the first node', families: SL }),
    followers: followers('Followers and how each replicates (`sync` or `async`).', {
      defaultText: 'every other node, async',
      families: SL,
    }),
    semiSync: bool('If the sync follower is down, make an async follower sync instead.', {
      default: false,
      families: SL,
    }),
    log: oneOf(
      'What the replication log ships.',
      [
        ['statement', 'The statements themselves; each node evaluates now(), rand(), nextId() on its own.'],
        ['row', 'The resulting row values (logical log).'],
        ['wal', 'Storage-level changes, which only a node with the same engineVersion can apply.'],
      ],
      { default: 'row', families: SL },
    ),
    heartbeat: dur('Interval of the leader’s heartbeats to its followers.', {
      positive: true,
      default: '10ms',
      families: SL,
    }),
    failover: obj(
      'Automatic failover; omit it for manual failover only.',
      {
        timeout: dur('A follower suspects the leader after this long without a heartbeat.', {
          positive: true,
          default: '50ms',
        }),
        elect: oneOf(
          'How the new leader is chosen.',
          [
            ['most-up-to-date', 'The reachable follower with the longest log wins.'],
            ['lowest-id', 'The reachable follower with the lowest id wins, however far behind it is.'],
          ],
          { default: 'most-up-to-date' },
        ),
        fencing: bool('Epochs and fencing tokens stop a deposed leader; false lets split brain happen.', {
          default: true,
        }),
      },
      { families: SL, example: '{ timeout: 50ms, elect: most-up-to-date, fencing: true }' },
    ),
    reads: oneOf(
      'Where client reads go by default.',
      [
        ['leader', 'Reads go to the leader.'],
        ['followers', 'Reads go to a follower (spread by client).'],
        ['sticky', 'Each client keeps reading from the same replica.'],
      ],
      { default: 'leader', families: SL },
    ),
    shards: obj(
      'Several independent replication groups, each owning some keys.',
      {},
      {
        families: SL,
        additionalKeys: { ref: 'shard', declares: true, what: 'a shard name' },
        additional: obj(
          'One replication group.',
          {
            leader: ref('node', 'The leader of this shard.'),
            followers: followers('Followers of this shard.', { defaultText: 'every other node, async' }),
            keys: list('Data keys this shard owns.', ref('key', 'A data key.')),
          },
          { required: ['leader', 'keys'] },
        ),
      },
    ),
    // multi-leader
    topology: union(
      'Which leaders send their writes to which.',
      'all-to-all, circular, { star: <hub> } or { links: ["a -> b", ...] }',
      [
        oneOf('A named topology.', [
          ['all-to-all', 'Every leader sends its writes to every other leader.'],
          ['circular', 'Each leader forwards writes to the next one around a ring.'],
        ]),
        obj(
          'Star topology.',
          { star: ref('node', 'The hub: every write goes through it.') },
          { required: ['star'] },
        ),
        obj(
          'Explicit replication links.',
          {
            links: list('Directed replication links.', {
              kind: 'link',
              both: true,
              doc: 'A replication link.',
            }),
          },
          { required: ['links'] },
        ),
      ],
      { default: 'all-to-all', families: ML },
    ),
    conflicts: oneOf(
      'How concurrent writes to one key are resolved.',
      [
        ['siblings', 'Keep every concurrent value; the next reader sees them all.'],
        ['last-write-wins', 'Keep the value with the highest timestamp; the others are silently lost.'],
        ['highest-node', 'Keep the value written at the node with the highest id.'],
        ['merge', 'Merge concurrent values (union of lists, the larger scalar).'],
      ],
      { default: 'siblings', families: ML },
    ),
    causality: oneOf(
      'Whether updates carry their causal dependencies.',
      [
        ['version-vectors', 'Hold an update until the ones it depends on have arrived.'],
        ['none', 'Apply updates as they arrive, so an overtaking update can apply out of order.'],
      ],
      { default: 'version-vectors', families: ML },
    ),
    homes: obj(
      'Conflict avoidance: every write of a key goes to its home node.',
      {},
      {
        families: ML,
        additional: ref('node', 'The home node of this key.'),
        additionalKeys: { ref: 'key', what: 'a data key' },
      },
    ),
    types: obj(
      'Keys that are CRDTs, and which kind.',
      {},
      {
        families: ML,
        additional: oneOf('The CRDT type of this key.', [
          ['counter', 'A PN-counter: use increment.'],
          ['set', 'An observed-remove set: use add and remove.'],
          ['lww-register', 'A last-write-wins register.'],
          ['mv-register', 'A multi-value register: concurrent writes are kept as siblings.'],
        ]),
        additionalKeys: { ref: 'key', what: 'a data key' },
      },
    ),
    // leaderless
    n: int('Replication factor: how many replicas store each key.', {
      min: 1,
      defaultText: 'min(3, number of nodes); every node with placement all',
      families: LL,
    }),
    w: int('Write quorum: a write succeeds once w replicas acknowledge it.', {
      min: 1,
      defaultText: 'a majority of n',
      families: LL,
    }),
    r: int('Read quorum: a read waits for r replicas to answer.', {
      min: 1,
      defaultText: 'a majority of n',
      families: LL,
    }),
    coordinator: oneOf(
      'Who sends a request to the replicas.',
      [
        ['node', 'A replica coordinates the request on the client’s behalf.'],
        ['client', 'The client talks to the replicas itself.'],
      ],
      { default: 'node', families: LL },
    ),
    placement: oneOf(
      'Which replicas store a key.',
      [
        ['ring', 'Consistent hashing: a preference list of n nodes per key.'],
        ['all', 'Every node stores every key.'],
      ],
      { default: 'ring', families: LL },
    ),
    vnodes: int('Virtual nodes per physical node on the hash ring.', { min: 1, default: 8, families: LL }),
    readRepair: bool('A read that sees a stale replica writes the newest value back to it.', {
      default: true,
      families: LL,
    }),
    antiEntropy: union(
      'Interval of the background Merkle-tree comparison between replicas, or false for none.',
      'an interval (100ms) or false',
      [dur('Anti-entropy interval.', { positive: true }), bool('No anti-entropy.', { only: false })],
      { default: false, families: LL },
    ),
    sloppyQuorum: bool('Accept writes on nodes outside the preference list when its nodes are unreachable.', {
      default: false,
      families: LL,
    }),
    hintedHandoff: dur('How often a node retries handing its hints back to their home nodes.', {
      positive: true,
      default: '50ms',
      families: LL,
    }),
    versioning: oneOf(
      'How replicas version values and detect concurrent writes.',
      [
        [
          'version-numbers',
          'One version number per key on a single replica; the client sends the version it read.',
        ],
        ['version-vectors', 'A version vector per value: concurrent writes become siblings.'],
        ['dotted-version-vectors', 'Version vectors with a dot per sibling, avoiding sibling explosion.'],
        ['timestamps', 'Last write wins by each node’s physical clock.'],
      ],
      { default: 'version-vectors', families: LL },
    ),
    writeFanout: oneOf(
      'Which home replicas a write is sent to; reads always ask all n.',
      [
        ['all', 'Every write goes to all n homes and succeeds after w acknowledgements.'],
        [
          'quorum',
          'Each write goes to w homes chosen at random, as in the PBS model; the others learn it only by read repair or anti-entropy.',
        ],
      ],
      { default: 'all', families: LL },
    ),
  },
  { required: ['replication', 'nodes'] },
);

const linkSettings = obj(
  'Settings of one link, overriding the network defaults.',
  {
    latency: distribution('Latency on this link.'),
    drop: num('Probability that a message on this link is lost.', { min: 0, max: 1 }),
    duplicate: num('Probability that a message on this link is delivered twice.', { min: 0, max: 1 }),
  },
  { example: '{ latency: 80ms }' },
);

const network = obj('Latency, loss and per-link overrides.', {
  latency: distribution('Default latency of every link.', { default: '1ms' }),
  drop: num('Probability that a message is lost.', { min: 0, max: 1, default: 0 }),
  duplicate: num('Probability that a message is delivered twice.', { min: 0, max: 1, default: 0 }),
  fifo: bool('No overtaking: messages on one link arrive in the order they were sent.', { default: false }),
  links: obj(
    'Per-link overrides: `"a -> b"` for one direction, `"a <-> b"` for both.',
    {},
    {
      additional: linkSettings,
      additionalKeys: { link: true, ref: 'actor', what: 'a link ("a -> b" or "a <-> b")' },
    },
  ),
});

const clocks = obj(
  'Physical clocks: clock = virtual time × (1 + drift) + offset.',
  {},
  {
    additional: obj(
      'This node’s physical clock.',
      {
        offset: dur('How far this clock is ahead (positive) or behind (negative).', {
          signed: true,
          default: 0,
        }),
        drift: num('Rate error: 0.001 runs 0.1% fast.', { above: -1, default: 0 }),
      },
      { example: '{ offset: -20ms, drift: 0.001 }' },
    ),
    additionalKeys: { ref: 'node', what: 'a node' },
  },
);

const storageSettings = (doc: string): ObjectType =>
  obj(doc, { write: distribution('Time for the node to apply a write.') }, { required: ['write'] });

const storage = obj(
  'Time for a node to apply a write to storage; instant unless set.',
  { default: storageSettings('Storage of every node not listed.') },
  { additional: storageSettings('Storage of this node.'), additionalKeys: { ref: 'node', what: 'a node' } },
);

const GUARANTEES: [string, string][] = [
  ['read-your-writes', 'The client always sees its own writes.'],
  ['monotonic-reads', 'The client never sees time go backwards.'],
  ['consistent-prefix', 'The client sees writes in an order that respects causality.'],
];

const guaranteeMap = obj(
  'A guarantee with settings.',
  {
    'read-your-writes': obj('The client always sees its own writes.', {
      strategy: oneOf(
        'How the client library provides read-your-writes.',
        [
          ['leader-for-own-keys', 'Read keys this client wrote from the leader.'],
          ['leader-window', 'Read everything from the leader for a while after each write.'],
          ['position', 'Remember the log position of the last write; read only from a replica that has it.'],
        ],
        { default: 'leader-for-own-keys' },
      ),
      window: dur('leader-window: how long after the last write reads go to the leader.', { positive: true }),
    }),
    'monotonic-reads': obj('The client never sees time go backwards.', {
      strategy: oneOf(
        'How the client library provides monotonic reads.',
        [
          ['sticky', 'Always read from the same replica.'],
          ['position', 'Remember the highest position read; read only from replicas at least that far.'],
        ],
        { default: 'sticky' },
      ),
    }),
    'consistent-prefix': obj('The client sees writes in an order that respects causality.', {
      strategy: oneOf(
        'How the client library provides consistent prefix reads.',
        [['causal', 'Send the causal context with each read; a replica answers only once it has caught up.']],
        { default: 'causal' },
      ),
    }),
  },
  {
    exactlyOne: [
      {
        keys: GUARANTEES.map(([g]) => g),
        what: 'guarantee',
        example: '{ read-your-writes: { strategy: position } }',
      },
    ],
  },
);

const clients = obj(
  'Named clients and where they connect.',
  {},
  {
    additionalKeys: { ref: 'client', declares: true, what: 'a client name' },
    additional: obj(
      'A client.',
      {
        node: ref('node', 'The node this client sends its requests to.', {
          defaultText: 'the leader (single-leader) or the first node',
        }),
        reads: union(
          'Where this client’s reads go: a node, or a routing mode.',
          'a node id, leader, followers or sticky',
          [
            oneOf('A routing mode.', [
              ['leader', 'Reads go to the leader.'],
              ['followers', 'Reads go to a follower.'],
              ['sticky', 'Reads keep going to the same replica.'],
            ]),
            ref('node', 'Reads go to this node.'),
          ],
          { defaultText: 'the cluster’s `reads`' },
        ),
        guarantees: list(
          'Session guarantees the client library provides.',
          union(
            'A session guarantee.',
            'read-your-writes, monotonic-reads, consistent-prefix, or a map of one',
            [oneOf('A session guarantee with its default strategy.', GUARANTEES), guaranteeMap],
          ),
        ),
        timeout: dur('Every operation of this client fails with `timeout` if it has no result by then.', {
          positive: true,
          default: '1s',
        }),
      },
      { example: '{ node: n1 }' },
    ),
  },
);

const keyRef = ref('key', 'The data key.');
const valueType: ValueType = { kind: 'value', doc: 'A value: a scalar or a list.' };

const TIME_KEYS = ['at', 'after'];
export const CLIENT_ACTIONS = ['write', 'read', 'delete', 'increment', 'add', 'remove'] as const;
export const FAULT_ACTIONS = [
  'crash',
  'recover',
  'partition',
  'cut',
  'heal',
  'skew',
  'addNode',
  'failover',
  'offline',
  'online',
] as const;

const eventItem = obj(
  'One timeline item: a time, an optional id, and exactly one action.',
  {
    at: dur('Absolute virtual time of this item.'),
    after: dur('Time after the previous item.'),
    id: ref('op', 'A name for this item, used by `expect` and in the trace.', { declares: true }),
    client: ref('client', 'Who performs the operation (may be omitted when there is exactly one client).'),
    write: obj('Write a value.', { key: keyRef, value: valueType }, { required: ['key', 'value'] }),
    read: ref('key', 'Read a key.'),
    delete: ref('key', 'Delete a key (leaves a tombstone).'),
    increment: obj(
      'Increment a counter.',
      { key: keyRef, by: num('Amount to add (negative to subtract).', { default: 1 }) },
      { required: ['key'] },
    ),
    add: obj('Add an element to a set.', { key: keyRef, value: valueType }, { required: ['key', 'value'] }),
    remove: obj(
      'Remove an element from a set.',
      { key: keyRef, value: valueType },
      { required: ['key', 'value'] },
    ),
    crash: union('Crash a node: it loses its volatile state.', 'a node id or { node: <node>, disk: lost }', [
      ref('node', 'The node to crash (its disk survives).'),
      obj(
        'Crash a node.',
        {
          node: ref('node', 'The node to crash.'),
          disk: oneOf(
            'Whether the node’s disk survives.',
            [
              ['kept', 'Only volatile state is lost.'],
              ['lost', 'The disk is lost too: the node comes back empty.'],
            ],
            { default: 'kept' },
          ),
        },
        { required: ['node'] },
      ),
    ]),
    recover: ref('node', 'Bring a crashed node back.'),
    partition: list(
      'Split the network into groups that cannot reach each other; an actor in no group reaches every group.',
      list('A group of nodes and clients that can reach each other.', ref('actor', 'A node or client.')),
      { minItems: 1 },
    ),
    cut: { kind: 'link', both: false, doc: 'Cut one direction of a link ("a -> c").' },
    heal: union('Heal partitions and cuts.', 'all, a link ("a -> b" or "a <-> b"), or a list of links', [
      oneOf('Heal everything.', [['all', 'Heal every partition and cut.']]),
      { kind: 'link', both: true, doc: 'Heal one link.' },
      list('Heal these links.', { kind: 'link', both: true, doc: 'A link to heal.' }),
    ]),
    skew: obj(
      'Change a node’s physical clock.',
      {
        node: ref('node', 'The node whose clock changes.'),
        offset: dur('New clock offset.', { signed: true }),
        drift: num('New clock drift.', { above: -1 }),
      },
      { required: ['node'], atLeastOne: ['offset', 'drift'] },
    ),
    addNode: obj(
      'Add a node to the cluster: it takes a snapshot and catches up.',
      {
        id: ref('node', 'The new node’s id.', { declares: true }),
        as: oneOf(
          'The new node’s role.',
          [
            ['follower', 'single-leader: a new follower.'],
            ['leader', 'multi-leader: a new leader.'],
            ['replica', 'leaderless: a new replica.'],
          ],
          { defaultText: 'follower, leader or replica, by family' },
        ),
        engineVersion: int('Storage engine version of the new node.', { min: 1, default: 1 }),
      },
      { required: ['id'] },
    ),
    failover: ref('node', 'Manual failover: promote this node to leader.', { families: SL }),
    offline: ref('client', 'The client goes offline and keeps writing to its local replica.', {
      families: ML,
    }),
    online: ref('client', 'The client comes back online and syncs its local replica.', { families: ML }),
  },
  {
    exactlyOne: [
      { keys: TIME_KEYS, what: 'time', example: 'at: 5ms' },
      { keys: [...CLIENT_ACTIONS, ...FAULT_ACTIONS], what: 'action', example: 'read: cart' },
    ],
  },
);

const expectItem = union(
  'An assertion checked when the run stops.',
  'converged, or a map with op, anomaly, no, leader or state',
  [
    oneOf('An expectation without settings.', [['converged', 'Every live replica holds the same data.']]),
    obj(
      'The result of an operation.',
      {
        op: ref('op', 'The id of the operation.'),
        returns: list('The values read, one per sibling, compared as a set; [] means not found.', valueType),
        fails: bool('Whether the operation fails (e.g. quorum not reached).'),
      },
      { required: ['op'], atLeastOne: ['returns', 'fails'] },
    ),
    obj(
      'An anomaly that must occur.',
      {
        anomaly: anomalyName('The anomaly that must occur at least once.'),
        count: int('How many times exactly.', { min: 0 }),
      },
      { required: ['anomaly'] },
    ),
    obj(
      'An anomaly that must not occur.',
      { no: anomalyName('The anomaly that must not occur.') },
      { required: ['no'] },
    ),
    obj(
      'Who leads at the end.',
      { leader: ref('node', 'The node that must be leader when the run stops.') },
      { required: ['leader'], families: SL },
    ),
    obj(
      'What a node stores at the end.',
      {
        state: obj(
          'The values a node must hold for a key when the run stops.',
          {
            node: ref('node', 'The node.'),
            key: keyRef,
            values: list('The values (siblings) it must hold, compared as a set.', valueType),
          },
          { required: ['node', 'key', 'values'] },
        ),
      },
      { required: ['state'] },
    ),
  ],
);

/** The whole file. */
export const SCENARIO_SCHEMA: ObjectType = obj(
  'A replication scenario: a cluster, a timeline of client operations and faults, and expectations.',
  {
    scenario: text('Title of the scenario.'),
    description: text('What the scenario shows (Markdown).'),
    seed: int('Seed of every random choice: the same seed gives the same run.', { default: 1 }),
    cluster,
    network,
    clocks,
    storage,
    clients,
    events: list('The timeline of client operations and faults.', eventItem),
    run: obj('When the simulation stops.', {
      until: union(
        'Stop at this virtual time, or `quiet`: nothing in flight and at least 1s after the last event.',
        'a duration (2s) or quiet',
        [
          dur('Stop at this virtual time.', { positive: true }),
          oneOf('Stop when quiet.', [
            [
              'quiet',
              'No messages in flight, no timers but periodic ones, and at least 1s after the last event.',
            ],
          ]),
        ],
        { default: 'quiet' },
      ),
      maxEvents: int('Budget of simulated events: the run stops with a message when it is exceeded.', {
        min: 1,
        default: 1000000,
      }),
    }),
    expect: list('Assertions checked when the run stops.', expectItem),
  },
  { required: ['scenario', 'cluster', 'events'] },
);

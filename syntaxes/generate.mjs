// Generates replication-scenario.tmLanguage.json (run `node syntaxes/generate.mjs`). The grammar is
// written here because its word lists and regexes are shared between many rules.

import { writeFileSync } from 'node:fs';

const ID = '[A-Za-z][A-Za-z0-9_.-]*';
const END = '(?=\\s*(?:[,\\]}]|\\s#|$))'; // end of a plain scalar in flow or block context
const B = '(?<![\\w.-])'; // word start for hyphenated words
const E = '(?![\\w.-])';
const words = (ws) => `(?:${ws.join('|')})`;
const SECTIONS = [
  'scenario',
  'description',
  'seed',
  'cluster',
  'network',
  'clocks',
  'storage',
  'clients',
  'events',
  'run',
  'expect',
];
const CLUSTER_KEYS = [
  'replication',
  'nodes',
  'leader',
  'followers',
  'semiSync',
  'log',
  'heartbeat',
  'failover',
  'timeout',
  'elect',
  'fencing',
  'reads',
  'shards',
  'topology',
  'conflicts',
  'causality',
  'homes',
  'types',
  'n',
  'w',
  'r',
  'coordinator',
  'placement',
  'vnodes',
  'readRepair',
  'antiEntropy',
  'sloppyQuorum',
  'hintedHandoff',
  'versioning',
  'engineVersion',
  'star',
  'links',
];
const ACTIONS = [
  'write',
  'read',
  'delete',
  'increment',
  'add',
  'remove',
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
];
const DISTRIBUTIONS = ['exponential', 'pareto', 'lognormal', 'mixture'];
const ANOMALIES = [
  'stale-read',
  'read-your-writes',
  'monotonic-reads',
  'consistent-prefix',
  'lost-write',
  'split-brain',
  'conflict',
  'divergence',
  'causality-violation',
];
const ENUMS = [
  'single-leader',
  'multi-leader',
  'leaderless',
  'async',
  'sync',
  'row',
  'statement',
  'wal',
  'most-up-to-date',
  'lowest-id',
  'followers',
  'sticky',
  'all-to-all',
  'circular',
  'siblings',
  'last-write-wins',
  'highest-node',
  'merge',
  'version-vectors',
  'dotted-version-vectors',
  'version-numbers',
  'timestamps',
  'counter',
  'set',
  'lww-register',
  'mv-register',
  'ring',
  'quiet',
  'lost',
  'kept',
  'follower',
  'converged',
  'leader-for-own-keys',
  'leader-window',
  'position',
  'causal',
  'replica',
  'read-your-writes',
  'monotonic-reads',
  'consistent-prefix',
  'none',
  'all',
];
const ACTOR_KEYS = ['client', 'node', 'crash', 'recover', 'failover', 'offline', 'online', 'star', 'leader'];

const S = (name) => `${name}.replication-scenario`;
const keyCaptures = (scope) => ({
  1: { name: scope },
  2: { name: 'punctuation.separator.key-value.mapping.yaml' },
});

const KEY_START = '(?:^|(?<=[\\s{,]))';
const KEY_END = '(?=\\s|$|[,\\]}])';
const ENUM_RE = words(
  ENUMS.filter((e) => !ANOMALIES.includes(e)).concat([
    'read-your-writes',
    'monotonic-reads',
    'consistent-prefix',
  ]),
);
const ANOMALY_RE = words(ANOMALIES);
const KEY_CLASSES = [
  [words(SECTIONS), S('keyword.other.section')],
  [words(ACTIONS), S('keyword.control.action')],
  [words(DISTRIBUTIONS), S('support.function.distribution')],
  [words(CLUSTER_KEYS), S('support.type.property-name.cluster')],
  ['<<', 'keyword.operator.merge-key.yaml'],
  [ID, 'entity.name.tag.yaml'],
];
const classOf = (k) => KEY_CLASSES.find(([re]) => new RegExp(`^(?:${re})$`).test(k))[1];
/** One rule per key class: the key, its colon, and a plain value of the given form. */
function keyed(keys, valueRe, valueScope) {
  const byClass = new Map();
  for (const k of keys) byClass.set(classOf(k), [...(byClass.get(classOf(k)) ?? []), k]);
  return [...byClass].map(([scope, ks]) => ({
    match: `${B}(${words(ks)})\\s*(:)\\s*(${valueRe})${END}`,
    captures: { ...keyCaptures(scope), 3: { name: valueScope } },
  }));
}
/** A key whose value is a literal or folded block (description: |); it ends at the first non-blank line indented no deeper than the key. */
function blockScalar(keyRe, keyScope) {
  return {
    begin: `^(\\s*)(?:(-)\\s+)?(${keyRe})\\s*(:)\\s+([|>][-+]?[1-9]?)\\s*(#.*)?$`,
    beginCaptures: {
      2: { name: 'punctuation.definition.block.sequence.item.yaml' },
      3: { name: keyScope },
      4: { name: 'punctuation.separator.key-value.mapping.yaml' },
      5: { name: 'keyword.control.flow.block-scalar.literal.yaml' },
      6: { name: 'comment.line.number-sign.yaml' },
    },
    end: '^(?!\\1\\s|\\s*$)',
    contentName: 'string.unquoted.block.yaml',
  };
}
const valueParts = [
  'comment',
  'anchor',
  'alias',
  'tag',
  'flow-sequence',
  'flow-mapping',
  'link',
  'string',
  'function',
  'duration-range',
  'duration',
  'number',
  'constant',
  'anomaly',
  'enum',
].map((n) => ({ include: `#${n}` }));
const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Replication Scenario',
  scopeName: 'source.replication-scenario',
  fileTypes: ['scenario.yaml', 'scenario.yml'],
  patterns: [
    { include: '#comment' },
    { include: '#document-marker' },
    { include: '#block-scalar' },
    { include: '#actor-section' },
    { include: '#item' },
  ],
  repository: {
    comment: {
      match: '(?:^|(?<=\\s))(#).*$',
      name: 'comment.line.number-sign.yaml',
      captures: { 1: { name: 'punctuation.definition.comment.yaml' } },
    },
    'document-marker': { match: '^(?:---|\\.\\.\\.)(?=\\s|$)', name: 'entity.other.document.begin.yaml' },
    'block-scalar': {
      patterns: [
        blockScalar('description', S('keyword.other.section')),
        blockScalar(ID, 'entity.name.tag.yaml'),
      ],
    },
    'actor-section': {
      comment: 'clients, clocks and storage are maps keyed by actor ids.',
      begin: `^(clients|clocks|storage)\\s*(:)(?=\\s|$)`,
      beginCaptures: keyCaptures(S('keyword.other.section')),
      end: '^(?=\\S)',
      patterns: [
        { include: '#comment' },
        {
          match: `^(\\s+)(default)\\s*(:)(?=\\s)`,
          captures: {
            2: { name: S('constant.language.default') },
            3: { name: 'punctuation.separator.key-value.mapping.yaml' },
          },
        },
        {
          match: `^(\\s+)(${ID})\\s*(:)(?=\\s|$)`,
          captures: {
            2: { name: S('entity.name.type.actor') },
            3: { name: 'punctuation.separator.key-value.mapping.yaml' },
          },
        },
        { include: '#value' },
      ],
    },
    item: {
      patterns: [
        { include: '#title' },
        { include: '#sequence-dash' },
        { include: '#key-value' },
        { include: '#block-value' },
      ],
    },
    title: {
      match: '^(scenario)\\s*(:)\\s+((?!["\'&*!|>\\[{])(?:[^#\\s]|\\s(?!#))+)',
      captures: { ...keyCaptures(S('keyword.other.section')), 3: { name: S('string.unquoted.title') } },
    },
    'sequence-dash': {
      match: '(?:^|(?<=\\s))(-)(?=\\s|$)',
      name: 'punctuation.definition.block.sequence.item.yaml',
    },
    'key-value': {
      patterns: [
        { include: '#nodes-list' },
        { include: '#partition' },
        { include: '#ref-values' },
        { include: '#key' },
      ],
    },
    'nodes-list': {
      comment: 'nodes: [a, b, { id: c }] declares node ids.',
      begin: `${B}(nodes)\\s*(:)\\s*(\\[)`,
      beginCaptures: {
        ...keyCaptures(S('support.type.property-name.cluster')),
        3: { name: 'punctuation.definition.sequence.begin.yaml' },
      },
      end: '\\]',
      endCaptures: { 0: { name: 'punctuation.definition.sequence.end.yaml' } },
      patterns: [
        { include: '#comment' },
        { include: '#flow-mapping' },
        { match: ',', name: 'punctuation.separator.sequence.yaml' },
        { match: `${B}${ID}${E}`, name: S('entity.name.type.node') },
      ],
    },
    partition: {
      comment: 'partition: [[a, b], [c]] names actors in groups.',
      begin: `${B}(partition)\\s*(:)\\s*(\\[)`,
      beginCaptures: {
        ...keyCaptures(S('keyword.control.action')),
        3: { name: 'punctuation.definition.sequence.begin.yaml' },
      },
      end: '\\]',
      endCaptures: { 0: { name: 'punctuation.definition.sequence.end.yaml' } },
      patterns: [{ include: '#actor-group' }, { match: ',', name: 'punctuation.separator.sequence.yaml' }],
    },
    'actor-group': {
      begin: '\\[',
      beginCaptures: { 0: { name: 'punctuation.definition.sequence.begin.yaml' } },
      end: '\\]',
      endCaptures: { 0: { name: 'punctuation.definition.sequence.end.yaml' } },
      patterns: [
        { match: ',', name: 'punctuation.separator.sequence.yaml' },
        { match: `${B}${ID}${E}`, name: S('variable.other.actor') },
      ],
    },
    'ref-values': {
      comment: 'Keys whose plain value names something declared elsewhere in the file, or an enum value.',
      patterns: [
        ...keyed(
          [
            'reads',
            'as',
            'disk',
            'heal',
            'elect',
            'log',
            'coordinator',
            'placement',
            'conflicts',
            'causality',
            'versioning',
            'topology',
            'until',
            'strategy',
            'replication',
          ],
          ENUM_RE,
          S('constant.language.enum'),
        ),
        ...keyed(ACTOR_KEYS.concat(['reads']), ID, S('variable.other.actor')),
        ...keyed(['id'], ID, S('entity.name.function.op')),
        ...keyed(['op'], ID, S('variable.other.op')),
        ...keyed(['key', 'read', 'delete'], ID, S('variable.other.key')),
        ...keyed(['anomaly', 'no'], ANOMALY_RE, S('support.constant.anomaly')),
      ],
    },
    key: {
      comment: 'A mapping key in block or flow style (quoted keys include link keys such as "a -> b").',
      patterns: [
        ...KEY_CLASSES.map(([re, scope]) => ({
          match: `${KEY_START}(${re})\\s*(:)${KEY_END}`,
          captures: keyCaptures(scope),
        })),
        {
          match: `("[^"]*"|'[^']*')\\s*(:)${KEY_END}`,
          captures: {
            1: { patterns: [{ include: '#link' }, { include: '#string' }] },
            2: { name: 'punctuation.separator.key-value.mapping.yaml' },
          },
        },
      ],
    },
    value: { patterns: [...valueParts, { include: '#plain' }] },
    'block-value': { patterns: [...valueParts, { include: '#plain-block' }] },
    'flow-sequence': {
      begin: '\\[',
      beginCaptures: { 0: { name: 'punctuation.definition.sequence.begin.yaml' } },
      end: '\\]',
      endCaptures: { 0: { name: 'punctuation.definition.sequence.end.yaml' } },
      name: 'meta.flow-sequence.yaml',
      patterns: [
        { match: ',', name: 'punctuation.separator.sequence.yaml' },
        { include: '#key-value' },
        { include: '#value' },
      ],
    },
    'flow-mapping': {
      begin: '\\{',
      beginCaptures: { 0: { name: 'punctuation.definition.mapping.begin.yaml' } },
      end: '\\}',
      endCaptures: { 0: { name: 'punctuation.definition.mapping.end.yaml' } },
      name: 'meta.flow-mapping.yaml',
      patterns: [
        { match: ',', name: 'punctuation.separator.mapping.yaml' },
        { include: '#key-value' },
        { include: '#value' },
      ],
    },
    anchor: {
      match: '(&)([^\\s\\[\\]{},]+)',
      captures: {
        1: { name: 'punctuation.definition.anchor.yaml' },
        2: { name: 'entity.name.type.anchor.yaml' },
      },
    },
    alias: {
      match: '(\\*)([^\\s\\[\\]{},]+)',
      name: 'variable.other.alias.yaml',
      captures: { 1: { name: 'punctuation.definition.alias.yaml' } },
    },
    tag: { match: '!!?[\\w.-]*(?=\\s)', name: 'storage.type.tag-handle.yaml' },
    link: {
      comment: 'A link between actors: "a -> b" one way, "a <-> b" both ways (quoted or plain).',
      patterns: [
        {
          match: `(["']?)\\s*(${ID})\\s*(<->|->)\\s*(${ID})\\s*(\\1)(?=\\s*(?:[,\\]}:]|\\s#|$))`,
          name: S('string.quoted.link'),
          captures: {
            1: { name: 'punctuation.definition.string.begin.yaml' },
            2: { name: S('variable.other.actor') },
            3: { name: S('keyword.operator.link') },
            4: { name: S('variable.other.actor') },
            5: { name: 'punctuation.definition.string.end.yaml' },
          },
        },
      ],
    },
    string: {
      patterns: [
        {
          begin: '"',
          beginCaptures: { 0: { name: 'punctuation.definition.string.begin.yaml' } },
          end: '"',
          endCaptures: { 0: { name: 'punctuation.definition.string.end.yaml' } },
          name: 'string.quoted.double.yaml',
          patterns: [
            {
              match: '\\\\(?:[0abtnvfre "/\\\\N_LP]|x\\h{2}|u\\h{4}|U\\h{8})',
              name: 'constant.character.escape.yaml',
            },
          ],
        },
        {
          begin: "'",
          beginCaptures: { 0: { name: 'punctuation.definition.string.begin.yaml' } },
          end: "'(?!')",
          endCaptures: { 0: { name: 'punctuation.definition.string.end.yaml' } },
          name: 'string.quoted.single.yaml',
          patterns: [{ match: "''", name: 'constant.character.escape.single-quoted.yaml' }],
        },
      ],
    },
    function: {
      comment: 'Expressions a statement-based log re-evaluates on every node.',
      match: `${B}(now|rand|nextId)(\\()(\\))`,
      captures: {
        1: { name: S('support.function.statement') },
        2: { name: 'punctuation.definition.arguments.begin' },
        3: { name: 'punctuation.definition.arguments.end' },
      },
    },
    'duration-range': {
      comment: 'Uniform latency: 2ms..20ms.',
      match: `${B}([0-9]+(?:\\.[0-9]+)?)(us|ms|s)?(\\.\\.)([0-9]+(?:\\.[0-9]+)?)(us|ms|s)?${E}`,
      name: S('meta.range'),
      captures: {
        1: { name: S('constant.numeric.duration') },
        2: { name: S('keyword.other.unit') },
        3: { name: S('keyword.operator.range') },
        4: { name: S('constant.numeric.duration') },
        5: { name: S('keyword.other.unit') },
      },
    },
    duration: {
      match: `${B}([-+]?[0-9]+(?:\\.[0-9]+)?)(us|ms|s)${E}`,
      name: S('constant.numeric.duration'),
      captures: { 2: { name: S('keyword.other.unit') } },
    },
    number: {
      match: `${B}[-+]?(?:[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\\.[0-9]+|0x\\h+|0o[0-7]+|\\.inf|\\.nan)${E}`,
      name: 'constant.numeric.yaml',
    },
    constant: {
      patterns: [
        { match: `${B}(?:true|false|True|False|TRUE|FALSE)${E}`, name: 'constant.language.boolean.yaml' },
        { match: `${B}(?:null|Null|NULL|~)${E}`, name: 'constant.language.null.yaml' },
      ],
    },
    anomaly: { match: `${B}${ANOMALY_RE}${END}`, name: S('support.constant.anomaly') },
    enum: { match: `${B}${ENUM_RE}${END}`, name: S('constant.language.enum') },
    'plain-block': {
      comment: 'A plain scalar in block context may contain commas and brackets.',
      match: '[^\\s#,\\[\\]{}:](?:[^#\\s]|\\s(?!#))*?(?=\\s*(?:\\s#|$))',
      name: 'string.unquoted.plain.yaml',
    },
    plain: { match: `[^\\s#,\\[\\]{}:][^#,\\[\\]{}]*?${END}`, name: 'string.unquoted.plain.yaml' },
  },
};
writeFileSync(
  process.argv[2] ?? new URL('./replication-scenario.tmLanguage.json', import.meta.url),
  `${JSON.stringify(grammar, null, 2)}\n`,
);

// The TextMate grammar, tokenized as VS Code does: scopes for the scenario vocabulary, plain YAML
// structure, and a golden snapshot of every example (UPDATE_GOLDEN=1 rewrites them).

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_ACTIONS, FAULT_ACTIONS } from '../../engine/scenario/schema';
import { GRAMMAR_PATH, scopesOf, snapshot, type Token, tokenize } from './testing/tokenize';

const root = join(__dirname, '..', '..');
const examplesDir = join(root, 'examples');
const goldenDir = join(__dirname, 'golden');
const examples = readdirSync(examplesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .flatMap((family) =>
    readdirSync(join(examplesDir, family))
      .filter((f) => f.endsWith('.scenario.yaml'))
      .map((f) => ({ family, name: f.replace(/\.scenario\.yaml$/, ''), path: join(examplesDir, family, f) })),
  );

const innermost = (t: Token) => t.scopes[t.scopes.length - 1] ?? '';
const tokensOf = (lines: Token[][], text: string) => lines.flat().filter((t) => t.text === text);

async function scopesIn(line: string, text: string): Promise<string[]> {
  const [tokens] = await tokenize(line);
  const t = tokens?.find((x) => x.text === text);
  if (!t)
    throw new Error(`no token ${JSON.stringify(text)} in ${JSON.stringify(line)}: ${JSON.stringify(tokens)}`);
  return t.scopes;
}

describe('grammar vocabulary', () => {
  it('scopes durations with their unit, in every unit', async () => {
    for (const [n, unit] of [
      ['5', 'ms'],
      ['1.5', 's'],
      ['250', 'us'],
      ['-20', 'ms'],
    ]) {
      const line = `  heartbeat: ${n}${unit}`;
      expect(await scopesIn(line, n as string)).toContain('constant.numeric.duration.replication-scenario');
      expect(await scopesIn(line, unit as string)).toContain('keyword.other.unit.replication-scenario');
    }
  });

  it('scopes a uniform latency range as two durations around a range operator', async () => {
    const line = '  latency: 2ms..20ms';
    expect(await scopesIn(line, '..')).toContain('keyword.operator.range.replication-scenario');
    expect(await scopesIn(line, '20')).toContain('constant.numeric.duration.replication-scenario');
  });

  it('scopes distribution forms as support functions', async () => {
    for (const d of ['exponential', 'pareto', 'lognormal', 'mixture']) {
      expect(await scopesIn(`  latency: { ${d}: 10ms }`, d)).toContain(
        'support.function.distribution.replication-scenario',
      );
    }
    const mixture =
      '  latency: { mixture: [ { weight: 0.9, of: 1ms }, { weight: 0.1, of: { pareto: { min: 1ms, alpha: 1.5 } } } ] }';
    expect(await scopesIn(mixture, 'pareto')).toContain('support.function.distribution.replication-scenario');
    expect(await scopesIn(mixture, '1.5')).toContain('constant.numeric.yaml');
  });

  it('scopes every action key as a control keyword, in flow and block style', async () => {
    // Every action the schema knows, so a new action without a grammar rule fails here.
    for (const a of [...CLIENT_ACTIONS, ...FAULT_ACTIONS]) {
      expect(await scopesIn(`  - { at: 1ms, ${a}: x }`, a)).toContain(
        'keyword.control.action.replication-scenario',
      );
      expect(await scopesIn(`    ${a}:`, a)).toContain('keyword.control.action.replication-scenario');
    }
  });

  it('scopes section keys, cluster keys and replication enum values', async () => {
    expect(await scopesIn('events:', 'events')).toContain('keyword.other.section.replication-scenario');
    expect(await scopesIn('  sloppyQuorum: true', 'sloppyQuorum')).toContain(
      'support.type.property-name.cluster.replication-scenario',
    );
    for (const [key, value] of [
      ['replication', 'single-leader'],
      ['replication', 'leaderless'],
      ['log', 'statement'],
      ['log', 'wal'],
      ['conflicts', 'last-write-wins'],
      ['conflicts', 'siblings'],
      ['versioning', 'dotted-version-vectors'],
      ['topology', 'all-to-all'],
      ['elect', 'most-up-to-date'],
      ['f1', 'async'],
      ['f2', 'sync'],
    ]) {
      expect(await scopesIn(`  ${key}: ${value}`, value as string), `${key}: ${value}`).toContain(
        'constant.language.enum.replication-scenario',
      );
    }
  });

  it('scopes anomaly names in expectations', async () => {
    for (const a of ['stale-read', 'lost-write', 'split-brain', 'causality-violation', 'divergence']) {
      expect(await scopesIn(`  - { anomaly: ${a}, count: 1 }`, a)).toContain(
        'support.constant.anomaly.replication-scenario',
      );
      expect(await scopesIn(`  - { no: ${a} }`, a)).toContain(
        'support.constant.anomaly.replication-scenario',
      );
    }
  });

  it('scopes node and client references, declarations, op ids and data keys', async () => {
    const line = '  - { at: 5ms, client: alice, read: cart, id: first-read }';
    expect(await scopesIn(line, 'alice')).toContain('variable.other.actor.replication-scenario');
    expect(await scopesIn(line, 'cart')).toContain('variable.other.key.replication-scenario');
    expect(await scopesIn(line, 'first-read')).toContain('entity.name.function.op.replication-scenario');
    expect(await scopesIn('  - { op: first-read, returns: [milk] }', 'first-read')).toContain(
      'variable.other.op.replication-scenario',
    );
    expect(await scopesIn('  - { at: 10ms, crash: f2 }', 'f2')).toContain(
      'variable.other.actor.replication-scenario',
    );
    expect(await scopesIn('  nodes: [a, b, { id: c, engineVersion: 2 }]', 'b')).toContain(
      'entity.name.type.node.replication-scenario',
    );
    const partition = '  - { at: 30ms, partition: [[a, b], [c]] }';
    expect(await scopesIn(partition, 'c')).toContain('variable.other.actor.replication-scenario');
  });

  it('scopes keys of clients, clocks and storage as actor declarations', async () => {
    const lines = await tokenize(
      'clients:\n  alice: { node: leader }\nclocks:\n  n2: { offset: -20ms }\nevents: []',
    );
    expect(innermost(tokensOf(lines, 'alice')[0] as Token)).toBe(
      'entity.name.type.actor.replication-scenario',
    );
    expect(innermost(tokensOf(lines, 'n2')[0] as Token)).toBe('entity.name.type.actor.replication-scenario');
    expect(innermost(tokensOf(lines, 'events')[0] as Token)).toBe(
      'keyword.other.section.replication-scenario',
    );
  });

  it('scopes one-way and two-way links, quoted and plain', async () => {
    for (const line of [
      '    "dc1 <-> dc2": { latency: 80ms }',
      '  - { at: 30ms, cut: "a -> c" }',
      '  - { at: 30ms, cut: a -> c }',
    ]) {
      const [tokens] = await tokenize(line);
      const op = tokens?.find((t) => t.text === '->' || t.text === '<->');
      expect(op?.scopes, line).toContain('keyword.operator.link.replication-scenario');
      expect(op?.scopes, line).toContain('string.quoted.link.replication-scenario');
    }
  });

  it('scopes the statement functions', async () => {
    for (const f of ['now', 'rand', 'nextId']) {
      expect(await scopesIn(`  - { at: 0ms, write: { key: k, value: ${f}() } }`, f)).toContain(
        'support.function.statement.replication-scenario',
      );
    }
  });
});

describe('grammar YAML structure', () => {
  it('ends a comment-free block scalar at the next key and keeps # inside it as text', async () => {
    const lines = await tokenize('description: |\n  a # not a comment\n\n  still text\nseed: 3');
    expect(lines[1]?.[0]?.scopes).toContain('string.unquoted.block.yaml');
    expect(lines[3]?.[0]?.scopes).toContain('string.unquoted.block.yaml');
    expect(innermost(lines[4]?.[0] as Token)).toBe('keyword.other.section.replication-scenario');
  });

  it('scopes comments, but not a # inside a quoted string', async () => {
    const lines = await tokenize('seed: 7 # the seed\nscenario: "a # b"');
    expect(lines[0]?.some((t) => innermost(t) === 'comment.line.number-sign.yaml')).toBe(true);
    expect(lines[1]?.some((t) => t.scopes.includes('comment.line.number-sign.yaml'))).toBe(false);
  });

  it('scopes anchors, aliases and merge keys', async () => {
    const lines = await tokenize(
      'network:\n  latency: &lat 5ms\n  links:\n    "a -> b": { latency: *lat }\n    <<: *base',
    );
    expect(scopesOf(lines, 'lat')).toContainEqual(expect.arrayContaining(['entity.name.type.anchor.yaml']));
    expect(lines[3]?.find((t) => t.text === 'lat')?.scopes).toContain('variable.other.alias.yaml');
    expect(lines[4]?.find((t) => t.text === '<<')?.scopes).toContain('keyword.operator.merge-key.yaml');
  });

  it('scopes flow collections, numbers, booleans and strings', async () => {
    const [tokens] = await tokenize(
      '  - { at: 1ms, write: { key: k, value: [42, true, "x", \'y\', plain text] } }',
    );
    const scope = (text: string) => tokens?.find((t) => t.text === text)?.scopes ?? [];
    expect(scope('{')).toContain('punctuation.definition.mapping.begin.yaml');
    expect(scope('[')).toContain('punctuation.definition.sequence.begin.yaml');
    expect(scope('42')).toContain('constant.numeric.yaml');
    expect(scope('true')).toContain('constant.language.boolean.yaml');
    expect(scope('x')).toContain('string.quoted.double.yaml');
    expect(scope('y')).toContain('string.quoted.single.yaml');
    expect(scope('plain text')).toContain('string.unquoted.plain.yaml');
  });

  it('scopes block-style events like flow-style ones', async () => {
    const lines = await tokenize(
      'events:\n  - at: 0ms\n    client: alice\n    write:\n      key: cart\n      value: "milk"\n  - after: 1.5s\n    crash:\n      node: n1\n      disk: lost\nexpect:\n  - converged\n',
    );
    const scope = (line: number, text: string) => lines[line]?.find((t) => t.text === text)?.scopes ?? [];
    expect(scope(1, '-')).toContain('punctuation.definition.block.sequence.item.yaml');
    expect(scope(1, 'at')).toContain('entity.name.tag.yaml');
    expect(scope(1, 'ms')).toContain('keyword.other.unit.replication-scenario');
    expect(scope(2, 'alice')).toContain('variable.other.actor.replication-scenario');
    expect(scope(3, 'write')).toContain('keyword.control.action.replication-scenario');
    expect(scope(4, 'cart')).toContain('variable.other.key.replication-scenario');
    expect(scope(5, 'milk')).toContain('string.quoted.double.yaml');
    expect(scope(6, '1.5')).toContain('constant.numeric.duration.replication-scenario');
    expect(scope(7, 'crash')).toContain('keyword.control.action.replication-scenario');
    expect(scope(8, 'n1')).toContain('variable.other.actor.replication-scenario');
    expect(scope(9, 'lost')).toContain('constant.language.enum.replication-scenario');
    expect(scope(11, 'converged')).toContain('constant.language.enum.replication-scenario');
  });

  it('keeps commas in a block-style plain value', async () => {
    const [tokens] = await tokenize('scenario: A tree, and a one-way branch');
    expect(tokens?.find((t) => t.text === 'A tree, and a one-way branch')?.scopes).toContain(
      'string.unquoted.title.replication-scenario',
    );
  });
});

describe('grammar source', () => {
  it('is what syntaxes/generate.mjs generates', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'grammar-')), 'g.json');
    execFileSync(process.execPath, [join(root, 'syntaxes', 'generate.mjs'), out]);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8')));
  });
});

describe('grammar over every example', () => {
  it('finds the examples', () => {
    expect(examples.length).toBeGreaterThan(30);
    expect(existsSync(GRAMMAR_PATH)).toBe(true);
  });

  for (const ex of examples) {
    it(`tokenizes ${ex.family}/${ex.name} as its golden file says`, async () => {
      const text = readFileSync(ex.path, 'utf8');
      const lines = await tokenize(text);
      // Every character outside whitespace gets a scope of our grammar.
      for (const [i, tokens] of lines.entries())
        for (const t of tokens)
          if (t.text.trim())
            expect(t.scopes.length, `line ${i + 1}: ${JSON.stringify(t.text)} unscoped`).toBeGreaterThan(0);
      // The vocabulary where the examples use it (outside the Markdown description).
      const body = lines.flatMap((tokens, i) =>
        tokens.some((t) => t.scopes.includes('string.unquoted.block.yaml')) ? [] : [{ i, tokens }],
      );
      for (const { i, tokens } of body) {
        const src = text.split('\n')[i] ?? '';
        for (const m of src.matchAll(/(?<![\w.-])(\d+(?:\.\d+)?)(us|ms|s)(?![\w.-])/g)) {
          if (src.slice(0, m.index).includes('#') || /"[^"]*$/.test(src.slice(0, m.index))) continue;
          const t = tokens.find((x) => x.text === m[1]);
          expect(t?.scopes, `line ${i + 1}: ${m[0]}`).toContain(
            'constant.numeric.duration.replication-scenario',
          );
        }
        for (const m of src.matchAll(/\b(anomaly|no): ([a-z-]+)/g)) {
          expect(tokens.find((x) => x.text === m[2])?.scopes, `line ${i + 1}`).toContain(
            'support.constant.anomaly.replication-scenario',
          );
        }
        for (const m of src.matchAll(
          /[{,]\s*(crash|recover|partition|cut|heal|skew|write|read|delete|failover|addNode|offline|online|increment|add|remove):/g,
        )) {
          expect(tokens.find((x) => x.text === m[1])?.scopes, `line ${i + 1}`).toContain(
            'keyword.control.action.replication-scenario',
          );
        }
      }
      const golden = join(goldenDir, `${ex.family}__${ex.name}.tokens.txt`);
      const snap = snapshot(text, lines);
      if (process.env.UPDATE_GOLDEN) writeFileSync(golden, snap);
      expect(existsSync(golden), `missing ${golden}: run with UPDATE_GOLDEN=1`).toBe(true);
      expect(snap).toBe(readFileSync(golden, 'utf8'));
    });
  }
});

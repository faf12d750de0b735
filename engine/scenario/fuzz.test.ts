import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { Diagnostic, SourceRange } from './diagnostics';
import { locateAt } from './locate';
import { parseScenario } from './parse';
import { SCENARIO_SCHEMA } from './schema';

const FIXTURES = join(__dirname, 'fixtures');
const VALID = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => readFileSync(join(FIXTURES, f), 'utf8'));

/** Offset of a position if it lies inside the text (a column may point just past a line's end). */
function offsetOf(text: string, line: number, col: number): number | undefined {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  if (!Number.isInteger(line) || !Number.isInteger(col) || line < 1 || line > starts.length || col < 1)
    return undefined;
  const lineEnd = line < starts.length ? starts[line] - 1 : text.length;
  const offset = starts[line - 1] + col - 1;
  return offset <= lineEnd ? offset : undefined;
}

function rangeInside(text: string, r: SourceRange): boolean {
  const a = offsetOf(text, r.line, r.col);
  const b = offsetOf(text, r.endLine, r.endCol);
  return a !== undefined && b !== undefined && a <= b;
}

function checkAll(text: string) {
  let result: ReturnType<typeof parseScenario> | undefined;
  expect(() => {
    result = parseScenario(text, 'fuzz.scenario.yaml');
  }).not.toThrow();
  const diagnostics = result?.diagnostics as Diagnostic[];
  for (const d of diagnostics) {
    expect(d.code, d.message).not.toBe('internal');
    expect(rangeInside(text, d), `${d.code} ${JSON.stringify(d)} in ${JSON.stringify(text)}`).toBe(true);
    if (d.fix) expect(rangeInside(text, d.fix.range), `fix of ${d.code}`).toBe(true);
    for (const rel of d.related ?? []) expect(rangeInside(text, rel.range)).toBe(true);
    expect(d.message.length).toBeGreaterThan(0);
  }
  if (result?.scenario) {
    expect(diagnostics.some((d) => d.severity === 'error')).toBe(false);
    // Nothing is dropped silently: a valid scenario keeps every item the file lists.
    const js = parse(text) as { events?: unknown[]; expect?: unknown[]; clients?: object };
    expect(result.scenario.events).toHaveLength(js.events?.length ?? 0);
    expect(result.scenario.expect).toHaveLength(js.expect?.length ?? 0);
    expect(result.scenario.clients).toHaveLength(Object.keys(js.clients ?? {}).length);
  }
}

const WORDS = [
  ...Object.keys(SCENARIO_SCHEMA.properties),
  'replication',
  'leaderless',
  'single-leader',
  'multi-leader',
  'nodes',
  'w',
  'r',
  'n',
  'at',
  'after',
  'client',
  'write',
  'read',
  'crash',
  'heal',
  'partition',
  'increment',
  '5ms',
  '-3ms',
  '1..2',
  '"a -> b"',
  '"a <-> a"',
  '&x',
  '*x',
  '<<',
  '!!str',
  '~',
  'null',
  '1e400',
  '0x10',
  '.nan',
  '999999999999999999999',
];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 20 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.constantFrom(...WORDS),
      fc.string({ unit: fc.constantFrom(...':-[]{},&*!#"\'\n |>?%@`\t\r\\'.split('')), maxLength: 6 }),
      fc.string({ maxLength: 4 }),
    ),
  }),
  fc.record({ kind: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('dupLine' as const), a: fc.nat() }),
  fc.record({ kind: fc.constant('replaceWord' as const), at: fc.nat(), word: fc.constantFrom(...WORDS) }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(text: string, m: Mutation): string {
  const pos = (n: number) => (text.length ? n % (text.length + 1) : 0);
  const lines = text.split('\n');
  switch (m.kind) {
    case 'delete': {
      const at = pos(m.at);
      return text.slice(0, at) + text.slice(at + m.len);
    }
    case 'insert': {
      const at = pos(m.at);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'swapLines': {
      const a = m.a % lines.length;
      const b = m.b % lines.length;
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
    case 'dupLine': {
      const a = m.a % lines.length;
      lines.splice(a, 0, lines[a]);
      return lines.join('\n');
    }
    case 'replaceWord': {
      const at = pos(m.at);
      const match = /[A-Za-z0-9_.-]+/.exec(text.slice(at));
      if (!match) return text;
      const s = at + match.index;
      return text.slice(0, s) + m.word + text.slice(s + match[0].length);
    }
  }
}

describe('fuzzing the parser', () => {
  it('never throws and keeps every range inside the text for mutated valid scenarios', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...VALID),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (base, ms) => {
          checkAll(ms.reduce(apply, base));
        },
      ),
      { numRuns: 600 },
    );
  });

  it('never throws on random YAML documents', () => {
    const key = fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 5 }));
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.oneof(fc.string({ maxLength: 8 }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null)),
        fc.constantFrom(...WORDS),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(key, tie('node'), { maxKeys: 5 }),
      ),
    }));
    const doc = fc.record(
      {
        scenario: tree.node,
        cluster: fc.oneof(
          tree.node,
          fc.record({
            replication: fc.constantFrom('leaderless', 'single-leader', 'multi-leader'),
            nodes: tree.node,
          }),
        ),
        events: fc.oneof(
          tree.node,
          fc.array(fc.dictionary(key, tree.node, { maxKeys: 4 }), { maxLength: 4 }),
        ),
        clients: tree.node,
        expect: tree.node,
        network: tree.node,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(doc, fc.boolean(), (d, flow) => {
        checkAll(stringify(d, flow ? { collectionStyle: 'flow' } : {}));
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on arbitrary text, and locating a cursor in it never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.nat(), (text, at) => {
        checkAll(text);
        expect(() => locateAt(text, at % (text.length + 1))).not.toThrow();
      }),
      { numRuns: 400 },
    );
  });
});

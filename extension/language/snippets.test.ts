// The contributed snippets expand to valid scenario text: whole scenarios run and meet their own
// expectations, clusters, events and expectations parse where they belong.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenarioText } from '../../engine/run';
import { parseScenario } from '../../engine/scenario/parse';

const snippets = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'snippets', 'replication-scenario.json'), 'utf8'),
) as Record<string, { prefix: string; body: string[]; description: string }>;

/** The text a snippet inserts when every placeholder keeps its default (first choice). */
function expand(body: string[]): string {
  return body
    .join('\n')
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
}

const errors = (text: string) => parseScenario(text).diagnostics.filter((d) => d.severity === 'error');
const byPrefix = (p: string) => Object.values(snippets).filter((s) => s.prefix.startsWith(p));

const BASES: Record<string, string> = {
  'single-leader': 'cluster:\n  replication: single-leader\n  nodes: [node, a, b, f1]\n',
  'multi-leader': 'cluster:\n  replication: multi-leader\n  nodes: [node, a, b, f1]\n',
  leaderless: 'cluster:\n  replication: leaderless\n  nodes: [node, a, b, f1]\n  n: 3\n  w: 2\n  r: 2\n',
};
const scenarioWith = (cluster: string, events: string, expect = '') =>
  `scenario: t\n${cluster}clients:\n  alice: { node: node }\nevents:\n  - { at: 0ms, client: alice, write: { key: key, value: value } }\n  - { at: 1ms, client: alice, read: key${expect ? ', id: read-1' : ''} }\n${events}${expect ? `expect:\n${expect}` : ''}`;
const indent = (s: string) => `${s.replace(/^/gm, '  ').trimEnd()}\n`;

describe('snippets', () => {
  it('have a prefix, a description and a body each', () => {
    expect(Object.keys(snippets).length).toBeGreaterThan(20);
    for (const [name, s] of Object.entries(snippets)) {
      expect(s.prefix, name).toMatch(/^[a-z][\w-]*$/i);
      expect(s.description, name).toMatch(/\w/);
      expect(s.body.length, name).toBeGreaterThan(0);
    }
  });

  for (const s of byPrefix('scenario-')) {
    it(`${s.prefix} runs and meets its own expectations`, () => {
      const outcome = runScenarioText(expand(s.body));
      expect(outcome.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const results = outcome.result?.trace.expectations ?? [];
      expect(results.length).toBeGreaterThan(0);
      expect(results.filter((e) => !e.passed)).toEqual([]);
    });
  }

  for (const s of [...byPrefix('cluster-'), ...byPrefix('network')]) {
    it(`${s.prefix} is a valid section`, () => {
      const cluster = s.prefix === 'network' ? BASES.leaderless + expand(s.body) : expand(s.body);
      const nodes = /nodes: \[([^\]]*)\]/.exec(cluster)?.[1]?.split(', ')[0] ?? 'a';
      const text = scenarioWith(cluster.endsWith('\n') ? cluster : `${cluster}\n`, '').replace(
        '{ node: node }',
        `{ node: ${nodes} }`,
      );
      expect(errors(text)).toEqual([]);
    });
  }

  for (const s of [...byPrefix('ev-'), ...byPrefix('ex-')]) {
    it(`${s.prefix} is a valid ${s.prefix.startsWith('ev-') ? 'event' : 'expectation'} in some family`, () => {
      const item = indent(expand(s.body));
      const problems = Object.values(BASES).map((base) =>
        errors(s.prefix.startsWith('ev-') ? scenarioWith(base, item) : scenarioWith(base, '', item)),
      );
      expect(
        problems.some((p) => p.length === 0),
        JSON.stringify(problems.map((p) => p.map((d) => d.message))),
      ).toBe(true);
    });
  }
});

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { type Example, groupExamples, parseExamples } from './examples';

const ex = (family: string, name: string, title = name): Example => ({
  id: `${family}/${name}`,
  family,
  name,
  path: `examples/${family}/${name}.scenario.yaml`,
  title,
  text: `scenario: ${title}\n`,
});

describe('example menu', () => {
  it('groups by family in the order of the chapter, titles sorted within a family', () => {
    const groups = groupExamples([
      ex('leaderless', 'b', 'Zeta'),
      ex('zz', 'x'),
      ex('single-leader', 'a'),
      ex('leaderless', 'c', 'Alpha'),
    ]);
    expect(groups.map((g) => g.family)).toEqual(['single-leader', 'leaderless', 'zz']);
    expect(groups[1]!.label).toBe('Leaderless replication');
    expect(groups[1]!.examples.map((e) => e.title)).toEqual(['Alpha', 'Zeta']);
  });

  it('skips malformed entries and survives broken JSON', () => {
    expect(parseExamples('not json')).toEqual([]);
    expect(parseExamples(JSON.stringify([ex('leaderless', 'a'), { id: 3 }]))).toHaveLength(1);
  });

  it('collects every example of the repository with its family and title', () => {
    // The build script's collector, run in a child process because it is an ES module script.
    const json = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "import('./scripts/playground.mjs').then(m => process.stdout.write(JSON.stringify(m.collectExamples())))",
      ],
      { encoding: 'utf8' },
    );
    const list = parseExamples(json);
    const families = new Set(list.map((e) => e.family));
    expect(families).toEqual(new Set(['single-leader', 'multi-leader', 'leaderless']));
    expect(list.length).toBeGreaterThan(30);
    for (const e of list) {
      expect(e.path).toMatch(/^examples\/[\w-]+\/[\w-]+\.scenario\.yaml$/);
      expect(e.title.length).toBeGreaterThan(0);
      expect(e.text).toContain('cluster:');
    }
  });
});

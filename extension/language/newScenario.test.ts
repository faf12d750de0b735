// New Scenario: the gallery of the real examples, grouped by family, and the untitled document.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { LANGUAGE_COMMANDS } from './ids';
import { firstSentence, registerNewScenario } from './newScenario';
import { fakeContext } from './testing/harness';
import { FileType, QuickPickItemKind, stub, type TextDocument } from './testing/vscodeStub';

vi.mock('vscode', () => import('./testing/vscodeStub'));

const repo = join(__dirname, '..', '..');

/** Mirrors the repo's examples/ into the stand-in file system under /ext. */
function mirrorExamples(): number {
  let count = 0;
  const walk = (dir: string, as: string) => {
    const entries = readdirSync(dir).map((name): [string, number] => [
      name,
      statSync(join(dir, name)).isDirectory() ? FileType.Directory : FileType.File,
    ]);
    stub.directories.set(as, entries);
    for (const [name, type] of entries) {
      if (type === FileType.Directory) walk(join(dir, name), `${as}/${name}`);
      else {
        stub.files.set(`${as}/${name}`, readFileSync(join(dir, name), 'utf8'));
        if (/\.scenario\.ya?ml$/.test(name)) count++;
      }
    }
  };
  walk(join(repo, 'examples'), '/ext/examples');
  return count;
}

beforeEach(() => stub.reset());

describe('New Scenario', () => {
  it('takes the first sentence of a description', () => {
    expect(firstSentence('Alice writes to the leader, then reads.\nShe sees v1. More.')).toBe(
      'Alice writes to the leader, then reads.',
    );
    expect(firstSentence('no full stop')).toBe('no full stop');
  });

  it('lists every example by title under its family, with the first sentence as detail', async () => {
    const count = mirrorExamples();
    registerNewScenario(fakeContext() as never);
    stub.pickAnswer = () => undefined;
    await stub.commands.get(LANGUAGE_COMMANDS.newScenario)?.();
    const items = stub.quickPicks[0]?.items as {
      label: string;
      kind?: number;
      detail?: string;
      description?: string;
    }[];
    const separators = items.filter((i) => i.kind === QuickPickItemKind.Separator).map((i) => i.label);
    expect(separators).toEqual(['Single leader', 'Multi-leader', 'Leaderless']);
    const examples = items.filter((i) => i.kind !== QuickPickItemKind.Separator);
    expect(examples.length).toBe(count);
    const ryw = examples.find((i) => i.description === 'single-leader/read-your-writes-anomaly');
    const source = parse(
      readFileSync(join(repo, 'examples/single-leader/read-your-writes-anomaly.scenario.yaml'), 'utf8'),
    );
    expect(ryw?.label).toBe(source.scenario);
    expect(ryw?.detail).toBe(firstSentence(source.description));
    expect(ryw?.detail).toMatch(/^Alice writes .*\.$/);
    // Family order: every single-leader entry before the first multi-leader one.
    const families = examples.map((i) => i.description?.split('/')[0]);
    expect(families.lastIndexOf('single-leader')).toBeLessThan(families.indexOf('multi-leader'));
  });

  it('opens the chosen example as an untitled scenario', async () => {
    mirrorExamples();
    registerNewScenario(fakeContext() as never);
    stub.pickAnswer = (items) =>
      items.find((i) => (i as { description?: string }).description === 'leaderless/read-repair');
    const doc = (await stub.commands.get(LANGUAGE_COMMANDS.newScenario)?.()) as TextDocument;
    expect(stub.opened).toEqual([
      {
        language: 'replication-scenario',
        content: readFileSync(join(repo, 'examples/leaderless/read-repair.scenario.yaml'), 'utf8'),
      },
    ]);
    expect(stub.shown).toEqual([doc]);
    expect(doc.isUntitled).toBe(true);
  });

  it('opens a named example directly (the walkthrough link)', async () => {
    mirrorExamples();
    registerNewScenario(fakeContext() as never);
    await stub.commands.get(LANGUAGE_COMMANDS.newScenario)?.('single-leader/read-your-writes-anomaly');
    expect(stub.quickPicks).toEqual([]);
    expect(stub.opened[0]?.content).toContain('scenario: Read-your-writes violated by a lagging follower');
  });

  it('says so when the examples cannot be read', async () => {
    registerNewScenario(fakeContext() as never);
    await stub.commands.get(LANGUAGE_COMMANDS.newScenario)?.();
    expect(stub.messages[0]).toMatch(/^The bundled examples could not be read/);
  });
});

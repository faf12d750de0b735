// The manifest contributions of the authoring features agree with the code and the files.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, SCENARIO_LANGUAGE } from '../debug/ids';
import { LANGUAGE_COMMANDS } from './ids';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(__dirname, 'contributes.json'), 'utf8'));
const c = manifest.contributes;
const file = (p: string) => join(root, p);

describe('contributes', () => {
  it('declares the language with its files, grammar and snippets', () => {
    const [lang] = c.languages;
    expect(lang.id).toBe(SCENARIO_LANGUAGE);
    expect(lang.extensions).toEqual(['.scenario.yaml', '.scenario.yml']);
    expect(existsSync(file(lang.configuration))).toBe(true);
    expect(existsSync(file(lang.icon.light))).toBe(true);
    const grammar = JSON.parse(readFileSync(file(c.grammars[0].path), 'utf8'));
    expect(grammar.scopeName).toBe(c.grammars[0].scopeName);
    expect(existsSync(file(c.snippets[0].path))).toBe(true);
    JSON.parse(readFileSync(file(lang.configuration), 'utf8'));
  });

  it('contributes exactly the commands the language features register', () => {
    const ids = c.commands.map((x: { command: string }) => x.command).sort();
    const own = Object.values(LANGUAGE_COMMANDS).filter((id) => id !== LANGUAGE_COMMANDS.showTimeline);
    expect(ids).toEqual([...own].sort());
    for (const menu of Object.values(c.menus) as { command: string }[][])
      for (const m of menu) expect(ids).toContain(m.command);
  });

  it('declares the setting the check-on-save reads', () => {
    const source = readFileSync(join(__dirname, 'checkCommands.ts'), 'utf8');
    const [, section, key] = /getConfiguration\('([\w]+)'\)\s*\.get<boolean>\('(\w+)'/.exec(source) ?? [];
    expect(c.configuration.properties[`${section}.${key}`]).toMatchObject({ type: 'boolean', default: true });
  });

  it('suggests while typing plain values, which the grammar scopes as strings', () => {
    const editor = c.configurationDefaults['[replication-scenario]'];
    expect(editor['editor.quickSuggestions'].strings).toBe('on');
    expect(editor['editor.tabSize']).toBe(2);
  });

  it('walks through with existing media and commands that exist', () => {
    const known = new Set<string>([...Object.values(LANGUAGE_COMMANDS), ...Object.values(COMMANDS)]);
    const steps = c.walkthroughs[0].steps as {
      description: string;
      media: { markdown: string };
      completionEvents: string[];
    }[];
    expect(steps.map((s) => s.media.markdown.split('/').pop())).toEqual([
      'open-example.md',
      'press-f5.md',
      'step.md',
      'step-back.md',
      'open-timeline.md',
    ]);
    for (const s of steps) {
      expect(readFileSync(file(s.media.markdown), 'utf8')).toMatch(/^# /);
      for (const m of s.description.matchAll(/\(command:([\w.]+)/g)) {
        const id = m[1] as string;
        if (!id.startsWith('workbench.')) expect(known, id).toContain(id);
      }
      for (const e of s.completionEvents)
        if (e.startsWith('onCommand:') && !e.startsWith('onCommand:workbench.'))
          expect(known).toContain(e.slice('onCommand:'.length));
    }
  });

  it('links the walkthrough to an example that exists', () => {
    const link = decodeURIComponent(
      /newScenario\?([^)]+)\)/.exec(c.walkthroughs[0].steps[0].description)?.[1] ?? '',
    );
    const [id] = JSON.parse(link) as string[];
    expect(existsSync(file(`examples/${id}.scenario.yaml`))).toBe(true);
  });
});

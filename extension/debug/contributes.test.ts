// The manifest fragment the debugger needs (extension/debug/contributes.json) agrees with the code,
// and once merged into package.json it stays identical there.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, DEBUG_TYPE, SCENARIO_LANGUAGE } from './ids';

interface Fragment {
  activationEvents: string[];
  contributes: {
    debuggers: { type: string; languages: string[]; program: string; configurationAttributes: unknown }[];
    breakpoints: { language: string }[];
    commands: { command: string }[];
    menus: Record<string, { command: string }[]>;
  };
}

const fragment = JSON.parse(readFileSync(resolve(__dirname, 'contributes.json'), 'utf8')) as Fragment;
const manifest = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')) as {
  contributes?: Partial<Fragment['contributes']>;
};

describe('debugger contributions', () => {
  it('name the debug type, language, adapter program and commands the code uses', () => {
    const [dbg] = fragment.contributes.debuggers;
    expect(dbg).toMatchObject({
      type: DEBUG_TYPE,
      languages: [SCENARIO_LANGUAGE],
      program: './dist/debugAdapter.js',
    });
    expect(fragment.contributes.breakpoints).toEqual([{ language: SCENARIO_LANGUAGE }]);
    expect(fragment.contributes.commands.map((c) => c.command).sort()).toEqual(
      Object.values(COMMANDS).sort(),
    );
    for (const items of Object.values(fragment.contributes.menus))
      for (const i of items) expect(Object.values(COMMANDS)).toContain(i.command);
  });

  it('give a new launch.json its configuration without activating the extension', () => {
    const [dbg] = fragment.contributes.debuggers as { initialConfigurations?: { type: string }[] }[];
    expect(dbg!.initialConfigurations).toEqual([
      expect.objectContaining({ type: DEBUG_TYPE, request: 'launch' }),
    ]);
    // No provider supplies initial configurations, so nothing needs this catch-all event.
    expect(fragment.activationEvents).not.toContain('onDebugInitialConfigurations');
  });

  it('match package.json once merged there', () => {
    const debuggers = manifest.contributes?.debuggers;
    if (!debuggers) return; // not merged yet: the lead wires the manifest
    const mine = debuggers.find((d) => d.type === DEBUG_TYPE);
    expect(mine).toEqual(fragment.contributes.debuggers[0]);
  });
});

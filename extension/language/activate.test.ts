// activateLanguage registers every provider and command it promises.

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { activateLanguage } from './activate';
import { resetCheckResults } from './checkResults';
import { LANGUAGE_COMMANDS } from './ids';
import { fakeContext } from './testing/harness';
import { stub } from './testing/vscodeStub';

vi.mock('vscode', () => import('./testing/vscodeStub'));

beforeEach(() => {
  stub.reset();
  resetCheckResults();
});

describe('activateLanguage', () => {
  it('registers the providers, the commands and the status bar item, and disposes them', () => {
    const context = fakeContext();
    activateLanguage(context as never);
    expect([...stub.providers.keys()].sort()).toEqual(
      [
        'codeActions',
        'codeLens',
        'completion',
        'definition',
        'hover',
        'references',
        'rename',
        'highlight',
        'symbols',
      ].sort(),
    );
    expect([...stub.commands.keys()].sort()).toEqual(
      [
        LANGUAGE_COMMANDS.newScenario,
        LANGUAGE_COMMANDS.checkScenario,
        LANGUAGE_COMMANDS.showCheckResult,
      ].sort(),
    );
    expect(stub.commands.has(LANGUAGE_COMMANDS.showTimeline)).toBe(false); // the timeline host's
    expect(stub.statusItems.length).toBe(1);
    expect(stub.diagnostics.has('replication-scenario')).toBe(true);
    for (const s of context.subscriptions) s.dispose();
    expect(stub.commands.size).toBe(0);
  });
});

// The VS Code side against a stand-in `vscode` module: what F5, the commands, hovers and inline
// values hand to the adapter.

import { beforeEach, describe, expect, it, vi } from 'vitest';

const registered: Record<string, unknown[][]> = {};
const started: unknown[] = [];
const customEvents: ((e: unknown) => void)[] = [];
let activeDocument: FakeDoc | undefined;
const openDocs: FakeDoc[] = [];

class Uri {
  constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  get fsPath() {
    return this.path;
  }
  toString() {
    return `${this.scheme}://${this.path}`;
  }
  static file(p: string) {
    return new Uri('file', p);
  }
  static joinPath(u: Uri, ...parts: string[]) {
    return new Uri(u.scheme, [u.path, ...parts].join('/'));
  }
}

class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}
class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: number | Position, b: number | Position, c?: number, d?: number) {
    this.start = typeof a === 'number' ? new Position(a, b as number) : a;
    this.end = typeof a === 'number' ? new Position(c!, d!) : (b as Position);
  }
}

class FakeDoc {
  readonly uri: Uri;
  readonly languageId = 'replication-scenario';
  isDirty = false;
  constructor(
    path: string,
    private readonly text: string,
  ) {
    this.uri = Uri.file(path);
  }
  get fileName() {
    return this.uri.path;
  }
  get lineCount() {
    return this.text.split('\n').length;
  }
  getText(range?: Range) {
    if (!range) return this.text;
    return this.lineAt(range.start.line).text.slice(range.start.character, range.end.character);
  }
  lineAt(l: number) {
    return { text: this.text.split('\n')[l] ?? '' };
  }
  getWordRangeAtPosition(p: Position, re: RegExp) {
    const text = this.lineAt(p.line).text;
    for (const m of text.matchAll(new RegExp(re.source, 'g')))
      if (m.index! <= p.character && p.character <= m.index! + m[0].length)
        return new Range(p.line, m.index!, p.line, m.index! + m[0].length);
    return undefined;
  }
}

vi.mock('vscode', () => {
  const reg =
    (kind: string) =>
    (...args: unknown[]) => {
      registered[kind] ??= [];
      registered[kind].push(args);
      return { dispose() {} };
    };
  class EventEmitter<T> {
    private ls: ((v: T) => void)[] = [];
    event = (l: (v: T) => void) => {
      this.ls.push(l);
      return { dispose() {} };
    };
    fire(v: T) {
      for (const l of this.ls) l(v);
    }
    dispose() {}
  }
  return {
    Uri,
    Range,
    Position,
    EventEmitter,
    DebugConfigurationProviderTriggerKind: { Initial: 1, Dynamic: 2 },
    DebugAdapterExecutable: class {
      constructor(
        readonly command: string,
        readonly args: string[],
        readonly options: unknown,
      ) {}
    },
    DebugAdapterInlineImplementation: class {
      constructor(readonly implementation: unknown) {}
    },
    EvaluatableExpression: class {
      constructor(
        readonly range: Range,
        readonly expression: string,
      ) {}
    },
    InlineValueEvaluatableExpression: class {
      constructor(
        readonly range: Range,
        readonly expression: string,
      ) {}
    },
    window: {
      get activeTextEditor() {
        return activeDocument ? { document: activeDocument } : undefined;
      },
      showInformationMessage: vi.fn(),
      showErrorMessage: vi.fn(),
    },
    workspace: {
      get textDocuments() {
        return openDocs;
      },
      findFiles: async () => [Uri.file('/w/b.scenario.yaml'), Uri.file('/w/a.scenario.yaml')],
      asRelativePath: (u: Uri) => u.path.replace('/w/', ''),
      getWorkspaceFolder: () => undefined,
    },
    debug: {
      registerDebugConfigurationProvider: reg('config'),
      registerDebugAdapterDescriptorFactory: reg('factory'),
      onDidReceiveDebugSessionCustomEvent: (l: (e: unknown) => void) => {
        customEvents.push(l);
        return { dispose() {} };
      },
      startDebugging: async (...args: unknown[]) => {
        started.push(args);
        return true;
      },
      activeDebugSession: undefined,
    },
    languages: {
      registerEvaluatableExpressionProvider: reg('hover'),
      registerInlineValuesProvider: reg('inline'),
    },
    commands: { registerCommand: reg('command') },
  };
});

const { activateDebug } = await import('./activate');

interface Provider {
  resolveDebugConfiguration(f: unknown, c: Record<string, unknown>): Record<string, unknown> | undefined;
  resolveDebugConfigurationWithSubstitutedVariables(
    f: unknown,
    c: Record<string, unknown>,
  ): Record<string, unknown>;
  provideDebugConfigurations(): Promise<{ name: string }[]> | { name: string }[];
}

const context = { subscriptions: [] as unknown[], extensionUri: Uri.file('/ext') };

beforeEach(() => {
  for (const k of Object.keys(registered)) delete registered[k];
  started.length = 0;
  customEvents.length = 0;
  openDocs.length = 0;
  activeDocument = undefined;
});

describe('activateDebug', () => {
  it('makes F5 debug the scenario in the editor when there is no launch.json', () => {
    activateDebug(context as never);
    const provider = registered.config![0]![1] as Provider;
    activeDocument = new FakeDoc('/w/cart.scenario.yaml', 'scenario: x');
    expect(provider.resolveDebugConfiguration(undefined, {})).toEqual({
      type: 'replication',
      request: 'launch',
      name: 'Debug cart.scenario.yaml',
      scenario: '/w/cart.scenario.yaml',
      stopOnEntry: false,
    });
    activeDocument = undefined;
    expect(provider.resolveDebugConfiguration(undefined, {})).toBeUndefined();
  });

  it('sends the editor text of an unsaved scenario, and always for the inline adapter', () => {
    activateDebug(context as never);
    const desktop = registered.config![0]![1] as Provider;
    const doc = new FakeDoc('/w/cart.scenario.yaml', 'scenario: unsaved');
    openDocs.push(doc);
    expect(
      desktop.resolveDebugConfigurationWithSubstitutedVariables(undefined, {
        scenario: '/w/cart.scenario.yaml',
      }).text,
    ).toBeUndefined();
    doc.isDirty = true;
    expect(
      desktop.resolveDebugConfigurationWithSubstitutedVariables(undefined, {
        scenario: '/w/cart.scenario.yaml',
      }).text,
    ).toBe('scenario: unsaved');
    doc.isDirty = false;
    activateDebug(context as never, { inlineAdapter: () => ({}) as never });
    const web = registered.config![2]![1] as Provider;
    expect(
      web.resolveDebugConfigurationWithSubstitutedVariables(undefined, { scenario: '/w/cart.scenario.yaml' })
        .text,
    ).toBe('scenario: unsaved');
  });

  it('offers one dynamic configuration per scenario in the workspace', async () => {
    activateDebug(context as never);
    const dynamic = registered.config![1]!;
    expect(dynamic[2]).toBe(2);
    const configs = await (dynamic[1] as Provider).provideDebugConfigurations();
    expect(configs.map((c) => c.name)).toEqual(['Debug a.scenario.yaml', 'Debug b.scenario.yaml']);
  });

  it('starts the adapter out of process on the desktop and inline on the web', () => {
    activateDebug(context as never);
    const desktop = (
      registered.factory![0]![1] as {
        createDebugAdapterDescriptor(): { command: string; args: string[]; options: unknown };
      }
    ).createDebugAdapterDescriptor();
    expect(desktop.args).toEqual(['/ext/dist/debugAdapter.js']);
    expect(desktop.options).toEqual({ env: { ELECTRON_RUN_AS_NODE: '1' } });
    const adapter = { inline: true };
    activateDebug(context as never, { inlineAdapter: () => adapter as never });
    const web = (
      registered.factory![1]![1] as { createDebugAdapterDescriptor(): { implementation: unknown } }
    ).createDebugAdapterDescriptor();
    expect(web.implementation).toBe(adapter);
  });

  it('runs and debugs a scenario from the editor title commands', async () => {
    activateDebug(context as never);
    const commands = Object.fromEntries(
      registered.command!.map(([id, fn]) => [id, fn as (u?: Uri) => Promise<boolean>]),
    );
    await commands['replication.runScenario']!(Uri.file('/w/cart.scenario.yaml'));
    expect(started[0]).toEqual([
      undefined,
      {
        type: 'replication',
        request: 'launch',
        name: 'Run cart.scenario.yaml',
        scenario: '/w/cart.scenario.yaml',
        noDebug: true,
      },
      { noDebug: true },
    ]);
  });

  it('hovers evaluate the id under the mouse, quoting ids that are not identifiers', () => {
    activateDebug(context as never);
    const hover = registered.hover![0]![1] as {
      provideEvaluatableExpression(d: FakeDoc, p: Position): { expression: string };
    };
    const doc = new FakeDoc('/w/x.scenario.yaml', '  nodes: [n1, dc-2]');
    expect(hover.provideEvaluatableExpression(doc, new Position(0, 12)).expression).toBe('n1');
    expect(hover.provideEvaluatableExpression(doc, new Position(0, 16)).expression).toBe('`dc-2`');
  });

  it('shows inline values for the keys and nodes the paused item names', () => {
    activateDebug(context as never);
    const inline = registered.inline![0]![1] as {
      provideInlineValues(
        d: FakeDoc,
        v: Range,
        c: { stoppedLocation: Range },
      ): { expression: string; range: Range }[];
    };
    const doc = new FakeDoc(
      '/w/x.scenario.yaml',
      [
        'events:',
        '  - at: 1ms',
        '    client: alice',
        '    write: { key: cart, value: milk }',
        '  - { at: 2ms, crash: n2 }',
      ].join('\n'),
    );
    const values = inline.provideInlineValues(doc, new Range(0, 0, 5, 0), {
      stoppedLocation: new Range(1, 0, 1, 0),
    });
    expect(values.map((v) => [v.expression, v.range.start.line, v.range.start.character])).toEqual([
      ['cart', 3, 18],
    ]);
    const crash = inline.provideInlineValues(doc, new Range(0, 0, 5, 0), {
      stoppedLocation: new Range(4, 0, 4, 0),
    });
    expect(crash.map((v) => v.expression)).toEqual(['n2']);
  });

  it('forwards the adapter’s current-event notices to the timeline bridge', () => {
    const bridge = activateDebug(context as never);
    const seen: unknown[] = [];
    bridge.onCurrentEvent((e) => seen.push(e.body));
    for (const l of customEvents)
      l({ session: { type: 'replication' }, event: 'replication/currentEvent', body: { event: 5 } });
    for (const l of customEvents)
      l({ session: { type: 'other' }, event: 'replication/currentEvent', body: { event: 6 } });
    expect(seen).toEqual([{ event: 5 }]);
  });
});

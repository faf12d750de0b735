// VS Code side of the `replication` debugger: how the adapter is started (a separate Node process
// on the desktop, so a runaway scenario never freezes the extension host; inline in the web
// extension), F5 without launch.json, Run/Debug Scenario commands, hovers and inline values, and a
// bridge that lets the timeline follow the debugger and move it.

import * as vscode from 'vscode';
import type { InterventionAction } from '../../engine/sim/simulate';
import type { TraceFile } from '../../traces/types';
import {
  type BranchesChangedBody,
  CUSTOM_EVENTS,
  CUSTOM_REQUESTS,
  type CurrentEventBody,
  type CustomRequestName,
  type CustomRequests,
} from './customMessages';

import { COMMANDS, DEBUG_TYPE, SCENARIO_LANGUAGE } from './ids';
import { webScenarioUri } from './webScenarioUri';

export { COMMANDS, DEBUG_TYPE, SCENARIO_LANGUAGE };

export interface ReplicationLaunchConfiguration extends vscode.DebugConfiguration {
  scenario: string;
  seed?: number;
  stopOnEntry?: boolean;
  maxEvents?: number;
  noDebug?: boolean;
  /** Filled in from an editor with unsaved changes (and always for the inline adapter). */
  text?: string;
}

export interface DebugActivationOptions {
  /** Run the adapter in the extension host (web extension). Default: `dist/debugAdapter.js` under Node. */
  inlineAdapter?: () => vscode.DebugAdapter;
}

/** What the timeline panel needs from the debugger. */
export interface DebugBridge {
  readonly onCurrentEvent: vscode.Event<{ session: vscode.DebugSession; body: CurrentEventBody }>;
  readonly onBranchesChanged: vscode.Event<{ session: vscode.DebugSession; body: BranchesChangedBody }>;
  /** The active `replication` debug session, if any. */
  activeSession(): vscode.DebugSession | undefined;
  jumpTo(event: number): Promise<CurrentEventBody | undefined>;
  fork(action: InterventionAction): Promise<BranchesChangedBody | undefined>;
  switchBranch(branch: number): Promise<BranchesChangedBody | undefined>;
  trace(branch?: number): Promise<TraceFile | undefined>;
}

const SCENARIO_GLOB = '**/*.scenario.{yaml,yml}';

function isScenario(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return !!doc && (doc.languageId === SCENARIO_LANGUAGE || /\.scenario\.ya?ml$/.test(doc.fileName));
}

function launchConfig(uri: vscode.Uri, noDebug: boolean): ReplicationLaunchConfiguration {
  const name = uri.path.split('/').pop() ?? 'scenario';
  const config: ReplicationLaunchConfiguration = {
    type: DEBUG_TYPE,
    request: 'launch',
    name: `${noDebug ? 'Run' : 'Debug'} ${name}`,
    scenario: uri.scheme === 'file' ? uri.fsPath : uri.toString(),
  };
  if (noDebug) config.noDebug = true;
  else config.stopOnEntry = false;
  return config;
}

class ConfigurationProvider implements vscode.DebugConfigurationProvider {
  constructor(private readonly inline: boolean) {}

  // No provideDebugConfigurations: a new launch.json gets the manifest's `initialConfigurations`,
  // so creating one does not need to activate the extension.

  resolveDebugConfiguration(
    _folder: vscode.WorkspaceFolder | undefined,
    config: vscode.DebugConfiguration,
  ): vscode.DebugConfiguration | undefined {
    // F5 with no launch.json: debug the scenario in the active editor.
    if (!config.type && !config.request && !config.name) {
      const doc = vscode.window.activeTextEditor?.document;
      if (!isScenario(doc)) {
        void vscode.window.showInformationMessage('Open a .scenario.yaml file to debug it.');
        return undefined;
      }
      return launchConfig(doc.uri, false);
    }
    if (!config.scenario) {
      const doc = vscode.window.activeTextEditor?.document;
      if (isScenario(doc)) config.scenario = doc.uri.scheme === 'file' ? doc.uri.fsPath : doc.uri.toString();
      else {
        void vscode.window.showErrorMessage(
          'The launch configuration needs "scenario": the path of a .scenario.yaml file.',
        );
        return undefined;
      }
    }
    return config;
  }

  resolveDebugConfigurationWithSubstitutedVariables(
    _folder: vscode.WorkspaceFolder | undefined,
    config: vscode.DebugConfiguration,
  ): vscode.DebugConfiguration {
    // The web host resolves `${workspaceFolder}` to a bare path; the inline adapter needs the URI.
    if (this.inline && typeof config.scenario === 'string')
      config.scenario = webScenarioUri(config.scenario, vscode.workspace.workspaceFolders ?? []);
    // Debug what the editor shows, saved or not; the inline adapter cannot read files itself.
    const doc = vscode.workspace.textDocuments.find(
      (d) => d.uri.fsPath === config.scenario || d.uri.toString() === config.scenario,
    );
    if (doc && (doc.isDirty || this.inline)) config.text = doc.getText();
    return config;
  }
}

class DynamicConfigurationProvider implements vscode.DebugConfigurationProvider {
  async provideDebugConfigurations(): Promise<vscode.DebugConfiguration[]> {
    const files = await vscode.workspace.findFiles(SCENARIO_GLOB, '**/node_modules/**', 100);
    return files
      .sort((a, b) => a.path.localeCompare(b.path))
      .map((uri) => ({ ...launchConfig(uri, false), name: `Debug ${vscode.workspace.asRelativePath(uri)}` }));
  }
}

class DescriptorFactory implements vscode.DebugAdapterDescriptorFactory {
  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly inline?: () => vscode.DebugAdapter,
  ) {}

  createDebugAdapterDescriptor(): vscode.DebugAdapterDescriptor {
    if (this.inline) return new vscode.DebugAdapterInlineImplementation(this.inline());
    // The extension host's own executable runs the adapter: Electron acts as Node with
    // ELECTRON_RUN_AS_NODE (and is plain Node under code-server), so no separate Node install is needed.
    return new vscode.DebugAdapterExecutable(
      process.execPath,
      [vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'debugAdapter.js').fsPath],
      { env: { ELECTRON_RUN_AS_NODE: '1' } },
    );
  }
}

/** Hovers: the node id, client id or key under the mouse (ids may contain `-` and `.`). */
class ExpressionProvider implements vscode.EvaluatableExpressionProvider {
  provideEvaluatableExpression(
    doc: vscode.TextDocument,
    position: vscode.Position,
  ): vscode.EvaluatableExpression | undefined {
    const range = doc.getWordRangeAtPosition(position, /[A-Za-z][A-Za-z0-9_.-]*/);
    if (!range) return undefined;
    const word = doc.getText(range);
    return new vscode.EvaluatableExpression(
      range,
      /^[A-Za-z_][A-Za-z0-9_]*$/.test(word) ? word : `\`${word}\``,
    );
  }
}

/** Inline values at the paused item: the keys and nodes it names. */
class InlineValues implements vscode.InlineValuesProvider {
  provideInlineValues(
    doc: vscode.TextDocument,
    _viewPort: vscode.Range,
    context: vscode.InlineValueContext,
  ): vscode.InlineValue[] {
    const out: vscode.InlineValue[] = [];
    const first = context.stoppedLocation.start.line;
    // A block-style item continues on more-indented lines after its first.
    const indent = (l: number) => /^\s*/.exec(doc.lineAt(l).text)![0].length;
    let last = first;
    while (
      last + 1 < doc.lineCount &&
      indent(last + 1) > indent(first) &&
      !/^\s*-/.test(doc.lineAt(last + 1).text)
    )
      last++;
    const names = /\b(key|read|delete|crash|recover|node|failover)\s*:\s*([A-Za-z][A-Za-z0-9_.-]*)/g;
    for (let l = first; l <= last; l++) {
      const text = doc.lineAt(l).text;
      for (const m of text.matchAll(names)) {
        const name = m[2]!;
        if (name === 'lost' || name === 'kept') continue;
        const start = m.index! + m[0].length - name.length;
        const expr = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name}\``;
        out.push(
          new vscode.InlineValueEvaluatableExpression(
            new vscode.Range(l, start, l, start + name.length),
            expr,
          ),
        );
      }
    }
    return out;
  }
}

export function activateDebug(
  context: vscode.ExtensionContext,
  options: DebugActivationOptions = {},
): DebugBridge {
  const inline = options.inlineAdapter;
  const currentEvent = new vscode.EventEmitter<{ session: vscode.DebugSession; body: CurrentEventBody }>();
  const branchesChanged = new vscode.EventEmitter<{
    session: vscode.DebugSession;
    body: BranchesChangedBody;
  }>();
  const selector: vscode.DocumentSelector = [{ language: SCENARIO_LANGUAGE }];

  context.subscriptions.push(
    currentEvent,
    branchesChanged,
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, new ConfigurationProvider(!!inline)),
    vscode.debug.registerDebugConfigurationProvider(
      DEBUG_TYPE,
      new DynamicConfigurationProvider(),
      vscode.DebugConfigurationProviderTriggerKind.Dynamic,
    ),
    vscode.debug.registerDebugAdapterDescriptorFactory(DEBUG_TYPE, new DescriptorFactory(context, inline)),
    vscode.languages.registerEvaluatableExpressionProvider(selector, new ExpressionProvider()),
    vscode.languages.registerInlineValuesProvider(selector, new InlineValues()),
    vscode.commands.registerCommand(COMMANDS.debug, (uri?: vscode.Uri) => start(uri, false)),
    vscode.commands.registerCommand(COMMANDS.run, (uri?: vscode.Uri) => start(uri, true)),
    vscode.debug.onDidReceiveDebugSessionCustomEvent((e) => {
      if (e.session.type !== DEBUG_TYPE) return;
      if (e.event === CUSTOM_EVENTS.currentEvent)
        currentEvent.fire({ session: e.session, body: e.body as CurrentEventBody });
      else if (e.event === CUSTOM_EVENTS.branchesChanged)
        branchesChanged.fire({ session: e.session, body: e.body as BranchesChangedBody });
    }),
  );

  async function start(uri: vscode.Uri | undefined, noDebug: boolean): Promise<boolean> {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!target) {
      void vscode.window.showInformationMessage('Open a .scenario.yaml file to run it.');
      return false;
    }
    const folder = vscode.workspace.getWorkspaceFolder(target);
    return vscode.debug.startDebugging(folder, launchConfig(target, noDebug), { noDebug });
  }

  const activeSession = () => {
    const s = vscode.debug.activeDebugSession;
    return s?.type === DEBUG_TYPE ? s : undefined;
  };

  async function request<K extends CustomRequestName>(
    command: K,
    args: CustomRequests[K]['args'],
  ): Promise<CustomRequests[K]['result'] | undefined> {
    const s = activeSession();
    if (!s) return undefined;
    return (await s.customRequest(command, args)) as CustomRequests[K]['result'];
  }

  return {
    onCurrentEvent: currentEvent.event,
    onBranchesChanged: branchesChanged.event,
    activeSession,
    jumpTo: (event) => request(CUSTOM_REQUESTS.jumpTo, { event }),
    fork: (action) => request(CUSTOM_REQUESTS.fork, { action }),
    switchBranch: (branch) => request(CUSTOM_REQUESTS.switchBranch, { branch }),
    trace: (branch) => request(CUSTOM_REQUESTS.trace, branch === undefined ? {} : { branch }),
  };
}

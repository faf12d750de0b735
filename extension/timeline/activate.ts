// The timeline in VS Code: "Show Timeline" opens it beside the editor, following the active
// replication debug session (every step highlights the current event; a click moves the
// debugger) or, with no session, showing a fresh run of the scenario. Trace files
// (*.trace.json, *.trace.ndjson) open in it as a custom editor.

import * as vscode from 'vscode';
import { runScenarioText } from '../../engine/run';
import { formatDiagnostic } from '../../engine/scenario/diagnostics';
import { traceFromFile } from '../../traces/io';
import type { Trace } from '../../traces/store';
import type { TraceFile } from '../../traces/types';
import type { ForkPoint } from '../../webview/protocol';
import type { DebugBridge } from '../debug/activate';
import type { BranchesChangedBody } from '../debug/customMessages';
import { traceFileTrace } from './loadMessage';
import { setUpTimelineWebview, TimelineConnection } from './panel';

export const TIMELINE_COMMANDS = {
  show: 'replicationDebugger.showTimeline',
  exportSvg: 'replicationDebugger.exportTimelineSvg',
  exportPng: 'replicationDebugger.exportTimelinePng',
} as const;
export const TRACE_EDITOR = 'replicationDebugger.traceViewer';

class TimelinePanel implements vscode.Disposable {
  static current: TimelinePanel | undefined;
  private readonly connection: TimelineConnection;
  private readonly disposables: vscode.Disposable[] = [];
  private following: vscode.DebugSession | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly bridge: DebugBridge,
    /** Where each session was when it last stopped (the panel may open after that). */
    private readonly lastEvent: (session: vscode.DebugSession) => number | undefined,
  ) {
    setUpTimelineWebview(panel.webview, extensionUri, 'Replication Timeline');
    this.connection = new TimelineConnection(panel.webview, {
      ready: () => {},
      jumpTo: (event) => {
        if (this.following && this.bridge.activeSession() === this.following) void this.bridge.jumpTo(event);
        else
          void vscode.window.showInformationMessage(
            'Start debugging the scenario to move the debugger to an event.',
          );
      },
    });
    this.disposables.push(
      this.connection,
      bridge.onCurrentEvent(({ session, body }) => {
        if (session !== this.following) return;
        void this.connection.post({ type: 'currentEvent', id: body.event < 0 ? null : body.event });
      }),
      bridge.onBranchesChanged(({ session, body }) => {
        if (session === this.following) void this.showBranch(body);
      }),
      vscode.debug.onDidStartDebugSession((s) => {
        if (s.type === 'replication' && this.panel.visible) void this.follow(s);
      }),
    );
    panel.onDidDispose(() => this.dispose(), undefined, this.disposables);
  }

  /** Shows the session's current branch and follows its steps. */
  async follow(session: vscode.DebugSession): Promise<void> {
    this.following = session;
    const trace = columnar(await this.bridge.trace());
    if (!trace) return;
    const title = trace.header.scenario.title;
    this.panel.title = `Timeline: ${title}`;
    const current = this.lastEvent(session);
    this.connection.postTrace(trace, {
      title,
      ...(current !== undefined && current >= 0 ? { current } : {}),
    });
    if (current !== undefined)
      void this.connection.post({ type: 'currentEvent', id: current < 0 ? null : current });
  }

  async showBranch(body: BranchesChangedBody): Promise<void> {
    const trace = columnar(await this.bridge.trace(body.current));
    if (!trace) return;
    this.connection.postTrace(trace, { title: trace.header.scenario.title });
    const forks: ForkPoint[] = body.branches
      .filter((b) => b.forkEvent !== undefined)
      .map((b) => ({ event: b.forkEvent!, label: b.label }));
    void this.connection.post({ type: 'fork', forks });
  }

  /** Shows a fresh run of a scenario document (no debugger). */
  showRun(document: vscode.TextDocument): boolean {
    const outcome = runScenarioText(document.getText(), vscode.workspace.asRelativePath(document.uri));
    if (!outcome.result) {
      const errors = outcome.diagnostics.filter((d) => d.severity === 'error');
      void vscode.window.showErrorMessage(
        `The scenario has ${errors.length} error${errors.length === 1 ? '' : 's'}: ${errors
          .slice(0, 3)
          .map((d) => formatDiagnostic(d))
          .join('; ')}`,
      );
      return false;
    }
    this.following = undefined;
    const trace = outcome.result.trace;
    const title = trace.header.scenario.title;
    this.panel.title = `Timeline: ${title}`;
    this.connection.postTrace(trace, { title });
    return true;
  }

  exportView(format: 'svg' | 'png'): void {
    void this.connection.post({ type: 'requestExport', format });
  }

  dispose(): void {
    if (TimelinePanel.current === this) TimelinePanel.current = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

class TraceEditorProvider implements vscode.CustomReadonlyEditorProvider {
  constructor(private readonly extensionUri: vscode.Uri) {}

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => {} };
  }

  async resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): Promise<void> {
    const name = document.uri.path.split('/').pop() ?? 'trace';
    setUpTimelineWebview(panel.webview, this.extensionUri, name);
    const connection = new TimelineConnection(panel.webview, { ready: () => {} });
    panel.onDidDispose(() => connection.dispose());
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(document.uri));
    } catch (e) {
      void vscode.window.showErrorMessage(
        `Cannot read ${name}: ${e instanceof Error ? e.message : String(e)}`,
      );
      return;
    }
    const shown = traceFileTrace(text);
    if (shown) connection.postTrace(shown, { title: name });
    else void connection.post({ type: 'load', text, title: name });
  }
}

/**
 * The columnar trace of what the debug adapter sent (the JSON object form), or undefined (with the
 * reason shown) when it is not a valid trace: the webview gets columns, not a million objects.
 */
function columnar(file: TraceFile | undefined): Trace | undefined {
  if (!file) return undefined;
  try {
    return traceFromFile(file);
  } catch (e) {
    void vscode.window.showErrorMessage(
      `Timeline: the debugger sent a trace that cannot be shown: ${e instanceof Error ? e.message : String(e)}`,
    );
    return undefined;
  }
}

export function activateTimeline(context: vscode.ExtensionContext, bridge: DebugBridge): void {
  const lastEvent = new WeakMap<vscode.DebugSession, number>();
  context.subscriptions.push(
    bridge.onCurrentEvent(({ session, body }) => lastEvent.set(session, body.event)),
  );
  const open = (): TimelinePanel => {
    if (TimelinePanel.current) {
      TimelinePanel.current.panel.reveal(vscode.ViewColumn.Beside, true);
      return TimelinePanel.current;
    }
    const panel = vscode.window.createWebviewPanel(
      'replicationDebugger.timeline',
      'Replication Timeline',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, retainContextWhenHidden: false },
    );
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'icon.png');
    TimelinePanel.current = new TimelinePanel(panel, context.extensionUri, bridge, (s) => lastEvent.get(s));
    return TimelinePanel.current;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(TIMELINE_COMMANDS.show, async (uri?: vscode.Uri) => {
      const session = bridge.activeSession();
      if (session) {
        await open().follow(session);
        return;
      }
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (!target) {
        void vscode.window.showInformationMessage(
          'Open a .scenario.yaml file or start debugging one to see its timeline.',
        );
        return;
      }
      const document = await vscode.workspace.openTextDocument(target);
      open().showRun(document);
    }),
    vscode.commands.registerCommand(TIMELINE_COMMANDS.exportSvg, () =>
      TimelinePanel.current?.exportView('svg'),
    ),
    vscode.commands.registerCommand(TIMELINE_COMMANDS.exportPng, () =>
      TimelinePanel.current?.exportView('png'),
    ),
    vscode.window.registerCustomEditorProvider(TRACE_EDITOR, new TraceEditorProvider(context.extensionUri), {
      webviewOptions: { retainContextWhenHidden: false },
      supportsMultipleEditorsPerDocument: true,
    }),
  );
}

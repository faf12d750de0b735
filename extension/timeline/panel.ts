// Hosts the timeline webview: in a panel beside the editor (following a debug session, or showing a
// scenario's run) and inside the custom editor for trace files. Every message from the webview is
// validated; exports are saved where the user chooses.

import * as vscode from 'vscode';
import type { Trace } from '../../traces/store';
import type { HostToWebview, WebviewToHost } from '../../webview/protocol';
import { validateWebviewMessage } from '../../webview/protocol';
import { makeNonce, timelineHtml } from './html';
import { traceMessages } from './loadMessage';

/** Prepares a webview (panel or custom editor) to run the timeline bundle. */
export function setUpTimelineWebview(webview: vscode.Webview, extensionUri: vscode.Uri, title: string): void {
  const assets = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
  webview.options = { enableScripts: true, localResourceRoots: [assets] };
  webview.html = timelineHtml({
    cspSource: webview.cspSource,
    script: webview.asWebviewUri(vscode.Uri.joinPath(assets, 'timeline.js')).toString(),
    style: webview.asWebviewUri(vscode.Uri.joinPath(assets, 'timeline.css')).toString(),
    codicons: webview.asWebviewUri(vscode.Uri.joinPath(assets, 'codicon.css')).toString(),
    nonce: makeNonce(),
    title,
  });
}

export interface TimelineHandlers {
  /** The webview finished loading and can take messages. */
  ready(): void;
  /** The user clicked "jump here" on an event. */
  jumpTo?(event: number): void;
}

/**
 * Wires one webview to its handlers: validates what it sends, saves exports, reports its errors.
 * Messages posted before the webview said `ready` are held and sent in order once it has. A hidden
 * webview's page is discarded (no retainContextWhenHidden) and says `ready` again when shown: it
 * is then sent the trace it showed, its forks and the debugger's current event once more (its view,
 * selection and filters it keeps itself, with setState).
 */
export class TimelineConnection implements vscode.Disposable {
  private ready = false;
  private readonly pending: { message: HostToWebview; sent: () => void }[] = [];
  private readonly subscription: vscode.Disposable;
  /** Counts `load` messages, so that the details of a trace another load replaced are not sent. */
  private loads = 0;
  /** What the page shows, to show again when it comes back: a trace, or a load message (bad file text). */
  private shown: { trace: Trace; fields: { title?: string; current?: number } } | HostToWebview | undefined;
  private lastCurrent: HostToWebview | undefined;
  private lastForks: HostToWebview | undefined;

  constructor(
    private readonly webview: vscode.Webview,
    private readonly handlers: TimelineHandlers,
  ) {
    this.subscription = webview.onDidReceiveMessage((raw: unknown) => this.receive(raw));
  }

  /** Posts a message (held until the page is ready); resolves once the webview has taken it. */
  post(message: HostToWebview): Promise<void> {
    if (message.type === 'load') {
      this.loads++;
      if (!('transfer' in message)) this.shown = message;
      this.lastCurrent = undefined;
      this.lastForks = undefined;
    } else if (message.type === 'currentEvent') this.lastCurrent = message;
    else if (message.type === 'fork') this.lastForks = message;
    if (!this.ready) {
      // Only the latest load or current event matters while the page is still starting.
      if (message.type === 'load') for (const p of this.pending.splice(0)) p.sent();
      return new Promise((sent) => this.pending.push({ message, sent }));
    }
    return new Promise((sent) => {
      this.webview.postMessage(message).then(
        () => sent(),
        () => sent(),
      );
    });
  }

  /**
   * Shows a trace in two parts (traces/transfer.ts): the head — columns and what drawing needs —
   * at once, and the details (payloads, operations, values: the bulk of a big trace's JSON) written
   * only once the webview has taken the head, a part at a time, each after the last was taken, so
   * that neither writing nor reading them delays the first paint or holds this thread for long. A
   * later load cancels the parts not yet written.
   */
  postTrace(trace: Trace, fields: { title?: string; current?: number } = {}): void {
    const { load, details } = traceMessages(trace, fields);
    const sent = this.post(load);
    this.shown = { trace, fields };
    const loads = this.loads;
    void sent.then(async () => {
      for (let i = 0; i < details.count; i++) {
        // A turn between parts, so that other work (the debugger's) goes on meanwhile.
        await new Promise((turn) => setTimeout(turn, 0));
        if (loads !== this.loads) return;
        await this.post(details.message(i));
      }
    });
  }

  private receive(raw: unknown): void {
    const checked = validateWebviewMessage(raw);
    if (!checked.ok) {
      void vscode.window.showWarningMessage(`Timeline: ignored a malformed message (${checked.error}).`);
      return;
    }
    const m: WebviewToHost = checked.value;
    switch (m.type) {
      case 'ready':
        if (this.ready) this.showAgain();
        this.ready = true;
        for (const p of this.pending.splice(0)) void this.webview.postMessage(p.message).then(p.sent, p.sent);
        this.handlers.ready();
        return;
      case 'jumpTo':
        if (this.handlers.jumpTo) this.handlers.jumpTo(m.event);
        else
          void vscode.window.showInformationMessage(
            'Start debugging the scenario to move the debugger to an event.',
          );
        return;
      case 'exportResult':
        void saveExport(m.format, m.data, m.suggestedName);
        return;
      case 'error':
        void vscode.window.showErrorMessage(`Timeline: ${m.message}`);
        return;
    }
  }

  /** The page came back (shown after being hidden): send it what it showed. */
  private showAgain(): void {
    const shown = this.shown;
    const current = this.lastCurrent;
    const forks = this.lastForks;
    if (!shown) return;
    if ('fields' in shown) this.postTrace(shown.trace, shown.fields);
    else void this.post(shown);
    if (forks) void this.post(forks);
    if (current) void this.post(current);
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

async function saveExport(format: 'svg' | 'png', data: string, suggestedName: string): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, suggestedName) } : {}),
    filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
    saveLabel: `Export ${format.toUpperCase()}`,
  });
  if (!target) return;
  const bytes = format === 'svg' ? new TextEncoder().encode(data) : base64ToBytes(data);
  try {
    await vscode.workspace.fs.writeFile(target, bytes);
    void vscode.window.showInformationMessage(`Timeline exported to ${target.path.split('/').pop()}.`);
  } catch (e) {
    void vscode.window.showErrorMessage(
      `Could not save the export: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

function base64ToBytes(data: string): Uint8Array {
  const binary = atob(data);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

// A status bar item with the last check of the active scenario; clicking it shows the details.

import * as vscode from 'vscode';
import { type CheckResults, summarize } from './checkResults';
import { isScenarioDocument, LANGUAGE_COMMANDS } from './ids';

export class CheckStatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly results: CheckResults) {
    this.item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      results.onDidChange(() => this.refresh()),
    ];
    this.refresh();
  }

  refresh(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !isScenarioDocument(doc)) {
      this.item.hide();
      return;
    }
    const result = this.results.get(doc.uri);
    this.item.command = {
      title: 'Show check result',
      command: LANGUAGE_COMMANDS.showCheckResult,
      arguments: [doc.uri],
    };
    if (!result) {
      this.item.text = '$(beaker) Check scenario';
      this.item.tooltip = 'Run the scenario and evaluate its expectations';
      this.item.backgroundColor = undefined;
    } else {
      const s = summarize(result);
      const stale = result.version !== undefined && result.version !== doc.version;
      this.item.text = `${s.text}${stale ? ' (edited)' : ''}`;
      this.item.tooltip = `Last check${stale ? ' (before your latest edits)' : ''}: ${s.text} in ${result.ms.toFixed(0)} ms. Click for details.`;
      this.item.backgroundColor = s.ok ? undefined : new vscode.ThemeColor('statusBarItem.errorBackground');
    }
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}

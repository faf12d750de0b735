// Above the `scenario:` line: ▶ Run, Debug, Show Timeline, and the last check result (click to
// check again and see each expectation).

import * as vscode from 'vscode';
import { type CheckResults, summarize } from './checkResults';
import { DEBUG_COMMANDS, LANGUAGE_COMMANDS } from './ids';

/** The 0-based line of `scenario:` (the first line when the key is missing). */
export function scenarioLine(doc: vscode.TextDocument): number {
  for (let i = 0; i < doc.lineCount; i++) if (/^scenario\s*:/.test(doc.lineAt(i).text)) return i;
  return 0;
}

export class ScenarioCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly results: CheckResults) {
    this.subscription = results.onDidChange(() => this.changed.fire());
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const line = scenarioLine(doc);
    const range = new vscode.Range(line, 0, line, 0);
    const uri = doc.uri;
    const result = this.results.get(uri);
    const stale = result?.version !== undefined && result.version !== doc.version;
    const check = result
      ? `${summarize(result).text}${stale ? ' (edited since)' : ''}`
      : '$(beaker) Check expectations';
    return [
      new vscode.CodeLens(range, {
        title: '▶ Run',
        command: DEBUG_COMMANDS.run,
        arguments: [uri],
        tooltip: 'Run the scenario without stopping',
      }),
      new vscode.CodeLens(range, {
        title: 'Debug',
        command: DEBUG_COMMANDS.debug,
        arguments: [uri],
        tooltip: 'Step through the run',
      }),
      new vscode.CodeLens(range, {
        title: 'Show Timeline',
        command: LANGUAGE_COMMANDS.showTimeline,
        arguments: [uri],
        tooltip: 'Open the happens-before timeline of this scenario',
      }),
      new vscode.CodeLens(range, {
        title: check,
        command: LANGUAGE_COMMANDS.showCheckResult,
        arguments: [uri],
        tooltip: result
          ? 'Show each expectation (checks again if the file changed)'
          : 'Run the scenario and evaluate `expect`',
      }),
    ];
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

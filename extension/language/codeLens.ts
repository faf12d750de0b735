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
    const lens = (title: string, command: string, tooltip: string) =>
      new vscode.CodeLens(range, { title, command, arguments: [uri], tooltip });
    return [
      lens('▶ Run', DEBUG_COMMANDS.run, 'Run the scenario without stopping'),
      lens('Debug', DEBUG_COMMANDS.debug, 'Step through the run'),
      lens(
        'Show Timeline',
        LANGUAGE_COMMANDS.showTimeline,
        'Open the happens-before timeline of this scenario',
      ),
      lens(
        check,
        LANGUAGE_COMMANDS.showCheckResult,
        result
          ? 'Show each expectation (checks again if the file changed)'
          : 'Run the scenario and evaluate `expect`',
      ),
    ];
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

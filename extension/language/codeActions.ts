// Quick fixes from the parser's `fix` (did-you-mean renames, adding a missing client): each of our
// diagnostics in the requested range that carries a fix becomes one code action.

import * as vscode from 'vscode';
import { analyze } from './analysis';
import { toVscodeDiagnostic } from './diagnostics';
import { DIAGNOSTIC_SOURCE } from './ids';
import { sameRange, toRange } from './ranges';

export class ScenarioCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  };

  provideCodeActions(
    doc: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const ours = analyze(doc).diagnostics.filter((d) => d.fix);
    const actions: vscode.CodeAction[] = [];
    for (const d of ours) {
      const at = toRange(d);
      // The editor hands back the diagnostics under the cursor as copies: match them by place and code.
      const shown = context.diagnostics.find(
        (x) => x.source === DIAGNOSTIC_SOURCE && x.code === d.code && sameRange(x.range, at),
      );
      if (!shown && !range.intersection(at)) continue;
      const fix = d.fix;
      if (!fix) continue;
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(doc.uri, toRange(fix.range), fix.replacement);
      action.diagnostics = [shown ?? toVscodeDiagnostic(d, doc.uri)];
      actions.push(action);
    }
    if (actions.length === 1) (actions[0] as vscode.CodeAction).isPreferred = true;
    return actions;
  }
}

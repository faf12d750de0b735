// Check Scenario (run and evaluate `expect`, like `replication-debugger check`) and Show Check
// Result (a list of expectations; picking one jumps to its line). Also checks on save.

import * as vscode from 'vscode';
import { type CheckResult, type CheckResults, checkText } from './checkResults';
import { isScenarioDocument, LANGUAGE_COMMANDS } from './ids';

async function documentFor(uri: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
  if (uri) return vscode.workspace.openTextDocument(uri);
  const doc = vscode.window.activeTextEditor?.document;
  return doc && isScenarioDocument(doc) ? doc : undefined;
}

export function checkDocument(doc: vscode.TextDocument, results: CheckResults): CheckResult {
  const file = doc.uri.scheme === 'file' ? vscode.workspace.asRelativePath(doc.uri) : doc.uri.path;
  const result = { ...checkText(doc.getText(), doc.uri.toString(), file), version: doc.version };
  results.set(result);
  return result;
}

interface ExpectationPick extends vscode.QuickPickItem {
  line?: number;
}

export function resultPicks(r: CheckResult): ExpectationPick[] {
  if (r.errors.length)
    return r.errors.map((e) => ({ label: `$(error) line ${e.line}`, detail: e.message, line: e.line }));
  const items: ExpectationPick[] = r.expectations.map((e) => ({
    label: `${e.passed ? '$(pass)' : '$(error)'} ${e.text}`,
    description: `line ${e.line}`,
    detail: e.message,
    line: e.line,
  }));
  if (!items.length)
    items.push({ label: 'No expectations: add an `expect:` section to check this scenario.' });
  if (r.anomalies.length)
    items.push({
      label: `$(warning) ${r.anomalies.length} ${r.anomalies.length === 1 ? 'anomaly' : 'anomalies'}: ${[...new Set(r.anomalies.map((a) => a.kind))].join(', ')}`,
      detail: r.anomalies[0]?.explain,
    });
  if (r.stopMessage) items.push({ label: `$(info) stopped: ${r.stopReason}`, detail: r.stopMessage });
  return items;
}

export function registerCheckCommands(results: CheckResults): vscode.Disposable[] {
  const check = async (uri?: vscode.Uri): Promise<CheckResult | undefined> => {
    const doc = await documentFor(uri);
    if (!doc) {
      void vscode.window.showInformationMessage('Open a .scenario.yaml file to check it.');
      return undefined;
    }
    return checkDocument(doc, results);
  };
  const show = async (uri?: vscode.Uri): Promise<void> => {
    const doc = await documentFor(uri);
    if (!doc) {
      void vscode.window.showInformationMessage('Open a .scenario.yaml file to check it.');
      return;
    }
    const known = results.get(doc.uri);
    const r = known && known.version === doc.version ? known : checkDocument(doc, results);
    const picked = (await vscode.window.showQuickPick(resultPicks(r), {
      title: `Check: ${doc.uri.path.split('/').pop() ?? ''}`,
      placeHolder: 'Pick an expectation to go to its line',
    })) as ExpectationPick | undefined;
    if (picked?.line !== undefined) {
      const at = new vscode.Range(picked.line - 1, 0, picked.line - 1, 0);
      await vscode.window.showTextDocument(doc, { selection: at });
    }
  };
  return [
    vscode.commands.registerCommand(LANGUAGE_COMMANDS.checkScenario, check),
    vscode.commands.registerCommand(LANGUAGE_COMMANDS.showCheckResult, show),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      const onSave = vscode.workspace
        .getConfiguration('replicationDebugger')
        .get<boolean>('checkOnSave', true);
      if (onSave && isScenarioDocument(doc)) checkDocument(doc, results);
    }),
  ];
}

// Runs one scenario file for the Test Explorer and reports each `expect` entry at its line.

import * as vscode from 'vscode';
import { type CheckResult, checkText } from '../language/checkResults';
import type { ScenarioTestTree } from './tree';

function at(uri: vscode.Uri, line: number, col = 1): vscode.Location {
  return new vscode.Location(uri, new vscode.Range(line - 1, col - 1, line - 1, col - 1));
}

/**
 * Runs `file` (all its entries, or `only` those) and reports them on `run`. Returns the check
 * result for the status bar and CodeLens, or undefined when the file could not be read.
 */
export async function runScenarioFile(
  run: vscode.TestRun,
  tree: ScenarioTestTree,
  file: vscode.TestItem,
  only?: readonly vscode.TestItem[],
  exclude?: readonly vscode.TestItem[],
): Promise<CheckResult | undefined> {
  const uri = file.uri;
  if (!uri) return undefined;
  let text: string;
  try {
    text = await tree.textOf(uri);
  } catch (e) {
    run.errored(file, new vscode.TestMessage(`Could not read ${uri.path}: ${String(e)}`));
    return undefined;
  }
  const updated = tree.updateFromText(uri, text);
  const children: vscode.TestItem[] = [];
  updated.children.forEach((c) => {
    if ((!only || only.some((o) => o.id === c.id)) && !exclude?.some((x) => x.id === c.id)) children.push(c);
  });
  run.started(updated);
  for (const c of children) run.started(c);

  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const result: CheckResult = checkText(text, uri.toString(), vscode.workspace.asRelativePath(uri));
  if (open) result.version = open.version;
  const duration = result.ms;

  if (result.errors.length) {
    const messages = result.errors.map((e) => {
      const m = new vscode.TestMessage(e.message);
      m.location = at(uri, e.line, e.col);
      return m;
    });
    run.errored(updated, messages, duration);
    for (const c of children)
      run.errored(
        c,
        new vscode.TestMessage('The scenario is invalid, so it did not run: fix the errors first.'),
      );
    return result;
  }

  let failed = 0;
  for (const c of children) {
    const line = (c.range?.start.line ?? -1) + 1;
    const outcome = result.expectations.find((e) => e.line === line);
    if (!outcome) {
      run.errored(c, new vscode.TestMessage('The engine reported no result for this entry.'));
      failed++;
    } else if (outcome.passed) {
      run.passed(c, duration);
    } else {
      const m = new vscode.TestMessage(outcome.message);
      m.location = at(uri, line, (c.range?.start.character ?? 0) + 1);
      run.failed(c, m, duration);
      failed++;
    }
  }
  if (result.stopMessage) run.appendOutput(`${uri.path.split('/').pop()}: ${result.stopMessage}\r\n`);
  for (const a of result.anomalies) run.appendOutput(`  anomaly ${a.kind}: ${a.explain}\r\n`);
  if (failed)
    run.failed(
      updated,
      new vscode.TestMessage(`${failed} of ${children.length} expectations failed.`),
      duration,
    );
  else run.passed(updated, duration);
  return result;
}

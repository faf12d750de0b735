// The test items: one per scenario file (label: its title), one child per `expect` entry with the
// entry's range, so failures show at the entry's line.

import * as vscode from 'vscode';
import { SCENARIO_GLOB } from '../language/ids';
import { type ExpectEntry, outline } from './entries';

const decoder = new TextDecoder();

export function entryId(uri: vscode.Uri, entry: { line: number }): string {
  return `${uri.toString()}#L${entry.line}`;
}

export class ScenarioTestTree {
  constructor(private readonly controller: vscode.TestController) {}

  /** Finds every scenario file of the workspace. */
  async discover(): Promise<void> {
    const uris = await vscode.workspace.findFiles(SCENARIO_GLOB, '**/node_modules/**');
    const seen = new Set(uris.map((u) => u.toString()));
    const stale: string[] = [];
    this.controller.items.forEach((i) => {
      if (!seen.has(i.id)) stale.push(i.id);
    });
    for (const id of stale) this.controller.items.delete(id);
    await Promise.all(uris.map((u) => this.refreshFile(u)));
  }

  /** The text of a scenario: the open editor's (unsaved edits included) or the file's. */
  async textOf(uri: vscode.Uri): Promise<string> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return open.getText();
    return decoder.decode(await vscode.workspace.fs.readFile(uri));
  }

  async refreshFile(uri: vscode.Uri): Promise<vscode.TestItem | undefined> {
    let text: string;
    try {
      text = await this.textOf(uri);
    } catch {
      this.remove(uri);
      return undefined;
    }
    return this.updateFromText(uri, text);
  }

  updateFromText(uri: vscode.Uri, text: string): vscode.TestItem {
    const { title, entries } = outline(text);
    const file =
      this.controller.items.get(uri.toString()) ?? this.controller.createTestItem(uri.toString(), '', uri);
    file.label = title ?? uri.path.split('/').pop() ?? uri.path;
    file.description = vscode.workspace.asRelativePath(uri);
    file.range = new vscode.Range(0, 0, 0, 0);
    file.children.replace(entries.map((e) => this.entryItem(uri, e)));
    this.controller.items.add(file);
    return file;
  }

  private entryItem(uri: vscode.Uri, e: ExpectEntry): vscode.TestItem {
    const item = this.controller.createTestItem(entryId(uri, e), e.text, uri);
    item.range = new vscode.Range(e.line - 1, e.col - 1, e.endLine - 1, e.endCol - 1);
    return item;
  }

  remove(uri: vscode.Uri): void {
    this.controller.items.delete(uri.toString());
  }
}

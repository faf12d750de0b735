// The adapter inside the extension host, for the web extension (no Node process to spawn). The
// desktop never loads this file, so its bundle carries no engine.

import * as vscode from 'vscode';
import { runEngine } from './engineAdapter';
import { ReplicationDebugSession } from './session';

async function readScenario(path: string): Promise<string> {
  const uri =
    /^[a-z][a-z0-9+.-]*:/i.test(path) && !/^[a-z]:[\\/]/i.test(path)
      ? vscode.Uri.parse(path)
      : vscode.Uri.file(path);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export function createInlineAdapter(): vscode.DebugAdapter {
  return new ReplicationDebugSession({ engine: runEngine, readFile: readScenario });
}

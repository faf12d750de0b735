// Test Explorer: every scenario file is a test, each `expect` entry a child at its line. Run runs
// the scenario with the engine and reports each entry; Debug starts the debugger on the file.

import * as vscode from 'vscode';
import { COMMANDS, DEBUG_TYPE } from '../debug/ids';
import { checkResults } from '../language/checkResults';
import { SCENARIO_GLOB } from '../language/ids';
import { runScenarioFile } from './runFile';
import { ScenarioTestTree } from './tree';

export const CONTROLLER_ID = 'replicationScenarios';

export function activateTesting(context: vscode.ExtensionContext): vscode.TestController {
  const controller = vscode.tests.createTestController(CONTROLLER_ID, 'Replication Scenarios');
  const tree = new ScenarioTestTree(controller);
  const results = checkResults();

  controller.resolveHandler = async (item) => {
    if (!item) await tree.discover();
    else if (item.uri) await tree.refreshFile(item.uri);
  };
  controller.refreshHandler = async () => {
    await tree.discover();
  };

  /** The file items a request covers (a child selects its file). */
  const filesOf = async (request: vscode.TestRunRequest): Promise<vscode.TestItem[]> => {
    if (!request.include) {
      if (!controller.items.size) await tree.discover();
      const all: vscode.TestItem[] = [];
      controller.items.forEach((i) => {
        all.push(i);
      });
      return all.filter((i) => !request.exclude?.includes(i));
    }
    const files = new Map<string, vscode.TestItem>();
    for (const i of request.include) {
      const file = i.parent ?? i;
      files.set(file.id, file);
    }
    return [...files.values()].filter((i) => !request.exclude?.includes(i));
  };

  /** Runs one file's chosen entries and shares the result with the status bar and CodeLens. */
  const check = async (run: vscode.TestRun, request: vscode.TestRunRequest, file: vscode.TestItem) => {
    // The file itself requested means all its entries, even if some are also listed.
    const only = request.include?.includes(file)
      ? undefined
      : request.include?.filter((i) => i.parent === file);
    const result = await runScenarioFile(run, tree, file, only?.length ? only : undefined, request.exclude);
    if (result) results.set(result);
  };

  controller.createRunProfile(
    'Run',
    vscode.TestRunProfileKind.Run,
    async (request, token) => {
      const run = controller.createTestRun(request);
      try {
        for (const file of await filesOf(request)) {
          if (token.isCancellationRequested) break;
          await check(run, request, file);
        }
      } finally {
        run.end();
      }
    },
    true,
  );

  controller.createRunProfile(
    'Debug',
    vscode.TestRunProfileKind.Debug,
    async (request, token) => {
      const run = controller.createTestRun(request);
      try {
        for (const file of await filesOf(request)) {
          if (token.isCancellationRequested || !file.uri) continue;
          const uri = file.uri;
          run.started(file);
          // Report the entries once the session ends, from a check of the same text.
          const ended = sessionEnd(uri, token);
          const started = await vscode.commands.executeCommand(COMMANDS.debug, uri);
          if (started === false) {
            ended.dispose();
            run.errored(file, new vscode.TestMessage('The debugger did not start.'));
            continue;
          }
          await ended.done;
          if (token.isCancellationRequested) break;
          await check(run, request, file);
        }
      } finally {
        run.end();
      }
    },
    true,
  );

  const watcher = vscode.workspace.createFileSystemWatcher(SCENARIO_GLOB);
  context.subscriptions.push(
    controller,
    watcher,
    watcher.onDidCreate((uri) => void tree.refreshFile(uri)),
    watcher.onDidChange((uri) => void tree.refreshFile(uri)),
    watcher.onDidDelete((uri) => {
      tree.remove(uri);
      results.delete(uri);
    }),
    // Unsaved edits move entries: follow the open document, not the file on disk.
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.scheme === 'file' && /\.scenario\.ya?ml$/.test(e.document.uri.path))
        tree.updateFromText(e.document.uri, e.document.getText());
    }),
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (doc.uri.scheme === 'file' && /\.scenario\.ya?ml$/.test(doc.uri.path))
        tree.updateFromText(doc.uri, doc.getText());
    }),
  );
  return controller;
}

/** Resolves when a `replication` debug session of `uri` terminates (or the run is cancelled). */
function sessionEnd(
  uri: vscode.Uri,
  token: vscode.CancellationToken,
): { done: Promise<void>; dispose(): void } {
  const subs: vscode.Disposable[] = [];
  const dispose = () => {
    for (const s of subs) s.dispose();
  };
  const done = new Promise<void>((resolve) => {
    const finish = () => {
      dispose();
      resolve();
    };
    subs.push(
      vscode.debug.onDidTerminateDebugSession((s) => {
        const target = (s.configuration as { scenario?: string }).scenario;
        if (s.type === DEBUG_TYPE && (target === uri.fsPath || target === uri.toString())) finish();
      }),
      token.onCancellationRequested(finish),
    );
  });
  return { done, dispose };
}

// Authoring features of the scenario language: live diagnostics and quick fixes, completion,
// hovers, navigation and rename, CodeLens, the check status bar item and New Scenario.

import * as vscode from 'vscode';
import { registerCheckCommands } from './checkCommands';
import { checkResults } from './checkResults';
import { ScenarioCodeActions } from './codeActions';
import { ScenarioCodeLens } from './codeLens';
import { ScenarioCompletion } from './completion';
import { ScenarioDiagnostics } from './diagnostics';
import { ScenarioHover } from './hover';
import { SCENARIO_SELECTOR } from './ids';
import { registerNewScenario } from './newScenario';
import { ScenarioOutline } from './outline';
import { CheckStatusBar } from './statusBar';
import { ScenarioSymbols } from './symbols';

export { LANGUAGE_COMMANDS } from './ids';

export function activateLanguage(context: vscode.ExtensionContext): void {
  const results = checkResults();
  const symbols = new ScenarioSymbols();
  const lenses = new ScenarioCodeLens(results);
  context.subscriptions.push(
    // Open documents are checked right after activation, not during it (see ScenarioDiagnostics).
    new ScenarioDiagnostics(undefined, 'deferred'),
    vscode.languages.registerCodeActionsProvider(
      SCENARIO_SELECTOR,
      new ScenarioCodeActions(),
      ScenarioCodeActions.metadata,
    ),
    vscode.languages.registerCompletionItemProvider(
      SCENARIO_SELECTOR,
      new ScenarioCompletion(),
      ...ScenarioCompletion.triggerCharacters,
    ),
    vscode.languages.registerHoverProvider(SCENARIO_SELECTOR, new ScenarioHover()),
    vscode.languages.registerDefinitionProvider(SCENARIO_SELECTOR, symbols),
    vscode.languages.registerReferenceProvider(SCENARIO_SELECTOR, symbols),
    vscode.languages.registerRenameProvider(SCENARIO_SELECTOR, symbols),
    vscode.languages.registerDocumentHighlightProvider(SCENARIO_SELECTOR, symbols),
    vscode.languages.registerCodeLensProvider(SCENARIO_SELECTOR, lenses),
    vscode.languages.registerDocumentSymbolProvider(SCENARIO_SELECTOR, new ScenarioOutline(), {
      label: 'Scenario',
    }),
    lenses,
    new CheckStatusBar(results),
    ...registerCheckCommands(results),
    registerNewScenario(context),
    results,
  );
}

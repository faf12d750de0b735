// Desktop activation: the debugger (adapter out of process), the timeline, the scenario language
// features and the Test Explorer. Each part registers its own contributions; this file only composes them.

import type * as vscode from 'vscode';
import { activateDebug } from './debug/activate';
import { activateLanguage } from './language/activate';
import { activateTesting } from './testing/activate';
import { activateTimeline } from './timeline/activate';

export function activate(context: vscode.ExtensionContext): void {
  const debug = activateDebug(context);
  activateTimeline(context, debug);
  activateLanguage(context);
  activateTesting(context);
}

export function deactivate(): void {}

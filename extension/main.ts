// Desktop activation: the debugger (adapter out of process), the timeline, and the scenario
// language features. Each part registers its own contributions; this file only composes them.

import type * as vscode from 'vscode';
import { activateDebug } from './debug/activate';

export function activate(context: vscode.ExtensionContext): void {
  activateDebug(context);
}

export function deactivate(): void {}

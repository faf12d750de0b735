// Web activation (vscode.dev, github.dev, code-server's web worker host): the same features, with
// the debug adapter running inline in the extension host, since a web extension cannot spawn one.

import type * as vscode from 'vscode';
import { activateDebug } from './debug/activate';
import { createInlineAdapter } from './debug/inlineAdapter';
import { activateLanguage } from './language/activate';
import { activateTesting } from './testing/activate';
import { activateTimeline } from './timeline/activate';

export function activate(context: vscode.ExtensionContext): void {
  const debug = activateDebug(context, { inlineAdapter: createInlineAdapter });
  activateTimeline(context, debug);
  activateLanguage(context);
  activateTesting(context);
}

export function deactivate(): void {}

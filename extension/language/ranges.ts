// Our positions are 1-based with an exclusive end (engine/scenario/diagnostics.ts); VS Code's are
// 0-based. Both count UTF-16 code units, so only the base differs.

import * as vscode from 'vscode';
import type { SourceRange } from '../../engine/scenario/diagnostics';

export function toRange(r: SourceRange): vscode.Range {
  return new vscode.Range(r.line - 1, r.col - 1, r.endLine - 1, r.endCol - 1);
}

export function sameRange(a: vscode.Range, b: vscode.Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

// One parse per document version, shared by diagnostics and quick fixes (a code action request
// arrives right after the diagnostics that it fixes were computed from the same text).

import type * as vscode from 'vscode';
import type { Diagnostic } from '../../engine/scenario/diagnostics';
import type { Scenario } from '../../engine/scenario/model';
import { parseScenario } from '../../engine/scenario/parse';

export interface DocumentAnalysis {
  version: number;
  diagnostics: Diagnostic[];
  scenario?: Scenario;
}

const cache = new Map<string, DocumentAnalysis>();

export function analyze(doc: vscode.TextDocument, file?: string): DocumentAnalysis {
  const key = doc.uri.toString();
  const hit = cache.get(key);
  if (hit && hit.version === doc.version) return hit;
  const { scenario, diagnostics } = parseScenario(doc.getText(), file);
  const out: DocumentAnalysis = { version: doc.version, diagnostics };
  if (scenario) out.scenario = scenario;
  cache.set(key, out);
  return out;
}

export function forget(uri: vscode.Uri): void {
  cache.delete(uri.toString());
}

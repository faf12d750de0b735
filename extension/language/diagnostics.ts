// Live diagnostics: our parser's problems on every change (debounced), with the CLI's ranges and
// messages, severities mapped, `related` as related information.

import * as vscode from 'vscode';
import type { Diagnostic as ScenarioDiagnostic, Severity } from '../../engine/scenario/diagnostics';
import { analyze, forget } from './analysis';
import { DIAGNOSTIC_SOURCE, isScenarioDocument } from './ids';
import { toRange } from './ranges';

export const DEBOUNCE_MS = 200;

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toVscodeDiagnostic(d: ScenarioDiagnostic, uri: vscode.Uri): vscode.Diagnostic {
  const out = new vscode.Diagnostic(toRange(d), d.message, SEVERITY[d.severity]);
  out.source = DIAGNOSTIC_SOURCE;
  out.code = d.code;
  if (d.related?.length) {
    out.relatedInformation = d.related.map(
      (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(r.range)), r.message),
    );
  }
  return out;
}

export class ScenarioDiagnostics implements vscode.Disposable {
  readonly collection: vscode.DiagnosticCollection;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[] = [];

  /**
   * @param delay pause in typing before a re-check
   * @param firstPass `deferred` checks the documents already open on the next turn of the event
   *   loop rather than in the constructor: extension activation constructs this, and the first
   *   parse (which also compiles the YAML parser) would otherwise be most of the activation time.
   */
  constructor(
    private readonly delay = DEBOUNCE_MS,
    firstPass: 'now' | 'deferred' = 'now',
  ) {
    this.collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((doc) => this.update(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        this.cancel(doc.uri);
        forget(doc.uri);
        this.collection.delete(doc.uri);
      }),
    );
    const checkOpen = () => {
      for (const doc of vscode.workspace.textDocuments) this.update(doc);
    };
    if (firstPass === 'now') checkOpen();
    else {
      const timer = setTimeout(checkOpen, 0);
      this.subscriptions.push({ dispose: () => clearTimeout(timer) });
    }
  }

  /** Re-checks after the user pauses typing for `delay` ms. */
  schedule(doc: vscode.TextDocument): void {
    if (!isScenarioDocument(doc)) return;
    this.cancel(doc.uri);
    this.timers.set(
      doc.uri.toString(),
      setTimeout(() => {
        this.timers.delete(doc.uri.toString());
        this.update(doc);
      }, this.delay),
    );
  }

  update(doc: vscode.TextDocument): void {
    if (!isScenarioDocument(doc)) return;
    const { diagnostics } = analyze(doc);
    this.collection.set(
      doc.uri,
      diagnostics.map((d) => toVscodeDiagnostic(d, doc.uri)),
    );
  }

  private cancel(uri: vscode.Uri): void {
    const t = this.timers.get(uri.toString());
    if (t !== undefined) clearTimeout(t);
    this.timers.delete(uri.toString());
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const s of this.subscriptions) s.dispose();
    this.collection.dispose();
  }
}

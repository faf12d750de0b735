// The last `check` of each scenario (run from the lens, the status bar, on save or by the Test
// Explorer), what the CodeLens and the status bar show.

import * as vscode from 'vscode';
import { runScenarioText } from '../../engine/run';

export interface ExpectationOutcome {
  line: number;
  text: string;
  passed: boolean;
  message: string;
}

export interface CheckResult {
  uri: string;
  /** Document version checked, when it came from an open editor. */
  version?: number;
  /** Errors that kept the scenario from running. */
  errors: { line: number; col: number; message: string }[];
  expectations: ExpectationOutcome[];
  anomalies: { kind: string; explain: string }[];
  stopReason?: string;
  stopMessage?: string;
  ms: number;
}

/** Parses, runs and checks a scenario text, like `replication-debugger check`. */
export function checkText(text: string, uri: string, file?: string): CheckResult {
  const t0 = performance.now();
  const outcome = runScenarioText(text, file);
  const errors = outcome.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => ({ line: d.line, col: d.col, message: d.message }));
  const trace = outcome.result?.trace;
  const result: CheckResult = {
    uri,
    errors,
    expectations: (trace?.expectations ?? []).map((e) => ({
      line: e.line,
      text: e.text,
      passed: e.passed,
      message: e.message,
    })),
    anomalies: (trace?.anomalies ?? []).map((a) => ({ kind: a.kind, explain: a.explain })),
    ms: 0,
  };
  if (outcome.result) {
    result.stopReason = outcome.result.stopReason;
    if (outcome.result.stopMessage) result.stopMessage = outcome.result.stopMessage;
  }
  result.ms = performance.now() - t0;
  return result;
}

export interface Summary {
  text: string;
  ok: boolean;
}

/** "✓ 4/4 expectations", "✗ 1 of 4 failed", "✗ invalid: 2 errors". */
export function summarize(r: CheckResult): Summary {
  if (r.errors.length) return { text: `✗ invalid: ${plural(r.errors.length, 'error')}`, ok: false };
  const total = r.expectations.length;
  const failed = r.expectations.filter((e) => !e.passed).length;
  if (!total) {
    const anomalies = r.anomalies.length ? `, ${plural(r.anomalies.length, 'anomaly', 'anomalies')}` : '';
    return { text: `✓ ran, no expectations${anomalies}`, ok: true };
  }
  if (failed) return { text: `✗ ${failed} of ${total} failed`, ok: false };
  return { text: `✓ ${total}/${total} expectations`, ok: true };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export class CheckResults implements vscode.Disposable {
  private readonly results = new Map<string, CheckResult>();
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the URI (as a string) whose result changed. */
  readonly onDidChange = this.changed.event;

  get(uri: vscode.Uri | string): CheckResult | undefined {
    return this.results.get(uri.toString());
  }

  set(result: CheckResult): void {
    this.results.set(result.uri, result);
    this.changed.fire(result.uri);
  }

  delete(uri: vscode.Uri | string): void {
    if (this.results.delete(uri.toString())) this.changed.fire(uri.toString());
  }

  dispose(): void {
    this.results.clear();
    this.changed.dispose();
  }
}

let shared: CheckResults | undefined;

/** One store for the editor features and the Test Explorer. */
export function checkResults(): CheckResults {
  shared ??= new CheckResults();
  return shared;
}

/** For tests: start from an empty store. */
export function resetCheckResults(): void {
  shared?.dispose();
  shared = undefined;
}

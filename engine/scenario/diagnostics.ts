// Problems found in a scenario file. Positions are 1-based; `endLine`/`endCol` point just past the
// last character, so an empty range (insertion point) has end == start.

export type Severity = 'error' | 'warning' | 'info';

export interface SourceRange {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

/** A text edit that resolves the diagnostic: replace `range` with `replacement`. */
export interface DiagnosticFix {
  title: string;
  replacement: string;
  range: SourceRange;
}

export interface Diagnostic extends SourceRange {
  file?: string;
  severity: Severity;
  message: string;
  /** Stable machine-readable kind, e.g. `unknown-key`, `undeclared-node`, `w-greater-than-n`. */
  code: string;
  fix?: DiagnosticFix;
  /** Other places the message talks about (the earlier item of a time going backwards, ...). */
  related?: { message: string; range: SourceRange }[];
}

/** `FILE:LINE:COL: severity: message` (without a file: `LINE:COL: severity: message`). */
export function formatDiagnostic(d: Diagnostic): string {
  const where = `${d.line}:${d.col}`;
  return `${d.file ? `${d.file}:` : ''}${where}: ${d.severity}: ${d.message}`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** In reading order; at the same place errors come before warnings. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return diagnostics.sort((a, b) => a.line - b.line || a.col - b.col || rank[a.severity] - rank[b.severity]);
}

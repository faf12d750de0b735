// Our scenario diagnostics (1-based, end exclusive) as Monaco markers and quick fixes. Kept free of
// Monaco imports (plain numbers for severities) so it is testable in Node.
import type { Diagnostic, Severity } from '../../engine/scenario/diagnostics';

/** monaco.MarkerSeverity values. */
export const MARKER_SEVERITY: Record<Severity, number> = { error: 8, warning: 4, info: 2 };

export interface MarkerRange {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

export interface MarkerData extends MarkerRange {
  severity: number;
  message: string;
  code: string;
  source: string;
  relatedInformation?: (MarkerRange & { message: string; resource: unknown })[];
}

/**
 * Monaco's columns are 1-based with an exclusive end, like ours; an empty range (an insertion point,
 * e.g. "missing key here") is widened to one character so it stays visible as a squiggle.
 */
export function toMarkerRange(r: {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}): MarkerRange {
  const empty = r.endLine < r.line || (r.endLine === r.line && r.endCol <= r.col);
  return {
    startLineNumber: r.line,
    startColumn: r.col,
    endLineNumber: empty ? r.line : r.endLine,
    endColumn: empty ? r.col + 1 : r.endCol,
  };
}

export function toMarker(d: Diagnostic, resource: unknown): MarkerData {
  const m: MarkerData = {
    ...toMarkerRange(d),
    severity: MARKER_SEVERITY[d.severity],
    message: d.message,
    code: d.code,
    source: 'scenario',
  };
  if (d.related?.length)
    m.relatedInformation = d.related.map((r) => ({
      ...toMarkerRange(r.range),
      message: r.message,
      resource,
    }));
  return m;
}

/** Whether two ranges overlap or touch (a quick fix applies where the cursor or selection is). */
export function touches(a: MarkerRange, b: MarkerRange): boolean {
  const before = (l1: number, c1: number, l2: number, c2: number): boolean =>
    l1 < l2 || (l1 === l2 && c1 < c2);
  return (
    !before(a.endLineNumber, a.endColumn, b.startLineNumber, b.startColumn) &&
    !before(b.endLineNumber, b.endColumn, a.startLineNumber, a.startColumn)
  );
}

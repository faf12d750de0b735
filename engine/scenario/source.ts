// Offsets in the text <-> 1-based line/column ranges for diagnostics.

import { LineCounter } from 'yaml';
import type { SourceRange } from './diagnostics';

export class SourceText {
  readonly lineCounter = new LineCounter();

  constructor(readonly text: string) {
    // LineCounter is normally filled by the parser; fill it ourselves so it works without one.
    this.lineCounter.addNewLine(0);
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
      this.lineCounter.addNewLine(i + 1);
  }

  clamp(offset: number): number {
    if (!Number.isFinite(offset) || offset < 0) return 0;
    return Math.min(offset, this.text.length);
  }

  /** 1-based line of an offset. */
  line(offset: number): number {
    return this.lineCounter.linePos(this.clamp(offset)).line;
  }

  range(start: number, end: number): SourceRange {
    const s = this.clamp(start);
    const e = Math.max(s, this.clamp(end));
    const a = this.lineCounter.linePos(s);
    const b = this.lineCounter.linePos(e);
    return { line: a.line, col: a.col, endLine: b.line, endCol: b.col };
  }

  /** Offset of a 1-based line/column (clamped into the text). */
  offset(line: number, col: number): number {
    const starts = this.lineCounter.lineStarts;
    const l = Math.min(Math.max(1, line), starts.length);
    return this.clamp(starts[l - 1] + col - 1);
  }

  /** Offset just past the end of a line's text (before its newline). */
  lineEnd(line: number): number {
    const starts = this.lineCounter.lineStarts;
    if (line >= starts.length) return this.text.length;
    let end = starts[line] - 1;
    if (end > 0 && this.text[end - 1] === '\r') end--;
    return end;
  }

  get lineCount(): number {
    return this.lineCounter.lineStarts.length;
  }
}

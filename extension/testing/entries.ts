// The `expect` entries of a scenario text with their places, from the YAML tree alone, so that a
// file with errors still lists its tests (and reports them as errored rather than vanishing).

import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';

export interface ExpectEntry {
  /** 1-based line of the entry (what trace.expectations[].line refers to). */
  line: number;
  /** 1-based column of its first character. */
  col: number;
  endLine: number;
  endCol: number;
  /** The entry as written, on one line. */
  text: string;
}

export interface ScenarioOutline {
  title?: string;
  entries: ExpectEntry[];
}

export function outline(text: string): ScenarioOutline {
  const lines = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  } catch {
    return { entries: [] };
  }
  const root = doc.contents as Node | null;
  const out: ScenarioOutline = { entries: [] };
  if (!isMap(root)) return out;
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key === 'scenario' && isScalar(pair.value)) out.title = String(pair.value.value);
    if (key !== 'expect' || !isSeq(pair.value)) continue;
    for (const item of pair.value.items as (Node | null)[]) {
      if (!item?.range) continue;
      const start = item.range[0];
      let end = item.range[1];
      while (end > start && /\s/.test(text[end - 1] as string)) end--;
      const s = lines.linePos(start);
      const e = lines.linePos(end);
      out.entries.push({
        line: s.line,
        col: s.col,
        endLine: e.line,
        endCol: e.col,
        text: text.slice(start, end).replace(/\s+/g, ' ').trim(),
      });
    }
  }
  return out;
}

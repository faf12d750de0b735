// Where the `events` items of a scenario sit in its text, so a breakpoint on any line of a
// multi-line item lands on the item, and "Jump to Cursor" finds the item under the cursor.

import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';

export interface ItemSpan {
  /** The item's line as the scenario model records it (its first line). */
  line: number;
  /** Last line of the item. */
  end: number;
  /** The item's text on its first line, trimmed, for goto target labels. */
  label: string;
}

export interface ItemLayout {
  items: ItemSpan[];
  /** Lines of the `events:` block (its key to its last item), if the file has one. */
  block?: { start: number; end: number };
}

export function scenarioItems(text: string): ItemLayout {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: false });
  const lines = text.split(/\r?\n/);
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  if (!isMap(doc.contents)) return { items: [] };
  const pair = doc.contents.items.find(
    (p) => (p.key as { value?: unknown } | null)?.value === 'events' && isSeq(p.value),
  );
  if (!pair || !isSeq(pair.value)) return { items: [] };
  const items: ItemSpan[] = [];
  for (const node of pair.value.items) {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    if (!range) continue;
    const line = lineOf(range[0]);
    // The range ends after trailing whitespace/newline; step back onto the item's last character.
    let endOffset = Math.max(range[0], range[1] - 1);
    while (endOffset > range[0] && /\s/.test(text[endOffset]!)) endOffset--;
    const end = Math.max(line, lineOf(endOffset));
    items.push({ line, end, label: (lines[line - 1] ?? '').trim().replace(/^-\s*/, '') });
  }
  const keyRange = (pair.key as { range?: [number, number, number] } | null)?.range;
  const start = keyRange ? lineOf(keyRange[0]) : (items[0]?.line ?? 1);
  const end = items.length ? items[items.length - 1]!.end : start;
  return { items, block: { start, end } };
}

/** The item a breakpoint on `line` belongs to: the one containing it, else the nearest in the block. */
export function itemForLine(layout: ItemLayout, line: number): ItemSpan | undefined {
  const { items, block } = layout;
  if (!block || items.length === 0) return undefined;
  if (line < block.start || line > block.end) return undefined;
  for (const it of items) if (line >= it.line && line <= it.end) return it;
  // Between items (a comment or blank line): the next item down, as editors move breakpoints.
  return items.find((it) => it.line > line) ?? items[items.length - 1];
}

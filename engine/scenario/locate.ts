// Where the cursor is in schema terms (for completion and hovers), and the identifiers a document
// declares and uses (for completion of ids, go to definition, rename).

import { isAlias, isMap, isScalar, isSeq, type Node, parseDocument } from 'yaml';
import type { SymbolOccurrence } from './checked';
import type { SourceRange } from './diagnostics';
import type { Replication } from './model';
import { analyzeScenario } from './parse';
import { REPLICATIONS } from './schema';
import type { RefKind } from './schemaTypes';
import { SourceText } from './source';

export interface CursorLocation {
  /**
   * Path of what the cursor is on. On a key it ends with that key (['cluster', 'w']), or with the
   * prefix typed so far, '' on a blank line (['cluster', '']); so the map the key belongs to is
   * `path.slice(0, -1)`. On a value it is the path of the value (['cluster', 'w'] for the `2` of
   * `w: 2`).
   */
  path: (string | number)[];
  /** `key`: on a key or where a new key would go; `value`: on (or where) a value. */
  on: 'key' | 'value';
  /** The range of the key or scalar under the cursor (empty where nothing is written yet). */
  range: SourceRange;
  /** The text of that key or scalar, e.g. the prefix typed so far. */
  text: string;
  /** The cluster's replication family, if the file names a valid one. */
  replication?: Replication;
}

interface Found {
  path: (string | number)[];
  on: 'key' | 'value';
  start: number;
  end: number;
}

function within(offset: number, start: number, end: number): boolean {
  return offset >= start && offset <= end;
}

function find(node: Node | null | undefined, offset: number, path: (string | number)[]): Found | undefined {
  if (!node || isAlias(node) || !node.range) return undefined;
  const [start, end] = node.range;
  if (isScalar(node)) {
    return within(offset, start, end) ? { path, on: 'value', start, end } : undefined;
  }
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      if (!isScalar(key) || !key.range) continue;
      const name = String(key.value);
      if (within(offset, key.range[0], key.range[1])) {
        return { path: [...path, name], on: 'key', start: key.range[0], end: key.range[1] };
      }
      const value = pair.value as Node | null;
      if (value?.range && within(offset, value.range[0], value.range[1])) {
        const inner = find(value, offset, [...path, name]);
        if (inner) return inner;
      }
    }
    return within(offset, start, end) && !(offset === end && !node.flow)
      ? { path: [...path, ''], on: 'key', start: offset, end: offset }
      : undefined;
  }
  if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const item = node.items[i] as Node | null;
      if (item?.range && within(offset, item.range[0], item.range[1])) {
        const inner = find(item, offset, [...path, i]);
        if (inner) return inner;
      }
    }
    return undefined;
  }
  return undefined;
}

interface BlockMap {
  path: (string | number)[];
  keyCol: number;
  start: number;
}

/** Block maps with the column of their keys, to place a cursor on a blank line by its indentation. */
function blockMaps(
  node: Node | null | undefined,
  src: SourceText,
  path: (string | number)[],
  out: BlockMap[],
) {
  if (!node || isAlias(node) || !node.range) return;
  if (isMap(node)) {
    const first = node.items[0]?.key as Node | null | undefined;
    if (!node.flow && first?.range) {
      out.push({ path, keyCol: src.range(first.range[0], first.range[0]).col, start: node.range[0] });
    }
    for (const pair of node.items) {
      if (isScalar(pair.key))
        blockMaps(pair.value as Node | null, src, [...path, String(pair.key.value)], out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      blockMaps(item as Node | null, src, [...path, i], out);
    });
  }
}

function byIndentation(root: Node | null, src: SourceText, offset: number): Found | undefined {
  const line = src.line(offset);
  const lineStart = src.offset(line, 1);
  const before = src.text.slice(lineStart, offset);
  if (before.trim() !== '' && /:/.test(before)) return undefined;
  const col = before.length - before.trimStart().length + 1;
  const maps: BlockMap[] = [];
  blockMaps(root, src, [], maps);
  let best: BlockMap | undefined;
  for (const m of maps) {
    if (m.keyCol !== col || m.start > offset) continue;
    // No line between the map's start and the cursor may be less indented than its keys.
    const from = src.line(m.start);
    let open = true;
    for (let l = from + 1; l < line && open; l++) {
      const t = src.text.slice(src.offset(l, 1), src.lineEnd(l));
      const content = t.trimStart();
      if (content === '' || content.startsWith('#')) continue;
      if (t.length - content.length + 1 < m.keyCol) open = false;
    }
    if (open && (!best || m.start >= best.start)) best = m;
  }
  if (!best) return undefined;
  const word = before.trimStart();
  return { path: [...best.path, word], on: 'key', start: offset - word.length, end: offset };
}

function replicationOfText(root: Node | null): Replication | undefined {
  if (!isMap(root)) return undefined;
  const cluster = root.get('cluster', true);
  const r = isMap(cluster) ? cluster.get('replication', true) : undefined;
  const v = isScalar(r) ? r.value : undefined;
  return REPLICATIONS.some(([name]) => name === v) ? (v as Replication) : undefined;
}

/** The schema path at `offset` in `text`, and whether the cursor is on a key or a value. */
export function locateAt(text: string, offset: number): CursorLocation {
  const src = new SourceText(text);
  const at = src.clamp(offset);
  let root: Node | null = null;
  try {
    root = parseDocument(text, { prettyErrors: false }).contents as Node | null;
  } catch {
    root = null;
  }
  const line = src.line(at);
  const lineText = text.slice(src.offset(line, 1), src.lineEnd(line));
  const blank = lineText.trim() === '' || !/[:\-[{]/.test(lineText);
  let found = blank ? (byIndentation(root, src, at) ?? find(root, at, [])) : find(root, at, []);
  found ??= byIndentation(root, src, at) ?? { path: [''], on: 'key', start: at, end: at };
  // A key with an empty value, cursor after the colon: the value position.
  if (found.on === 'key' && found.end < at && found.path.length && found.start < found.end) {
    found = { ...found, on: 'value', start: at, end: at };
  }
  const out: CursorLocation = {
    path: found.path,
    on: found.on,
    range: src.range(found.start, found.end),
    text: text.slice(found.start, found.end),
  };
  const replication = replicationOfText(root);
  if (replication) out.replication = replication;
  return out;
}

export interface DeclaredId {
  name: string;
  range: SourceRange;
  /** A declaration (node list, clients key, event id, addNode) rather than a use. */
  declaration: boolean;
}

export interface DocumentIds {
  nodes: DeclaredId[];
  clients: DeclaredId[];
  /** Data keys as used in events, types, homes, shards and expectations. */
  keys: DeclaredId[];
  /** Event ids. */
  ops: DeclaredId[];
  shards: DeclaredId[];
  /** Every occurrence, for rename and references: nodes and clients used as `actor` are resolved. */
  occurrences: (DeclaredId & { kind: RefKind })[];
}

/** The identifiers of a document, declarations and uses, with their ranges. */
export function documentIds(text: string): DocumentIds {
  const analysis = analyzeScenario(text);
  const src = analysis.source;
  const declaredKind = new Map<string, RefKind>();
  for (const s of analysis.symbols)
    if (s.declares && !declaredKind.has(s.name)) declaredKind.set(s.name, s.kind);
  const out: DocumentIds = { nodes: [], clients: [], keys: [], ops: [], shards: [], occurrences: [] };
  const seenKey = new Set<string>();
  for (const s of analysis.symbols) {
    const kind = resolveKind(s, declaredKind);
    const id: DeclaredId = { name: s.name, range: src.range(s.start, s.end), declaration: s.declares };
    out.occurrences.push({ ...id, kind });
    if (s.declares) {
      if (kind === 'node') out.nodes.push(id);
      else if (kind === 'client') out.clients.push(id);
      else if (kind === 'op') out.ops.push(id);
      else if (kind === 'shard') out.shards.push(id);
    } else if (kind === 'key' && !seenKey.has(s.name)) {
      // Data keys are not declared anywhere: their first use stands for them.
      seenKey.add(s.name);
      out.keys.push({ ...id, declaration: true });
    }
  }
  return out;
}

function resolveKind(s: SymbolOccurrence, declared: Map<string, RefKind>): RefKind {
  if (s.kind !== 'actor') return s.kind;
  return declared.get(s.name) ?? 'actor';
}

/** Both at once: where the cursor is, and the document's identifiers. */
export function locate(text: string, offset: number): CursorLocation & { ids: DocumentIds } {
  return { ...locateAt(text, offset), ids: documentIds(text) };
}

// Completion from the schema and the document: keys valid at the cursor (with their docs), enum
// values, ids declared in the file, and event snippets that offer the declared nodes and clients.

import * as vscode from 'vscode';
import { type CursorLocation, type DocumentIds, documentIds, locateAt } from '../../engine/scenario/locate';
import { hoverAt, keysAt, refAt, valuesAt } from '../../engine/scenario/schemaQuery';
import type { RefKind } from '../../engine/scenario/schemaTypes';
import { idsOfKind } from './documentIds';
import { toRange } from './ranges';

const KIND_LABEL: Record<RefKind, string> = {
  node: 'node',
  client: 'client',
  actor: 'node or client',
  key: 'data key',
  op: 'operation id',
  shard: 'shard',
};

function idItems(ids: DocumentIds, kind: RefKind, range: vscode.Range, suffix = ''): vscode.CompletionItem[] {
  const out: vscode.CompletionItem[] = [];
  for (const kindOf of kind === 'actor' ? (['node', 'client'] as const) : [kind]) {
    for (const id of idsOfKind(ids, kindOf)) {
      const item = new vscode.CompletionItem(id.name, vscode.CompletionItemKind.Reference);
      item.detail = `${KIND_LABEL[kindOf]} declared on line ${id.range.line}`;
      item.insertText = `${id.name}${suffix}`;
      item.range = range;
      item.sortText = `0${id.name}`;
      out.push(item);
    }
  }
  return out;
}

function markdown(text: string | undefined): vscode.MarkdownString | undefined {
  return text ? new vscode.MarkdownString(text) : undefined;
}

/** A snippet tab stop with a default. */
const tab = (n: number, text: string) => `\${${n}:${text}}`;

/** A snippet choice of the declared ids, or a plain placeholder when there are none. */
function choice(n: number, names: string[], fallback: string): string {
  return names.length ? `\${${n}|${names.join(',')}|}` : `\${${n}:${fallback}}`;
}

interface EventSnippet {
  label: string;
  detail: string;
  body: (c: { clients: string[]; nodes: string[]; keys: string[] }) => string;
}

const client = (clients: string[]) => (clients.length > 1 ? `client: ${choice(2, clients, 'alice')}, ` : '');
const key = (keys: string[], n: number) => choice(n, keys, 'key');

export const EVENT_SNIPPETS: EventSnippet[] = [
  {
    label: 'write',
    detail: 'A client writes a value',
    body: (c) =>
      `{ at: \${1:0ms}, ${client(c.clients)}write: { key: ${key(c.keys, 3)}, value: \${4:value} } }`,
  },
  {
    label: 'read',
    detail: 'A client reads a key, with an id for `expect`',
    body: (c) => `{ at: \${1:10ms}, ${client(c.clients)}read: ${key(c.keys, 3)}, id: \${4:read-1} }`,
  },
  {
    label: 'delete',
    detail: 'A client deletes a key',
    body: (c) => `{ at: \${1:10ms}, ${client(c.clients)}delete: ${key(c.keys, 3)} }`,
  },
  {
    label: 'increment',
    detail: 'A client increments a counter (CRDT counter key)',
    body: (c) => `{ at: \${1:10ms}, ${client(c.clients)}increment: { key: ${key(c.keys, 3)}, by: \${4:1} } }`,
  },
  {
    label: 'crash',
    detail: 'A node crashes, keeping its disk',
    body: (c) => `{ at: \${1:10ms}, crash: ${choice(2, c.nodes, 'node')} }`,
  },
  {
    label: 'crash (disk lost)',
    detail: 'A node crashes and loses its disk',
    body: (c) => `{ at: \${1:10ms}, crash: { node: ${choice(2, c.nodes, 'node')}, disk: lost } }`,
  },
  {
    label: 'recover',
    detail: 'A crashed node comes back',
    body: (c) => `{ at: \${1:50ms}, recover: ${choice(2, c.nodes, 'node')} }`,
  },
  {
    label: 'partition',
    detail: 'Split the network into groups',
    body: (c) =>
      `{ at: \${1:10ms}, partition: [[${c.nodes.slice(0, Math.ceil(c.nodes.length / 2)).join(', ') || tab(2, 'a')}], [${c.nodes.slice(Math.ceil(c.nodes.length / 2)).join(', ') || tab(3, 'b')}]] }`,
  },
  {
    label: 'cut',
    detail: 'Cut one direction of a link',
    body: (c) => `{ at: \${1:10ms}, cut: "${choice(2, c.nodes, 'a')} -> ${choice(3, c.nodes, 'b')}" }`,
  },
  {
    label: 'heal',
    detail: 'Heal every partition and cut',
    body: () => `{ at: ${tab(1, '50ms')}, heal: all }`,
  },
  {
    label: 'skew',
    detail: 'Move a node’s physical clock',
    body: (c) => `{ at: \${1:10ms}, skew: { node: ${choice(2, c.nodes, 'node')}, offset: \${3:50ms} } }`,
  },
  {
    label: 'addNode',
    detail: 'Add a follower (snapshot + catch-up)',
    body: () =>
      `{ at: ${tab(1, '50ms')}, addNode: { id: ${tab(2, 'f3')}, as: ${choice(3, ['follower', 'leader', 'replica'], '')} } }`,
  },
  {
    label: 'failover',
    detail: 'Manual failover: promote a follower',
    body: (c) => `{ at: \${1:50ms}, failover: ${choice(2, c.nodes, 'f1')} }`,
  },
  {
    label: 'offline',
    detail: 'A client goes offline (keeps a local replica)',
    body: (c) => `{ at: \${1:10ms}, offline: ${choice(2, c.clients, 'alice')} }`,
  },
  {
    label: 'online',
    detail: 'An offline client reconnects',
    body: (c) => `{ at: \${1:50ms}, online: ${choice(2, c.clients, 'alice')} }`,
  },
];

function eventSnippets(ids: DocumentIds, linePrefix: string, range: vscode.Range): vscode.CompletionItem[] {
  const names = (kind: RefKind) => idsOfKind(ids, kind).map((d) => d.name);
  const ctx = { clients: names('client'), nodes: names('node'), keys: names('key') };
  const dash = /-\s*$/.test(linePrefix) ? '' : '- ';
  return EVENT_SNIPPETS.map((s) => {
    const item = new vscode.CompletionItem(`${s.label} event`, vscode.CompletionItemKind.Snippet);
    item.detail = s.detail;
    item.insertText = new vscode.SnippetString(`${dash}${s.body(ctx)}`);
    item.range = range;
    item.sortText = `2${s.label}`;
    return item;
  });
}

/** Keys already written in the map the cursor is in (flow or block), so they are not offered again. */
function siblingKeys(text: string, offset: number): Set<string> {
  const out = new Set<string>();
  // Flow map on this line: keys between the nearest unclosed `{` and the cursor's `}`.
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset) < 0 ? text.length : text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd);
  const col = offset - lineStart;
  let depth = 0;
  let open = -1;
  for (let i = col - 1; i >= 0; i--) {
    if (line[i] === '}') depth++;
    else if (line[i] === '{') {
      if (depth === 0) {
        open = i;
        break;
      }
      depth--;
    }
  }
  if (open >= 0) {
    let close = line.length;
    depth = 0;
    for (let i = open + 1; i < line.length; i++) {
      if (line[i] === '{') depth++;
      else if (line[i] === '}') {
        if (depth === 0) {
          close = i;
          break;
        }
        depth--;
      }
    }
    let nested = 0;
    const body = line.slice(open + 1, close);
    for (const m of body.matchAll(/[{}]|([A-Za-z][\w.-]*)\s*:/g)) {
      if (m[0] === '{') nested++;
      else if (m[0] === '}') nested--;
      else if (nested === 0 && m[1]) out.add(m[1]);
    }
    return out;
  }
  // Block map: keys at this line's indentation above and below, until a shallower line.
  const indent = /^(\s*)(?:-\s+)?/.exec(line)?.[0].length ?? 0;
  const lines = text.split('\n');
  const here = text.slice(0, lineStart).split('\n').length - 1;
  const scan = (from: number, step: number) => {
    for (let i = from; i >= 0 && i < lines.length; i += step) {
      const l = lines[i] as string;
      if (!l.trim() || l.trim().startsWith('#')) continue;
      const m = /^(\s*)(-\s+)?([A-Za-z][\w.-]*)\s*:/.exec(l);
      const ind = /^\s*/.exec(l)?.[0].length ?? 0;
      const keyCol = m ? (m[1] as string).length + (m[2]?.length ?? 0) : ind;
      if (keyCol < indent) break;
      if (keyCol === indent && m) out.add(m[3] as string);
      if (m?.[2] && step < 0 && keyCol === indent) break; // the item's first key
      if (m?.[2] && step > 0) break; // the next item
    }
  };
  scan(here - 1, -1);
  scan(here + 1, 1);
  return out;
}

export class ScenarioCompletion implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = [':', ' ', '[', '{', ',', '-'];

  provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const text = doc.getText();
    const offset = doc.offsetAt(position);
    const loc = locateAt(text, offset);
    const ids = documentIds(text);
    // Replace what is under the cursor; inside a longer scalar ("a -> b") only the word there.
    const whole = toRange(loc.range);
    const range =
      /^[A-Za-z0-9_.-]*$/.test(loc.text) && whole.start.line === whole.end.line
        ? whole
        : (doc.getWordRangeAtPosition(position, /[A-Za-z0-9_.-]+/) ?? new vscode.Range(position, position));
    const linePrefix = doc.lineAt(position.line).text.slice(0, position.character);
    // A new, still empty events item (`  - |`): the event snippets.
    if (loc.path[0] === 'events' && loc.path.length === 2 && !loc.text && /^\s*-\s*$/.test(linePrefix))
      return eventSnippets(ids, linePrefix, range);
    // `crash: |` inside a flow map parses as a key without a value: complete the value.
    const emptyValue = loc.on === 'key' && !loc.text ? /([A-Za-z][\w.-]*)\s*:\s*$/.exec(linePrefix) : null;
    if (emptyValue)
      return this.values({ ...loc, path: [...loc.path.slice(0, -1), emptyValue[1] as string] }, ids, range);
    return loc.on === 'key'
      ? this.keys(loc, ids, range, linePrefix, text, offset)
      : this.values(loc, ids, range);
  }

  private keys(
    loc: CursorLocation,
    ids: DocumentIds,
    range: vscode.Range,
    linePrefix: string,
    text: string,
    offset: number,
  ): vscode.CompletionItem[] {
    const eventsBlank =
      loc.path.length === 1 && /^\s+-?\s*$/.test(linePrefix) && lastSection(text, offset) === 'events';
    if (eventsBlank) return eventSnippets(ids, linePrefix, range);
    const mapPath = loc.path.slice(0, -1);
    const { keys, named } = keysAt(mapPath, loc.replication);
    const written = siblingKeys(text, offset);
    written.delete(loc.text);
    const out: vscode.CompletionItem[] = [];
    for (const k of keys) {
      if (written.has(k.key)) continue;
      const item = new vscode.CompletionItem(k.key, vscode.CompletionItemKind.Property);
      item.detail = k.doc;
      const doc = markdown(hoverAt([...mapPath, k.key]));
      if (doc) item.documentation = doc;
      item.insertText = `${k.key}: `;
      item.range = range;
      item.sortText = `${k.required ? '0' : '1'}${k.key}`;
      out.push(item);
    }
    if (named?.ref && !(named as { declares?: boolean }).declares)
      out.push(...idItems(ids, named.ref, range, ': '));
    const inEventsList = mapPath[0] === 'events' && mapPath.length <= 2 && /^\s*-?\s*$/.test(linePrefix);
    if (inEventsList) out.push(...eventSnippets(ids, linePrefix, range));
    return out;
  }

  private values(loc: CursorLocation, ids: DocumentIds, range: vscode.Range): vscode.CompletionItem[] {
    const out: vscode.CompletionItem[] = [];
    for (const v of valuesAt(loc.path)) {
      const item = new vscode.CompletionItem(v.value, vscode.CompletionItemKind.EnumMember);
      item.detail = v.doc;
      item.range = range;
      item.sortText = `0${v.value}`;
      out.push(item);
    }
    const ref = refAt(loc.path);
    if (ref) out.push(...idItems(ids, ref, range));
    return out;
  }
}

/** The top-level section the offset is in (the last unindented key above it). */
function lastSection(text: string, offset: number): string | undefined {
  const above = text.slice(0, offset).split('\n');
  for (let i = above.length - 2; i >= 0; i--) {
    const m = /^([A-Za-z][\w.-]*)\s*:/.exec(above[i] as string);
    if (m) return m[1];
  }
  return undefined;
}

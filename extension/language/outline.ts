// Document symbols (Outline view, breadcrumbs, Go to Symbol): the sections, the nodes and clients,
// each event as "at 10ms: crash n3", each expectation.

import * as vscode from 'vscode';
import { isMap, isScalar, isSeq, LineCounter, type Node, type Pair, parseDocument } from 'yaml';
import { CLIENT_ACTIONS, FAULT_ACTIONS } from '../../engine/scenario/schema';

const SECTION_KIND: Record<string, vscode.SymbolKind> = {
  cluster: vscode.SymbolKind.Module,
  network: vscode.SymbolKind.Module,
  clocks: vscode.SymbolKind.Module,
  storage: vscode.SymbolKind.Module,
  clients: vscode.SymbolKind.Module,
  events: vscode.SymbolKind.Event,
  expect: vscode.SymbolKind.Boolean,
  run: vscode.SymbolKind.Module,
};

const ACTIONS: readonly string[] = [...CLIENT_ACTIONS, ...FAULT_ACTIONS];

/** A short, one-line rendering of a YAML value. */
function brief(node: Node | null | undefined, text: string): string {
  if (!node?.range) return '';
  const s = text.slice(node.range[0], node.range[1]).replace(/\s+/g, ' ').trim();
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

/** "at 10ms: client alice write { key: cart, value: milk }" for one events item. */
export function eventLabel(item: Node, text: string): string {
  if (!isMap(item)) return brief(item, text);
  const get = (k: string) =>
    item.items.find((p) => isScalar(p.key) && p.key.value === k) as Pair<Node, Node> | undefined;
  const time = get('at')
    ? `at ${brief(get('at')?.value, text)}`
    : get('after')
      ? `after ${brief(get('after')?.value, text)}`
      : '';
  const client = get('client') ? `${brief(get('client')?.value, text)} ` : '';
  const action = ACTIONS.find((a) => get(a));
  const what = action ? `${client}${action} ${brief(get(action)?.value, text)}`.trim() : brief(item, text);
  return time ? `${time}: ${what}` : what;
}

export class ScenarioOutline implements vscode.DocumentSymbolProvider {
  provideDocumentSymbols(doc: vscode.TextDocument): vscode.DocumentSymbol[] {
    const text = doc.getText();
    const lines = new LineCounter();
    let root: Node | null;
    try {
      root = parseDocument(text, { lineCounter: lines, prettyErrors: false }).contents as Node | null;
    } catch {
      return [];
    }
    if (!isMap(root)) return [];
    const range = (start: number, end: number) => {
      let e = end;
      while (e > start && /\s/.test(text[e - 1] as string)) e--;
      return new vscode.Range(doc.positionAt(start), doc.positionAt(e));
    };
    const out: vscode.DocumentSymbol[] = [];
    for (const pair of root.items as Pair<Node, Node>[]) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const name = String(pair.key.value);
      const value = pair.value;
      const end = value?.range?.[1] ?? pair.key.range[1];
      const detail = name === 'scenario' || name === 'seed' ? brief(value, text) : '';
      const symbol = new vscode.DocumentSymbol(
        name,
        detail,
        SECTION_KIND[name] ?? vscode.SymbolKind.Property,
        range(pair.key.range[0], end),
        range(pair.key.range[0], pair.key.range[1]),
      );
      if (name === 'events' && isSeq(value)) {
        for (const item of value.items as Node[])
          if (item?.range)
            symbol.children.push(
              this.leaf(eventLabel(item, text), vscode.SymbolKind.Event, range(item.range[0], item.range[1])),
            );
      } else if (name === 'expect' && isSeq(value)) {
        for (const item of value.items as Node[])
          if (item?.range)
            symbol.children.push(
              this.leaf(brief(item, text), vscode.SymbolKind.Boolean, range(item.range[0], item.range[1])),
            );
      } else if (name === 'clients' && isMap(value)) {
        for (const p of value.items as Pair<Node, Node>[])
          if (isScalar(p.key) && p.key.range)
            symbol.children.push(
              this.leaf(
                String(p.key.value),
                vscode.SymbolKind.Object,
                range(p.key.range[0], p.value?.range?.[1] ?? p.key.range[1]),
              ),
            );
      } else if (name === 'cluster' && isMap(value)) {
        const nodes = value.items.find((p) => isScalar(p.key) && p.key.value === 'nodes')?.value as
          | Node
          | undefined;
        if (isSeq(nodes))
          for (const n of nodes.items as Node[]) {
            const id = isScalar(n)
              ? n
              : isMap(n)
                ? (n.items.find((p) => isScalar(p.key) && p.key.value === 'id')?.value as Node)
                : undefined;
            if (isScalar(id) && id.range && n.range)
              symbol.children.push(
                this.leaf(String(id.value), vscode.SymbolKind.Object, range(n.range[0], n.range[1])),
              );
          }
      }
      out.push(symbol);
    }
    return out;
  }

  private leaf(name: string, kind: vscode.SymbolKind, r: vscode.Range): vscode.DocumentSymbol {
    return new vscode.DocumentSymbol(name || '(empty)', '', kind, r, r);
  }
}

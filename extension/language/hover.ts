// Hovers: each setting explained from the schema; w/r/n with whether w + r > n holds in this file;
// anomaly names explained; an id shows where it is declared.

import * as vscode from 'vscode';
import { parse } from 'yaml';
import { documentIds, locateAt } from '../../engine/scenario/locate';
import type { Scenario } from '../../engine/scenario/model';
import { ANOMALIES } from '../../engine/scenario/schema';
import { hoverAt, schemaAt, valueDocAt } from '../../engine/scenario/schemaQuery';
import { analyze } from './analysis';
import { type Quorum, quorumExplanation } from './quorum';
import { toRange } from './ranges';
import { occurrencesAt } from './symbols';

const KIND_NAME = {
  node: 'node',
  client: 'client',
  actor: 'node or client',
  key: 'data key',
  op: 'operation',
  shard: 'shard',
};

function idHover(
  doc: vscode.TextDocument,
  position: vscode.Position,
  scenario: Scenario | undefined,
): vscode.Hover | undefined {
  const found = occurrencesAt(doc, position);
  if (!found) return undefined;
  const { at, all } = found;
  const decls = all.filter((o) => o.declaration);
  const kind = decls[0]
    ? documentIds(doc.getText()).clients.some((c) => c.name === at.name)
      ? 'client'
      : at.kind
    : at.kind;
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${KIND_NAME[kind]}** \`${at.name}\``);
  const role = scenario ? roleOf(scenario, at.name) : undefined;
  if (role) md.appendMarkdown(` — ${role}`);
  md.appendMarkdown('\n\n');
  if (decls.length) {
    for (const d of decls) {
      md.appendMarkdown(`Declared on line ${d.range.line}:\n`);
      md.appendCodeblock(doc.lineAt(d.range.line - 1).text.trim(), 'replication-scenario');
    }
  } else if (at.kind === 'key') {
    md.appendMarkdown('A data key: keys need no declaration.\n\n');
  } else {
    md.appendMarkdown('Not declared in this file.\n\n');
  }
  const uses = all.filter((o) => !o.declaration).length;
  md.appendMarkdown(`Used ${uses} time${uses === 1 ? '' : 's'}.`);
  return new vscode.Hover(md, toRange(at.range));
}

/** What the scenario makes of a node or client, in a few words. */
function roleOf(s: Scenario, id: string): string | undefined {
  const c = s.cluster;
  if (s.clients.some((x) => x.id === id)) {
    const cl = s.clients.find((x) => x.id === id);
    return cl ? `connects to \`${cl.node}\`` : undefined;
  }
  if (c.replication === 'single-leader') {
    if (c.leader === id) return 'the initial leader';
    const f = c.followers?.[id];
    if (f) return f === 'sync' ? 'a synchronous follower' : 'an asynchronous follower';
  }
  if (c.nodes.some((n) => n.id === id)) return `a ${c.replication} replica`;
  return undefined;
}

export class ScenarioHover implements vscode.HoverProvider {
  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const text = doc.getText();
    const offset = doc.offsetAt(position);
    const loc = locateAt(text, offset);
    if (!loc.text) return undefined;
    const range = toRange(loc.range);
    const { scenario } = analyze(doc);
    const last = loc.path[loc.path.length - 1];
    if (loc.on === 'value') {
      const id = idHover(doc, position, scenario);
      if (id) return id;
      const anomaly = ANOMALIES.find(([name]) => name === loc.text);
      if (anomaly && (last === 'anomaly' || last === 'no'))
        return new vscode.Hover(
          new vscode.MarkdownString(`**anomaly** \`${anomaly[0]}\`: ${anomaly[1]}`),
          range,
        );
      const valueDoc = valueDocAt(loc.path, loc.text);
      if (valueDoc) {
        const md = new vscode.MarkdownString(`\`${loc.text}\`: ${valueDoc}`);
        const keyDoc = schemaAt(loc.path)?.doc;
        if (keyDoc && keyDoc !== valueDoc) md.appendMarkdown(`\n\n*${String(last)}*: ${keyDoc}`);
        return new vscode.Hover(md, range);
      }
      if (anomaly)
        return new vscode.Hover(
          new vscode.MarkdownString(`**anomaly** \`${anomaly[0]}\`: ${anomaly[1]}`),
          range,
        );
    } else {
      // A user-named key that is an id (clients: alice, clocks: n2, followers: f1).
      const id = idHover(doc, position, scenario);
      if (id && !schemaKeyIsFixed(loc.path)) return id;
    }
    const base = hoverAt(loc.path);
    if (!base) return undefined;
    const md = new vscode.MarkdownString(base);
    if (
      loc.path.length === 2 &&
      loc.path[0] === 'cluster' &&
      (last === 'w' || last === 'r' || last === 'n')
    ) {
      const c = scenario?.cluster;
      const q =
        c?.replication === 'leaderless'
          ? { n: c.n, w: c.w, r: c.r, sloppy: c.sloppyQuorum }
          : writtenQuorum(text);
      if (q) md.appendMarkdown(`\n\n---\n\n${quorumExplanation(q)}`);
    }
    return new vscode.Hover(md, range);
  }
}

/** Whether the last segment of `path` is a fixed schema key (as opposed to a user-named one). */
function schemaKeyIsFixed(path: readonly (string | number)[]): boolean {
  const parent = schemaAt(path.slice(0, -1));
  if (!parent) return false;
  const key = path[path.length - 1];
  const props = (parent as { properties?: Record<string, unknown> }).properties;
  return !!props && typeof key === 'string' && Object.hasOwn(props, key);
}

/** n, w and r as written (defaults where missing), for a file that does not parse as a whole yet. */
function writtenQuorum(text: string): Quorum | undefined {
  let cluster: unknown;
  try {
    cluster = (parse(text) as { cluster?: unknown } | null)?.cluster;
  } catch {
    return undefined;
  }
  if (!cluster || typeof cluster !== 'object') return undefined;
  const c = cluster as Record<string, unknown>;
  const value = (k: 'n' | 'w' | 'r'): number | undefined => {
    const v = c[k] ?? schemaAt(['cluster', k])?.default;
    return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined;
  };
  const n = value('n');
  const w = value('w');
  const r = value('r');
  if (n === undefined || w === undefined || r === undefined) return undefined;
  return { n, w, r, sloppy: c.sloppyQuorum === true };
}

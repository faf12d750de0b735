// parseScenario: YAML text -> validated, normalized Scenario plus diagnostics. Never throws.

import { type Document, isMap, isScalar, parseDocument } from 'yaml';
import { asMap, asSeq, type CheckedMap, entry, type SymbolOccurrence } from './checked';
import { normalizeCluster } from './cluster';
import { type Diagnostic, hasErrors, sortDiagnostics } from './diagnostics';
import { checkTimeline, normalizeEvents } from './events';
import { normalizeExpect } from './expect';
import type { Replication, Scenario } from './model';
import { type NormalizeContext, read, sub } from './normalizeContext';
import { type AddClientFix, checkReferences } from './references';
import { REPLICATIONS, SCENARIO_SCHEMA } from './schema';
import {
  checkNetworkReachable,
  normalizeClients,
  normalizeClocks,
  normalizeNetwork,
  normalizeRun,
  normalizeStorage,
} from './sections';
import { SourceText } from './source';
import { check, report, type ValidateContext } from './validate';

export interface ScenarioAnalysis {
  scenario?: Scenario;
  diagnostics: Diagnostic[];
  /** Every identifier written in the file (declarations and references), in file order. */
  symbols: SymbolOccurrence[];
  /** The parsed YAML document (for editor features). */
  document?: Document.Parsed;
  source: SourceText;
}

export function parseScenario(
  text: string,
  file?: string,
): { scenario?: Scenario; diagnostics: Diagnostic[] } {
  const { scenario, diagnostics } = analyzeScenario(text, file);
  return scenario ? { scenario, diagnostics } : { diagnostics };
}

/** parseScenario plus what editor features need: identifiers with their places, the YAML document. */
export function analyzeScenario(text: string, file?: string): ScenarioAnalysis {
  const input = typeof text === 'string' ? text : String(text ?? '');
  const source = new SourceText(input);
  try {
    return analyze(input, source, file);
  } catch (e) {
    // A bug of ours must not take the editor or the CLI down: report it where the user looks.
    const diagnostics: Diagnostic[] = [];
    report(
      { src: source, file, diagnostics },
      'error',
      'internal',
      [0, 0],
      `internal error while reading the scenario: ${e instanceof Error ? e.message : String(e)}`,
    );
    return { diagnostics, symbols: [], source };
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function replicationOf(doc: Document.Parsed): Replication | undefined {
  const root = doc.contents;
  if (!isMap(root)) return undefined;
  const cluster = root.get('cluster', true);
  if (!isMap(cluster)) return undefined;
  const r = cluster.get('replication', true);
  const v = isScalar(r) ? r.value : undefined;
  return REPLICATIONS.some(([name]) => name === v) ? (v as Replication) : undefined;
}

function analyze(text: string, source: SourceText, file: string | undefined): ScenarioAnalysis {
  const diagnostics: Diagnostic[] = [];
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true });
  const base = { src: source, file, diagnostics };
  for (const e of doc.errors) report(base, 'error', 'yaml-syntax', e.pos, firstLine(e.message));
  for (const w of doc.warnings) report(base, 'warning', 'yaml-warning', w.pos, firstLine(w.message));
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    if (doc.errors.length === 0) {
      report(
        base,
        'error',
        'empty',
        [0, 0],
        'the file is empty: a scenario needs `scenario`, `cluster` and `events`',
      );
    }
    return { diagnostics: sortDiagnostics(diagnostics), symbols: [], document: doc, source };
  }
  const vctx: ValidateContext = {
    src: source,
    doc,
    file,
    replication: replicationOf(doc),
    diagnostics,
    symbols: [],
    depth: 0,
    aliasBudget: 10_000,
  };
  const root = asMap(check(doc.contents, SCENARIO_SCHEMA, { label: '', keyRange: [0, 0] }, vctx));
  const symbols = dedupe(vctx.symbols);
  if (!root) return { diagnostics: sortDiagnostics(diagnostics), symbols, document: doc, source };

  const ctx: NormalizeContext = { src: source, file, diagnostics, symbols };
  const scenario = normalize(root, source, ctx);
  const result: ScenarioAnalysis = {
    diagnostics: sortDiagnostics(diagnostics),
    symbols,
    document: doc,
    source,
  };
  if (!hasErrors(diagnostics)) result.scenario = scenario;
  return result;
}

function dedupe(symbols: SymbolOccurrence[]): SymbolOccurrence[] {
  // An anchored subtree is checked once per alias; keep one occurrence per place.
  const seen = new Set<string>();
  const out: SymbolOccurrence[] = [];
  for (const s of symbols) {
    const id = `${s.start}:${s.end}:${s.kind}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(s);
  }
  return out.sort((a, b) => a.start - b.start);
}

function normalize(root: CheckedMap, source: SourceText, ctx: NormalizeContext): Scenario {
  const clusterMap = sub(root, 'cluster');
  const cluster = normalizeCluster(clusterMap, ctx);
  const clients = normalizeClients(sub(root, 'clients'), cluster, ctx);
  const addClientFix = makeAddClientFix(root, source, cluster.nodes[0]?.id ?? 'n1');
  const eventsSeq = asSeq(entry(root, 'events'));
  const familyKnown = entry(clusterMap, 'replication') !== undefined;
  const events = normalizeEvents(
    { events: eventsSeq, cluster, clients, root, addClientFix, familyKnown },
    ctx,
  );
  const networkMap = sub(root, 'network');
  const network = normalizeNetwork(networkMap, ctx);
  const run = normalizeRun(sub(root, 'run'));
  const scenario: Scenario = {
    title: read<string | undefined>(root, 'scenario') ?? '',
    seed: read<number>(root, 'seed'),
    cluster,
    network,
    clocks: normalizeClocks(sub(root, 'clocks')),
    storage: normalizeStorage(sub(root, 'storage')),
    clients,
    events,
    run,
    expect: normalizeExpect(asSeq(entry(root, 'expect')), events, ctx),
  };
  const description = read<string | undefined>(root, 'description');
  if (description !== undefined) scenario.description = description;
  if (ctx.file !== undefined) scenario.file = ctx.file;

  checkReferences(ctx.symbols, ctx, addClientFix);
  checkTimeline(events, eventsSeq, cluster, run.until, ctx);
  checkNetworkReachable(
    networkMap,
    network,
    [...cluster.nodes.map((n) => n.id), ...clients.map((c) => c.id)],
    ctx,
  );
  return scenario;
}

/** The edit that declares a missing client: a line under `clients:`, or a new `clients:` section. */
function makeAddClientFix(root: CheckedMap, src: SourceText, node: string): AddClientFix {
  return (name) => {
    const decl = `${name}: { node: ${node} }`;
    const clientsKey = root.allKeys.get('clients');
    const clientsMap = sub(root, 'clients')?.node;
    const text = src.text;
    if (clientsKey && clientsMap?.flow) {
      const last = clientsMap.items[clientsMap.items.length - 1];
      const lastNode = (last?.value ?? last?.key) as { range?: [number, number, number] } | null | undefined;
      if (lastNode?.range)
        return { title: '', replacement: `, ${decl}`, at: [lastNode.range[1], lastNode.range[1]] };
      const close = (clientsMap.range?.[1] ?? 0) - 1;
      return text[close] === '}' ? { title: '', replacement: ` ${decl} `, at: [close, close] } : undefined;
    }
    if (clientsKey && clientsMap && clientsMap.items.length > 0) {
      const last = clientsMap.items[clientsMap.items.length - 1];
      const firstKey = clientsMap.items[0].key as { range?: [number, number, number] } | null;
      const indent = firstKey?.range
        ? ' '.repeat(src.range(firstKey.range[0], firstKey.range[0]).col - 1)
        : '  ';
      const lastNode = (last.value ?? last.key) as { range?: [number, number, number] } | null;
      const end = lastNode?.range?.[1] ?? clientsMap.range?.[1] ?? text.length;
      const lineEnd = src.lineEnd(src.line(end > 0 ? end - 1 : 0));
      return { title: '', replacement: `\n${indent}${decl}`, at: [lineEnd, lineEnd] };
    }
    if (clientsKey) {
      const lineEnd = src.lineEnd(src.line(clientsKey[0]));
      return { title: '', replacement: `\n  ${decl}`, at: [lineEnd, lineEnd] };
    }
    const eventsKey = root.allKeys.get('events');
    if (eventsKey && src.range(eventsKey[0], eventsKey[0]).col === 1) {
      const at = eventsKey[0];
      return { title: '', replacement: `clients:\n  ${decl}\n`, at: [at, at] };
    }
    const end = text.length;
    return {
      title: '',
      replacement: `${text.endsWith('\n') || end === 0 ? '' : '\n'}clients:\n  ${decl}\n`,
      at: [end, end],
    };
  };
}

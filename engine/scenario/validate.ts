// Checks a YAML tree against the schema description (schema.ts): types, allowed values, unknown
// keys (with "did you mean"), required keys, keys of another replication family. Produces the
// checked tree the normalizer reads, and every identifier occurrence for the semantic checks.

import {
  type Alias,
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';
import type { Value } from '../../traces/types';
import type { Checked, CheckedMap, CheckedSeq, Offsets, SymbolOccurrence } from './checked';
import type { Diagnostic, DiagnosticFix, Severity } from './diagnostics';
import type { Replication } from './model';
import { DEFINITIONS } from './schema';
import type { ArrayType, ObjectType, RefKind, SchemaType, UnionType } from './schemaTypes';
import type { SourceText } from './source';
import { closest, listAnd, listOr } from './suggest';
import { isIdentifier, type LinkSpec, parseDuration, parseLink, parseRange } from './syntax';

export interface ValidateContext {
  src: SourceText;
  doc: Document.Parsed;
  file?: string;
  replication?: Replication;
  diagnostics: Diagnostic[];
  symbols: SymbolOccurrence[];
  /** Alias expansion depth, to stop self-referencing anchors. */
  depth: number;
  /** Alias expansions left, to stop exponential ("billion laughs") documents. */
  aliasBudget: number;
}

const MAX_ALIAS_DEPTH = 20;

export function report(
  ctx: Pick<ValidateContext, 'src' | 'file' | 'diagnostics'>,
  severity: Severity,
  code: string,
  at: Offsets,
  message: string,
  fix?: { title: string; replacement: string; at: Offsets },
): Diagnostic {
  const d: Diagnostic = { ...ctx.src.range(at[0], at[1]), severity, message, code };
  if (ctx.file !== undefined) d.file = ctx.file;
  if (fix) {
    const f: DiagnosticFix = {
      title: fix.title,
      replacement: fix.replacement,
      range: ctx.src.range(fix.at[0], fix.at[1]),
    };
    d.fix = f;
  }
  ctx.diagnostics.push(d);
  return d;
}

export function resolveType(t: SchemaType): SchemaType {
  let r = t;
  for (let i = 0; r.kind === 'ref' && i < 10; i++) {
    const def = DEFINITIONS[r.name];
    if (!def) break;
    r = def;
  }
  return r;
}

function rangeOf(node: Node | null | undefined, fallback: Offsets): Offsets {
  const r = node?.range;
  if (!r || r[1] <= r[0]) return fallback;
  return [r[0], r[1]];
}

const REF_WHAT: Record<RefKind, string> = {
  node: 'a node id',
  client: 'a client name',
  actor: 'a node or client id',
  key: 'a data key',
  op: 'an op id',
  shard: 'a shard name',
};

function describe(t: SchemaType): string {
  switch (t.kind) {
    case 'string':
      return t.ref ? REF_WHAT[t.ref] : 'a string';
    case 'enum':
      return t.values.length === 1 ? t.values[0].value : `one of ${t.values.map((v) => v.value).join(', ')}`;
    case 'number': {
      const base = t.integer ? 'an integer' : 'a number';
      if (t.min !== undefined && t.max !== undefined) return `${base} between ${t.min} and ${t.max}`;
      if (t.min !== undefined) return `${base} ≥ ${t.min}`;
      if (t.above !== undefined) return `${base} > ${t.above}`;
      return base;
    }
    case 'boolean':
      return t.only === undefined ? 'true or false' : String(t.only);
    case 'duration':
      return `a ${t.signed ? '' : t.positive ? 'positive ' : 'non-negative '}duration such as 5ms, 250us or 1.5s`;
    case 'range':
      return 'a range such as 2ms..20ms';
    case 'link':
      return t.both ? 'a link such as "a -> b" or "a <-> b"' : 'a one-way link such as "a -> b"';
    case 'value':
      return 'a value (a scalar or a list)';
    case 'object':
      return 'a map';
    case 'array':
      return 'a list';
    case 'union':
      return t.what;
    case 'ref':
      return describe(resolveType(t));
  }
}

function show(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

function familiesText(f: readonly Replication[]): string {
  return `${listOr([...f])} clusters`;
}

function reportUnknownAnchor(ctx: ValidateContext, alias: Alias, keyRange: Offsets): void {
  report(
    ctx,
    'error',
    'alias',
    rangeOf(alias, keyRange),
    `alias *${alias.source} refers to no anchor: define &${alias.source} on a value before this line, or write the value here`,
  );
}

/** Converts a node to a data value, reporting maps (values are scalars or lists). */
function toValue(node: Node | null, ctx: ValidateContext, label: string): Value | undefined {
  if (node === null || node === undefined) return null;
  if (isAlias(node)) {
    if (ctx.depth > MAX_ALIAS_DEPTH || ctx.aliasBudget-- <= 0) {
      report(ctx, 'error', 'alias', rangeOf(node, [0, 0]), 'aliases nest too deeply or expand too much');
      return undefined;
    }
    const target = node.resolve(ctx.doc);
    if (!target) {
      reportUnknownAnchor(ctx, node, [0, 0]);
      return undefined;
    }
    ctx.depth++;
    const v = toValue(target as Node, ctx, label);
    ctx.depth--;
    return v;
  }
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'bigint') return Number(v);
    report(
      ctx,
      'error',
      'type',
      rangeOf(node, [0, 0]),
      `\`${label}\`: ${show(String(v))} is not a plain value`,
    );
    return undefined;
  }
  if (isSeq(node)) {
    const out: Value[] = [];
    let ok = true;
    for (const item of node.items) {
      const v = toValue(item as Node | null, ctx, label);
      if (v === undefined) ok = false;
      else out.push(v);
    }
    return ok ? out : undefined;
  }
  report(
    ctx,
    'error',
    'type',
    rangeOf(node, [0, 0]),
    `\`${label}\` must be a scalar or a list: maps are not values (write a list, e.g. [milk, eggs])`,
  );
  return undefined;
}

interface Place {
  label: string;
  /** Where to point when the node itself has no useful range (an empty value): its key. */
  keyRange: Offsets;
}

export function check(node: Node | null | undefined, type: SchemaType, place: Place, ctx: ValidateContext) {
  return checkNode(node ?? null, type, place, ctx);
}

function checkNode(
  node: Node | null,
  type: SchemaType,
  place: Place,
  ctx: ValidateContext,
): Checked | undefined {
  if (node && isAlias(node)) {
    if (ctx.depth >= MAX_ALIAS_DEPTH || ctx.aliasBudget <= 0) {
      report(
        ctx,
        'error',
        'alias',
        rangeOf(node, place.keyRange),
        'aliases nest too deeply or expand too much',
      );
      return undefined;
    }
    ctx.aliasBudget--;
    const target = node.resolve(ctx.doc);
    if (!target) {
      // The YAML parser accepts an alias to no anchor (it only fails when converting to data).
      reportUnknownAnchor(ctx, node, place.keyRange);
      return undefined;
    }
    ctx.depth++;
    try {
      return checkNode(target as Node, type, place, ctx);
    } finally {
      ctx.depth--;
    }
  }
  const t = resolveType(type);
  const range = rangeOf(node, place.keyRange);
  switch (t.kind) {
    case 'object':
      return checkObject(node, t, place, ctx);
    case 'array':
      return checkArray(node, t, place, ctx);
    case 'union':
      return checkUnion(node, t, place, ctx);
    case 'value': {
      const v = toValue(node, ctx, place.label);
      return v === undefined ? undefined : { kind: 'data', value: v, range, schema: t };
    }
    default:
      break;
  }
  if (node !== null && !isScalar(node)) {
    const what = isMap(node) ? 'a map' : isSeq(node) ? 'a list' : 'this';
    report(ctx, 'error', 'type', range, `\`${place.label}\` must be ${describe(t)}, not ${what}`);
    return undefined;
  }
  const raw = node === null ? null : node.value;
  if (raw === null || raw === undefined) {
    report(ctx, 'error', 'missing-value', range, `\`${place.label}\` needs a value: ${describe(t)}`);
    return undefined;
  }
  if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
    report(ctx, 'error', 'type', range, `\`${place.label}\` must be ${describe(t)}`);
    return undefined;
  }
  const ok = (parsed: unknown): Checked => ({ kind: 'scalar', value: raw, parsed, range, schema: t });
  const bad = (message: string, code = 'type') => {
    report(ctx, 'error', code, range, message);
    return undefined;
  };
  switch (t.kind) {
    case 'string': {
      if (!t.ref) return typeof raw === 'string' ? ok(raw) : ok(String(raw));
      if (typeof raw !== 'string' || !isIdentifier(raw)) {
        return bad(
          `\`${place.label}\` must be ${describe(t)}: "${show(String(raw))}" is not an identifier (a letter, then letters, digits, _ . -)`,
          'bad-identifier',
        );
      }
      ctx.symbols.push({
        kind: t.ref,
        name: raw,
        start: range[0],
        end: range[1],
        declares: t.declares === true,
        key: place.label,
      });
      return ok(raw);
    }
    case 'enum': {
      const allowed = t.values.map((v) => v.value);
      if (typeof raw === 'string' && allowed.includes(raw)) return ok(raw);
      const guess = closest(String(raw), allowed);
      const msg = `\`${place.label}\` must be one of ${allowed.join(', ')}${guess ? `; did you mean ${guess}?` : ''}`;
      report(
        ctx,
        'error',
        'bad-value',
        range,
        msg,
        guess ? { title: `Change to ${guess}`, replacement: guess, at: range } : undefined,
      );
      return undefined;
    }
    case 'number': {
      if (typeof raw !== 'number' || !Number.isFinite(raw))
        return bad(`\`${place.label}\` must be ${describe(t)}`);
      if (t.integer && !Number.isInteger(raw))
        return bad(`\`${place.label}\` must be ${describe(t)}, not ${raw}`);
      if (
        (t.min !== undefined && raw < t.min) ||
        (t.max !== undefined && raw > t.max) ||
        (t.above !== undefined && raw <= t.above)
      ) {
        return bad(`\`${place.label}\` must be ${describe(t)}, not ${raw}`, 'out-of-range');
      }
      return ok(raw);
    }
    case 'boolean': {
      if (typeof raw === 'string' && /^(yes|no|on|off|y|n)$/i.test(raw)) {
        return bad(`\`${place.label}\` must be ${describe(t)}: YAML 1.2 reads ${raw} as a string`);
      }
      if (typeof raw !== 'boolean' || (t.only !== undefined && raw !== t.only)) {
        return bad(`\`${place.label}\` must be ${describe(t)}, not ${show(raw)}`);
      }
      return ok(raw);
    }
    case 'duration': {
      if (typeof raw === 'boolean') return bad(`\`${place.label}\` must be ${describe(t)}, not ${raw}`);
      const d = parseDuration(raw);
      if (!d.ok) return bad(`\`${place.label}\`: ${d.message}`);
      if (d.value < 0 && !t.signed) return bad(`\`${place.label}\` cannot be negative`, 'out-of-range');
      if (d.value === 0 && t.positive) return bad(`\`${place.label}\` must be more than 0`, 'out-of-range');
      return ok(d.value);
    }
    case 'range': {
      if (typeof raw !== 'string') return bad(`\`${place.label}\` must be ${describe(t)}`);
      const r = parseRange(raw);
      if (!r) return bad(`\`${place.label}\` must be ${describe(t)}`);
      if (!r.ok) return bad(`\`${place.label}\`: ${r.message}`);
      return ok(r.value);
    }
    case 'link': {
      if (typeof raw !== 'string') return bad(`\`${place.label}\` must be ${describe(t)}`);
      const l = parseLink(raw);
      if (!l.ok) return bad(`\`${place.label}\`: ${l.message}`, 'bad-link');
      if (l.value.both && !t.both) {
        return bad(
          `\`${place.label}\` cuts one direction: write "${l.value.from} -> ${l.value.to}" (use partition for both)`,
          'bad-link',
        );
      }
      if (l.value.from === l.value.to)
        return bad(`\`${place.label}\`: a link joins two different actors`, 'bad-link');
      addLinkSymbols(l.value, node as Node, range, ctx);
      return ok(l.value);
    }
  }
  return undefined;
}

/** Where inside the scalar's source the string's characters start (quotes shift them by one). */
function contentStart(node: Node, text: string, range: Offsets, value: string): number {
  const src = text.slice(range[0], range[1]);
  const at = src.indexOf(value);
  if (at >= 0) return range[0] + at;
  return isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')
    ? range[0] + 1
    : range[0];
}

function addLinkSymbols(l: LinkSpec, node: Node | null, range: Offsets, ctx: ValidateContext, raw?: string) {
  const source = raw ?? (node && isScalar(node) ? String(node.value) : '');
  const base = node ? contentStart(node, ctx.src.text, range, source) : range[0];
  const clampEnd = (s: number, len: number): [number, number] => {
    const a = Math.min(s, range[1]);
    return [a, Math.min(a + len, range[1])];
  };
  const [fs, fe] = clampEnd(base + l.fromAt, l.from.length);
  const [ts, te] = clampEnd(base + l.toAt, l.to.length);
  ctx.symbols.push({ kind: 'actor', name: l.from, start: fs, end: fe, declares: false });
  ctx.symbols.push({ kind: 'actor', name: l.to, start: ts, end: te, declares: false });
}

function pairKeyRange(pair: Pair, fallback: Offsets): Offsets {
  return rangeOf(pair.key as Node | null, fallback);
}

/** Pairs of a map, with `<<: *anchor` merge keys expanded (explicit keys win). */
function mapPairs(map: YAMLMap, ctx: ValidateContext): Pair[] {
  const own = map.items.filter((p) => !(isScalar(p.key) && p.key.value === '<<'));
  if (own.length === map.items.length) return map.items as Pair[];
  const merged: Pair[] = [];
  const seen = new Set(own.map((p) => (isScalar(p.key) ? String(p.key.value) : '')));
  for (const p of map.items) {
    if (!(isScalar(p.key) && p.key.value === '<<')) continue;
    const sources = isSeq(p.value) ? p.value.items : [p.value];
    for (const s of sources) {
      const target = isAlias(s) ? s.resolve(ctx.doc) : s;
      if (!isMap(target)) {
        report(
          ctx,
          'error',
          'type',
          rangeOf(p.key as Node, [0, 0]),
          '`<<` merges a map (e.g. <<: *defaults)',
        );
        continue;
      }
      for (const q of target.items) {
        const k = isScalar(q.key) ? String(q.key.value) : '';
        if (!seen.has(k)) {
          seen.add(k);
          merged.push(q as Pair);
        }
      }
    }
  }
  return [...(own as Pair[]), ...merged];
}

function checkObject(
  node: Node | null,
  t: ObjectType,
  place: Place,
  ctx: ValidateContext,
): CheckedMap | undefined {
  const range = rangeOf(node, place.keyRange);
  if (node !== null && !isMap(node) && !(isScalar(node) && node.value === null)) {
    const what = isSeq(node) ? 'a list' : `"${show(isScalar(node) ? node.value : '')}"`;
    report(ctx, 'error', 'type', range, `\`${place.label}\` must be a map, not ${what}${exampleHint(t)}`);
    return undefined;
  }
  const out: CheckedMap = { kind: 'map', entries: new Map(), range, schema: t, allKeys: new Map() };
  const pairs = node && isMap(node) ? mapPairs(node, ctx) : [];
  if (node && isMap(node)) out.node = node;
  const allowedKeys = Object.keys(t.properties).filter((k) => {
    const f = resolveType(t.properties[k]).families ?? t.properties[k].families;
    return !f || !ctx.replication || f.includes(ctx.replication);
  });
  for (const pair of pairs) {
    if (!isPair(pair)) continue;
    const keyNode = pair.key as Node | null;
    const keyRange = pairKeyRange(pair, range);
    if (!keyNode || !isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') {
      report(ctx, 'error', 'bad-key', keyRange, `keys in \`${place.label}\` must be plain names`);
      continue;
    }
    const key = String(keyNode.value);
    if (!out.allKeys.has(key)) out.allKeys.set(key, keyRange);
    if (out.entries.has(key)) continue; // duplicate: the YAML parser reports it
    const valueNode = pair.value as Node | null;
    const prop = Object.hasOwn(t.properties, key) ? t.properties[key] : undefined;
    if (prop) {
      const fam = prop.families;
      if (fam && ctx.replication && !fam.includes(ctx.replication)) {
        report(
          ctx,
          'error',
          'wrong-family',
          keyRange,
          `\`${key}\` only applies to ${familiesText(fam)}; this cluster is ${ctx.replication}`,
        );
        continue;
      }
      const c = checkNode(valueNode, prop, { label: key, keyRange }, ctx);
      if (c) out.entries.set(key, { key, keyRange, value: c });
      continue;
    }
    if (t.additional) {
      if (!checkAdditionalKey(key, keyNode, keyRange, t, place, ctx)) continue;
      const c = checkNode(valueNode, t.additional, { label: key, keyRange }, ctx);
      if (c) out.entries.set(key, { key, keyRange, value: c });
      continue;
    }
    unknownKey(key, keyRange, allowedKeys, t, place, ctx);
  }
  checkKeyGroups(out, t, place, range, ctx);
  return out;
}

function exampleHint(t: SchemaType): string {
  return t.example ? ` (e.g. ${t.example})` : '';
}

function checkAdditionalKey(
  key: string,
  keyNode: Node,
  keyRange: Offsets,
  t: ObjectType,
  place: Place,
  ctx: ValidateContext,
): boolean {
  const ak = t.additionalKeys;
  if (!ak) return true;
  if (ak.link) {
    const l = parseLink(key);
    if (!l.ok) {
      report(ctx, 'error', 'bad-link', keyRange, `\`${place.label}\`: ${l.message}`);
      return false;
    }
    if (l.value.from === l.value.to) {
      report(ctx, 'error', 'bad-link', keyRange, `\`${place.label}\`: a link joins two different actors`);
      return false;
    }
    addLinkSymbols(l.value, keyNode, keyRange, ctx, key);
    return true;
  }
  if (ak.ref) {
    if (!isIdentifier(key)) {
      const allowed = Object.keys(t.properties);
      const guess = allowed.length ? closest(key, allowed) : undefined;
      report(
        ctx,
        'error',
        'bad-identifier',
        keyRange,
        `\`${key}\` in \`${place.label}\` must be ${ak.what}: an identifier (a letter, then letters, digits, _ . -)${guess ? `; did you mean \`${guess}\`?` : ''}`,
      );
      return false;
    }
    ctx.symbols.push({
      kind: ak.ref,
      name: key,
      start: keyRange[0],
      end: keyRange[1],
      declares: ak.declares === true,
    });
  }
  return true;
}

function unknownKey(
  key: string,
  keyRange: Offsets,
  allowed: string[],
  t: ObjectType,
  place: Place,
  ctx: ValidateContext,
) {
  // A key of another family is a family error, not a typo.
  const other = Object.hasOwn(t.properties, key) ? t.properties[key] : undefined;
  if (other?.families) return;
  const guess = closest(key, allowed);
  const where = place.label ? ` in \`${place.label}\`` : '';
  const message = guess
    ? `unknown key \`${key}\`${where}; did you mean \`${guess}\`?`
    : `unknown key \`${key}\`${where}; allowed: ${allowed.join(', ')}`;
  report(
    ctx,
    'error',
    'unknown-key',
    keyRange,
    message,
    guess ? { title: `Change to ${guess}`, replacement: guess, at: keyRange } : undefined,
  );
}

/** Where to point for a problem with a whole map: its key, or the map's first line. */
function mapAnchor(out: CheckedMap, place: Place, ctx: ValidateContext): Offsets {
  if (place.keyRange[1] > place.keyRange[0]) return place.keyRange;
  const start = out.range[0];
  const lineEnd = ctx.src.lineEnd(ctx.src.line(start));
  return [start, Math.max(start, Math.min(out.range[1], lineEnd))];
}

function checkKeyGroups(out: CheckedMap, t: ObjectType, place: Place, range: Offsets, ctx: ValidateContext) {
  const anchor = () => mapAnchor(out, place, ctx);
  for (const req of t.required ?? []) {
    if (out.allKeys.has(req)) continue;
    const p = t.properties[req];
    report(
      ctx,
      'error',
      'missing-key',
      anchor(),
      `${place.label ? `\`${place.label}\`` : 'the scenario'} needs \`${req}\`: ${describe(p)}`,
    );
  }
  for (const group of t.exactlyOne ?? []) {
    const present = group.keys.filter((k) => out.allKeys.has(k));
    if (present.length === 0) {
      const stray = [...out.allKeys.keys()].filter((k) => !Object.hasOwn(t.properties, k));
      // A misspelt action (`wirte`) already has its "did you mean"; one message is enough.
      if (stray.some((k) => closest(k, group.keys))) continue;
      const hint = stray.length ? '' : ` (e.g. ${group.example})`;
      report(
        ctx,
        'error',
        `missing-${group.what}`,
        anchor(),
        `${place.label ? `\`${place.label}\`` : 'this item'} needs ${group.what === 'action' ? 'an' : 'a'} ${group.what}: one of ${group.keys.join(', ')}${hint}`,
      );
    } else if (present.length > 1) {
      const second = out.allKeys.get(present[1]) ?? range;
      report(
        ctx,
        'error',
        group.what === 'action' ? 'multiple-actions' : `multiple-${group.what}s`,
        second,
        `one ${group.what} per item: this item has ${listAnd(present.map((k) => `\`${k}\``))}`,
      );
    }
  }
  if (t.atLeastOne && !t.atLeastOne.some((k) => out.allKeys.has(k))) {
    report(
      ctx,
      'error',
      'missing-key',
      anchor(),
      `${place.label ? `\`${place.label}\`` : 'this item'} needs ${listOr(t.atLeastOne.map((k) => `\`${k}\``))}`,
    );
  }
}

function checkArray(
  node: Node | null,
  t: ArrayType,
  place: Place,
  ctx: ValidateContext,
): CheckedSeq | undefined {
  const range = rangeOf(node, place.keyRange);
  if (node !== null && !isSeq(node) && !(isScalar(node) && node.value === null)) {
    const what = isMap(node) ? 'a map' : `"${show(isScalar(node) ? node.value : '')}"`;
    report(ctx, 'error', 'type', range, `\`${place.label}\` must be a list, not ${what}`);
    return undefined;
  }
  const items = node && isSeq(node) ? node.items : [];
  const out: CheckedSeq = { kind: 'seq', items: [], range, schema: t };
  for (let i = 0; i < items.length; i++) {
    const n = items[i] as Node | null;
    // Problems with a whole item point at its first line, not at every line of a block item.
    const [start, end] = rangeOf(n, range);
    const firstLine: Offsets = [start, Math.max(start, Math.min(end, ctx.src.lineEnd(ctx.src.line(start))))];
    out.items.push(checkNode(n, t.items, { label: `${place.label}[${i}]`, keyRange: firstLine }, ctx));
  }
  if (t.minItems !== undefined && items.length < t.minItems) {
    report(
      ctx,
      'error',
      'too-few',
      range,
      `\`${place.label}\` needs at least ${t.minItems} item${t.minItems > 1 ? 's' : ''}`,
    );
  }
  return out;
}

/** Whether a scalar was evidently written in the form of `t` (for picking the best message). */
function looksLike(t: SchemaType, raw: unknown): boolean {
  if (typeof raw !== 'string') return false;
  switch (t.kind) {
    case 'range':
      return raw.includes('..');
    case 'link':
      return raw.includes('->');
    case 'duration':
      return /^[+-]?[\d.]/.test(raw) && !raw.includes('..');
    default:
      return false;
  }
}

function discriminators(t: ObjectType): string[] {
  return [...(t.required ?? []), ...(t.exactlyOne ?? []).flatMap((g) => g.keys)];
}

function checkUnion(
  node: Node | null,
  t: UnionType,
  place: Place,
  ctx: ValidateContext,
): Checked | undefined {
  const range = rangeOf(node, place.keyRange);
  const variants = t.variants.map(resolveType);
  const familyCheck = (v: SchemaType): boolean => {
    if (v.families && ctx.replication && !v.families.includes(ctx.replication)) {
      const name = v.kind === 'object' ? (v.required?.[0] ?? place.label) : place.label;
      report(
        ctx,
        'error',
        'wrong-family',
        range,
        `\`${name}\` only applies to ${familiesText(v.families)}; this cluster is ${ctx.replication}`,
      );
      return false;
    }
    return true;
  };
  if (node && isMap(node)) {
    const maps = variants.filter((v): v is ObjectType => v.kind === 'object');
    if (maps.length === 0) {
      report(ctx, 'error', 'type', range, `\`${place.label}\` must be ${t.what}, not a map`);
      return undefined;
    }
    if (maps.length === 1) return familyCheck(maps[0]) ? checkObject(node, maps[0], place, ctx) : undefined;
    const keys = node.items.map((p) => (isScalar(p.key) ? String(p.key.value) : ''));
    const chosen = maps.find((m) => discriminators(m).some((d) => keys.includes(d)));
    if (chosen) return familyCheck(chosen) ? checkObject(node, chosen, place, ctx) : undefined;
    const all = maps.flatMap(discriminators);
    const firstKey = node.items[0];
    const guess = keys.length ? closest(keys[0], all) : undefined;
    const keyRange = firstKey ? pairKeyRange(firstKey as Pair, range) : range;
    report(
      ctx,
      keys.length ? 'error' : 'error',
      keys.length ? 'unknown-key' : 'type',
      keys.length ? keyRange : range,
      `\`${place.label}\` must be ${t.what}${guess ? `; did you mean \`${guess}\`?` : ''}`,
      guess ? { title: `Change to ${guess}`, replacement: guess, at: keyRange } : undefined,
    );
    return undefined;
  }
  if (node && isSeq(node)) {
    const seqs = variants.filter((v) => v.kind === 'array' || v.kind === 'value');
    if (seqs.length === 0) {
      report(ctx, 'error', 'type', range, `\`${place.label}\` must be ${t.what}, not a list`);
      return undefined;
    }
    return familyCheck(seqs[0]) ? checkNode(node, seqs[0], place, ctx) : undefined;
  }
  const scalars = variants.filter((v) => v.kind !== 'object' && v.kind !== 'array');
  if (scalars.length === 0) {
    report(ctx, 'error', 'type', range, `\`${place.label}\` must be ${t.what}`);
    return undefined;
  }
  if (scalars.length === 1 && scalars[0].kind !== 'enum') {
    return familyCheck(scalars[0]) ? checkNode(node, scalars[0], place, ctx) : undefined;
  }
  const failures: { v: SchemaType; diagnostics: Diagnostic[] }[] = [];
  for (const v of scalars) {
    const scratch: ValidateContext = { ...ctx, diagnostics: [], symbols: [] };
    const c = checkNode(node, v, place, scratch);
    if (c && !scratch.diagnostics.some((d) => d.severity === 'error')) {
      ctx.diagnostics.push(...scratch.diagnostics);
      ctx.symbols.push(...scratch.symbols);
      return familyCheck(v) ? c : undefined;
    }
    failures.push({ v, diagnostics: scratch.diagnostics });
  }
  const raw = node && isScalar(node) ? node.value : null;
  // When the value clearly meant one of the forms (`2ms..1ms` is a range), that form's own message
  // says more than the list of forms.
  const meant = failures.filter((f) => looksLike(f.v, raw));
  if (meant.length === 1) {
    ctx.diagnostics.push(...meant[0].diagnostics);
    return undefined;
  }
  const enumValues = scalars.flatMap((v) => (v.kind === 'enum' ? v.values.map((e) => e.value) : []));
  const guess = typeof raw === 'string' ? closest(raw, enumValues) : undefined;
  report(
    ctx,
    'error',
    raw === null ? 'missing-value' : 'bad-value',
    range,
    `\`${place.label}\` must be ${t.what}${guess ? `; did you mean ${guess}?` : ''}`,
    guess ? { title: `Change to ${guess}`, replacement: guess, at: range } : undefined,
  );
  return undefined;
}

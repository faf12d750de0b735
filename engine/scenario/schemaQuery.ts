// Questions editor features ask the schema: which keys are valid at a path, what values, and the
// doc of a key or an enum value. Paths are keys and list indexes: ['cluster', 'w'], ['events', 0, 'write'].

import type { Replication } from './model';
import { SCENARIO_SCHEMA } from './schema';
import type { ObjectType, RefKind, SchemaType } from './schemaTypes';
import { resolveType } from './validate';

export type SchemaPath = readonly (string | number)[];

export interface KeyInfo {
  key: string;
  type: SchemaType;
  doc: string;
  required: boolean;
  /** Set when the key only applies to some replication families. */
  families?: readonly Replication[];
}

export interface KeysAtPath {
  /** Fixed keys valid here (filtered by family when one is given). */
  keys: KeyInfo[];
  /** Keys the user names (node ids, client names, links, data keys), if allowed here. */
  named?: { ref?: RefKind; link?: boolean; what: string; type: SchemaType };
}

export interface ValueInfo {
  value: string;
  doc: string;
}

function allowed(t: SchemaType, replication: Replication | undefined): boolean {
  return !t.families || !replication || t.families.includes(replication);
}

/** The object shapes a type may take (a union may have several). */
function objectShapes(t: SchemaType): ObjectType[] {
  const r = resolveType(t);
  if (r.kind === 'object') return [r];
  if (r.kind === 'union') return r.variants.flatMap(objectShapes);
  return [];
}

function step(t: SchemaType, seg: string | number): SchemaType | undefined {
  const r = resolveType(t);
  if (typeof seg === 'number') {
    if (r.kind === 'array') return r.items;
    if (r.kind === 'value') return r; // lists inside data values hold values
    if (r.kind === 'union') {
      for (const v of r.variants) {
        const rv = resolveType(v);
        if (rv.kind === 'array') return rv.items;
      }
    }
    return undefined;
  }
  for (const o of objectShapes(r)) {
    if (Object.hasOwn(o.properties, seg)) return o.properties[seg];
  }
  for (const o of objectShapes(r)) if (o.additional) return o.additional;
  return undefined;
}

/** The schema type at a path, or undefined when the path leaves the schema. */
export function schemaAt(path: SchemaPath, root: SchemaType = SCENARIO_SCHEMA): SchemaType | undefined {
  let t: SchemaType | undefined = root;
  for (const seg of path) {
    if (!t) return undefined;
    t = step(t, seg);
  }
  return t;
}

/** Keys valid in the map at `path` (e.g. [] for the top level, ['cluster']). */
export function keysAt(path: SchemaPath, replication?: Replication): KeysAtPath {
  const t = schemaAt(path);
  const out: KeysAtPath = { keys: [] };
  if (!t) return out;
  const seen = new Set<string>();
  for (const o of objectShapes(t)) {
    if (!allowed(o, replication)) continue;
    for (const [key, p] of Object.entries(o.properties)) {
      if (seen.has(key) || !allowed(p, replication)) continue;
      seen.add(key);
      const info: KeyInfo = { key, type: p, doc: p.doc, required: o.required?.includes(key) ?? false };
      if (p.families) info.families = p.families;
      out.keys.push(info);
    }
    if (o.additional && !out.named)
      out.named = { ...(o.additionalKeys ?? { what: 'a name' }), type: o.additional };
  }
  return out;
}

/** Enum values (and booleans) allowed at `path`, with their docs. */
export function valuesAt(path: SchemaPath): ValueInfo[] {
  const t = schemaAt(path);
  return t ? valuesOf(t) : [];
}

function valuesOf(t: SchemaType): ValueInfo[] {
  const r = resolveType(t);
  switch (r.kind) {
    case 'enum':
      return r.values.map((v) => ({ value: v.value, doc: v.doc }));
    case 'boolean':
      return (r.only === undefined ? [true, false] : [r.only]).map((b) => ({ value: String(b), doc: r.doc }));
    case 'union':
      return r.variants.flatMap(valuesOf);
    default:
      return [];
  }
}

/** What kind of identifier the value at `path` names, if any (for completing ids). */
export function refAt(path: SchemaPath): RefKind | undefined {
  const t = schemaAt(path);
  if (!t) return undefined;
  const refs = (x: SchemaType): RefKind[] => {
    const r = resolveType(x);
    if (r.kind === 'string' && r.ref && !r.declares) return [r.ref];
    if (r.kind === 'link') return ['actor'];
    if (r.kind === 'union') return r.variants.flatMap(refs);
    if (r.kind === 'array') return refs(r.items);
    return [];
  };
  return refs(t)[0];
}

/** The one-sentence doc of the key at `path`. */
export function docAt(path: SchemaPath): string | undefined {
  return schemaAt(path)?.doc;
}

/** The doc of one enum value at `path` (`leaderless` under ['cluster', 'replication']). */
export function valueDocAt(path: SchemaPath, value: string): string | undefined {
  return valuesAt(path).find((v) => v.value === value)?.doc;
}

/** A Markdown hover for the key at `path`: doc, families, default. */
export function hoverAt(path: SchemaPath): string | undefined {
  const t = schemaAt(path);
  if (!t) return undefined;
  const lines = [t.doc];
  if (t.families) lines.push(`Only for ${t.families.join(', ')} clusters.`);
  const values = valuesOf(t).filter((v) => v.doc !== t.doc);
  if (values.length) lines.push(values.map((v) => `- \`${v.value}\`: ${v.doc}`).join('\n'));
  if (t.default !== undefined) lines.push(`Default: \`${String(t.default)}\`.`);
  else if (t.defaultText) lines.push(`Default: ${t.defaultText}.`);
  return lines.join('\n\n');
}

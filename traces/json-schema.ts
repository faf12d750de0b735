// A small JSON Schema (2020-12) validator covering the keywords our shipped schemas use: $ref to local
// $defs, type, const, enum, required, properties, additionalProperties, items, prefixItems,
// minItems/maxItems, minimum, minLength, allOf, anyOf, oneOf, if/then/else. It exists so tests (and
// the playground) can check files against schemas/trace.schema.json without a dependency. An unknown
// keyword is an error, so a schema cannot silently use something this validator ignores.

export type Schema = boolean | SchemaObject;

export interface SchemaObject {
  [keyword: string]: unknown;
}

export interface SchemaProblem {
  /** JSON pointer into the instance, e.g. /events/3/vc. */
  path: string;
  message: string;
}

const KNOWN = new Set([
  '$schema',
  '$id',
  '$ref',
  '$defs',
  'title',
  'description',
  'type',
  'const',
  'enum',
  'required',
  'properties',
  'additionalProperties',
  'items',
  'prefixItems',
  'minItems',
  'maxItems',
  'minimum',
  'minLength',
  'allOf',
  'anyOf',
  'oneOf',
  'if',
  'then',
  'else',
]);

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function matchesType(v: unknown, t: string): boolean {
  const actual = typeOf(v);
  return actual === t || (t === 'number' && actual === 'integer');
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Validate `value` against `schema` (whose $defs resolve $ref); returns every problem found. */
export function validateJsonSchema(schema: Schema, value: unknown, limit = 50): SchemaProblem[] {
  const root = schema;
  const problems: SchemaProblem[] = [];

  const resolve = (ref: string): Schema => {
    const m = /^#\/\$defs\/([^/]+)$/.exec(ref);
    if (!m || typeof root !== 'object') throw new Error(`unsupported $ref ${ref}`);
    const defs = root.$defs as Record<string, Schema> | undefined;
    const target = defs?.[m[1]!];
    if (target === undefined) throw new Error(`unresolved $ref ${ref}`);
    return target;
  };

  const check = (s: Schema, v: unknown, path: string, out: SchemaProblem[]): void => {
    if (out.length >= limit) return;
    if (s === true) return;
    if (s === false) {
      out.push({ path, message: 'is not allowed here' });
      return;
    }
    for (const k of Object.keys(s))
      if (!KNOWN.has(k)) throw new Error(`schema keyword ${k} is not supported`);
    if (typeof s.$ref === 'string') check(resolve(s.$ref), v, path, out);
    if (s.type !== undefined) {
      const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
      if (!types.some((t) => matchesType(v, t))) {
        out.push({ path, message: `must be ${types.join(' or ')}, found ${typeOf(v)}` });
        return;
      }
    }
    if ('const' in s && !deepEqual(v, s.const))
      out.push({ path, message: `must be ${JSON.stringify(s.const)}` });
    if (Array.isArray(s.enum) && !s.enum.some((x) => deepEqual(x, v))) {
      out.push({ path, message: `must be one of ${s.enum.map((x) => JSON.stringify(x)).join(', ')}` });
    }
    if (typeof v === 'number' && typeof s.minimum === 'number' && v < s.minimum) {
      out.push({ path, message: `must be >= ${s.minimum}` });
    }
    if (typeof v === 'string' && typeof s.minLength === 'number' && v.length < s.minLength) {
      out.push({ path, message: `must have at least ${s.minLength} characters` });
    }
    if (typeOf(v) === 'object') {
      const o = v as Record<string, unknown>;
      for (const r of (s.required as string[] | undefined) ?? []) {
        if (!(r in o)) out.push({ path, message: `missing required property '${r}'` });
      }
      const props = (s.properties as Record<string, Schema> | undefined) ?? {};
      for (const [k, x] of Object.entries(o)) {
        const p = `${path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        if (k in props) check(props[k]!, x, p, out);
        else if (s.additionalProperties !== undefined) {
          if (s.additionalProperties === false) out.push({ path: p, message: 'is not an allowed property' });
          else check(s.additionalProperties as Schema, x, p, out);
        }
      }
    }
    if (Array.isArray(v)) {
      const prefix = (s.prefixItems as Schema[] | undefined) ?? [];
      v.forEach((x, i) => {
        if (i < prefix.length) check(prefix[i]!, x, `${path}/${i}`, out);
        else if (s.items !== undefined) check(s.items as Schema, x, `${path}/${i}`, out);
      });
      if (typeof s.minItems === 'number' && v.length < s.minItems) {
        out.push({ path, message: `must have at least ${s.minItems} items` });
      }
      if (typeof s.maxItems === 'number' && v.length > s.maxItems) {
        out.push({ path, message: `must have at most ${s.maxItems} items` });
      }
    }
    for (const sub of (s.allOf as Schema[] | undefined) ?? []) check(sub, v, path, out);
    const passes = (sub: Schema): boolean => {
      const tmp: SchemaProblem[] = [];
      check(sub, v, path, tmp);
      return tmp.length === 0;
    };
    if (Array.isArray(s.anyOf) && !s.anyOf.some((sub) => passes(sub as Schema))) {
      out.push({ path, message: 'matches none of the allowed forms (anyOf)' });
    }
    if (Array.isArray(s.oneOf) && s.oneOf.filter((sub) => passes(sub as Schema)).length !== 1) {
      out.push({ path, message: 'must match exactly one of the allowed forms (oneOf)' });
    }
    if (s.if !== undefined) {
      if (passes(s.if as Schema)) {
        if (s.then !== undefined) check(s.then as Schema, v, path, out);
      } else if (s.else !== undefined) check(s.else as Schema, v, path, out);
    }
  };

  check(schema, value, '', problems);
  return problems;
}

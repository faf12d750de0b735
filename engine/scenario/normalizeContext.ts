// Shared helpers of the normalizer: reading checked values with their schema defaults, lines,
// distributions, and reporting.

import type { Checked, CheckedMap, Offsets, SymbolOccurrence } from './checked';
import { asMap, asScalar, asSeq, entry } from './checked';
import type { Diagnostic } from './diagnostics';
import type { Distribution } from './model';
import type { SchemaType } from './schemaTypes';
import type { SourceText } from './source';
import { parseDuration } from './syntax';
import { report, resolveType } from './validate';

export interface NormalizeContext {
  src: SourceText;
  file?: string;
  diagnostics: Diagnostic[];
  symbols: SymbolOccurrence[];
}

/** Reports a diagnostic (the validator's `report`, under the normalizer's name). */
export const say = report;

export function lineOf(ctx: NormalizeContext, c: { range: Offsets } | Offsets): number {
  const at = 'range' in c ? c.range[0] : c[0];
  return ctx.src.line(at);
}

/** The schema default of a simple type, converted like a written value (durations to ms). */
export function defaultOf(t: SchemaType | undefined): unknown {
  if (!t || t.default === undefined) return undefined;
  const r = resolveType(t);
  if (
    r.kind === 'duration' ||
    (r.kind === 'union' && typeof t.default === 'string' && /\d/.test(t.default))
  ) {
    const d = parseDuration(t.default as string | number);
    return d.ok ? d.value : undefined;
  }
  return t.default;
}

/** A scalar's parsed value, or the schema's default for that key. */
export function read<T>(m: CheckedMap | undefined, key: string, fallbackSchema?: SchemaType): T {
  const c = asScalar(entry(m, key));
  if (c) return c.parsed as T;
  const schema = m?.schema.properties[key] ?? fallbackSchema;
  return defaultOf(schema) as T;
}

/**
 * The map under `key`, or an empty one of the right schema when the file leaves it out, so that
 * reading from it yields the defaults.
 */
export function sub(m: CheckedMap | undefined, key: string): CheckedMap | undefined {
  const found = asMap(entry(m, key));
  if (found || !m) return found;
  if (m.allKeys.has(key)) return undefined; // written but invalid: already reported
  const t = m.schema.properties[key];
  const schema = t ? resolveType(t) : undefined;
  if (schema?.kind !== 'object') return undefined;
  return { kind: 'map', entries: new Map(), range: [m.range[0], m.range[0]], schema, allKeys: new Map() };
}

export function has(m: CheckedMap | undefined, key: string): boolean {
  return !!m?.entries.has(key);
}

/** Turns a checked latency (any form of the spec) into a Distribution. */
export function toDistribution(c: Checked | undefined): Distribution | undefined {
  if (!c) return undefined;
  if (c.kind === 'scalar') {
    if (c.schema.kind === 'range') {
      const r = c.parsed as { min: number; max: number };
      return r.min === r.max ? { kind: 'fixed', ms: r.min } : { kind: 'uniform', min: r.min, max: r.max };
    }
    return { kind: 'fixed', ms: c.parsed as number };
  }
  const m = asMap(c);
  if (!m) return undefined;
  const exp = entry(m, 'exponential');
  if (exp) {
    if (exp.kind === 'scalar') return { kind: 'exponential', mean: exp.parsed as number };
    const rate = read<number>(asMap(exp), 'rate');
    return rate > 0 ? { kind: 'exponential', mean: 1 / rate } : undefined;
  }
  const pareto = asMap(entry(m, 'pareto'));
  if (pareto) {
    const min = read<number>(pareto, 'min');
    const alpha = read<number>(pareto, 'alpha');
    return min !== undefined && alpha !== undefined ? { kind: 'pareto', min, alpha } : undefined;
  }
  const logn = asMap(entry(m, 'lognormal'));
  if (logn) {
    const median = read<number>(logn, 'median');
    const sigma = read<number>(logn, 'sigma');
    return median !== undefined && sigma !== undefined ? { kind: 'lognormal', median, sigma } : undefined;
  }
  const mix = asSeq(entry(m, 'mixture'));
  if (mix) {
    const parts: { weight: number; of: Distribution }[] = [];
    for (const item of mix.items) {
      const part = asMap(item);
      const weight = read<number>(part, 'weight');
      const of = toDistribution(entry(part, 'of'));
      if (weight === undefined || !of) return undefined;
      parts.push({ weight, of });
    }
    return parts.length ? { kind: 'mixture', parts } : undefined;
  }
  return undefined;
}

/** The source text of a range on one line (for expectation messages). */
export function sourceText(ctx: NormalizeContext, at: Offsets): string {
  return ctx.src.text
    .slice(at[0], at[1])
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

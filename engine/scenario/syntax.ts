// The small string languages inside scenario values: durations, ranges, link strings, identifiers.

export const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_.-]*$/;
export const IDENTIFIER_TEXT = '[A-Za-z][A-Za-z0-9_.-]*';

export function isIdentifier(s: string): boolean {
  return IDENTIFIER.test(s);
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const DURATION = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(us|ms|s)?$/;
const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000 };

/** `250us`, `5ms`, `1.5s`, or a bare number of milliseconds. */
export function parseDuration(input: string | number): Parsed<number> {
  if (typeof input === 'number') {
    return Number.isFinite(input)
      ? { ok: true, value: input }
      : { ok: false, message: 'a duration must be a finite number' };
  }
  const m = DURATION.exec(input.trim());
  if (!m) {
    const unit = /^[+-]?[\d.]+\s*([A-Za-zµ]+)$/.exec(input.trim());
    if (unit)
      return { ok: false, message: `unknown unit "${unit[1]}": use us, ms or s (e.g. 250us, 5ms, 1.5s)` };
    return { ok: false, message: 'a duration is a number with a unit, us, ms or s (e.g. 250us, 5ms, 1.5s)' };
  }
  const ms = Number(m[2]) * UNIT_MS[m[3] ?? 'ms'] * (m[1] === '-' ? -1 : 1);
  // Avoid floating noise such as 0.30000000000000004 for 300us.
  return { ok: true, value: Number(ms.toPrecision(12)) };
}

/** `2ms..20ms`: a uniform distribution's bounds. */
export function parseRange(input: string): Parsed<{ min: number; max: number }> | undefined {
  const at = input.indexOf('..');
  if (at < 0) return undefined;
  const lo = parseDuration(input.slice(0, at));
  const hi = parseDuration(input.slice(at + 2));
  if (!lo.ok) return { ok: false, message: `range start: ${lo.message}` };
  if (!hi.ok) return { ok: false, message: `range end: ${hi.message}` };
  if (lo.value < 0 || hi.value < 0) return { ok: false, message: 'a latency range cannot be negative' };
  if (lo.value > hi.value)
    return { ok: false, message: `range start ${input.slice(0, at).trim()} is after its end` };
  return { ok: true, value: { min: lo.value, max: hi.value } };
}

export interface LinkSpec {
  from: string;
  to: string;
  /** `<->`: both directions. */
  both: boolean;
  /** Offsets of the two ids inside the string. */
  fromAt: number;
  toAt: number;
}

const LINK = new RegExp(`^(\\s*)(${IDENTIFIER_TEXT}?)(\\s*)(<->|->)(\\s*)(${IDENTIFIER_TEXT})\\s*$`);

/** `a -> b` (one direction) or `a <-> b` (both). */
export function parseLink(input: string): Parsed<LinkSpec> {
  const m = LINK.exec(input);
  if (!m)
    return {
      ok: false,
      message: `"${input}" is not a link: write "a -> b" (one way) or "a <-> b" (both ways)`,
    };
  const fromAt = m[1].length;
  const toAt = fromAt + m[2].length + m[3].length + m[4].length + m[5].length;
  return { ok: true, value: { from: m[2], to: m[6], both: m[4] === '<->', fromAt, toAt } };
}

/** Formats milliseconds back as the user would write them. */
export function formatMs(ms: number): string {
  if (ms !== 0 && Math.abs(ms) < 1) return `${Number((ms * 1000).toPrecision(12))}us`;
  if (Math.abs(ms) >= 1000 && Number.isInteger(ms / 100)) return `${ms / 1000}s`;
  return `${ms}ms`;
}

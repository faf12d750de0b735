// Sweep results as CSV: the three contract columns first (`t_ms,runs,p_consistent` or
// `k,runs,p_within_k`), then the 95% interval and the runs left out. Browser-safe.

import type { KStalenessRow, SweepResult, TVisibilityRow } from './types';

const T_COLUMNS = ['t_ms', 'runs', 'p_consistent', 'ci_low', 'ci_high', 'excluded'] as const;
const K_COLUMNS = ['k', 'runs', 'p_within_k', 'ci_low', 'ci_high', 'excluded'] as const;

/** Probabilities with 6 decimals, integers and times as they are (no float noise). */
function num(x: number): string {
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toFixed(6)));
}

export function formatSweepCsv(result: SweepResult): string {
  const lines: string[] = [];
  if (result.measure === 't-visibility') {
    lines.push(T_COLUMNS.join(','));
    for (const r of result.rows) lines.push(T_COLUMNS.map((c) => num(r[c])).join(','));
  } else {
    lines.push(K_COLUMNS.join(','));
    for (const r of result.rows) lines.push(K_COLUMNS.map((c) => num(r[c])).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Reads a sweep CSV back (ours, or any with the three contract columns first). Optional columns
 * missing from the file get neutral values (interval [0, 1], nothing excluded). Throws an Error
 * naming the line on bad input. `runs` of the result is the largest row count.
 */
export function parseSweepCsv(text: string, title = ''): SweepResult {
  const lines = text
    .split(/\r?\n/)
    .map((l, i) => ({ l: l.trim(), n: i + 1 }))
    .filter(({ l }) => l !== '' && !l.startsWith('#'));
  if (lines.length === 0) throw new Error('sweep CSV is empty');
  const header = lines[0]!.l.split(',').map((h) => h.trim());
  const measure =
    header[0] === 't_ms' && header[1] === 'runs' && header[2] === 'p_consistent'
      ? 't-visibility'
      : header[0] === 'k' && header[1] === 'runs' && header[2] === 'p_within_k'
        ? 'k-staleness'
        : undefined;
  if (!measure)
    throw new Error(
      `sweep CSV line ${lines[0]!.n}: expected a header starting "t_ms,runs,p_consistent" or "k,runs,p_within_k", found "${lines[0]!.l}"`,
    );
  const col = (name: string) => header.indexOf(name);
  const optional = { ci_low: col('ci_low'), ci_high: col('ci_high'), excluded: col('excluded') };
  const parsed = lines.slice(1).map(({ l, n }) => {
    const cells = l.split(',').map((c) => c.trim());
    if (cells.length !== header.length)
      throw new Error(`sweep CSV line ${n}: ${cells.length} cells, the header has ${header.length}`);
    const values = cells.map((c) => (c === '' ? Number.NaN : Number(c)));
    const bad = values.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) throw new Error(`sweep CSV line ${n}: ${header[bad]} "${cells[bad]}" is not a number`);
    const p = values[2]!;
    if (p < 0 || p > 1) throw new Error(`sweep CSV line ${n}: probability ${p} is outside [0, 1]`);
    if (!Number.isInteger(values[1]) || values[1]! < 0)
      throw new Error(`sweep CSV line ${n}: runs "${cells[1]}" is not a whole number`);
    const pick = (i: number, fallback: number) => (i >= 0 ? values[i]! : fallback);
    return {
      x: values[0]!,
      runs: values[1]!,
      p,
      ci_low: pick(optional.ci_low, 0),
      ci_high: pick(optional.ci_high, 1),
      excluded: pick(optional.excluded, 0),
    };
  });
  const runs = parsed.reduce((m, r) => Math.max(m, r.runs + r.excluded), 0);
  if (measure === 't-visibility') {
    const rows: TVisibilityRow[] = parsed.map(({ x, p, ...r }) => ({ t_ms: x, p_consistent: p, ...r }));
    return { measure, rows, runs, title };
  }
  const rows: KStalenessRow[] = parsed.map(({ x, p, ...r }) => ({ k: x, p_within_k: p, ...r }));
  return { measure, rows, runs, title };
}

// One-line human descriptions of events and values, shared by the exporters, the CLI's text diagram
// and the debugger's labels, so an event reads the same everywhere.

import type { Trace } from './store';
import type { Sibling, Value } from './types';

const MAX = 80;

function clip(s: string, max = MAX): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A value as a person writes it: strings quoted only when they would be ambiguous. */
export function formatValue(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (typeof v === 'string')
    return /^[\w.@:/-]+$/.test(v) && !/^(true|false|null|-?\d)/.test(v) ? v : JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(formatValue).join(', ')}]`;
  if (typeof v === 'object' && v !== null) return JSON.stringify(v);
  return String(v);
}

/** Siblings as `1 (v2)` or `a | b` for concurrent values; tombstones as ⊥. */
export function formatSiblings(siblings: readonly Sibling[] | undefined): string {
  if (!siblings || siblings.length === 0) return '∅';
  return siblings
    .map((s) => {
      const v = s.tombstone ? '⊥' : formatValue(s.value as Value);
      const meta: string[] = [];
      if (s.version !== undefined) meta.push(`v${s.version}`);
      if (s.vv && Object.keys(s.vv).length > 0) {
        meta.push(
          `[${Object.entries(s.vv)
            .map(([k, n]) => `${k}:${n}`)
            .join(' ')}]`,
        );
      }
      if (s.ts !== undefined) meta.push(`t=${s.ts}`);
      return meta.length > 0 ? `${v} (${meta.join(' ')})` : v;
    })
    .join(' | ');
}

/** A one-line description of event `e` (without its actor or time). */
export function describeEvent(trace: Trace, e: number, max = MAX): string {
  const d = trace.detail(e) ?? {};
  const kind = trace.kind(e);
  const type = d.type ?? d.payload?.type ?? 'message';
  const text = d.text ? `: ${d.text}` : '';
  const fault = (name: string): unknown => (d as Record<string, unknown>)[name] ?? d.detail?.[name];
  switch (kind) {
    case 'send':
      return clip(`send ${type} to ${d.to ?? '?'}`, max);
    case 'deliver':
      return clip(`deliver ${type} from ${d.from ?? '?'}`, max);
    case 'drop':
      return clip(`drop ${type} ${d.from ?? '?'}→${d.to ?? '?'}${d.reason ? ` (${d.reason})` : ''}`, max);
    case 'timer':
      return clip(`timer ${d.timer ?? ''}`, max);
    case 'request': {
      const op = d.op;
      if (!op) return 'request';
      const arg =
        op.value !== undefined ? ` ${formatValue(op.value)}` : op.by !== undefined ? ` by ${op.by}` : '';
      return clip(`${op.kind} ${op.dataKey}${arg} (${op.key})`, max);
    }
    case 'response': {
      const r = d.result;
      const key = d.op?.key ?? '';
      if (!r) return clip(`response ${key}`, max);
      if (!r.ok) return clip(`${key} failed: ${r.error ?? 'error'}`, max);
      const values = r.values !== undefined ? ` → ${formatSiblings(r.values)}` : '';
      return clip(`${key} ok${values}`, max);
    }
    case 'state':
      if (d.key !== undefined) return clip(`${d.key} = ${formatSiblings(d.after)}`, max);
      if (d.append !== undefined) return clip(`${d.field} += ${formatValue(d.append)}`, max);
      if (d.truncate !== undefined) return clip(`${d.field} truncated to ${d.truncate}`, max);
      return clip(`${d.field} = ${formatValue(d.value)}`, max);
    case 'partition': {
      const groups = fault('groups');
      return clip(
        Array.isArray(groups)
          ? `partition ${groups.map((g) => `[${(g as string[]).join(', ')}]`).join(' | ')}`
          : `partition${text}`,
        max,
      );
    }
    case 'cut': {
      const from = fault('from');
      const to = fault('to');
      return clip(typeof from === 'string' ? `cut ${from} → ${to}` : `cut${text}`, max);
    }
    case 'heal': {
      const links = fault('links');
      return clip(
        Array.isArray(links)
          ? `heal ${(links as { from: string; to: string }[]).map((l) => `${l.from} → ${l.to}`).join(', ')}`
          : 'heal all',
        max,
      );
    }
    case 'crash': {
      const disk = fault('disk');
      return clip(`crash${disk === 'lost' ? ' (disk lost)' : ''}${text}`, max);
    }
    case 'skew': {
      const offset = fault('offset');
      const drift = fault('drift');
      const parts = [
        offset !== undefined ? `offset ${formatValue(offset)}ms` : '',
        drift !== undefined ? `drift ${formatValue(drift)}` : '',
      ];
      return clip(`skew ${parts.filter(Boolean).join(', ')}`.trim(), max);
    }
    case 'note':
      return clip(d.text ?? 'note', max);
    case 'anomaly':
      return clip(`anomaly${text}`, max);
    default:
      return clip(`${kind}${text}`, max);
  }
}

// One-line descriptions of trace events, for stack frames, stop reasons and logpoints.

import type { Trace } from '../../traces/store';
import { NETWORK_ACTOR } from '../../traces/types';
import { formatScenarioValue, formatSiblings, formatValue } from './expressions';

/** Virtual time as a short string: `3.2ms`. */
export function formatTime(ms: number): string {
  return `${Number(ms.toFixed(3))}ms`;
}

function fault(d: Record<string, unknown> | undefined, name: string): unknown {
  if (!d) return undefined;
  return d[name] ?? (d.detail as Record<string, unknown> | undefined)?.[name];
}

export function describeEvent(trace: Trace, e: number): string {
  const kind = trace.kind(e);
  const actor = trace.actorId(trace.actorOf(e));
  const d = trace.detail(e);
  const raw = d as Record<string, unknown> | undefined;
  switch (kind) {
    case 'send':
      return `send ${d?.type ?? '?'} #${d?.msg} ${d?.from ?? actor} → ${d?.to}`;
    case 'deliver':
      return `deliver ${d?.type ?? '?'} #${d?.msg} ${d?.from} → ${d?.to ?? actor}`;
    case 'drop':
      return `drop ${d?.type ?? '?'} #${d?.msg} ${d?.from} → ${d?.to}${d?.reason ? ` (${d.reason})` : ''}`;
    case 'timer':
      return `${actor}: timer ${d?.timer ?? ''}`.trim();
    case 'request': {
      const op = d?.op;
      if (!op) return `${actor}: request`;
      const what =
        op.kind === 'read' || op.kind === 'delete'
          ? `${op.kind} ${op.dataKey}`
          : op.kind === 'increment'
            ? `increment ${op.dataKey} by ${op.by ?? 1}`
            : `${op.kind} ${op.dataKey} = ${formatScenarioValue(op.value)}`;
      return `${op.client}: ${what} (${op.key})`;
    }
    case 'response': {
      const op = d?.op;
      const r = d?.result;
      const head = `${op?.client ?? actor}: ${op?.kind ?? 'op'} ${op?.key ?? ''} →`;
      if (!r) return `${head} ?`;
      if (!r.ok) return `${head} failed: ${r.error ?? 'error'}`;
      if (r.values)
        return `${head} ${r.values.length ? formatSiblings(r.values) : 'not found'}${r.servedBy ? ` from ${r.servedBy}` : ''}`;
      return `${head} ok${r.servedBy ? ` (${r.servedBy})` : ''}`;
    }
    case 'state':
      if (d?.key !== undefined) return `${actor}: ${d.key} := ${formatSiblings(d.after ?? [])}`;
      if (d?.append !== undefined) return `${actor}: ${d.field} += ${formatValue(d.append, 80)}`;
      if (d?.truncate !== undefined) return `${actor}: ${d.field} truncated to ${d.truncate}`;
      return `${actor}: ${d?.field} = ${formatValue(d?.value, 80)}`;
    case 'crash': {
      const node = fault(raw, 'node') ?? actor;
      return `crash ${node}${fault(raw, 'disk') === 'lost' ? ' (disk lost)' : ''}`;
    }
    case 'recover':
      return `recover ${fault(raw, 'node') ?? actor}`;
    case 'partition': {
      const groups = fault(raw, 'groups');
      return Array.isArray(groups)
        ? `partition ${groups.map((g) => `[${(g as string[]).join(', ')}]`).join(' | ')}`
        : 'partition';
    }
    case 'cut':
      return `cut ${fault(raw, 'from')} → ${fault(raw, 'to')}`;
    case 'heal':
      return 'heal';
    case 'skew':
      return `skew ${fault(raw, 'node') ?? actor} ${formatValue(fault(raw, 'offset'))}ms`;
    case 'anomaly':
      return `anomaly: ${d?.text ?? formatValue(d?.detail)}`;
    case 'note':
      return `${actor === NETWORK_ACTOR ? '' : `${actor}: `}${d?.text ?? 'note'}`;
    case 'fork':
      return d?.text ?? 'what-if fork';
    default:
      return `${actor}: ${kind}${d?.text ? ` ${d.text}` : ''}`;
  }
}

// Export a trace as a Mermaid sequence diagram: a participant per node and client, an arrow per
// delivered message (drawn where it arrives), a cross-ended arrow per dropped message, notes for state
// changes, client operations, faults and anomalies. Mermaid lays out every statement in sequence, so a
// big trace is cut to a window of events, with a note saying which part is shown.

import { describeEvent } from '../describe';
import type { Trace } from '../store';

export interface MermaidOptions {
  /** First event of the window (default 0). */
  from?: number;
  /** Most events in the window (default 400). */
  maxEvents?: number;
  /** Leave out timer events and protocol field changes (keeps data changes). Default false. */
  compact?: boolean;
}

/** Mermaid text must not break its line grammar: entity-code the characters it treats specially. */
function text(s: string): string {
  return s.replace(/[#;<>\n]/g, (c) => (c === '\n' ? ' ' : `#${c.charCodeAt(0)};`));
}

export function exportMermaid(trace: Trace, options: MermaidOptions = {}): string {
  const max = Math.max(1, options.maxEvents ?? 400);
  const from = Math.max(0, Math.min(options.from ?? 0, Math.max(0, trace.length - 1)));
  const to = Math.min(trace.length, from + max);
  const alias = new Map<string, string>();
  const out: string[] = ['sequenceDiagram'];
  const title = trace.header.scenario.title;
  if (title) out.push(`  title ${text(title)}`);
  trace.actors.forEach((a, i) => {
    if (a.kind === 'network') return;
    const id = `A${i}`;
    alias.set(a.id, id);
    out.push(`  ${a.kind === 'client' ? 'actor' : 'participant'} ${id} as ${text(a.id)}`);
  });
  const everyone = [...alias.values()];
  const span = everyone.length > 1 ? `${everyone[0]},${everyone[everyone.length - 1]}` : (everyone[0] ?? '');
  if (span === '') return `${out.join('\n')}\n`;
  if (from > 0 || to < trace.length) {
    out.push(`  Note over ${span}: showing events ${from}–${to - 1} of ${trace.length} (window of ${max})`);
  }
  const anomalies = new Map<number, string[]>();
  for (const a of trace.anomalies) {
    const list = anomalies.get(a.event) ?? [];
    list.push(`⚠ ${a.kind}: ${a.explain}`);
    anomalies.set(a.event, list);
  }
  const where = (actor: string): string => alias.get(actor) ?? span;
  for (let e = from; e < to; e++) {
    const kind = trace.kind(e);
    const d = trace.detail(e) ?? {};
    const actor = trace.actorId(trace.actorOf(e));
    const label = text(describeEvent(trace, e));
    const type = text(d.type ?? d.payload?.type ?? 'message');
    switch (kind) {
      case 'send':
        break; // drawn where it arrives or is dropped
      case 'deliver':
        if (d.from && alias.has(d.from)) out.push(`  ${where(d.from)}->>${where(actor)}: ${type}`);
        break;
      case 'drop':
        if (d.from && d.to && alias.has(d.from) && alias.has(d.to)) {
          out.push(
            `  ${where(d.from)}-x${where(d.to)}: ${type} dropped${d.reason ? ` (${text(d.reason)})` : ''}`,
          );
        }
        break;
      case 'timer':
        if (!options.compact) out.push(`  Note right of ${where(actor)}: ${label}`);
        break;
      case 'state':
        if (options.compact && d.key === undefined) break;
        out.push(`  Note over ${where(actor)}: ${label}`);
        break;
      case 'crash':
      case 'recover':
        out.push(`  Note over ${where(actor)}: ${kind === 'crash' ? '💥 ' : ''}${label}`);
        break;
      case 'partition':
      case 'heal':
      case 'cut':
        out.push(`  Note over ${span}: ${label}`);
        break;
      case 'anomaly':
        // Usually also in the anomaly list (shown below with its explanation); otherwise show it here.
        if (!anomalies.has(e)) out.push(`  Note over ${where(actor)}: ⚠ ${label}`);
        break;
      default:
        out.push(`  Note over ${where(actor)}: ${label}`);
    }
    for (const a of anomalies.get(e) ?? []) out.push(`  Note over ${where(actor)}: ${text(a)}`);
  }
  if (to < trace.length) out.push(`  Note over ${span}: … ${trace.length - to} more events not shown`);
  return `${out.join('\n')}\n`;
}

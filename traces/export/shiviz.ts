// Export a trace as a ShiViz log: each event is a description line followed by `host {clock}`, which
// ShiViz's own default expression reads. With `upload`, the expression and an empty delimiter come
// first (ShiViz's upload format), so the file loads as is.

import { describeEvent } from '../describe';
import type { Trace } from '../store';

/** Reads what exportShiviz writes (ShiViz's default, with hosts allowed to hold any non-space text). */
export const SHIVIZ_EXPORT_PARSER = '(?<event>.*)\\n(?<host>\\S+) (?<clock>\\{.*\\})';

export interface ShivizExport {
  /** The log text. */
  log: string;
  /** The expression to paste into ShiViz's "log parsing regular expression" box. */
  parser: string;
  /** Always empty: one execution. */
  delimiter: string;
}

export interface ShivizExportOptions {
  /** Prepend the expression and delimiter lines (ShiViz's upload format). */
  upload?: boolean;
  /** Leave out events of the network pseudo-actor (partitions, drops): they are not a host in ShiViz. */
  skipNetwork?: boolean;
}

/** Host names must not hold whitespace for the expression to split them; replace it. */
function hostName(id: string): string {
  return id.replace(/\s+/g, '_');
}

export function exportShiviz(trace: Trace, options: ShivizExportOptions = {}): ShivizExport {
  const lines: string[] = [];
  if (options.upload) lines.push(SHIVIZ_EXPORT_PARSER, '');
  const names = trace.actors.map((a) => hostName(a.id));
  for (let e = 0; e < trace.length; e++) {
    const a = trace.actorOf(e);
    if (options.skipNetwork && trace.actors[a]!.kind === 'network') continue;
    const clock: Record<string, number> = {};
    for (let b = 0; b < trace.actors.length; b++) {
      if (options.skipNetwork && trace.actors[b]!.kind === 'network') continue;
      const v = trace.vcEntry(e, b);
      if (v !== 0) clock[names[b]!] = v;
    }
    lines.push(`[${e}] t=${trace.time(e)} ${describeEvent(trace, e, 200)}`.replace(/\n/g, ' '));
    lines.push(`${names[a]} ${JSON.stringify(clock)}`);
  }
  return { log: `${lines.join('\n')}\n`, parser: SHIVIZ_EXPORT_PARSER, delimiter: '' };
}

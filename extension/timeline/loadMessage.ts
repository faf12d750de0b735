// What the host posts to show a trace in the timeline. Kept apart from activate.ts (no vscode
// import) so it can be tested directly.
import { readTrace } from '../../traces/io';
import type { Trace } from '../../traces/store';
import { toTransferParts } from '../../traces/transfer';
import type { HostToWebview } from '../../webview/protocol';

/**
 * The messages that show a trace: `load` with the head of its two-part transfer (columns and what
 * drawing needs), and the `loadDetails` parts that complete it, each written only when asked for
 * (after the head has been posted; a part at a time, so neither the host nor the view spends
 * seconds at once on a big trace's details).
 */
export function traceMessages(
  trace: Trace,
  fields: { title?: string; current?: number } = {},
): { load: HostToWebview; details: { count: number; message: (i: number) => HostToWebview } } {
  const { head, detailParts } = toTransferParts(trace);
  const { count, part } = detailParts();
  return {
    load: { type: 'load', transfer: head, ...fields },
    details: { count, message: (i) => ({ type: 'loadDetails', details: part(i) }) },
  };
}

/**
 * The trace a trace file's text holds, or undefined when it does not read: the host then sends the
 * text itself, so that the view reads it again and shows where it is wrong, as for any bad file.
 */
export function traceFileTrace(text: string): Trace | undefined {
  try {
    return readTrace(text);
  } catch {
    return undefined;
  }
}

// What the host posts to show a trace in the timeline. Kept apart from activate.ts (no vscode
// import) so it can be tested directly.
import { readTrace } from '../../traces/io';
import type { Trace } from '../../traces/store';
import { toTransferParts } from '../../traces/transfer';
import type { HostToWebview } from '../../webview/protocol';

/**
 * The messages that show a trace: `load` with the head of its two-part transfer (columns and what
 * drawing needs), and the `loadDetails` that completes it, written only when asked (after the head
 * has been posted).
 */
export function traceMessages(
  trace: Trace,
  fields: { title?: string; current?: number } = {},
): { load: HostToWebview; details: () => HostToWebview } {
  const { head, details } = toTransferParts(trace);
  return {
    load: { type: 'load', transfer: head, ...fields },
    details: () => ({ type: 'loadDetails', details: details() }),
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

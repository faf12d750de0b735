// What the host posts to show a trace file in the timeline. Kept apart from activate.ts (no vscode
// import) so it can be tested directly.
import { readTrace } from '../../traces/io';
import type { Trace } from '../../traces/store';
import { toTransfer } from '../../traces/transfer';
import type { HostToWebview } from '../../webview/protocol';

/**
 * The `load` message for a trace file's text: its transfer form when it reads (far cheaper for the
 * webview than the JSON), else the text itself, so that the view reads it again and shows where it
 * is wrong exactly as for any bad trace file.
 */
export function traceFileMessage(text: string, title: string): HostToWebview {
  let trace: Trace;
  try {
    trace = readTrace(text);
  } catch {
    return { type: 'load', text, title };
  }
  return { type: 'load', transfer: toTransfer(trace), title };
}

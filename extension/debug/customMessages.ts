// Custom DAP requests and events of the `replication` debugger, declared once and typed, so the
// adapter, the extension host and the timeline webview cannot drift apart.

import type { InterventionAction } from '../../engine/sim/simulate';
import type { TraceFile } from '../../traces/types';

/** Sent by the adapter after every stop: where the debugger is now. */
export interface CurrentEventBody {
  /** The current event; -1 = before the first event. */
  event: number;
  /** Its virtual time, ms (0 before the first event). */
  time: number;
  actor?: string;
  /** Scenario line it descends from. */
  line?: number;
  description: string;
  /** The branch shown (0 = the original run; forks count up). */
  branch: number;
  /** Events in the branch. */
  length: number;
  reason: string;
}

export interface BranchInfo {
  id: number;
  label: string;
  parent?: number;
  forkEvent?: number;
  length: number;
  current: boolean;
}

/** Sent when a fork creates a branch or the user switches branch: the trace to show changed. */
export interface BranchesChangedBody {
  branches: BranchInfo[];
  current: number;
}

export interface CustomEvents {
  'replication/currentEvent': CurrentEventBody;
  'replication/branchesChanged': BranchesChangedBody;
}

export interface CustomRequests {
  /** Move the debugger to an event (a click on the timeline). */
  'replication/jumpTo': { args: { event: number }; result: CurrentEventBody };
  /** What-if: deliver or drop an in-flight message, or inject a fault, right after the current event. */
  'replication/fork': { args: { action: InterventionAction }; result: BranchesChangedBody };
  /** The current branch's trace in the JSON form of the spec. */
  'replication/trace': { args: { branch?: number }; result: TraceFile };
  'replication/branches': { args: Record<string, never>; result: BranchesChangedBody };
  'replication/switchBranch': { args: { branch: number }; result: BranchesChangedBody };
}

export type CustomEventName = keyof CustomEvents;
export type CustomRequestName = keyof CustomRequests;

export const CUSTOM_EVENTS = {
  currentEvent: 'replication/currentEvent',
  branchesChanged: 'replication/branchesChanged',
} as const satisfies Record<string, CustomEventName>;

export const CUSTOM_REQUESTS = {
  jumpTo: 'replication/jumpTo',
  fork: 'replication/fork',
  trace: 'replication/trace',
  branches: 'replication/branches',
  switchBranch: 'replication/switchBranch',
} as const satisfies Record<string, CustomRequestName>;

export function isCustomRequest(command: string): command is CustomRequestName {
  return (Object.values(CUSTOM_REQUESTS) as string[]).includes(command);
}

/** Something that can send a DAP custom request (vscode.DebugSession or DebugClient). */
export interface CustomRequestSender {
  customRequest(command: string, args?: unknown): PromiseLike<unknown>;
}

/** Typed wrapper over `customRequest`. */
export async function sendCustomRequest<K extends CustomRequestName>(
  session: CustomRequestSender,
  command: K,
  args: CustomRequests[K]['args'],
): Promise<CustomRequests[K]['result']> {
  return (await session.customRequest(command, args)) as CustomRequests[K]['result'];
}

// Drives a ReplicationDebugSession over a real DAP connection (a local socket) with
// @vscode/debugadapter-testsupport's DebugClient, optionally recording the transcript.

import { createServer, type Server } from 'node:net';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { ReplicationDebugSession, type SessionHost } from '../session';

export type TranscriptEntry =
  | { request: string; arguments?: unknown }
  | { response: string; success: boolean; message?: string; body?: unknown }
  | { event: string; body?: unknown };

class RecordingSession extends ReplicationDebugSession {
  constructor(
    host: SessionHost,
    private readonly log?: TranscriptEntry[],
  ) {
    super(host);
  }

  protected override dispatchRequest(request: DebugProtocol.Request): void {
    this.log?.push({
      request: request.command,
      ...(request.arguments ? { arguments: request.arguments } : {}),
    });
    super.dispatchRequest(request);
  }

  override sendResponse(response: DebugProtocol.Response): void {
    this.log?.push({
      response: response.command,
      success: response.success,
      ...(response.message ? { message: response.message } : {}),
      ...(response.body ? { body: response.body } : {}),
    });
    super.sendResponse(response);
  }

  override sendEvent(event: DebugProtocol.Event): void {
    this.log?.push({ event: event.event, ...(event.body ? { body: event.body } : {}) });
    super.sendEvent(event);
  }
}

export interface Harness {
  client: DebugClient;
  transcript: TranscriptEntry[];
  close(): Promise<void>;
}

export async function startHarness(host: SessionHost, record = false): Promise<Harness> {
  const transcript: TranscriptEntry[] = [];
  const server: Server = createServer((socket) => {
    const session = new RecordingSession(host, record ? transcript : undefined);
    session.setRunAsServer(true);
    session.start(socket, socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const client = new DebugClient('node', 'unused', 'replication');
  client.defaultTimeout = 10_000;
  await client.start(address.port);
  return {
    client,
    transcript,
    close: async () => {
      await client.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** initialize + launch + configuration, resolving with the first stopped event. */
export async function launchAndStop(
  client: DebugClient,
  launch: Record<string, unknown>,
  configure: () => Promise<unknown> = async () => {},
): Promise<DebugProtocol.StoppedEvent> {
  await client.initializeRequest({
    adapterID: 'replication',
    linesStartAt1: true,
    columnsStartAt1: true,
    pathFormat: 'path',
    supportsInvalidatedEvent: true,
  });
  const initialized = client.waitForEvent('initialized');
  await client.launchRequest(launch as DebugProtocol.LaunchRequestArguments);
  await initialized;
  await configure();
  const stopped = client.waitForEvent('stopped');
  await client.configurationDoneRequest();
  return (await stopped) as DebugProtocol.StoppedEvent;
}

/** Send a request that makes the adapter stop, resolving with the stopped event. */
export async function stopAfter(
  client: DebugClient,
  request: Promise<unknown>,
): Promise<DebugProtocol.StoppedEvent> {
  const stopped = client.waitForEvent('stopped');
  await request;
  return (await stopped) as DebugProtocol.StoppedEvent;
}

/** The first output event whose text contains `text`. */
export function waitForOutput(client: DebugClient, text: string): Promise<DebugProtocol.OutputEvent> {
  return new Promise((resolve) => {
    const listener = (e: DebugProtocol.OutputEvent) => {
      if (e.body.output.includes(text)) {
        client.removeListener('output', listener);
        resolve(e);
      }
    };
    client.on('output', listener);
  });
}

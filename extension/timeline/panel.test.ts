import { describe, expect, it, vi } from 'vitest';
import { sampleTrace } from '../../traces/sample';
import { attachDetails, fromTransferHead } from '../../traces/transfer';
import type { HostToWebview } from '../../webview/protocol';
import { validateHostMessage } from '../../webview/protocol';
import { syntheticTrace } from '../../webview/testing/syntheticTrace';
import { TimelineConnection } from './panel';

vi.mock('vscode', () => ({
  window: { showWarningMessage: vi.fn(), showErrorMessage: vi.fn(), showInformationMessage: vi.fn() },
}));

/** A webview that records what it is sent; `say` is the page posting to the host. */
function fakeWebview() {
  const posted: HostToWebview[] = [];
  let listener: (m: unknown) => void = () => {};
  const webview = {
    onDidReceiveMessage(l: (m: unknown) => void) {
      listener = l;
      return { dispose() {} };
    },
    postMessage(m: HostToWebview): Promise<boolean> {
      posted.push(m);
      return Promise.resolve(true);
    },
  };
  return { webview, posted, say: (m: unknown) => listener(m) };
}

const turns = () => new Promise((r) => setTimeout(r, 10));
const types = (posted: HostToWebview[]) => posted.map((m) => m.type);

function connect() {
  const w = fakeWebview();
  const conn = new TimelineConnection(w.webview as never, { ready: () => {} });
  return { ...w, conn };
}

describe('TimelineConnection', () => {
  it('holds a trace until the page is ready, then sends its head and, after it, the details', async () => {
    const { conn, posted, say } = connect();
    const trace = sampleTrace();
    conn.postTrace(trace, { title: 'run' });
    await turns();
    expect(posted).toEqual([]);
    say({ type: 'ready' });
    await turns();
    expect(types(posted)).toEqual(['load', 'loadDetails']);
    const [load, details] = posted.map((m) => validateHostMessage(structuredClone(m)));
    if (!load?.ok || load.value.type !== 'load' || !('transfer' in load.value)) throw new Error('no load');
    if (!details?.ok || details.value.type !== 'loadDetails') throw new Error('no details');
    const whole = attachDetails(fromTransferHead(load.value.transfer), details.value.details);
    expect(whole.length).toBe(trace.length);
    for (let e = 0; e < trace.length; e++) expect(whole.event(e)).toEqual(trace.event(e));
  });

  it('sends a big trace’s details in parts, in order, that complete it', async () => {
    const { conn, posted, say } = connect();
    say({ type: 'ready' });
    const trace = syntheticTrace({ events: 70_000 });
    conn.postTrace(trace);
    for (let i = 0; i < 50 && posted.length < 3; i++) await turns();
    expect(types(posted)).toEqual(['load', 'loadDetails', 'loadDetails']);
    const parts = posted.slice(1).map((m) => (m as { details: { part: number; parts: number } }).details);
    expect(parts.map((p) => [p.part, p.parts])).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const head = (posted[0] as { transfer: unknown }).transfer;
    const whole = attachDetails(fromTransferHead(structuredClone(head)), structuredClone(parts));
    expect(whole.event(69_999)).toEqual(trace.event(69_999));
  });

  it('does not write the details of a trace another load has replaced', async () => {
    const { conn, posted, say } = connect();
    say({ type: 'ready' });
    conn.postTrace(sampleTrace(), { title: 'first' });
    conn.postTrace(sampleTrace(), { title: 'second' });
    await turns();
    expect(types(posted)).toEqual(['load', 'load', 'loadDetails']);
    const second = posted[1] as { transfer: { detailsId: string } };
    expect((posted[2] as { details: { detailsId: string } }).details.detailsId).toBe(
      second.transfer.detailsId,
    );
  });

  it('shows the trace, its forks and the current event again when the page comes back', async () => {
    const { conn, posted, say } = connect();
    say({ type: 'ready' });
    conn.postTrace(sampleTrace(), { title: 'run' });
    void conn.post({ type: 'fork', forks: [{ event: 3, label: 'crash n2' }] });
    void conn.post({ type: 'currentEvent', id: 5 });
    await turns();
    posted.length = 0;
    // Hidden, then shown: a new page says ready again.
    say({ type: 'ready' });
    await turns();
    expect(types(posted)).toEqual(['load', 'fork', 'currentEvent', 'loadDetails']);
    expect(posted[2]).toEqual({ type: 'currentEvent', id: 5 });
    expect((posted[0] as { title?: string }).title).toBe('run');
  });

  it('shows a bad file’s text again too, as it was sent', async () => {
    const { conn, posted, say } = connect();
    say({ type: 'ready' });
    void conn.post({ type: 'load', text: '{"format":', title: 'bad.trace.json' });
    await turns();
    say({ type: 'ready' });
    await turns();
    expect(posted).toEqual([
      { type: 'load', text: '{"format":', title: 'bad.trace.json' },
      { type: 'load', text: '{"format":', title: 'bad.trace.json' },
    ]);
  });
});

// Progressive load, as the extension shows every trace: the head of a two-part transfer first (the
// view draws it), the details after (panels, search and key filters fill in). Built bundle in
// headless Chromium, stubbed acquireVsCodeApi. Run: npx vitest run --config webview/vitest.e2e.config.mts
import { describe, expect, it } from 'vitest';
import { type TraceTransferDetails, toTransferParts } from '../../traces/transfer';
import type { Harness } from '../testing/harness';
import {
  clickEvent,
  eventPanel,
  eventPoints,
  exampleRun,
  posted,
  settle,
  shot,
  timelineViews,
} from './timelinePage';

const siblings = exampleRun('leaderless/sibling-explosion-version-vectors.scenario.yaml');

let h: Harness;
const views = timelineViews();

/** The view with the head of the siblings run loaded, and that run's details (not sent yet). */
async function openHead(): Promise<{ details: TraceTransferDetails; detailsId: string }> {
  h = await views.open({ width: 1400, height: 760 });
  const { head, details } = toTransferParts(siblings.trace);
  await h.send({ type: 'load', transfer: head, title: 'progressive' });
  await settle(h.page);
  return { details: details(), detailsId: head.detailsId };
}

/** The main canvas's pixels, as a data URL. */
const canvasImage = (): Promise<string> =>
  h.page.evaluate(() => (document.querySelector('canvas.main-canvas') as HTMLCanvasElement).toDataURL());

const banner = () => h.page.locator('.error-banner');

/** A state event where siblings arise (a conflict mark), and one with a payload. */
function conflictEvent(): number {
  for (let e = 0; e < siblings.trace.length; e++) {
    const d = siblings.trace.detail(e);
    if (siblings.trace.kind(e) === 'state' && d?.after && d.after.length > 1) return e;
  }
  throw new Error('the siblings run has no conflict');
}

describe('progressive load', () => {
  it('draws the head before the details come, exactly as the whole trace is drawn', async () => {
    const { details } = await openHead();
    expect(await h.page.locator('.status').textContent()).toContain(`${siblings.trace.length} events`);
    expect(await h.page.locator('.status').textContent()).toContain('loading details…');
    const points = await eventPoints(h.page);
    expect(points.filter((p) => p !== null).length).toBe(siblings.trace.length);
    const fromHead = await canvasImage();
    await shot(h, 'progressive-head');
    await h.send({ type: 'loadDetails', details });
    await settle(h.page);
    expect(await h.page.locator('.status').textContent()).not.toContain('loading details');
    // Messages, conflict marks, anomaly badges, crashes: nothing drawn waits for the details.
    expect(await canvasImage()).toBe(fromHead);
    expect(await banner().isHidden()).toBe(true);
  });

  it('says the panels are loading, then fills them in when the details arrive, keeping the selection', async () => {
    const { details } = await openHead();
    const conflict = conflictEvent();
    await h.page.locator('.diagram').focus();
    await h.page.keyboard.press('c');
    await settle(h.page);
    await clickEvent(h.page, conflict);
    let panel = await eventPanel(h.page);
    expect(panel).toContain(`#${conflict} state`);
    expect(panel).toContain('vector clock');
    expect(panel).toContain('Loading details…');
    expect(panel).not.toContain('after');
    await shot(h, 'progressive-loading');
    // The state tab, and a search, wait for the details too.
    await h.page.locator('vscode-tab-header').nth(1).click();
    await settle(h.page);
    expect(await h.page.locator('.side-panel').nth(1).textContent()).toContain('Loading details…');
    const key = siblings.trace.detail(conflict)!.key!;
    await h.page.locator('vscode-textfield.search input').fill(key);
    await expect
      .poll(() => h.page.locator('.search-count').textContent())
      .toBe('searching when the details are loaded…');
    // The key filter has no keys to offer yet.
    await h.page.locator('.filter-toggle').click();
    expect(await h.page.locator('.filter-key').textContent()).toContain('keys load with the details');

    await h.send({ type: 'loadDetails', details });
    await settle(h.page);
    expect(await h.page.locator('.side-panel').nth(1).textContent()).not.toContain('Loading details');
    await h.page.locator('vscode-tab-header').nth(0).click();
    await settle(h.page);
    panel = await eventPanel(h.page);
    expect(panel).toContain(`#${conflict} state`);
    expect(panel).not.toContain('Loading details');
    expect(panel).toContain('after');
    expect(panel).toContain(key);
    await expect.poll(() => h.page.locator('.search-count').textContent()).toMatch(/^\d+ match/);
    expect(await h.page.locator('.filter-key').textContent()).toContain(key);
    await shot(h, 'progressive-details');
  });

  it('refuses corrupt details with the reason, and keeps the events it draws', async () => {
    const { details } = await openHead();
    const drawn = async () => (await eventPoints(h.page)).filter((p) => p !== null).length;
    const corrupt = { ...details, meta: new TextEncoder().encode('{"msgPayload": [') };
    await h.send({ type: 'loadDetails', details: corrupt });
    await settle(h.page);
    await expect
      .poll(() => banner().textContent())
      .toMatch(/details cannot be read.*'meta' is not UTF-8 JSON/);
    expect((await posted(h, 'error')).at(-1)?.message).toMatch(/details cannot be read/);
    // The banner takes room above the diagram; every event is still drawn.
    expect(await drawn()).toBe(siblings.trace.length);
    await clickEvent(h.page, conflictEvent());
    expect(await eventPanel(h.page)).toContain('No details:');
    expect(await h.page.locator('.status').textContent()).not.toContain('loading details');
  });

  it('refuses the details of another trace, and still takes its own', async () => {
    const { detailsId } = await openHead();
    const other = toTransferParts(exampleRun('single-leader/failover-lost-writes.scenario.yaml').trace);
    await h.send({ type: 'loadDetails', details: other.details() });
    await expect.poll(() => banner().textContent()).toMatch(/details came for another trace/);
    expect(await h.page.locator('.status').textContent()).toContain('loading details…');
    // Another trace's tables under this trace's id: they do not fit its columns.
    await h.send({ type: 'loadDetails', details: { ...other.details(), detailsId } });
    await expect
      .poll(() => banner().textContent())
      .toMatch(/details cannot be read.*has \d+ entries, expected \d+/);
    // Refused details leave the view without details for good; a new load starts again.
    const again = toTransferParts(siblings.trace);
    await h.send({ type: 'load', transfer: again.head });
    await h.send({ type: 'loadDetails', details: again.details() });
    await settle(h.page);
    expect(await banner().isHidden()).toBe(true);
    expect(await h.page.locator('.status').textContent()).not.toContain('loading details');
  });
});

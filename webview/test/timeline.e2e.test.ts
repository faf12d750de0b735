// The timeline webview as a person and the debugger use it: the built bundle in headless Chromium, in
// the page the extension serves (same CSP), with a stubbed acquireVsCodeApi. Traces come from real
// example runs. Build first: `node scripts/build.mjs`; run: npx vitest run --config webview/vitest.e2e.config.mts
import { describe, expect, it } from 'vitest';
import { relation } from '../../traces/causality';
import { formatVector } from '../model/causality';
import type { Harness } from '../testing/harness';
import {
  a11yItems,
  clearEvents,
  clickEvent,
  distance,
  eventPanel,
  eventPoints,
  exampleRun,
  hex,
  highlight,
  pixel,
  pointOf,
  posted,
  savedState,
  settle,
  shot,
  timelineViews,
  view,
} from './timelinePage';

const siblings = exampleRun('leaderless/sibling-explosion-version-vectors.scenario.yaml');
const failover = exampleRun('single-leader/failover-lost-writes.scenario.yaml');

// The dark theme's colours the harness sets (VS Code's Dark Modern values).
const PAST = hex('#b180d7');
const FUTURE = hex('#89d185');
const CURRENT = hex('#cca700');

let h: Harness;
const views = timelineViews();

async function open(file = siblings.file, savedStateValue?: unknown): Promise<Harness> {
  h = await views.open({ width: 1400, height: 760, savedState: savedStateValue });
  await h.send({ type: 'load', trace: file });
  await settle(h.page);
  return h;
}

/** Compressed mode (every event a step further), so that events are far enough apart to aim at. */
async function spreadOut(): Promise<void> {
  await h.page.locator('.diagram').focus();
  await h.page.keyboard.press('c');
  await h.page.keyboard.press('+');
  await settle(h.page);
}

describe('the timeline webview', () => {
  it('says it is ready, then shows a run: title, lanes, every event counted', async () => {
    await open();
    expect((await posted(h, 'ready')).length).toBe(1);
    await expect
      .poll(() => h.page.locator('.title').textContent())
      .toBe(siblings.trace.header.scenario.title);
    expect(await h.page.locator('.status').textContent()).toContain(`${siblings.trace.length} events`);
    const points = await eventPoints(h.page);
    // The whole run fits at first: every event of the run is drawn somewhere on screen.
    expect(points.filter((p) => p !== null).length).toBe(siblings.trace.length);
    await shot(h, 'siblings-loaded');
  });

  it('selects an event clicked on the canvas: details, vector clock, jumpTo, screen-reader list', async () => {
    await open();
    await spreadOut();
    const t = siblings.trace;
    const points = await eventPoints(h.page);
    const target = clearEvents(points).find((e) => t.kind(e) === 'deliver' && e > 20);
    expect(target).toBeDefined();
    const e = target!;
    await clickEvent(h.page, e);
    const panel = await eventPanel(h.page);
    expect(panel).toContain(`#${e} deliver on ${t.actorId(t.actorOf(e))}`);
    expect(panel).toContain(formatVector(t.vc(e)));
    expect(await posted(h, 'jumpTo')).toEqual([{ type: 'jumpTo', event: e }]);
    const items = await a11yItems(h.page);
    expect(items.find((i) => i.selected)?.id).toBe(`a11y-${e}`);
    // Clicking empty space (below the lanes) clears the selection and does not move the debugger.
    const p = (await pointOf(h.page, e))!;
    const box = (await h.page.locator('.diagram').boundingBox())!;
    await h.page.mouse.click(p.x, box.y + box.height - 20);
    await settle(h.page);
    expect((await highlight(h.page)).selected).toBe(-1);
    expect((await posted(h, 'jumpTo')).length).toBe(1);
  });

  it('colours the causal past and future of the selection and dims what is concurrent', async () => {
    await open();
    await spreadOut();
    const t = siblings.trace;
    const filled = new Set(['deliver', 'send', 'request', 'state']);
    const clear = clearEvents(await eventPoints(h.page)).filter((e) => filled.has(t.kind(e)));
    // The selection: a middle event with events in each relation among the clear ones.
    const classify = (s: number, e: number) => relation(t, e, s);
    const selected = clear.find(
      (s) =>
        ['before', 'after', 'concurrent'].every((r) => clear.some((e) => e !== s && classify(s, e) === r)) &&
        s > 30,
    );
    expect(selected).toBeDefined();
    const s = selected!;
    const past = clear.find((e) => classify(s, e) === 'before')!;
    const future = clear.find((e) => classify(s, e) === 'after')!;
    const concurrent = clear.filter((e) => classify(s, e) === 'concurrent');
    const points = await eventPoints(h.page);
    const background = await pixel(h.page, {
      x: points[concurrent[0]!]!.x,
      y: points[concurrent[0]!]!.y - 16,
    });
    const before = await Promise.all(concurrent.map((e) => pixel(h.page, points[e]!)));
    await clickEvent(h.page, s);
    await shot(h, 'siblings-causal-highlight');
    expect(distance(await pixel(h.page, points[past]!), PAST)).toBeLessThan(12);
    expect(distance(await pixel(h.page, points[future]!), FUTURE)).toBeLessThan(12);
    const after = await Promise.all(concurrent.map((e) => pixel(h.page, points[e]!)));
    concurrent.forEach((e, i) => {
      // Dimmed: much closer to the lane background than when nothing was selected.
      expect(distance(after[i]!, background), `event ${e}`).toBeLessThan(
        distance(before[i]!, background) * 0.6,
      );
    });
  });

  it('says whether two selected events happen one before the other or are concurrent', async () => {
    await open();
    await spreadOut();
    const t = siblings.trace;
    const clear = clearEvents(await eventPoints(h.page));
    let a = -1;
    let b = -1;
    for (const x of clear)
      for (const y of clear) if (a < 0 && x < y && relation(t, x, y) === 'before' && x > 10) [a, b] = [x, y];
    await clickEvent(h.page, a);
    await clickEvent(h.page, b, true);
    expect(await eventPanel(h.page)).toContain(`#${a} happens before #${b}`);
    // Shift-click does not move the debugger; only the first click did.
    expect(await posted(h, 'jumpTo')).toEqual([{ type: 'jumpTo', event: a }]);
    const c = clear.find((x) => relation(t, a, x) === 'concurrent')!;
    await clickEvent(h.page, c, true);
    expect(await eventPanel(h.page)).toContain(`#${a} and #${c} are concurrent`);
    await shot(h, 'siblings-two-selected');
  });

  it('shows the version vectors of the siblings a write leaves', async () => {
    await open();
    const t = siblings.trace;
    // The last write's state event on n1: several siblings, each with its version vector.
    let e = -1;
    for (let i = 0; i < t.length; i++)
      if (t.kind(i) === 'state' && (t.detail(i)?.after?.length ?? 0) > 2) e = i;
    expect(e).toBeGreaterThan(0);
    await h.page.evaluate((e) => {
      (
        window as unknown as { timelineApp: { select(e: number, s: boolean, j: boolean): void } }
      ).timelineApp.select(e, false, false);
    }, e);
    await settle(h.page);
    const panel = await eventPanel(h.page);
    for (const s of t.detail(e)!.after!) {
      expect(s.vv).toBeDefined();
      expect(panel).toContain(formatVector(s.vv));
    }
  });

  it('follows the debugger: the current event is marked and scrolled into view, forwards and back', async () => {
    await open(failover.file);
    const t = failover.trace;
    // Zoom in far, so that most of the run is off screen.
    await h.page.locator('.diagram').focus();
    for (let i = 0; i < 8; i++) await h.page.keyboard.press('+');
    await settle(h.page);
    // Events drawn as themselves (not collapsed heartbeats), far apart, visited out of order.
    const periodic = /heartbeat/i;
    const near = (i: number): number => {
      while (periodic.test(t.detail(i)?.type ?? '') || t.kind(i) === 'timer') i++;
      return i;
    };
    const ids = [near(t.length - 60), near(60), near(700), near(200)];
    // The keyboard user was looking at another event: the debugger's steps still reach the list.
    await h.page.keyboard.press('ArrowRight');
    for (const id of ids) {
      expect(await pointOf(h.page, id)).toBeNull();
      await h.send({ type: 'currentEvent', id });
      await settle(h.page);
      const p = await pointOf(h.page, id);
      expect(p, `event ${id} scrolled into view`).not.toBeNull();
      expect((await highlight(h.page)).current).toBe(id);
      // The current-event ring (radius 8, 3 px wide) in the theme's yellow, on at least two sides.
      const ring = await Promise.all(
        [
          [8, 0],
          [-8, 0],
          [0, 8],
          [0, -8],
        ].map(([dx, dy]) => pixel(h.page, { x: p!.x + dx!, y: p!.y + dy! })),
      );
      expect(ring.filter((c) => distance(c, CURRENT) < 24).length).toBeGreaterThanOrEqual(2);
      const items = await a11yItems(h.page);
      expect(items.find((i) => i.id === `a11y-${id}`)?.text).toContain('(debugger is here)');
      expect(await h.page.locator('[role=status]').last().textContent()).toContain(`Debugger at #${id}`);
    }
    await shot(h, 'failover-current-event');
    await h.send({ type: 'currentEvent', id: null });
    expect((await highlight(h.page)).current).toBe(-1);
    // Keyboard: Enter on the focused event moves the debugger there.
    await h.page.locator('.diagram').focus();
    await h.page.keyboard.press('ArrowRight');
    const focus = (await highlight(h.page)).focus;
    await h.page.keyboard.press('Enter');
    expect((await posted(h, 'jumpTo')).at(-1)).toEqual({ type: 'jumpTo', event: focus });
  });

  it('filters by lane, message type, key and anomaly, and collapses periodic traffic', async () => {
    await open(failover.file);
    const t = failover.trace;
    const shown = async (): Promise<Set<number>> =>
      new Set((await eventPoints(h.page)).flatMap((p, i) => (p ? [i] : [])));
    const all = await shown();
    const heartbeats = [...Array(t.length).keys()].filter((i) => t.detail(i)?.type === 'Heartbeat');
    // Heartbeats are collapsed at first (ticks, not events).
    expect(heartbeats.some((e) => all.has(e))).toBe(false);
    await h.page.locator('.filter-toggle').click();
    await h.page.locator('.filter-collapse').click();
    await settle(h.page);
    const expanded = await shown();
    expect(heartbeats.every((e) => expanded.has(e))).toBe(true);
    await h.page.locator('.filter-collapse').click();

    // Lane: hide f2.
    await h.page.locator('.filter-actor-f2').click();
    await settle(h.page);
    const f2 = t.actorIndex.get('f2')!;
    const noF2 = await shown();
    expect([...noF2].some((e) => t.actorOf(e) === f2)).toBe(false);
    expect([...all].some((e) => t.actorOf(e) === f2)).toBe(true);
    await h.page.locator('.filter-actor-f2').click();

    // Message type: hide RequestVote.
    await h.page.locator('.filter-type-RequestVote').click();
    await settle(h.page);
    const noVotes = await shown();
    const votes = [...all].filter((e) => t.detail(e)?.type === 'RequestVote');
    expect(votes.length).toBeGreaterThan(0);
    expect(votes.some((e) => noVotes.has(e))).toBe(false);
    expect(noVotes.size).toBeGreaterThan(votes.length);
    await h.page.locator('.filter-type-RequestVote').click();

    // Key: only y.
    await h.page.evaluate(() => {
      const select = document.querySelector('.filter-key') as HTMLElement & { value: string };
      select.value = 'y';
      select.dispatchEvent(new Event('change'));
    });
    await settle(h.page);
    const onlyY = await shown();
    const keyOf = (e: number): string | undefined => {
      const d = t.detail(e);
      return d?.key ?? d?.op?.dataKey;
    };
    expect([...onlyY].some((e) => keyOf(e) === 'y')).toBe(true);
    expect([...onlyY].some((e) => keyOf(e) === 'x')).toBe(false);
    await h.page.evaluate(() => {
      const select = document.querySelector('.filter-key') as HTMLElement & { value: string };
      select.value = '';
      select.dispatchEvent(new Event('change'));
    });

    // Anomalies only: the proof of every anomaly stays, ordinary traffic goes.
    await h.page.locator('.filter-anomalies').click();
    await settle(h.page);
    const anomalous = await shown();
    for (const a of t.anomalies)
      for (const e of [a.event, ...(a.related ?? [])]) expect(anomalous.has(e)).toBe(true);
    expect(anomalous.size).toBeLessThan(all.size / 4);
    await shot(h, 'failover-anomalies-only');
  });

  it('searches events and jumps between matches', async () => {
    await open(failover.file);
    const t = failover.trace;
    const input = h.page.locator('vscode-textfield.search input');
    await input.fill('ClientWrite ');
    await input.fill('clientwriteresult');
    await expect.poll(() => h.page.locator('.search-count').textContent()).toMatch(/^\d+ match/);
    const hits = [...Array(t.length).keys()].filter((i) => t.detail(i)?.type === 'ClientWriteResult');
    expect(await h.page.locator('.search-count').textContent()).toBe(`${hits.length} matches`);
    await input.press('Enter');
    await settle(h.page);
    expect((await highlight(h.page)).selected).toBe(hits[0]);
    await input.press('Enter');
    await settle(h.page);
    expect((await highlight(h.page)).selected).toBe(hits[1]);
    await input.fill('no such thing');
    await expect.poll(() => h.page.locator('.search-count').textContent()).toBe('no match');
  });

  it('jumps to the next anomaly and explains it', async () => {
    await open(failover.file);
    const t = failover.trace;
    const events = [...new Set(t.anomalies.map((a) => a.event))].sort((a, b) => a - b);
    await h.page.locator('.diagram').focus();
    await h.page.keyboard.press('n');
    await settle(h.page);
    expect((await highlight(h.page)).selected).toBe(events[0]);
    const first = t.anomalies.find((a) => a.event === events[0])!;
    const panel = await eventPanel(h.page);
    expect(panel).toContain(first.explain);
    // Times are rounded for people (the engine's latencies make long fractions).
    expect(t.time(events[0]!)).not.toBe(Math.round(t.time(events[0]!) * 1000) / 1000);
    expect(panel).not.toMatch(/\d\.\d{4,}/);
    await h.page.locator('vscode-tab-header').nth(1).click();
    await settle(h.page);
    const state = (await h.page.locator('.side-panel').nth(1).textContent()) ?? '';
    expect(state).toContain(`Replicas after #${events[0]}`);
    expect(state).not.toMatch(/\d\.\d{4,}/);
    await h.page.locator('.diagram').focus();
    await h.page.keyboard.press('n');
    expect((await highlight(h.page)).selected).toBe(events[1]);
    await h.page.locator('.next-anomaly').click();
    expect((await highlight(h.page)).selected).toBe(events[2]);
    await settle(h.page);
    await shot(h, 'failover-anomaly');
  });

  it('zooms and pans with the keyboard, the wheel and dragging', async () => {
    await open(failover.file);
    const diagram = h.page.locator('.diagram');
    await diagram.focus();
    const v0 = await view(h.page);
    await h.page.keyboard.press('+');
    const v1 = await view(h.page);
    expect(v1.scale).toBeCloseTo(v0.scale * 1.6, 5);
    await h.page.keyboard.press('d');
    const v2 = await view(h.page);
    expect(v2.start).toBeGreaterThan(v1.start);
    await h.page.keyboard.press('a');
    expect((await view(h.page)).start).toBeCloseTo(v1.start, 5);
    await h.page.keyboard.press('-');
    expect((await view(h.page)).scale).toBeCloseTo(v0.scale, 5);
    // Wheel: vertical zooms about the pointer, horizontal pans.
    const box = (await diagram.boundingBox())!;
    await h.page.mouse.move(box.x + box.width / 2, box.y + 100);
    await h.page.mouse.wheel(0, -200);
    await settle(h.page);
    const v3 = await view(h.page);
    expect(v3.scale).toBeGreaterThan(v0.scale * 1.2);
    await h.page.mouse.wheel(120, 0);
    await settle(h.page);
    expect((await view(h.page)).start).toBeGreaterThan(v3.start);
    // Dragging pans (and is not a click: the debugger stays where it is).
    const v4 = await view(h.page);
    await h.page.mouse.move(box.x + 600, box.y + 400);
    await h.page.mouse.down();
    await h.page.mouse.move(box.x + 500, box.y + 400, { steps: 5 });
    await h.page.mouse.up();
    await settle(h.page);
    expect((await view(h.page)).start).toBeCloseTo(v4.start + 100 / v4.scale, 3);
    expect(await posted(h, 'jumpTo')).toEqual([]);
    await h.page.keyboard.press('0');
    expect((await view(h.page)).scale).toBeCloseTo(v0.scale, 5);
  });

  it('keeps selection, view, filters and search across hide and show (getState/setState)', async () => {
    await open(failover.file);
    const t = failover.trace;
    await h.page.locator('.diagram').focus();
    await h.page.keyboard.press('+');
    await h.page.keyboard.press('+');
    await h.page.keyboard.press('n');
    await h.page.locator('.filter-toggle').click();
    await h.page.locator('.filter-actor-bob').click();
    await h.page.locator('vscode-textfield.search input').fill('vote');
    await expect.poll(() => h.page.locator('.search-count').textContent()).toMatch(/match/);
    await h.page.waitForTimeout(250);
    const state = await savedState(h.page);
    const before = { view: await view(h.page), hl: await highlight(h.page) };
    expect(state).toBeTruthy();
    await h.close();
    // The panel is shown again: a new page with the saved state, and the host sends the trace again.
    await open(failover.file, state);
    const after = { view: await view(h.page), hl: await highlight(h.page) };
    expect(after.view.scale).toBeCloseTo(before.view.scale, 6);
    expect(after.view.start).toBeCloseTo(before.view.start, 6);
    expect(after.hl.selected).toBe(before.hl.selected);
    expect(await eventPanel(h.page)).toContain(`#${before.hl.selected}`);
    expect(await h.page.locator('vscode-textfield.search input').inputValue()).toBe('vote');
    const bob = t.actorIndex.get('bob')!;
    const points = await eventPoints(h.page);
    expect(points.some((p, i) => p && t.actorOf(i) === bob)).toBe(false);
  });

  it('shows a clear error for a bad message from the host and keeps what it shows', async () => {
    await open(failover.file);
    await h.page.locator('.diagram').focus();
    await h.page.keyboard.press('n');
    const selected = (await highlight(h.page)).selected;
    const status = await h.page.locator('.status').textContent();
    const banner = h.page.locator('.error-banner');
    expect(await banner.isHidden()).toBe(true);
    const bad: [unknown, RegExp][] = [
      [{ type: 'load', trace: { format: 'csv' } }, /format is "csv"/],
      [{ type: 'append', from: failover.trace.length, events: [{ id: 3 }] }, /event \d+ has id 3/],
      [
        {
          type: 'append',
          from: 10,
          events: [
            { ...failover.file.events[10], id: 10 },
            { ...failover.file.events[11], id: 11, actor: 'nobody' },
          ],
        },
        /unknown actor "nobody"/,
      ],
      [{ type: 'currentEvent', id: 99_999 }, /debugger is at event 99999/],
      [{ type: 'zoom' }, /unknown message type "zoom"/],
      ['not an object', /message without a type/],
    ];
    for (const [message, text] of bad) {
      await h.send(message);
      await expect.poll(() => banner.textContent()).toMatch(text);
      expect(await banner.isVisible()).toBe(true);
      // Nothing lost: the same run, the same selection.
      expect(await h.page.locator('.status').textContent()).toBe(status);
      expect((await highlight(h.page)).selected).toBe(selected);
    }
    const errors = await posted(h, 'error');
    expect(errors.length).toBe(bad.length - 1); // the out-of-range current event is shown, not reported
    await shot(h, 'failover-bad-message');
    // A good message afterwards clears the banner.
    await h.send({ type: 'load', trace: failover.file });
    expect(await banner.isHidden()).toBe(true);
    // The events the failed fork append would have replaced are still there.
    expect(await h.page.locator('.status').textContent()).toBe(status);
  });

  it('exports the view as SVG and PNG for the host to save', async () => {
    await open();
    await h.page.locator('.export-svg').click();
    await h.page.locator('.export-png').click();
    const results = await posted(h, 'exportResult');
    expect(results.map((r) => r.format)).toEqual(['svg', 'png']);
    expect(String(results[0]!.data)).toMatch(/^<svg [^>]*width="\d+"/);
    expect(String(results[0]!.data)).toContain('n1');
    expect(Buffer.from(String(results[1]!.data), 'base64').subarray(1, 4).toString()).toBe('PNG');
  });
});

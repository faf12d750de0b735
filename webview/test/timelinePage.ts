// What the timeline end-to-end tests share: traces of real example runs, and reading the page the way
// a person sees it (pixels of the canvas, the side panel, the screen-reader list). Geometry comes from
// `window.timelineApp.eventPoint` (where an event is drawn), the one hook the tests use to aim.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { runScenarioText } from '../../engine/run';
import { traceToFile } from '../../traces/io';
import type { TraceRecorder } from '../../traces/store';
import type { TraceFile } from '../../traces/types';
import { type Harness, launchChromium, openTimeline } from '../testing/harness';

export const SHOTS = join(process.cwd(), 'test-results', 'webview');

/** Run an example scenario with the engine; the trace as the host sends it, and as columns. */
export function exampleRun(path: string): { file: TraceFile; trace: TraceRecorder } {
  const text = readFileSync(join(process.cwd(), 'examples', path), 'utf8');
  const out = runScenarioText(text, path);
  if (!out.result) throw new Error(`${path} did not run: ${JSON.stringify(out.diagnostics)}`);
  return { file: traceToFile(out.result.trace), trace: out.result.trace };
}

export type Point = { x: number; y: number };

interface AppProbe {
  timelineApp: {
    eventPoint(e: number): Point | undefined;
    view: { start: number; scale: number; scrollY: number; width: number; height: number };
    hl: { selected: number; second: number; current: number; focus: number };
    trace: { length: number } | null;
  };
  __state: unknown;
}

/** Where every event is drawn now (page coordinates), null for hidden or off-screen ones. */
export async function eventPoints(page: Page): Promise<(Point | null)[]> {
  return page.evaluate(() => {
    const w = window as unknown as AppProbe;
    const canvas = document.querySelector('canvas.main-canvas')!.getBoundingClientRect();
    const n = w.timelineApp.trace?.length ?? 0;
    const out: (Point | null)[] = [];
    for (let i = 0; i < n; i++) {
      const p = w.timelineApp.eventPoint(i);
      out.push(p ? { x: canvas.left + p.x, y: canvas.top + p.y } : null);
    }
    return out;
  });
}

export async function pointOf(page: Page, event: number): Promise<Point | null> {
  return (await eventPoints(page))[event] ?? null;
}

/** Events drawn at least `gap` pixels from every other drawn event of their lane. */
export function clearEvents(points: (Point | null)[], gap = 10): number[] {
  const out: number[] = [];
  points.forEach((p, i) => {
    if (!p) return;
    const crowded = points.some(
      (q, j) => j !== i && q && Math.abs(q.y - p.y) < 1 && Math.abs(q.x - p.x) < gap,
    );
    if (!crowded) out.push(i);
  });
  return out;
}

export async function clickEvent(page: Page, event: number, shift = false): Promise<void> {
  const p = await pointOf(page, event);
  if (!p) throw new Error(`event ${event} is not on screen`);
  if (shift) await page.keyboard.down('Shift');
  await page.mouse.click(p.x, p.y);
  if (shift) await page.keyboard.up('Shift');
  await settle(page);
}

/** Two animation frames: whatever the view was asked to draw is on screen. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
  );
}

/** The colour of one canvas pixel (page coordinates), as [r, g, b]. */
export async function pixel(page: Page, at: Point): Promise<[number, number, number]> {
  return page.evaluate((at) => {
    const c = document.querySelector('canvas.main-canvas') as HTMLCanvasElement;
    const r = c.getBoundingClientRect();
    const dpr = c.width / r.width;
    const d = c
      .getContext('2d')!
      .getImageData(Math.round((at.x - r.left) * dpr), Math.round((at.y - r.top) * dpr), 1, 1).data;
    return [d[0]!, d[1]!, d[2]!] as [number, number, number];
  }, at);
}

export const hex = (c: string): [number, number, number] => [
  Number.parseInt(c.slice(1, 3), 16),
  Number.parseInt(c.slice(3, 5), 16),
  Number.parseInt(c.slice(5, 7), 16),
];

export const distance = (a: readonly number[], b: readonly number[]): number =>
  Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));

/** Text of the side panel's Event tab. */
export async function eventPanel(page: Page): Promise<string> {
  return (await page.locator('.side-panel').first().textContent()) ?? '';
}

/** The screen-reader list of events: text and whether each is selected. */
export async function a11yItems(page: Page): Promise<{ id: string; text: string; selected: boolean }[]> {
  return page.$$eval('#a11y-events li', (items) =>
    items.map((li) => ({
      id: li.id,
      text: li.textContent ?? '',
      selected: li.getAttribute('aria-selected') === 'true',
    })),
  );
}

export async function view(page: Page): Promise<AppProbe['timelineApp']['view']> {
  return page.evaluate(() => ({ ...(window as unknown as AppProbe).timelineApp.view }));
}

export async function highlight(page: Page): Promise<AppProbe['timelineApp']['hl']> {
  return page.evaluate(() => {
    const { selected, second, current, focus } = (window as unknown as AppProbe).timelineApp.hl;
    return { selected, second, current, focus };
  });
}

export async function savedState(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as AppProbe).__state);
}

export async function shot(h: Harness, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await h.page.screenshot({ path });
  return path;
}

export async function posted(h: Harness, type: string): Promise<{ type: string; [k: string]: unknown }[]> {
  return (await h.posted()).filter((m) => m.type === type);
}

/**
 * The hooks every timeline e2e file needs: one Chromium for the file, and after each test the check
 * that the view it opened logged no error and that its CSP blocked nothing. `open` opens that view.
 */
export function timelineViews(): {
  open(opts?: Omit<Parameters<typeof openTimeline>[0], 'browser'>): Promise<Harness>;
} {
  let browser: Browser | undefined;
  let current: Harness | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    const h = current;
    current = undefined;
    if (!h) return;
    const csp = await h.cspViolations();
    const problems = [...h.problems];
    await h.close();
    expect(csp).toEqual([]);
    expect(problems).toEqual([]);
  });
  return {
    async open(opts = {}) {
      current = await openTimeline({ ...opts, browser });
      return current;
    },
  };
}

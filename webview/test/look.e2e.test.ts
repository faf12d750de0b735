// How the timeline looks: theme colours (dark, light, high contrast), labels that never overlap on
// busy runs, and the dense (aggregated) view. Screenshots go to test-results/webview/ for a person
// to look at; the assertions read pixels and what the canvas was asked to draw.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { traceToFile } from '../../traces/io';
import { type Harness, launchChromium, openTimeline, type Theme } from '../testing/harness';
import { syntheticTrace } from '../testing/syntheticTrace';
import { distance, exampleRun, hex, pixel, settle, shot } from './timelinePage';

const failover = exampleRun('single-leader/failover-lost-writes.scenario.yaml');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function withPage(theme: Theme, run: (h: Harness) => Promise<void>): Promise<void> {
  const h = await openTimeline({ browser, theme, width: 1400, height: 700 });
  try {
    await run(h);
    expect(await h.cspViolations()).toEqual([]);
    expect(h.problems).toEqual([]);
  } finally {
    await h.close();
  }
}

/** A text the canvas drew: where, how wide, in which colour. */
interface DrawnText {
  text: string;
  left: number;
  right: number;
  y: number;
  color: string;
}

/** Redraw once and record every fillText of the main canvas (CSS pixels). */
async function drawnTexts(h: Harness): Promise<DrawnText[]> {
  return h.page.evaluate(() => {
    const canvas = document.querySelector('canvas.main-canvas') as HTMLCanvasElement;
    const ctx = canvas.getContext('2d')!;
    const out: DrawnText[] = [];
    const original = ctx.fillText;
    ctx.fillText = (text: string, x: number, y: number, maxWidth?: number) => {
      const m = ctx.getTransform();
      const dpr = m.a;
      const width = Math.min(ctx.measureText(text).width, maxWidth ?? Infinity);
      const left =
        ctx.textAlign === 'center'
          ? x - width / 2
          : ctx.textAlign === 'right' || ctx.textAlign === 'end'
            ? x - width
            : x;
      // The vertical middle of the text, whatever its baseline (10-11 px fonts).
      const middle =
        ctx.textBaseline === 'top' || ctx.textBaseline === 'hanging'
          ? y + 5
          : ctx.textBaseline === 'bottom'
            ? y - 5
            : ctx.textBaseline === 'middle'
              ? y
              : y - 4;
      out.push({
        text,
        left: left + m.e / dpr,
        right: left + width + m.e / dpr,
        y: middle + m.f / dpr,
        color: String(ctx.fillStyle),
      });
      return original.call(ctx, text, x, y, maxWidth);
    };
    (window as unknown as { timelineApp: { renderNow(): void } }).timelineApp.renderNow();
    ctx.fillText = original;
    return out;
  });
}

/** Pairs of texts on the same line whose boxes overlap. */
function overlaps(texts: DrawnText[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < texts.length; i++)
    for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i]!;
      const b = texts[j]!;
      if (Math.abs(a.y - b.y) < 8 && a.left < b.right - 1 && b.left < a.right - 1)
        found.push(`"${a.text}" at ${a.left.toFixed(0)} and "${b.text}" at ${b.left.toFixed(0)}`);
    }
  return found;
}

describe('the timeline look', () => {
  const themes: [Theme, string][] = [
    ['dark', '#1e1e1e'],
    ['light', '#ffffff'],
    ['high-contrast', '#000000'],
  ];
  for (const [theme, background] of themes)
    it(`follows the ${theme} theme's colours`, async () => {
      await withPage(theme, async (h) => {
        await h.send({ type: 'load', trace: failover.file });
        await h.page.locator('.diagram').focus();
        await h.page.keyboard.press('n');
        await settle(h.page);
        const box = (await h.page.locator('.diagram').boundingBox())!;
        // Below the lanes the plot shows the editor background.
        expect(
          distance(
            await pixel(h.page, { x: box.x + box.width / 2, y: box.y + box.height - 30 }),
            hex(background),
          ),
        ).toBeLessThan(3);
        // The page's own text uses the theme's foreground.
        const fg = await h.page.evaluate(() => getComputedStyle(document.querySelector('.title')!).color);
        const expected = await h.page.evaluate(() =>
          getComputedStyle(document.documentElement).getPropertyValue('--vscode-foreground').trim(),
        );
        expect(fg).toBe(
          `rgb(${hex(expected)
            .map((c) => String(c))
            .join(', ')})`,
        );
        await shot(h, `theme-${theme}`);
      });
    });

  it('never overlaps labels (anomalies, conflicts, merges, partitions, crashes), even where they crowd', async () => {
    const busy = traceToFile(syntheticTrace({ events: 6000, nodes: 4, clients: 2 }));
    await withPage('dark', async (h) => {
      await h.send({ type: 'load', trace: busy });
      // Zoom in step by step from the whole run: every level must be free of overlaps.
      await h.page.locator('.diagram').focus();
      let checked = 0;
      for (let step = 0; step < 8; step++) {
        const texts = (await drawnTexts(h)).filter((t) => t.left > 136 && t.y > 30);
        const anomalyLabels = texts.filter((t) => t.color === '#f14c4c');
        if (anomalyLabels.some((t) => /[a-z]/.test(t.text))) checked++;
        expect(overlaps(texts)).toEqual([]);
        if (step === 4) await shot(h, 'synthetic-anomalies-zoomed');
        await h.page.keyboard.press('+');
        await settle(h.page);
      }
      // The zoom levels did include anomaly labels (not only badges).
      expect(checked).toBeGreaterThan(0);
    });
  });

  it('draws a dense run as bars per pixel column, anomaly badges on top', async () => {
    const dense = traceToFile(syntheticTrace({ events: 20_000, nodes: 5, clients: 3 }));
    await withPage('dark', async (h) => {
      await h.send({ type: 'load', trace: dense });
      await settle(h.page);
      expect(await h.page.locator('.status').textContent()).toContain('(aggregated)');
      const box = (await h.page.locator('.diagram').boundingBox())!;
      // The first node lane (y = 26 + 22) is covered with bars in the event colour across the plot.
      let coloured = 0;
      for (let x = box.x + 150; x < box.x + box.width - 20; x += 37) {
        const c = await pixel(h.page, { x, y: box.y + 48 });
        if (distance(c, hex('#3794ff')) < 40) coloured++;
      }
      expect(coloured).toBeGreaterThan(10);
      // Crash, partition and anomaly labels of a thousand faults still do not overlap.
      expect(overlaps((await drawnTexts(h)).filter((t) => t.left > 136 && t.y > 30))).toEqual([]);
      await shot(h, 'synthetic-dense');
    });
  });
});

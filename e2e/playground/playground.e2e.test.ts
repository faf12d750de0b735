// The browser playground as a person uses it, in headless Chromium: built and served by the real
// `scripts/playground.mjs`, opened over HTTP. Screenshots of each stage go to test-results/playground/.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeScenario } from '../../webview/playground/share';
import { launchChromium } from '../chromium';

const root = process.cwd();
const shots = join(root, 'test-results', 'playground');

let server: ChildProcess;
let url: string;
let browser: Browser;
let page: Page;
const problems: string[] = [];

/** What the page exposes for tests (window.playground), read in the page. */
interface PlaygroundProbe {
  current: number;
  timelineCurrent: number;
  text: string;
  markers: { message: string; startLineNumber: number; severity: number }[];
}

async function probe(p: Page): Promise<PlaygroundProbe> {
  return p.evaluate(() => {
    const pg = (window as unknown as { playground: import('../../webview/playground/playground').Playground })
      .playground;
    return {
      current: pg.current,
      timelineCurrent: pg.timeline.hl.current,
      text: pg.editor.model.getValue(),
      markers: pg.editor.markers().map((m) => ({
        message: m.message,
        startLineNumber: m.startLineNumber,
        severity: m.severity,
      })),
    };
  });
}

async function shot(p: Page, name: string): Promise<void> {
  await p.screenshot({ path: join(shots, `${name}.png`) });
}

async function openPage(address: string): Promise<Page> {
  const p = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'dark' });
  p.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  p.on('pageerror', (e) => problems.push(String(e)));
  await p.goto(address);
  await p.waitForSelector('#playground[data-ready="true"]', { timeout: 60_000 });
  return p;
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  if (!process.env.PLAYGROUND_PREBUILT)
    execFileSync(process.execPath, ['scripts/playground.mjs', '--build', '--production'], {
      cwd: root,
      stdio: 'inherit',
    });
  server = spawn(process.execPath, ['scripts/playground.mjs', '--serve', '--port', '0'], { cwd: root });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve(m[1]!);
    });
    server.stderr?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    server.once('exit', (code) => reject(new Error(`the playground server exited (${code}): ${out}`)));
  });
  browser = await launchChromium();
  page = await openPage(url);
});

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
});

describe('browser playground', () => {
  it('serves every file with its MIME type', async () => {
    const types: Record<string, string> = {
      '': 'text/html',
      'playground.js': 'text/javascript',
      'playground.css': 'text/css',
      'editor.worker.js': 'text/javascript',
      'yaml.worker.js': 'text/javascript',
      'codicon.ttf': 'font/ttf',
    };
    for (const [file, type] of Object.entries(types)) {
      const res = await fetch(url + file);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-type'), file).toContain(type);
    }
    expect((await fetch(`${url}../../package.json`)).status).not.toBe(200);
    expect((await fetch(`${url}nothing-here.js`)).status).toBe(404);
  });

  it('opens an example from the menu and runs it', async () => {
    const groups = await page.$$eval('#pg-examples optgroup', (gs) => gs.map((g) => g.getAttribute('label')));
    expect(groups).toEqual([
      'Single-leader replication',
      'Multi-leader replication',
      'Leaderless replication',
    ]);
    await page.selectOption('#pg-examples', 'leaderless/stale-read-small-quorums');
    await page.waitForFunction(() => document.querySelector('.pg-status')?.textContent?.startsWith('Ran '));
    const p = await probe(page);
    expect(p.text).toContain('replication: leaderless');
    expect(p.current).toBe(0);
    expect(p.timelineCurrent).toBe(0);
    expect(await page.textContent('.pg-position')).toMatch(/^Event 0 of \d+/);
    const title = await page.$eval(
      '#pg-examples',
      (s) => (s as HTMLSelectElement).selectedOptions[0]!.textContent,
    );
    expect(await page.textContent('.pg-run-pane .toolbar .title')).toBe(title);
    // The timeline drew the run: its canvas is not blank.
    const painted = await page.$eval('.pg-timeline canvas.main-canvas', (c) => {
      const canvas = c as HTMLCanvasElement;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 401 * 4)
        seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      return seen.size;
    });
    expect(painted).toBeGreaterThan(3);
    await shot(page, '1-example-loaded');
  });

  it('shows our diagnostics for a broken edit, as markers and in the problems list, with a quick fix', async () => {
    const original = (await probe(page)).text;
    await page.click('.pg-editor .view-lines');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nrunn: 1');
    await page.waitForFunction(() =>
      /Problems: [1-9]\d* error/.test(document.querySelector('#pg-problems-title')?.textContent ?? ''),
    );
    let p = await probe(page);
    const brokenLine = p.text.split('\n').findIndex((l) => l.startsWith('runn')) + 1;
    const marker = p.markers.find((m) => m.startLineNumber === brokenLine);
    expect(marker, JSON.stringify(p.markers)).toBeDefined();
    expect(marker!.severity).toBe(8);
    expect(marker!.message).toContain('did you mean `run`');
    expect(await page.textContent('.pg-problems-list')).toContain(marker!.message);
    await page.waitForSelector('.pg-editor .squiggly-error');
    expect(await page.isVisible('.pg-stale')).toBe(true);
    // Running a broken scenario does not run it, and says why.
    await page.click('.pg-run');
    await page.waitForFunction(() =>
      document.querySelector('.pg-status')?.textContent?.startsWith('Not run: '),
    );
    expect(await page.textContent('.pg-status')).toMatch(/Not run: the scenario has \d+ error/);
    await shot(page, '2-broken-edit');
    // The parser's fix is offered as a quick fix (Ctrl+.) at the squiggle.
    await page.click('.pg-problems-list .pg-problem.error');
    await page.keyboard.press('Control+.');
    await page.waitForSelector('.action-widget >> text=Change to run');
    await shot(page, '2b-quick-fix');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () =>
        !(
          window as unknown as { playground: import('../../webview/playground/playground').Playground }
        ).playground.editor.model
          .getValue()
          .includes('runn'),
    );
    p = await probe(page);
    expect(p.text.split('\n')[brokenLine - 1]).toBe('run: 1');
    // Undo everything: the original example, and its problems are gone.
    await page.click('.pg-editor .view-lines');
    for (let i = 0; i < 10 && (await probe(page)).text !== original; i++)
      await page.keyboard.press('Control+z');
    expect((await probe(page)).text).toBe(original);
    // (This example keeps its deliberate warning: w + r is not greater than n.)
    await page.waitForFunction(() =>
      /^Problems: (none|0 errors)/.test(document.querySelector('#pg-problems-title')?.textContent ?? ''),
    );
  });

  it('steps forward and back with the buttons and the keyboard; timeline and state follow', async () => {
    await page.click('.pg-run');
    await page.waitForFunction(() => document.querySelector('.pg-status')?.textContent?.startsWith('Ran '));
    const description0 = await page.textContent('#pg-description');
    for (let i = 0; i < 3; i++) await page.click('.pg-forward');
    let p = await probe(page);
    expect(p.current).toBe(3);
    expect(p.timelineCurrent).toBe(3);
    expect(await page.textContent('.pg-position')).toMatch(/^Event 3 of/);
    expect(await page.textContent('#pg-description')).not.toBe(description0);
    expect(await page.textContent('#pg-description')).toMatch(/^#3 /);
    await page.click('.pg-back');
    p = await probe(page);
    expect(p.current).toBe(2);
    expect(p.timelineCurrent).toBe(2);
    // Keyboard: F10 forward, Shift+F10 back (from anywhere, the editor included).
    await page.keyboard.press('F10');
    await page.keyboard.press('F10');
    expect((await probe(page)).current).toBe(4);
    await page.keyboard.press('Shift+F10');
    expect((await probe(page)).current).toBe(3);
    // State panel: nothing written at the start, the written value at the end.
    const early = await page.textContent('.pg-state-panel');
    await page.click('.pg-last');
    p = await probe(page);
    const last = Number(/of (\d+)/.exec((await page.textContent('.pg-position')) ?? '')![1]);
    expect(p.current).toBe(last);
    expect(p.timelineCurrent).toBe(last);
    const late = await page.textContent('.pg-state-panel');
    expect(late).toMatch(/Replicas after #\d+/);
    expect(late).not.toBe(early);
    expect(
      await page.$$eval('.pg-state-panel table.state-table tbody tr', (rows) => rows.length),
    ).toBeGreaterThan(0);
    await shot(page, '3-stepped-to-end');
    await page.click('.pg-back');
    expect((await probe(page)).current).toBe(last - 1);
  });

  it('lists anomalies and expectations with links to their events', async () => {
    await page.click('vscode-tab-header.pg-tab-checks');
    await page.waitForSelector('.pg-checks-panel .pg-anomalies li');
    const text = await page.textContent('.pg-checks-panel');
    expect(text).toMatch(/Expectations: \d+ passed, 0 failed/);
    expect(text).toContain('stale-read');
    const link = page.locator('.pg-checks-panel .pg-anomalies li .pg-link').first();
    const target = Number(((await link.textContent()) ?? '').replace('#', ''));
    await link.click();
    const p = await probe(page);
    expect(p.current).toBe(target);
    expect(p.timelineCurrent).toBe(target);
    await shot(page, '4-anomaly');
    // Picking an event on the timeline and asking the debugger to go there moves the playground too.
    await page.click('vscode-tab-header.pg-tab-state');
  });

  it('shares the scenario in the URL; opening the link restores it', async () => {
    await page.click('.pg-editor .view-lines');
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('# shared from the playground test\n');
    await page.fill('#pg-seed', '7');
    await page.press('#pg-seed', 'Enter');
    await page.waitForFunction(() => document.querySelector('.pg-status')?.textContent?.includes('(seed 7,'));
    await page.click('.pg-share');
    await page.waitForFunction(() => location.hash.startsWith('#s=') && location.hash.endsWith('&seed=7'));
    const shared = await page.evaluate(() => location.href);
    const original = (await probe(page)).text;
    expect(original.startsWith('# shared from the playground test\n')).toBe(true);
    const other = await openPage(shared);
    await other.waitForFunction(() => document.querySelector('.pg-status')?.textContent?.startsWith('Ran '));
    const p = await probe(other);
    expect(p.text).toBe(original);
    expect(p.current).toBe(0);
    expect(await other.inputValue('#pg-seed')).toBe('7');
    expect(await other.textContent('.pg-status')).toContain('(seed 7,');
    await shot(other, '5-shared-link');
    await other.close();
    // A damaged link says so instead of failing silently.
    const broken = await openPage(shared.slice(0, shared.length - 10));
    expect(await broken.textContent('.pg-status')).toMatch(/Could not open the link/);
    await broken.close();
  });

  it('runs the engine off the page: a very long run can be stopped', async () => {
    const example = readFileSync(
      join(root, 'examples/single-leader/too-short-timeout.scenario.yaml'),
      'utf8',
    );
    const long = example.replace(/^ {2}until: .*$/m, '  until: 7200s');
    expect(long).toContain('until: 7200s');
    const p = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await p.goto(`${url}#${await encodeScenario(long)}`);
    await p.waitForSelector('.pg-stop:not([hidden])');
    expect(await p.textContent('.pg-status')).toBe('Running…');
    // The page stays responsive while the engine works: stepping controls and the editor react.
    await p.click('.pg-editor .view-lines');
    await p.keyboard.press('Control+Home');
    await p.click('.pg-stop');
    await p.waitForSelector('.pg-stop', { state: 'hidden' });
    expect(await p.textContent('.pg-status')).toMatch(/^Stopped\./);
    // The next run gets a fresh engine.
    await p.selectOption('#pg-examples', 'leaderless/read-repair');
    await p.waitForFunction(() => document.querySelector('.pg-status')?.textContent?.startsWith('Ran '));
    await p.close();
  });

  it('works from any static host path (relative URLs only)', async () => {
    // Serve the whole dist/ folder, so the playground lives under /playground/.
    const { serveStatic } = (await import(join(root, 'scripts', 'playground.mjs'))) as {
      serveStatic(dir: string, port: number): Promise<{ server: import('node:http').Server; url: string }>;
    };
    const { server: dist, url: distUrl } = await serveStatic(join(root, 'dist'), 0);
    try {
      const sub = await openPage(`${distUrl}playground/#example=multi-leader/crdt-counter`);
      await sub.waitForFunction(() => document.querySelector('.pg-status')?.textContent?.startsWith('Ran '));
      expect((await probe(sub)).text).toContain('replication: multi-leader');
      // monaco-yaml's worker loaded from the subpath and answers from our schema: the description of
      // `cluster` in schemas/scenario.schema.json shows on hover.
      const key = await sub.evaluate(() => {
        const pg = (
          window as unknown as { playground: import('../../webview/playground/playground').Playground }
        ).playground;
        const line = pg.editor.model.getLinesContent().findIndex((l) => l.startsWith('cluster:')) + 1;
        const at = pg.editor.editor.getScrolledVisiblePosition({ lineNumber: line, column: 3 })!;
        const box = pg.editor.editor.getDomNode()!.getBoundingClientRect();
        return { x: box.left + at.left, y: box.top + at.top + at.height / 2 };
      });
      await sub.mouse.move(key.x, key.y);
      await sub.waitForSelector('.monaco-hover:not(.hidden) >> text=The nodes and the replication scheme.', {
        timeout: 15_000,
      });
      await shot(sub, '6-subpath-hover');
      await sub.close();
    } finally {
      dist.close();
    }
  });

  it('resizes the editor with the splitter, by keyboard and by dragging', async () => {
    const width = (): Promise<number> =>
      page.$eval('.pg-editor-pane', (e) => e.getBoundingClientRect().width);
    const before = await width();
    await page.focus('.pg-splitter');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    expect(await page.getAttribute('.pg-splitter', 'aria-valuenow')).toBe('42');
    expect(await width()).toBeGreaterThan(before + 50);
    const bar = (await page.locator('.pg-splitter').boundingBox())!;
    await page.mouse.move(bar.x + 2, bar.y + 200);
    await page.mouse.down();
    await page.mouse.move(500, bar.y + 200, { steps: 5 });
    await page.mouse.up();
    expect(Math.abs((await width()) - 500)).toBeLessThan(10);
    // The timeline follows the new width (its canvas is resized by its ResizeObserver).
    await page.waitForFunction(() => {
      const c = document.querySelector('.pg-timeline canvas.main-canvas') as HTMLCanvasElement;
      const host = document.querySelector('.pg-timeline .diagram') as HTMLElement;
      return Math.abs(c.getBoundingClientRect().width - host.clientWidth) < 2;
    });
  });

  it('follows the system colour scheme, light and dark, live', async () => {
    const light = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
    await light.goto(`${url}#example=single-leader/read-your-writes-anomaly`);
    await light.waitForSelector('#playground[data-ready="true"]');
    expect(await light.evaluate(() => document.body.className)).toContain('vscode-light');
    const bg = await light.$eval('.pg-header', (e) => getComputedStyle(e).backgroundColor);
    expect(bg).toBe('rgb(248, 248, 248)');
    expect(await light.$eval('.monaco-editor', (e) => e.classList.contains('vs'))).toBe(true);
    await shot(light, '7-light-theme');
    // Switching the system scheme switches the page, the editor and the timeline at once.
    const timelineBackground = (): Promise<string> =>
      light.$eval('.pg-timeline canvas.main-canvas', (c) => {
        const d = (c as HTMLCanvasElement)
          .getContext('2d')!
          .getImageData(c.clientWidth - 20, c.clientHeight - 20, 1, 1).data;
        return `${d[0]},${d[1]},${d[2]}`;
      });
    const lightCanvas = await timelineBackground();
    await light.emulateMedia({ colorScheme: 'dark' });
    await light.waitForFunction(() => document.body.classList.contains('vscode-dark'));
    await light.waitForSelector('.monaco-editor.vs-dark');
    await light.waitForFunction(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))),
    );
    expect(await timelineBackground()).not.toBe(lightCanvas);
    await light.close();
  });

  it('logged no errors in the page', () => {
    expect(problems.filter((p) => !/Could not open the link|favicon/.test(p))).toEqual([]);
  });
});

// Issue 9 item 3: the extension as a person uses it in a real VS Code (code-server 4.100, i.e. VS
// Code 1.100, in headless Chromium): open a scenario, see highlighting and a diagnostic, debug it
// with F5, step forwards and back, read Variables and Call Stack, open the timeline. Each stage
// saves a screenshot to test-results/e2e/. Host recipe: scripts/vscode-host/host.mjs.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Frame, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

/** What scripts/vscode-host/host.mjs exports (it is plain JavaScript with JSDoc types). */
interface Profile {
  userDataDir: string;
  extensionsDir: string;
}
interface Host {
  CHROMIUM: string;
  ensureCodeServer(): void;
  makeProfile(name: string, settings?: Record<string, unknown>): Profile;
  installExtension(vsix: string, profile: Profile): void;
  startCodeServer(opts: {
    folder: string;
    profile: Profile;
    port?: number;
    log?: (line: string) => void;
  }): Promise<{
    url: string;
    pid: number;
    stop(): Promise<void>;
  }>;
  folderUrl(base: string, folder: string): string;
  vsixPath(): string;
}
// Imported by URL so the project's typecheck (no allowJs) does not try to type the .mjs.
const { CHROMIUM, ensureCodeServer, folderUrl, installExtension, makeProfile, startCodeServer, vsixPath } =
  (await import(new URL('../../scripts/vscode-host/host.mjs', import.meta.url).href)) as Host;

const root = process.cwd();
const shots = join(root, 'test-results', 'e2e');
const scenarioName = 'failover-lost-writes.scenario.yaml';

let server: Awaited<ReturnType<typeof startCodeServer>> | undefined;
let browser: Browser | undefined;
let page: Page;
let workspace: string;
let timelineFrame: Frame | undefined;
const timelineText = async () => (await timelineFrame?.evaluate(() => document.body.innerText)) ?? '';
/**
 * What the timeline says about the debugger's position: its live region announces "Debugger at
 * #N ..." on every move, and its screen-reader event list marks that event "(debugger is here)".
 */
const debuggerMark = async () =>
  (await timelineFrame?.evaluate(() => {
    const status = [...document.querySelectorAll('[role="status"]')].map((e) => e.textContent ?? '');
    const marked = [...document.querySelectorAll('li')]
      .map((e) => e.textContent ?? '')
      .filter((t) => t.includes('(debugger is here)'));
    return [...status, ...marked].join('\n');
  })) ?? '';
const atEvent = (id: string) => new RegExp(`#${id}\\b`);
/** The event number the Variables view shows after stepping back. */
let currentEvent = '';
/** Console errors and error notifications seen in the workbench, reported when a stage fails. */
const problems: string[] = [];

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `${name}.png`) });
}

/**
 * Runs a command palette entry by its title, as a person would. Ctrl+Shift+P, not F1: in the
 * browser-served workbench F1 did not open the palette here.
 */
async function runCommand(title: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: 10_000 });
  await row.click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Texts of error notifications currently shown (toasts and the notification center). */
async function errorNotifications(): Promise<string[]> {
  return page
    .locator('.notification-list-item:has(.codicon-error) .notification-list-item-message')
    .allInnerTexts();
}

/** The paused state: the call stack shows a thread paused (entry, step, ...). */
const pausedLabel = () => page.locator('.debug-call-stack .state.label, .debug-call-stack .thread .state');

async function waitPaused(): Promise<void> {
  // The call stack labels a stopped thread "Paused on entry" / "Paused on step", never while running.
  const stack = page.locator('.debug-call-stack');
  await stack.waitFor({ state: 'visible', timeout: 30_000 });
  await expect.poll(() => stack.innerText(), { timeout: 30_000 }).toMatch(/paused/i);
}

/** Text of the top stack frame: it names the current trace event, so it changes with every step. */
async function topFrame(): Promise<string> {
  const frame = page.locator('.debug-call-stack .monaco-list-row .stack-frame').first();
  await frame.waitFor({ state: 'visible', timeout: 30_000 });
  return (await frame.innerText()).trim();
}

async function stepAndWait(key: string, before: string): Promise<string> {
  await page.keyboard.press(key);
  await expect.poll(topFrame, { timeout: 30_000 }).not.toBe(before);
  await waitPaused();
  return topFrame();
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  ensureCodeServer();
  if (process.env.E2E_PREBUILT !== '1' || !existsSync(vsixPath()))
    execFileSync(process.execPath, ['scripts/package.mjs'], { cwd: root, stdio: 'inherit' });
  const profileName = `e2e-${process.pid}`;
  rmSync(join(root, '.cache', 'vscode-host', 'profiles', profileName), { recursive: true, force: true });
  const profile = makeProfile(profileName, {
    'workbench.colorTheme': 'Default Dark Modern',
    'debug.openDebug': 'openOnSessionStart',
    'window.confirmBeforeClose': 'never',
  });
  installExtension(vsixPath(), profile);

  workspace = mkdtempSync(join(tmpdir(), 'repl-e2e-'));
  copyFileSync(join(root, 'examples', 'single-leader', scenarioName), join(workspace, scenarioName));
  mkdirSync(join(workspace, '.vscode'));
  writeFileSync(
    join(workspace, '.vscode', 'launch.json'),
    `${JSON.stringify(
      {
        version: '0.2.0',
        configurations: [
          {
            type: 'replication',
            request: 'launch',
            name: 'Debug scenario',
            scenario: `\${workspaceFolder}/${scenarioName}`,
            stopOnEntry: true,
          },
        ],
      },
      null,
      2,
    )}\n`,
  );

  server = await startCodeServer({ folder: workspace, profile });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(folderUrl(server.url, workspace));
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
  // The explorer shows the folder once the workbench has restored it.
  await page
    .locator('.explorer-folders-view .monaco-list-row', { hasText: scenarioName })
    .waitFor({ state: 'visible', timeout: 60_000 });
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page) {
    await shot(`failed-${ctx.task.name.replace(/\W+/g, '-')}`).catch(() => {});
    console.log(`error notifications: ${JSON.stringify(await errorNotifications().catch(() => []))}`);
  }
});

afterAll(async () => {
  if (problems.length) console.log(`workbench console errors:\n${problems.join('\n')}`);
  await browser?.close().catch(() => {});
  await server?.stop();
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

describe('the extension in a real VS Code', () => {
  it('opens a scenario with syntax highlighting', async () => {
    await page.locator('.monaco-workbench').click({ position: { x: 800, y: 500 } });
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(scenarioName);
    await page
      .locator('.quick-input-list .monaco-list-row', { hasText: scenarioName })
      .first()
      .waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.press('Enter');
    const lines = page.locator('.editor-instance .view-lines');
    await lines.waitFor({ state: 'visible', timeout: 15_000 });
    await expect.poll(() => lines.innerText(), { timeout: 15_000 }).toContain('single-leader');
    // The language mode in the status bar proves the extension's language claimed the file.
    const colours = async () =>
      lines.evaluate((el) => {
        const set = new Set<string>();
        for (const span of el.querySelectorAll('span > span')) set.add(getComputedStyle(span).color);
        return set.size;
      });
    await expect.poll(colours, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
    await shot('01-highlighting');
  });

  it('shows a diagnostic for a broken line and clears it on undo', async () => {
    await page.locator('.editor-instance .view-lines').click();
    await page.keyboard.press('Control+End');
    // Ctrl+End lands on the empty last line at column 1: a top-level key the schema does not know.
    await page.keyboard.type('bogus: 1', { delay: 20 });
    const squiggle = page.locator('.editor-instance .squiggly-error');
    try {
      await squiggle.first().waitFor({ state: 'visible', timeout: 30_000 });
      await shot('02-diagnostic');
      // The hover on the error shows the message the extension produced: the cursor onto the key,
      // then "Show Hover" (Ctrl+K Ctrl+I), which unlike a mouse hover does not depend on timing.
      await page.keyboard.press('Home');
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      const hover = page.locator('.monaco-hover .hover-contents, .monaco-hover .marker');
      const message = async () => (await hover.allInnerTexts()).join(' | ');
      await expect.poll(message, { timeout: 15_000 }).toMatch(/unknown key `bogus`/);
      console.log(`diagnostic: ${(await message()).slice(0, 300)}`);
      await shot('02b-diagnostic-hover');
    } finally {
      await page.keyboard.press('Escape');
      // Undo until the typed line is gone (typing may be one or several undo stops).
      const text = () => page.locator('.editor-instance .view-lines').innerText();
      for (let i = 0; i < 20 && (await text()).includes('bogus'); i++) {
        await page.keyboard.press('Control+Z');
        await page.waitForTimeout(100);
      }
    }
    await expect.poll(() => squiggle.count(), { timeout: 30_000 }).toBe(0);
    await expect
      .poll(() => page.locator('.statusbar').innerText(), { timeout: 30_000 })
      .not.toMatch(/invalid/);
    await expect(page.locator('.editor-instance .view-lines').innerText()).resolves.not.toContain('bogus');
  });

  it('starts debugging with F5 and stops on entry', async () => {
    await page.locator('.editor-instance .view-lines').click();
    await page.keyboard.press('F5');
    await page.locator('.debug-toolbar').waitFor({ state: 'visible', timeout: 60_000 });
    await waitPaused();
    const state = pausedLabel().first();
    await state.waitFor({ state: 'visible', timeout: 30_000 });
    // The stopped thread's label is the adapter's description of the entry stop.
    await expect.poll(() => state.innerText(), { timeout: 15_000 }).toMatch(/before the first event|entry/i);
    console.log(`paused label: ${await state.innerText()}`);
    await shot('03-stopped-on-entry');
    expect(await errorNotifications()).toEqual([]);
  });

  it('steps forward three times and back once', async () => {
    let frame = await topFrame();
    const seen = [frame];
    for (let i = 0; i < 3; i++) {
      frame = await stepAndWait('F10', frame);
      seen.push(frame);
    }
    console.log(`frames while stepping: ${seen.join(' -> ')}`);
    await shot('04a-after-three-steps');
    // The toolbar's Step Back button: the palette did not list "Debug: Step Back" here.
    await page.locator('.debug-toolbar .action-label.codicon-debug-step-back').click();
    await expect.poll(topFrame, { timeout: 30_000 }).toBe(seen[2]);
    // The Variables view's first scope names the event the debugger is at.
    const scope = page.locator('.debug-variables .monaco-list-row').first();
    await expect.poll(() => scope.innerText(), { timeout: 15_000 }).toMatch(/Event #\d+/);
    currentEvent = /Event #(\d+)/.exec(await scope.innerText())?.[1] ?? '';
    await waitPaused();
    await shot('04b-after-step-back');
    expect(await errorNotifications()).toEqual([]);
  });

  it('shows node state in Variables and frames in Call Stack', async () => {
    const variables = page.locator('.debug-variables');
    await variables.waitFor({ state: 'visible', timeout: 15_000 });
    await expect.poll(() => variables.innerText(), { timeout: 30_000 }).toMatch(/leader|f1|f2|role/);
    console.log(`variables: ${(await variables.innerText()).replace(/\s+/g, ' ').slice(0, 300)}`);
    const rows = page.locator('.debug-call-stack .monaco-list-row');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThan(1);
    console.log(
      `call stack: ${(await page.locator('.debug-call-stack').innerText()).replace(/\s+/g, ' ').slice(0, 300)}`,
    );
    await shot('05-variables-call-stack');
  });

  it('opens the timeline with the trace from the command palette', async () => {
    // The palette's context is the focused part: focus the scenario editor first.
    await page.locator('.editor-instance .view-lines').click();
    await runCommand('Replication: Show Timeline');
    let timeline: Frame | undefined;
    await expect
      .poll(
        async () => {
          // Only webview frames: the workbench itself has canvases too (minimap, overview ruler).
          for (const f of page.frames()) {
            if (f === page.mainFrame()) continue;
            const has = await f
              .evaluate(
                () =>
                  document.querySelector('canvas') !== null && !document.querySelector('.monaco-workbench'),
              )
              .catch(() => false);
            if (has) {
              timeline = f;
              return true;
            }
          }
          return false;
        },
        { timeout: 60_000 },
      )
      .toBe(true);
    timelineFrame = timeline as Frame;
    await expect
      .poll(timelineText, { timeout: 30_000 })
      .toContain('Automatic failover loses acknowledged writes');
    const text = await timelineText();
    console.log(`timeline text: ${text.replace(/\s+/g, ' ').slice(0, 300)}`);
    await shot('06-timeline');
    expect(await errorNotifications()).toEqual([]);
  });

  it('marks the event the debugger is at when the timeline opens while paused', async () => {
    // The timeline's event list (read by screen readers) marks the event the debugger is at; it
    // must be the one the Variables view shows.
    expect(currentEvent).not.toBe('');
    await expect.poll(debuggerMark, { timeout: 15_000 }).toMatch(atEvent(currentEvent));
  });

  it('follows a step in the timeline', async () => {
    await page.locator('.editor-instance .view-lines').first().click();
    await stepAndWait('F10', await topFrame());
    const scope = page.locator('.debug-variables .monaco-list-row').first();
    await expect.poll(() => scope.innerText(), { timeout: 15_000 }).not.toMatch(`Event #${currentEvent}:`);
    const id = /Event #(\d+)/.exec(await scope.innerText())?.[1] ?? '';
    console.log(`after one more step the debugger is at event #${id}`);
    await expect.poll(debuggerMark, { timeout: 15_000 }).toMatch(atEvent(id));
    console.log(`timeline marks: ${await debuggerMark()}`);
    await shot('06b-timeline-follows-step');
  });

  it('stops debugging with Shift+F5', async () => {
    await page.keyboard.press('Shift+F5');
    await page.locator('.debug-toolbar').waitFor({ state: 'hidden', timeout: 30_000 });
    await shot('07-stopped');
  });
});

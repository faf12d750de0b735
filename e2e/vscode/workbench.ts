// Driving a real VS Code (code-server in headless Chromium) as a person does: the host recipe
// (scripts/vscode-host/host.mjs), the command palette, editors, the debugger's views and the
// timeline webview. Shared by the end-to-end stages (./suite.ts) and the README screenshots
// (../screenshots/).
import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';

/** A private code-server profile (scripts/vscode-host/host.mjs). */
export interface Profile {
  userDataDir: string;
  extensionsDir: string;
}
/** What scripts/vscode-host/host.mjs exports (it is plain JavaScript with JSDoc types). */
export interface Host {
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
export const host = (await import(
  new URL('../../scripts/vscode-host/host.mjs', import.meta.url).href
)) as Host;

/** The extension's id, and how the Running Extensions view names it (displayName). */
export const EXTENSION_ID = 'replication-debugger.replication-debugger';
export const EXTENSION_NAME = 'Replication Debugger';

/**
 * Runs a command palette entry by its title. Ctrl+Shift+P, not F1: in the browser-served
 * workbench F1 did not open the palette here.
 */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: 10_000 });
  await row.click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Waits for the workbench and for the explorer to list `file` in the workspace folder. */
export async function workbenchReady(page: Page, file: string): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
  await page
    .locator('.explorer-folders-view .monaco-list-row', { hasText: file })
    .waitFor({ state: 'visible', timeout: 60_000 });
}

/** Opens a workspace file by name through Quick Open (Ctrl+P) and waits for its text. */
export async function openFile(page: Page, name: string, expectText: string): Promise<void> {
  await page.locator('.monaco-workbench').click({ position: { x: 800, y: 500 } });
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(name);
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: name })
    .first()
    .waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.press('Enter');
  const lines = page.locator('.editor-instance .view-lines');
  await lines.waitFor({ state: 'visible', timeout: 15_000 });
  await expect.poll(() => lines.innerText(), { timeout: 15_000 }).toContain(expectText);
}

/** Closes an editor tab by its title (its close button shows on the active tab). */
export async function closeEditor(page: Page, title: string): Promise<void> {
  const tab = page.locator('.tabs-container .tab', { hasText: title });
  if (!(await tab.count())) return;
  await tab.click();
  await tab.locator('.codicon-close').first().click();
  await tab.waitFor({ state: 'detached', timeout: 10_000 });
}

/** Waits until the Call Stack labels a thread paused ("Paused on entry", "Paused on step", ...). */
export async function waitPaused(page: Page): Promise<void> {
  const stack = page.locator('.debug-call-stack');
  await stack.waitFor({ state: 'visible', timeout: 30_000 });
  await expect.poll(() => stack.innerText(), { timeout: 30_000 }).toMatch(/paused/i);
}

/**
 * Text of the stack frame the debugger is at: it names the current trace event, so it changes
 * with every step. That is the selected frame (VS Code selects the stopped thread's top frame);
 * the first frame of the list belongs to the first thread, which is another one once a step has
 * moved to another node's event.
 */
export async function topFrame(page: Page): Promise<string> {
  const selected = page.locator('.debug-call-stack .monaco-list-row.selected .stack-frame');
  const frame = (await selected.count())
    ? selected.first()
    : page.locator('.debug-call-stack .monaco-list-row .stack-frame').first();
  await frame.waitFor({ state: 'visible', timeout: 30_000 });
  return (await frame.innerText()).trim();
}

/** The trace event a stack frame names ("leader: applied = 0 @ 0ms [#1]"), '' before the first. */
export const eventOf = (frame: string) => /\[#(\d+)\]/.exec(frame)?.[1] ?? '';

/**
 * Waits until the Variables view shows the event the Call Stack names. The two views refresh
 * separately after a stop: right after a step the Variables view can still show the previous
 * event, so reading it without this wait reads a stale event (the cause of the old flaky failures).
 */
export async function variablesAt(page: Page, event: string): Promise<void> {
  const scope = page.locator('.debug-variables .monaco-list-row').first();
  await expect.poll(() => scope.innerText(), { timeout: 15_000 }).toMatch(new RegExp(`Event #${event}:`));
}

/** Presses a stepping key and waits for the stop at another event; returns the new top frame. */
export async function stepAndWait(page: Page, key: string, before: string): Promise<string> {
  await page.keyboard.press(key);
  await expect.poll(() => topFrame(page), { timeout: 30_000 }).not.toBe(before);
  await waitPaused(page);
  return topFrame(page);
}

/** The timeline webview's frame, once it has drawn (webview content is in nested iframes). */
export async function timelineFrame(page: Page): Promise<Frame> {
  let timeline: Frame | undefined;
  await expect
    .poll(
      async () => {
        // Only webview frames: the workbench itself has canvases too (minimap, overview ruler).
        for (const f of page.frames()) {
          if (f === page.mainFrame()) continue;
          const has = await f
            .evaluate(
              () => document.querySelector('canvas') !== null && !document.querySelector('.monaco-workbench'),
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
  return timeline as Frame;
}

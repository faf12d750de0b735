// The README's pictures, taken from the real product rather than drawn: the debugger paused in
// VS Code (code-server) with Variables and Call Stack, the timeline beside the editor showing the
// causal chain of an anomaly, and the browser playground. Each is cropped to what it shows and kept
// under 200 KB. Run: npx vitest run --config e2e/screenshots/vitest.config.mts
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../chromium';
import {
  eventOf,
  host,
  openFile,
  runCommand,
  stepAndWait,
  timelineFrame,
  topFrame,
  variablesAt,
  waitPaused,
  workbenchReady,
} from '../vscode/workbench';

const root = process.cwd();
const media = join(root, 'media');
const MAX_BYTES = 200 * 1024;
const scenarioName = 'failover-lost-writes.scenario.yaml';

let browser: Browser;
let server: Awaited<ReturnType<typeof host.startCodeServer>> | undefined;
let workspace = '';
let profileDir = '';

/** Saves a cropped screenshot to media/ and checks its size. */
async function save(page: Page, name: string, clip: { x: number; y: number; width: number; height: number }) {
  const file = join(media, name);
  await page.screenshot({ path: file, clip });
  const bytes = statSync(file).size;
  console.log(`${name}: ${clip.width}x${clip.height}, ${(bytes / 1024).toFixed(0)} KiB`);
  expect(bytes).toBeLessThan(MAX_BYTES);
}

beforeAll(async () => {
  mkdirSync(media, { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close().catch(() => {});
  await server?.stop();
  if (workspace) rmSync(workspace, { recursive: true, force: true });
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

describe('README screenshots', () => {
  it('the debugger and the timeline in VS Code', async () => {
    host.ensureCodeServer();
    const profileName = `screenshots-${process.pid}`;
    profileDir = join(root, '.cache', 'vscode-host', 'profiles', profileName);
    rmSync(profileDir, { recursive: true, force: true });
    const profile = host.makeProfile(profileName, {
      'workbench.colorTheme': 'Default Dark Modern',
      'debug.openDebug': 'openOnSessionStart',
      'files.autoSave': 'off',
      'editor.minimap.enabled': false,
      'workbench.layoutControl.enabled': false,
      'window.commandCenter': false,
    });
    host.installExtension(host.vsixPath(), profile);
    workspace = mkdtempSync(join(tmpdir(), 'replication-'));
    copyFileSync(join(root, 'examples', 'single-leader', scenarioName), join(workspace, scenarioName));
    mkdirSync(join(workspace, '.vscode'));
    writeFileSync(
      join(workspace, '.vscode', 'launch.json'),
      JSON.stringify({
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
      }),
    );
    server = await host.startCodeServer({ folder: workspace, profile });
    const page = await browser.newPage({ viewport: { width: 1360, height: 820 } });
    await page.goto(host.folderUrl(server.url, workspace));
    await workbenchReady(page, scenarioName);
    await openFile(page, scenarioName, 'single-leader');
    await page.locator('.editor-instance .view-lines').click();
    await page.keyboard.press('F5');
    await waitPaused(page);
    // A few events into the run: the leader setting up its state.
    let frame = await topFrame(page);
    for (let i = 0; i < 4; i++) frame = await stepAndWait(page, 'F10', frame);
    await variablesAt(page, eventOf(frame));
    // The node's protocol state (role, term, log), once VS Code has expanded the event's scope.
    const rows = page.locator('.debug-variables .monaco-list-row');
    await rows
      .filter({ hasText: /^\s*id =/ })
      .first()
      .waitFor({ state: 'visible', timeout: 15_000 });
    await rows
      .filter({ hasText: /^\s*leader state\s*$/ })
      .first()
      .click();
    // The event's own variables make way for the node's (the list shows what fits).
    await rows
      .filter({ hasText: /^\s*Event #\d+/ })
      .first()
      .click();
    await rows
      .filter({ hasText: /^\s*role =/ })
      .first()
      .waitFor({ state: 'visible', timeout: 15_000 });
    await page.mouse.move(1300, 10);
    await save(page, 'debugger.png', { x: 0, y: 0, width: 1100, height: 620 });

    // The timeline beside the editor; "Next anomaly" selects the lost write and draws its causal chain.
    await page.locator('.editor-instance .view-lines').first().click();
    await runCommand(page, 'Replication: Show Timeline');
    const timeline = await timelineFrame(page);
    // Room for the timeline: no side bar, no panel.
    await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
    await runCommand(page, 'View: Toggle Panel Visibility');
    await timeline.locator('vscode-toolbar-button.next-anomaly').first().click();
    await expect
      .poll(() => timeline.evaluate(() => document.body.innerText), { timeout: 15_000 })
      .toMatch(/lost-write/);
    // Closer in on the anomaly's chain (the selection stays in view).
    const zoomIn = timeline.locator('vscode-toolbar-button[icon="zoom-in"]').first();
    await zoomIn.click();
    await zoomIn.click();
    await page.waitForTimeout(300); // the canvas redraw after the selection
    await save(page, 'timeline.png', { x: 0, y: 30, width: 1360, height: 520 });
    await page.keyboard.press('Shift+F5');
    await page.close();
  });

  it('the browser playground', async () => {
    execFileSync(process.execPath, ['scripts/playground.mjs', '--build', '--production'], {
      cwd: root,
      stdio: 'inherit',
    });
    const served: ChildProcess = spawn(
      process.execPath,
      ['scripts/playground.mjs', '--serve', '--port', '0'],
      {
        cwd: root,
      },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        served.stdout?.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (m) resolve(m[1] as string);
        });
        served.once('exit', (code) => reject(new Error(`the playground server exited (${code}): ${out}`)));
      });
      const page = await browser.newPage({ viewport: { width: 1360, height: 820 }, colorScheme: 'dark' });
      await page.goto(`${url}#example=leaderless/stale-read-small-quorums`);
      await page.waitForSelector('#playground[data-ready="true"]', { timeout: 60_000 });
      await page.click('vscode-tab-header.pg-tab-checks');
      await page.waitForSelector('.pg-checks-panel .pg-anomalies li', { timeout: 30_000 });
      await page.locator('.pg-checks-panel .pg-anomalies li .pg-link').first().click();
      await page.waitForTimeout(300); // the canvas redraw after the jump
      await save(page, 'playground.png', { x: 0, y: 0, width: 1360, height: 820 });
      await page.close();
    } finally {
      served.kill('SIGTERM');
    }
  });
});

// Opens the built timeline webview (dist/webview) in headless Chromium, in the very page the
// extension serves (timelineHtml, same CSP), with a stubbed acquireVsCodeApi that records what the
// view posts and keeps its state. Used by the end-to-end tests and the benchmark.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../e2e/chromium';
import { timelineHtml } from '../../extension/timeline/html';

// The one launcher of the browser tests (Debian's Chromium, flags for these machines).
export { launchChromium };

export const ORIGIN = 'http://timeline.test';
// Tests and `npm run bench` run from the repository root.
const root = process.cwd();
const dist = join(root, 'dist', 'webview');

export type Theme = 'dark' | 'light' | 'high-contrast';

/** A subset of VS Code's theme variables, enough to see that the view follows the theme. */
const THEMES: Record<Theme, string> = {
  dark: `--vscode-editor-background:#1e1e1e;--vscode-editor-foreground:#d4d4d4;--vscode-foreground:#cccccc;--vscode-descriptionForeground:#9d9d9d;--vscode-editorWidget-background:#252526;--vscode-panel-border:#80808059;--vscode-focusBorder:#007fd4;--vscode-charts-blue:#3794ff;--vscode-charts-red:#f14c4c;--vscode-charts-orange:#d18616;--vscode-charts-green:#89d185;--vscode-charts-purple:#b180d7;--vscode-charts-yellow:#cca700;--vscode-font-family:system-ui, sans-serif;--vscode-font-size:13px;--vscode-button-background:#0e639c;--vscode-button-foreground:#ffffff;--vscode-input-background:#3c3c3c;--vscode-input-foreground:#cccccc;--vscode-textLink-foreground:#3794ff;--vscode-icon-foreground:#c5c5c5;--vscode-settings-textInputBackground:#313131;--vscode-settings-textInputForeground:#cccccc;--vscode-settings-textInputBorder:#3c3c3c;--vscode-badge-background:#616161;--vscode-badge-foreground:#f8f8f8;--vscode-panelTitle-activeBorder:#0078d4;--vscode-panelTitle-activeForeground:#e7e7e7;--vscode-panelTitle-inactiveForeground:#9d9d9d;--vscode-button-secondaryBackground:#313131;--vscode-button-secondaryForeground:#cccccc;--vscode-editorError-foreground:#f14c4c;--vscode-editorIndentGuide-background1:#404040;--vscode-editor-findMatchBorder:#ffcc00;`,
  light: `--vscode-editor-background:#ffffff;--vscode-editor-foreground:#000000;--vscode-foreground:#616161;--vscode-descriptionForeground:#717171;--vscode-editorWidget-background:#f3f3f3;--vscode-panel-border:#80808059;--vscode-focusBorder:#0090f1;--vscode-charts-blue:#1a85ff;--vscode-charts-red:#e51400;--vscode-charts-orange:#d18616;--vscode-charts-green:#388a34;--vscode-charts-purple:#652d90;--vscode-charts-yellow:#bf8803;--vscode-font-family:system-ui, sans-serif;--vscode-font-size:13px;--vscode-button-background:#007acc;--vscode-button-foreground:#ffffff;--vscode-input-background:#ffffff;--vscode-input-foreground:#616161;--vscode-textLink-foreground:#006ab1;--vscode-icon-foreground:#424242;--vscode-settings-textInputBackground:#ffffff;--vscode-settings-textInputForeground:#3b3b3b;--vscode-settings-textInputBorder:#cecece;--vscode-badge-background:#cccccc;--vscode-badge-foreground:#3b3b3b;--vscode-panelTitle-activeBorder:#005fb8;--vscode-panelTitle-activeForeground:#3b3b3b;--vscode-panelTitle-inactiveForeground:#717171;--vscode-button-secondaryBackground:#e5e5e5;--vscode-button-secondaryForeground:#3b3b3b;--vscode-editorError-foreground:#e51400;--vscode-editorIndentGuide-background1:#d3d3d3;--vscode-editor-findMatchBorder:#b58900;`,
  'high-contrast': `--vscode-editor-background:#000000;--vscode-editor-foreground:#ffffff;--vscode-foreground:#ffffff;--vscode-descriptionForeground:#ffffff;--vscode-editorWidget-background:#0c141f;--vscode-panel-border:#6fc3df;--vscode-focusBorder:#f38518;--vscode-charts-blue:#3794ff;--vscode-charts-red:#f14c4c;--vscode-charts-orange:#d18616;--vscode-charts-green:#89d185;--vscode-charts-purple:#b180d7;--vscode-charts-yellow:#ffff00;--vscode-font-family:system-ui, sans-serif;--vscode-font-size:13px;--vscode-contrastBorder:#6fc3df;--vscode-textLink-foreground:#21a6ff;--vscode-icon-foreground:#ffffff;--vscode-settings-textInputBackground:#000000;--vscode-settings-textInputForeground:#ffffff;--vscode-settings-textInputBorder:#6fc3df;--vscode-badge-background:#000000;--vscode-badge-foreground:#ffffff;--vscode-panelTitle-activeBorder:#6fc3df;--vscode-panelTitle-activeForeground:#ffffff;--vscode-panelTitle-inactiveForeground:#ffffff;--vscode-button-background:#000000;--vscode-button-foreground:#ffffff;--vscode-button-border:#6fc3df;--vscode-button-secondaryBackground:#000000;--vscode-button-secondaryForeground:#ffffff;--vscode-editorError-foreground:#f48771;--vscode-editorIndentGuide-background1:#ffffff;--vscode-editor-findMatchBorder:#f38518;`,
};

export interface Harness {
  browser: Browser;
  page: Page;
  /** Messages the view posted to the host so far. */
  posted(): Promise<{ type: string; [k: string]: unknown }[]>;
  /** Post a host message to the view and wait for the next frame. */
  send(message: unknown): Promise<void>;
  /** Console errors and uncaught exceptions seen so far. */
  problems: string[];
  /** Content-Security-Policy violations the page reported. */
  cspViolations(): Promise<string[]>;
  close(): Promise<void>;
}

export function pageHtml(theme: Theme, savedState: unknown): string {
  const nonce = 'testnonce0123456789abcdefABCDEF';
  const html = timelineHtml({
    cspSource: ORIGIN,
    script: `${ORIGIN}/timeline.js`,
    style: `${ORIGIN}/timeline.css`,
    codicons: `${ORIGIN}/codicon.css`,
    nonce,
    title: 'Timeline test',
  });
  // What VS Code injects around a webview: theme variables on <html>, a theme class on <body>, and
  // acquireVsCodeApi. The stub keeps posted messages and state where the tests can read them.
  const stub = `<script nonce="${nonce}">
window.__posted = [];
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline'));
});
window.__state = ${JSON.stringify(savedState ?? null)};
window.acquireVsCodeApi = () => ({
  postMessage: (m) => { window.__posted.push(JSON.parse(JSON.stringify(m))); },
  getState: () => window.__state,
  setState: (s) => { window.__state = JSON.parse(JSON.stringify(s)); },
});
</script>`;
  const bodyClass = theme === 'high-contrast' ? 'vscode-high-contrast' : `vscode-${theme}`;
  return html
    .replace('<html lang="en">', `<html lang="en" style="${THEMES[theme]}">`)
    .replace('<body>', `<body class="${bodyClass}">`)
    .replace('</head>', `${stub}\n</head>`);
}

export async function openTimeline(
  opts: { theme?: Theme; width?: number; height?: number; savedState?: unknown; browser?: Browser } = {},
): Promise<Harness> {
  const browser = opts.browser ?? (await launchChromium());
  const page = await browser.newPage({ viewport: { width: opts.width ?? 1280, height: opts.height ?? 720 } });
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  const html = pageHtml(opts.theme ?? 'dark', opts.savedState);
  await page.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/' || path === '/index.html')
      return route.fulfill({ status: 200, contentType: 'text/html', body: html });
    const file = path.slice(1);
    if (!/^[\w.-]+$/.test(file)) return route.fulfill({ status: 404, body: '' });
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'font/ttf';
    try {
      return route.fulfill({ status: 200, contentType: type, body: readFileSync(join(dist, file)) });
    } catch {
      return route.fulfill({ status: 404, body: '' });
    }
  });
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() =>
    (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'ready'),
  );
  const harness: Harness = {
    browser,
    page,
    problems,
    posted: () => page.evaluate(() => (window as unknown as { __posted: { type: string }[] }).__posted),
    cspViolations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp),
    send: async (message) => {
      await page.evaluate((m) => {
        window.postMessage(m, '*');
      }, message);
      await nextFrame(page);
    },
    close: async () => {
      await page.close();
      if (!opts.browser) await browser.close();
    },
  };
  return harness;
}

/** Resolve after the view has drawn a frame following everything queued so far. */
export async function nextFrame(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve())), 0);
      }),
  );
}

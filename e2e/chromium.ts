// The one headless Chromium launcher of the browser tests (VS Code in code-server, the playground,
// the timeline webview harness): Debian's Chromium driven by playwright-core, with the flags that
// work on these machines (../shared/notes/real-vscode-host.md).
import { type Browser, chromium, type LaunchOptions } from 'playwright-core';

/** Debian's Chromium unless CHROMIUM_PATH names another. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * No sandbox (root in a container), no GPU, and nothing that reaches out to the internet
 * (QUIC probes, component updates, sync, background requests), which would only hang here.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches headless Chromium; `extra` adds to (never replaces) the flags above. */
export function launchChromium(extra: Omit<LaunchOptions, 'executablePath'> = {}): Promise<Browser> {
  return chromium.launch({
    headless: true,
    ...extra,
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, ...(extra.args ?? [])],
  });
}

// End-to-end test of the extension in a real VS Code: code-server (VS Code 1.100 in a browser)
// driven by headless Chromium, once in the Node extension host and once in the web worker one
// (same stages, ./suite.ts). Packages the .vsix first unless E2E_PREBUILT=1.
// Run: npx vitest run --config e2e/vscode/vitest.config.mts
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/vscode/*.e2e.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    fileParallelism: false,
  },
});

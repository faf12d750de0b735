// End-to-end tests of the built timeline webview in headless Chromium (build first:
// `node scripts/build.mjs`). Run: npx vitest run --config webview/vitest.e2e.config.mts
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['webview/**/*.e2e.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});

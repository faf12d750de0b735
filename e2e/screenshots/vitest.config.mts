// Regenerates the README screenshots in media/ from the real product: the extension in code-server
// and the browser playground, both in headless Chromium. Not part of CI (it rewrites media/).
// Run: npx vitest run --config e2e/screenshots/vitest.config.mts (after `npm run package`)
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/screenshots/*.screenshots.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    pool: 'forks',
    fileParallelism: false,
  },
});

// End-to-end test of the browser playground in headless Chromium. It builds the playground itself
// (`node scripts/playground.mjs --build --production`) and serves it with `--serve`.
// Run: npx vitest run --config e2e/playground/vitest.config.mts
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/playground/**/*.e2e.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{engine,traces,extension,webview,scripts}/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', '**/*.e2e.test.ts'],
    testTimeout: 60_000,
    pool: 'threads',
  },
});

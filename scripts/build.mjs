// One esbuild script for every bundle: extension host (desktop and web), debug adapter, CLI,
// webview and benchmarks (the playground has its own build, scripts/playground.mjs). `--watch` rebuilds on change; `--production` minifies.
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const node = { platform: 'node', format: 'cjs', target: 'node20' };
const browser = { platform: 'browser', format: 'iife', target: 'es2022' };

/** Every bundle the project ships or runs. */
const bundles = [
  {
    name: 'extension host (desktop)',
    entry: 'extension/main.ts',
    out: 'dist/extension.js',
    ...node,
    external: ['vscode'],
  },
  {
    name: 'extension host (web)',
    entry: 'extension/browserMain.ts',
    out: 'dist/web/extension.js',
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    // @vscode/debugadapter needs Node's `events` and `url`; the web host has neither.
    alias: { events: './extension/debug/web/events.ts', url: './extension/debug/web/url.ts' },
  },
  { name: 'debug adapter', entry: 'extension/debug/adapterMain.ts', out: 'dist/debugAdapter.js', ...node },
  { name: 'command line', entry: 'engine/cli/main.ts', out: 'dist/cli.js', ...node },
  { name: 'sweep worker', entry: 'engine/sweep/worker.ts', out: 'dist/sweepWorker.js', ...node },
  { name: 'timeline webview', entry: 'webview/main.ts', out: 'dist/webview/timeline.js', ...browser },
  {
    name: 'benchmarks',
    entry: 'scripts/bench.ts',
    out: 'dist/bench.js',
    ...node,
    external: ['playwright-core'],
  },
];

const present = bundles.filter((b) => existsSync(join(root, b.entry)));
for (const b of bundles)
  if (!present.includes(b)) console.warn(`build: skipping ${b.name}, ${b.entry} is not there yet`);

const contexts = await Promise.all(
  present.map((b) =>
    esbuild.context({
      absWorkingDir: root,
      entryPoints: [b.entry],
      outfile: b.out,
      bundle: true,
      platform: b.platform,
      format: b.format,
      target: b.target,
      external: b.external ?? [],
      alias: b.alias ?? {},
      sourcemap: production ? false : 'linked',
      minify: production,
      legalComments: 'none',
      logLevel: 'warning',
      loader: { '.ttf': 'file', '.css': 'css' },
      define: {
        'process.env.NODE_ENV': production ? '"production"' : '"development"',
        // The yaml package reads these debug switches from the environment on every token.
        'process.env.LOG_TOKENS': 'undefined',
        'process.env.LOG_STREAM': 'undefined',
      },
    }),
  ),
);

if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('build: watching');
} else {
  const results = await Promise.allSettled(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  const failed = results.filter((r) => r.status === 'rejected');
  if (failed.length) {
    console.error(`build: ${failed.length} bundle(s) failed`);
    process.exit(1);
  }
  // Static assets the webview and schema consumers load at run time.
  mkdirSync(join(root, 'dist/webview'), { recursive: true });
  const codicons = join(root, 'node_modules/@vscode/codicons/dist');
  if (existsSync(codicons)) {
    cpSync(join(codicons, 'codicon.css'), join(root, 'dist/webview/codicon.css'));
    cpSync(join(codicons, 'codicon.ttf'), join(root, 'dist/webview/codicon.ttf'));
  }
}

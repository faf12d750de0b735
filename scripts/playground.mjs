// The browser playground: builds dist/playground/ (static files only) and serves it on 127.0.0.1.
//
//   node scripts/playground.mjs            build, then serve and print the URL (Ctrl-C stops)
//   node scripts/playground.mjs --build    build only (what a static host needs)
//   node scripts/playground.mjs --serve    serve an existing build
//   --port N (default 5178; 0 picks a free port), --production (minify, no source maps)
//
// The output works from any static host: the page loads its scripts, workers and styles by relative
// URLs, and the examples are embedded in index.html at build time.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { parse as parseYaml } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'playground');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
};

/** Every examples/<family>/<name>.scenario.yaml, in a stable order, with its title. */
export function collectExamples(dir = join(root, 'examples')) {
  const found = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.scenario.yaml')) found.push(p);
    }
  };
  if (existsSync(dir)) walk(dir);
  return found.map((p) => {
    const path = relative(dir, p).split(sep).join('/');
    const text = readFileSync(p, 'utf8');
    const family = path.includes('/') ? path.slice(0, path.indexOf('/')) : 'other';
    let title = '';
    try {
      const doc = parseYaml(text);
      if (doc && typeof doc.scenario === 'string') title = doc.scenario;
    } catch {
      // A broken example still gets a menu entry; the editor shows what is wrong with it.
    }
    const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.scenario\.yaml$/, '');
    return { id: `${family}/${name}`, family, name, path: `examples/${path}`, title: title || name, text };
  });
}

/** JSON that is safe inside a <script> element. */
function scriptJson(value) {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

// monaco-editor 0.57's exports map no longer exposes `monaco-editor/esm/vs/...`, the path
// monaco-yaml's worker (through monaco-worker-manager) imports the editor worker by.
const monacoEsmPaths = {
  name: 'monaco-esm-paths',
  setup(build) {
    build.onResolve({ filter: /^monaco-editor\/esm\// }, (args) => ({
      path: join(root, 'node_modules', args.path),
    }));
  },
};

export async function buildPlayground({ production = false } = {}) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    sourcemap: production ? false : 'linked',
    minify: production,
    legalComments: 'none',
    logLevel: 'warning',
    define: {
      'process.env.NODE_ENV': production ? '"production"' : '"development"',
      // The yaml package reads these debug switches from the environment on every token.
      'process.env.LOG_TOKENS': 'undefined',
      'process.env.LOG_STREAM': 'undefined',
    },
  };
  await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: ['webview/playground/main.ts'],
      outfile: join(out, 'playground.js'),
      loader: { '.ttf': 'file', '.css': 'css' },
    }),
    // The engine runs in its own worker, so a long run never freezes the page and can be stopped.
    esbuild.build({
      ...common,
      entryPoints: { 'engine.worker': 'webview/playground/engineWorker.ts' },
      outdir: out,
    }),
    // Monaco's workers: the editor's own (diffs, links, word completion) and monaco-yaml's (schema
    // completion and hovers). The page creates them by these relative URLs.
    esbuild.build({
      ...common,
      entryPoints: { 'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js' },
      outdir: out,
      plugins: [monacoEsmPaths],
    }),
    esbuild.build({
      ...common,
      entryPoints: { 'yaml.worker': 'monaco-yaml/yaml.worker.js' },
      outdir: out,
      plugins: [monacoEsmPaths],
    }),
  ]);
  const codicons = join(root, 'node_modules/@vscode/codicons/dist');
  cpSync(join(codicons, 'codicon.css'), join(out, 'codicon.css'));
  cpSync(join(codicons, 'codicon.ttf'), join(out, 'codicon.ttf'));
  const examples = collectExamples();
  const template = readFileSync(join(root, 'webview/playground/index.html'), 'utf8');
  const marker = '<!-- examples -->';
  if (!template.includes(marker)) throw new Error(`webview/playground/index.html lacks the ${marker} marker`);
  const html = template.replace(
    marker,
    () => `<script type="application/json" id="examples-data">${scriptJson(examples)}</script>`,
  );
  writeFileSync(join(out, 'index.html'), html);
  return { dir: out, examples: examples.length };
}

/** A static file server for `dir` on 127.0.0.1; resolves when listening. */
export function serveStatic(dir, port = 5178) {
  const server = createServer((req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(dir, path));
    if (file !== dir && !file.startsWith(dir + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`not found: ${path}`);
      return;
    }
    const body = readFileSync(file);
    res.writeHead(200, {
      'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({ server, url: `http://127.0.0.1:${actual}/` });
    });
  });
}

async function main() {
  const args = process.argv.slice(2);
  const production = args.includes('--production');
  const portArg = args.indexOf('--port');
  const port = portArg >= 0 ? Number(args[portArg + 1]) : Number(process.env.PORT ?? 5178);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`playground: --port must be a port number, not ${JSON.stringify(args[portArg + 1])}`);
    process.exit(2);
  }
  if (!args.includes('--serve')) {
    const started = Date.now();
    const { examples } = await buildPlayground({ production });
    console.log(`playground: built dist/playground/ with ${examples} examples in ${Date.now() - started} ms`);
    if (args.includes('--build')) return;
  } else if (!existsSync(join(out, 'index.html'))) {
    console.error('playground: dist/playground/ is not built; run `npm run playground` or add --build first');
    process.exit(1);
  }
  let served;
  try {
    served = await serveStatic(out, port);
  } catch (e) {
    console.error(`playground: cannot listen on 127.0.0.1:${port}: ${e.message} (try --port 0)`);
    process.exit(1);
  }
  console.log(`playground: serving dist/playground/ at ${served.url} (Ctrl-C stops)`);
  const stop = () => served.server.close(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === normalize(process.argv[1])) {
  main().catch((e) => {
    console.error(`playground: ${e.message ?? e}`);
    process.exit(1);
  });
}

// `npm run package`: a production build, then the marketplace .vsix (vsce, no dependencies: the
// bundles carry them), then a check of what went in. Fails loudly when the package carries
// sources, maps, tests, node_modules or monaco, misses a file the manifest names, exceeds 2 MB, or
// has a manifest the Open VSX registry would refuse.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listZip, openVsxProblems } from './vsix.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const MAX_BYTES = 2 * 1024 * 1024;
const skipBuild = process.argv.includes('--no-build');

/** @param {string} cmd @param {string[]} args */
function step(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`package: \`${cmd} ${args.join(' ')}\` failed`);
    process.exit(1);
  }
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = join(root, 'dist', `${pkg.name}-${pkg.version}.vsix`);

// Maps left by development builds stay out through .vscodeignore (production bundles name none).
if (!skipBuild) step(process.execPath, ['scripts/build.mjs', '--production']);
mkdirSync(dirname(out), { recursive: true });
rmSync(out, { force: true });
step(process.execPath, [
  join(root, 'node_modules', '@vscode', 'vsce', 'vsce'),
  'package',
  '--no-dependencies',
  '--no-update-package-json',
  '--out',
  out,
]);

const files = listZip(out)
  .filter((e) => e.name.startsWith('extension/'))
  .map((e) => ({ ...e, name: e.name.slice('extension/'.length) }));
const names = new Set(files.map((f) => f.name));

/** Forbidden content, each with why it is a problem. */
const forbidden = [
  {
    test: (/** @type {string} */ n) => n.includes('node_modules/'),
    why: 'node_modules (the bundles carry them)',
  },
  {
    test: (/** @type {string} */ n) => /\.(ts|mts|cts|tsx)$/.test(n) && !n.endsWith('.d.ts'),
    why: 'a source file',
  },
  { test: (/** @type {string} */ n) => n.endsWith('.map'), why: 'a source map' },
  {
    test: (/** @type {string} */ n) => /(^|\/)(e2e|tests?|golden|__tests__)\//.test(n) || /\.test\./.test(n),
    why: 'a test',
  },
  { test: (/** @type {string} */ n) => /monaco/i.test(n), why: 'monaco (the playground only)' },
  { test: (/** @type {string} */ n) => /(^|\/)playground\//.test(n), why: 'the playground' },
];
const problems = [];
for (const f of files)
  for (const rule of forbidden) if (rule.test(f.name)) problems.push(`${f.name}: ${rule.why}`);
// Monaco can hide inside a bundle too.
for (const f of files.filter((x) => x.name.endsWith('.js')))
  if (/monaco-editor|MonacoEnvironment/.test(readFileSync(join(root, f.name), 'utf8')))
    problems.push(`${f.name}: bundles monaco`);

/** Every file the manifest points at must be in the package. */
const wanted = new Set();
const rel = (/** @type {unknown} */ p) => (typeof p === 'string' ? p.replace(/^\.\//, '') : undefined);
const addWanted = (/** @type {unknown} */ p) => {
  const r = rel(p);
  if (r && !/^https?:/.test(r)) wanted.add(r);
};
addWanted(pkg.main);
addWanted(pkg.browser);
addWanted(pkg.icon);
const c = pkg.contributes ?? {};
for (const l of c.languages ?? []) addWanted(l.configuration);
for (const g of c.grammars ?? []) addWanted(g.path);
for (const j of c.jsonValidation ?? []) addWanted(j.url);
for (const y of c.yamlValidation ?? []) addWanted(y.url);
for (const s of c.snippets ?? []) addWanted(s.path);
for (const d of c.debuggers ?? []) addWanted(d.program);
for (const l of c.languages ?? []) for (const i of Object.values(l.icon ?? {})) addWanted(i);
for (const w of c.walkthroughs ?? [])
  for (const s of w.steps ?? []) {
    const m = s.media ?? {};
    addWanted(m.markdown);
    addWanted(m.svg);
    for (const i of typeof m.image === 'object' ? Object.values(m.image) : [m.image]) addWanted(i);
  }
for (const w of wanted)
  if (!names.has(w)) problems.push(`${w}: named in package.json but not in the package`);
if (!pkg.icon) console.warn('package: warning: package.json has no "icon" (add "icon": "media/icon.png")');
// vsce stores README and CHANGELOG in lower case and LICENSE as LICENSE.txt.
const lower = new Set([...names].map((n) => n.toLowerCase()));
for (const doc of ['readme.md', 'changelog.md', 'license.txt', 'package.json'])
  if (!lower.has(doc)) problems.push(`${doc}: missing from the package`);

// Open VSX (ovsx publish) takes the same .vsix; its registry checks the manifest on upload.
const licensed = ['license.txt', 'license.md', 'license'].some((f) => lower.has(f));
for (const p of openVsxProblems(pkg, licensed)) problems.push(`Open VSX would refuse it: ${p}`);

const bytes = statSync(out).size;
if (bytes > MAX_BYTES)
  problems.push(`the package is ${(bytes / 1024 / 1024).toFixed(2)} MB, over the 2 MB budget`);

const biggest = [...files].sort((a, b) => b.compressed - a.compressed).slice(0, 8);
console.log(`package: ${files.length} files; largest (compressed):`);
for (const f of biggest) console.log(`  ${(f.compressed / 1024).toFixed(0).padStart(6)} KiB  ${f.name}`);
if (problems.length) {
  console.error(`\npackage: ${out} is not fit to publish:`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(`package: ${out} — ${(bytes / 1024).toFixed(0)} KiB (budget 2048 KiB)`);
if (!existsSync(out)) process.exit(1);

// Writes examples/README.md: every example scenario by family, with its title and the first
// sentence of its description. `--check` fails when the index is out of date.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples');
const FAMILIES = [
  ['single-leader', 'Single-leader replication'],
  ['multi-leader', 'Multi-leader replication'],
  ['leaderless', 'Leaderless (Dynamo-style) replication'],
];

const lines = [
  '# Examples',
  '',
  'One scenario per mechanism. Open one in VS Code and press F5 to step through it, or run',
  '`npx replication-debugger run <file>`; `npx replication-debugger check examples/*/*.scenario.yaml`',
  'checks that every example still shows what it teaches.',
  '',
];
for (const [dir, title] of FAMILIES) {
  lines.push(`## ${title}`, '');
  for (const file of readdirSync(join(root, dir))
    .filter((f) => /\.scenario\.ya?ml$/.test(f))
    .sort()) {
    const doc = parse(readFileSync(join(root, dir, file), 'utf8'));
    const first =
      String(doc.description ?? '')
        .replace(/\s+/g, ' ')
        .trim()
        .match(/^.*?[.!?](\s|$)/)?.[0]
        .trim() ?? '';
    lines.push(`- [${doc.scenario}](${dir}/${file})${first ? ` — ${first}` : ''}`);
  }
  lines.push('');
}
const text = lines.join('\n');
const target = join(root, 'README.md');
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {}
  if (current !== text) {
    console.error('examples/README.md is out of date: run node scripts/examples-index.mjs');
    process.exit(1);
  }
} else writeFileSync(target, text);

// Merges the contribution fragments each part of the extension owns (extension/*/contributes.json)
// into package.json, so every command, menu and setting is declared next to the code that
// registers it. `node scripts/manifest.mjs --check` fails when package.json is out of date.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const FRAGMENTS = [
  'extension/debug/contributes.json',
  'extension/language/contributes.json',
  'extension/timeline/contributes.json',
  'extension/contributes.json',
];

function merge(into, from) {
  for (const [k, v] of Object.entries(from)) {
    if (Array.isArray(v))
      into[k] = [
        ...(into[k] ?? []),
        ...v.filter((x) => !(into[k] ?? []).some((y) => JSON.stringify(y) === JSON.stringify(x))),
      ];
    else if (v && typeof v === 'object') into[k] = merge(into[k] ?? {}, v);
    else into[k] = v;
  }
  return into;
}

const path = join(root, 'package.json');
const pkg = JSON.parse(readFileSync(path, 'utf8'));
const activationEvents = [];
let contributes = {};
for (const f of FRAGMENTS) {
  let fragment;
  try {
    fragment = JSON.parse(readFileSync(join(root, f), 'utf8'));
  } catch (e) {
    if (e.code === 'ENOENT') continue;
    throw new Error(`${f}: ${e.message}`);
  }
  for (const a of fragment.activationEvents ?? [])
    if (!activationEvents.includes(a)) activationEvents.push(a);
  contributes = merge(contributes, fragment.contributes ?? {});
}
const next = { ...pkg, activationEvents, contributes };
const text = `${JSON.stringify(next, null, 2)}\n`;
if (process.argv.includes('--check')) {
  if (readFileSync(path, 'utf8') !== text) {
    console.error('package.json contributions are out of date: run node scripts/manifest.mjs');
    process.exit(1);
  }
} else writeFileSync(path, text);

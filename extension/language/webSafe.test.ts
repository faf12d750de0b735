// The authoring features also run as a web extension: no Node-only module in their runtime code.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const NODE_ONLY = /from '(node:[\w/]+|fs|path|os|child_process|module|url|util|crypto|worker_threads)'/;

function runtimeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'testing' && dir.endsWith('language') ? [] : runtimeFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('web extension', () => {
  const files = [...runtimeFiles(__dirname), ...runtimeFiles(join(__dirname, '..', 'testing'))];

  it('covers the language features and the Test Explorer', () => {
    expect(files.some((f) => f.endsWith('language/activate.ts'))).toBe(true);
    expect(files.some((f) => f.endsWith('testing/activate.ts'))).toBe(true);
  });

  for (const f of files) {
    it(`${f.split('/extension/')[1]} imports no Node-only module`, () => {
      expect(readFileSync(f, 'utf8')).not.toMatch(NODE_ONLY);
    });
  }
});

// Tokenizes text with the scenario grammar the way VS Code does (vscode-textmate on the Oniguruma
// wasm), for the grammar tests. Test-only: it reads files with Node.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createOnigScanner, createOnigString, loadWASM } from 'vscode-oniguruma';
import { type IGrammar, INITIAL, parseRawGrammar, Registry } from 'vscode-textmate';

const root = join(__dirname, '..', '..', '..');
export const GRAMMAR_PATH = join(root, 'syntaxes', 'replication-scenario.tmLanguage.json');
export const SCOPE = 'source.replication-scenario';

export interface Token {
  text: string;
  scopes: string[];
}

let grammar: Promise<IGrammar> | undefined;

async function load(): Promise<IGrammar> {
  const require = createRequire(__filename);
  const wasm = readFileSync(join(require.resolve('vscode-oniguruma'), '..', 'onig.wasm'));
  await loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner, createOnigString }),
    loadGrammar: async (scopeName) =>
      scopeName === SCOPE ? parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null,
  });
  const g = await registry.loadGrammar(SCOPE);
  if (!g) throw new Error(`grammar ${SCOPE} did not load`);
  return g;
}

/** One token list per line. */
export async function tokenize(text: string): Promise<Token[][]> {
  grammar ??= load();
  const g = await grammar;
  let state = INITIAL;
  const out: Token[][] = [];
  for (const line of text.split(/\r?\n/)) {
    const r = g.tokenizeLine(line, state);
    out.push(
      r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes.slice(1) })),
    );
    state = r.ruleStack;
  }
  return out;
}

/** The innermost scopes of every token whose text is `text` on lines containing `lineHas`. */
export function scopesOf(lines: Token[][], text: string): string[][] {
  return lines.flatMap((l) => l.filter((t) => t.text === text).map((t) => t.scopes));
}

/** A readable snapshot: each line, then its non-blank tokens with their scopes (root scope left out). */
export function snapshot(text: string, lines: Token[][]): string {
  const src = text.split(/\r?\n/);
  const out: string[] = [];
  lines.forEach((tokens, i) => {
    out.push(`${String(i + 1).padStart(3)}| ${src[i]}`);
    for (const t of tokens) {
      if (!t.text.trim()) continue;
      out.push(`   | ${JSON.stringify(t.text)} ${t.scopes.join(' ') || '-'}`);
    }
  });
  return `${out.join('\n')}\n`;
}

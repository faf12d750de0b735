// Identifiers across the file: duplicates (nodes and clients share one namespace, op ids another)
// and references to nodes, clients and op ids that nothing declares.

import type { Offsets, SymbolOccurrence } from './checked';
import { type NormalizeContext, say } from './normalizeContext';
import type { RefKind } from './schemaTypes';
import { closest } from './suggest';

export type AddClientFix = (name: string) => { title: string; replacement: string; at: Offsets } | undefined;

const KIND_NAME: Partial<Record<RefKind, string>> = {
  node: 'a node',
  client: 'a client',
  op: 'an op id',
  shard: 'a shard',
};

export function checkReferences(
  symbols: SymbolOccurrence[],
  ctx: NormalizeContext,
  addClientFix: AddClientFix,
) {
  const actors = new Map<string, SymbolOccurrence>();
  const ops = new Map<string, SymbolOccurrence>();
  const shards = new Map<string, SymbolOccurrence>();
  for (const s of symbols) {
    if (!s.declares) continue;
    const table = s.kind === 'op' ? ops : s.kind === 'shard' ? shards : actors;
    const prev = table.get(s.name);
    if (prev) {
      const prevLine = ctx.src.line(prev.start);
      const what = KIND_NAME[prev.kind] ?? `a ${prev.kind}`;
      const shared =
        s.kind === 'node' || s.kind === 'client' ? ' (nodes and clients share one namespace)' : '';
      say(
        ctx,
        'error',
        s.kind === 'op' ? 'duplicate-op-id' : 'duplicate-id',
        [s.start, s.end],
        `duplicate id \`${s.name}\`: already declared as ${what} on line ${prevLine}${shared}`,
      );
      continue;
    }
    table.set(s.name, s);
  }
  const namesOf = (kinds: RefKind[]) =>
    [...actors.values()].filter((d) => kinds.includes(d.kind)).map((d) => d.name);
  for (const s of symbols) {
    if (s.declares) continue;
    const at: Offsets = [s.start, s.end];
    if (s.kind === 'op') {
      if (!ops.has(s.name)) {
        const guess = closest(s.name, ops.keys());
        undeclared(ctx, 'unknown-op', at, `no event has id \`${s.name}\``, guess);
      }
      continue;
    }
    if (s.kind !== 'node' && s.kind !== 'client' && s.kind !== 'actor') continue;
    const decl = actors.get(s.name);
    if (decl && (s.kind === 'actor' || decl.kind === s.kind)) continue;
    if (decl) {
      say(ctx, 'error', `not-a-${s.kind}`, at, `\`${s.name}\` is a ${decl.kind}, not a ${s.kind}`);
      continue;
    }
    const kinds: RefKind[] = s.kind === 'actor' ? ['node', 'client'] : [s.kind];
    // `reads` takes a node or a routing mode: a misspelt mode should be suggested too.
    const modes = s.key === 'reads' ? ['leader', 'followers', 'sticky'] : [];
    const guess = closest(s.name, [...namesOf(kinds), ...modes]);
    const what = s.kind === 'actor' ? 'node or client' : s.kind;
    if (s.kind === 'client' && !guess) {
      const fix = addClientFix(s.name);
      say(
        ctx,
        'error',
        'undeclared-client',
        at,
        `undeclared client \`${s.name}\`: declare it under \`clients:\``,
        fix ? { ...fix, title: `Add client \`${s.name}\` to clients` } : undefined,
      );
      continue;
    }
    undeclared(
      ctx,
      `undeclared-${s.kind === 'actor' ? 'actor' : s.kind}`,
      at,
      `undeclared ${what} \`${s.name}\``,
      guess,
    );
  }
}

function undeclared(
  ctx: NormalizeContext,
  code: string,
  at: Offsets,
  message: string,
  guess: string | undefined,
) {
  say(
    ctx,
    'error',
    code,
    at,
    guess ? `${message}; did you mean \`${guess}\`?` : message,
    guess ? { title: `Change to ${guess}`, replacement: guess, at } : undefined,
  );
}

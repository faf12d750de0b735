// expect: the assertions checked when the run stops.

import type { AnomalyKind, Value } from '../../traces/types';
import { asMap, asSeq, type Checked, type CheckedSeq, entry } from './checked';
import type { Expectation, ScenarioItem } from './model';
import { lineOf, type NormalizeContext, read, say, sourceText } from './normalizeContext';

function valuesOf(c: Checked | undefined): Value[] | undefined {
  const seq = asSeq(c);
  if (!seq) return undefined;
  const out: Value[] = [];
  for (const item of seq.items) {
    if (item?.kind !== 'data') return undefined;
    out.push(item.value);
  }
  return out;
}

export function normalizeExpect(
  seq: CheckedSeq | undefined,
  events: ScenarioItem[],
  ctx: NormalizeContext,
): Expectation[] {
  const out: Expectation[] = [];
  const byId = new Map(events.filter((e) => e.id !== undefined).map((e) => [e.id as string, e]));
  for (const item of seq?.items ?? []) {
    if (!item) continue;
    const line = lineOf(ctx, item);
    const text = sourceText(ctx, item.range);
    if (item.kind === 'scalar') {
      out.push({ kind: 'converged', line, text });
      continue;
    }
    const m = asMap(item);
    if (!m) continue;
    const op = read<string | undefined>(m, 'op');
    if (op !== undefined) {
      const e: Expectation = { kind: 'op', op, line, text };
      const returns = valuesOf(entry(m, 'returns'));
      const fails = read<boolean | undefined>(m, 'fails');
      if (returns !== undefined) e.returns = returns;
      if (fails !== undefined) e.fails = fails;
      const target = byId.get(op);
      const opRange = m.entries.get('op')?.value.range ?? m.range;
      if (target && target.type !== 'client') {
        say(
          ctx,
          'error',
          'not-an-op',
          opRange,
          `\`${op}\` is a ${target.action.kind} item, not a client operation`,
        );
      } else if (target && returns !== undefined && target.action.kind !== 'read') {
        const at = m.entries.get('returns')?.keyRange ?? m.range;
        say(
          ctx,
          'error',
          'returns-not-read',
          at,
          `\`returns\` applies to reads; \`${op}\` is a ${target.action.kind}`,
        );
      }
      if (returns !== undefined && fails === true) {
        const at = m.entries.get('fails')?.keyRange ?? m.range;
        say(
          ctx,
          'error',
          'returns-and-fails',
          at,
          'an operation that fails returns nothing: use `returns` or `fails: true`',
        );
      }
      out.push(e);
      continue;
    }
    const anomaly = read<AnomalyKind | undefined>(m, 'anomaly');
    if (anomaly !== undefined) {
      const count = read<number | undefined>(m, 'count');
      out.push({ kind: 'anomaly', anomaly, line, text, ...(count !== undefined ? { count } : {}) });
      continue;
    }
    const no = read<AnomalyKind | undefined>(m, 'no');
    if (no !== undefined) {
      out.push({ kind: 'no', anomaly: no, line, text });
      continue;
    }
    const leader = read<string | undefined>(m, 'leader');
    if (leader !== undefined) {
      out.push({ kind: 'leader', node: leader, line, text });
      continue;
    }
    const state = asMap(entry(m, 'state'));
    const node = read<string | undefined>(state, 'node');
    const key = read<string | undefined>(state, 'key');
    const values = valuesOf(entry(state, 'values'));
    if (node !== undefined && key !== undefined && values !== undefined) {
      out.push({ kind: 'state', node, key, values, line, text });
    }
  }
  return out;
}

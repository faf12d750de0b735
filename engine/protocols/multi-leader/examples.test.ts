import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnomalyKind, Value } from '../../../traces/types';
import { runScenarioText } from '../../run';

const DIR = join(__dirname, '../../../examples/multi-leader');
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.scenario.yaml'))
  .sort();

function run(file: string) {
  const text = readFileSync(join(DIR, file), 'utf8');
  const outcome = runScenarioText(text, `examples/multi-leader/${file}`);
  const errors = outcome.diagnostics.filter((d) => d.severity === 'error');
  expect(errors, errors.map((d) => `${d.line}: ${d.message}`).join('\n')).toEqual([]);
  const result = outcome.result!;
  const trace = result.trace;
  const count = (kind: AnomalyKind) => trace.anomalies.filter((a) => a.kind === kind).length;
  const values = (actor: string, key: string): Value[] =>
    (trace.final[actor]?.data[key] ?? []).filter((s) => !s.tombstone).map((s) => s.value);
  const notes: string[] = [];
  for (let i = 0; i < trace.length; i++)
    if (trace.kind(i) === 'note') notes.push(trace.detail(i)?.text ?? '');
  return { result, trace, count, values, notes };
}

/** What each example must show, beyond its own `expect` entries. */
const checks: Record<string, (r: ReturnType<typeof run>) => void> = {
  'circular-loop-prevention.scenario.yaml': ({ count, values, notes }) => {
    expect(notes).toContain('ignored alice#1: already passed through dc1');
    expect(count('conflict')).toBe(0);
    for (const dc of ['dc1', 'dc2', 'dc3']) expect(values(dc, 'profile')).toEqual(['alice-v1']);
  },
  'circular-crash.scenario.yaml': ({ count, values, notes }) => {
    expect(count('stale-read')).toBeGreaterThan(0);
    expect(notes.some((n) => n.startsWith('dc2 is back: asking dc1'))).toBe(true);
    expect(values('dc3', 'price')).toEqual([12]);
  },
  'star-hub-crash.scenario.yaml': ({ values, notes }) => {
    expect(notes.some((n) => n.startsWith('catching up: 1 change from dc2'))).toBe(true);
    expect(values('dc3', 'stock')).toEqual([41]);
  },
  'overtaking-no-causality.scenario.yaml': ({ count, values }) => {
    expect(count('causality-violation')).toBe(1);
    expect(count('divergence')).toBe(1);
    expect(values('dc2', 'order-7')).toEqual(['placed']);
    expect(values('dc3', 'order-7')).toEqual(['shipped']);
  },
  'overtaking-version-vectors.scenario.yaml': ({ count, values, notes }) => {
    expect(count('causality-violation')).toBe(0);
    expect(notes.some((n) => n.startsWith("held update from dc3: it depends on dc1's change 1"))).toBe(true);
    expect(values('dc2', 'order-7')).toEqual(['shipped']);
  },
  'siblings-resolved-by-write.scenario.yaml': ({ count, values }) => {
    expect(count('conflict')).toBe(1);
    expect(count('lost-write')).toBe(0);
    expect(values('dc2', 'title')).toEqual(['B+C']);
  },
  'lww-clock-skew.scenario.yaml': ({ count, values, notes }) => {
    expect(count('lost-write')).toBe(1);
    expect(notes.some((n) => n.startsWith("lww: discarded dc2's write bob-moves-it"))).toBe(true);
    expect(values('dc2', 'meeting')).toEqual(['10:00']);
  },
  'highest-node.scenario.yaml': ({ count, values }) => {
    expect(count('conflict')).toBe(1);
    expect(count('lost-write')).toBe(1);
    for (const dc of ['dc1', 'dc2', 'dc3']) expect(values(dc, 'color')).toEqual(['blue']);
  },
  'merge-union.scenario.yaml': ({ trace, count }) => {
    expect(count('lost-write')).toBe(0);
    const [merged] = trace.final.dc1!.data.cart!;
    expect(merged).toMatchObject({ value: ['bread', 'milk', 'eggs'], op: 'alice#1', ops: ['bob#1'] });
  },
  'homes-avoid-conflicts.scenario.yaml': ({ count, notes }) => {
    expect(count('conflict')).toBe(0);
    expect(notes).toContain("cart's home is dc1: bob-reads-at-home goes there, not to dc2");
  },
  'home-failover.scenario.yaml': ({ count, values, notes }) => {
    expect(count('conflict')).toBe(1);
    expect(notes.some((n) => n.startsWith('dc1, home of cart, did not answer: failing over to dc2'))).toBe(
      true,
    );
    expect(values('dc2', 'cart')).toEqual([['milk'], ['eggs']]);
  },
  'crdt-counter.scenario.yaml': ({ trace, values }) => {
    expect(values('dc1', 'likes')).toEqual([1]);
    const [likes] = trace.final.dc1!.data.likes!;
    expect([likes!.op, ...(likes!.ops ?? [])]).toEqual(['alice#2', 'bob#1', 'bob#3']);
    expect(values('dc1', 'views')).toEqual([11]);
  },
  'crdt-or-set.scenario.yaml': ({ count, values }) => {
    expect(count('lost-write')).toBe(0);
    expect(values('dc1', 'tags')).toEqual([['urgent']]);
  },
  'crdt-registers.scenario.yaml': ({ count, values }) => {
    expect(count('lost-write')).toBe(1);
    expect(values('dc1', 'status')).toEqual(['closed']);
    expect(values('dc2', 'title')).toEqual(['Final draft']);
  },
  'links-tree.scenario.yaml': ({ count, values, trace }) => {
    expect(count('divergence')).toBe(1);
    expect(values('dc4', 'specials')).toEqual(['pie']);
    expect(values('dc1', 'specials')).toEqual([]);
    let pathToDc4: unknown;
    for (let i = 0; i < trace.length; i++) {
      const d = trace.detail(i);
      if (trace.kind(i) === 'deliver' && d?.to === 'dc4' && d.type === 'Forward') pathToDc4 = d.payload?.path;
    }
    expect(pathToDc4).toEqual(['dc2', 'dc1', 'dc3']);
  },
  'offline-calendar.scenario.yaml': ({ count, values, notes }) => {
    expect(count('conflict')).toBe(1);
    expect(notes.some((n) => n.startsWith('alice is back online: pushing 1 offline write'))).toBe(true);
    expect(values('alice', 'standup')).toEqual(['10:00', '9:30']);
    expect(values('dc2', 'standup')).toEqual(['10:00', '9:30']);
  },
};

describe('multi-leader examples', () => {
  it('has at least eight examples, each with a description and checks here', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const f of files) {
      expect(Object.keys(checks), `no checks for ${f}`).toContain(f);
      expect(readFileSync(join(DIR, f), 'utf8')).toMatch(/^description: \|/m);
    }
  });

  it.each(files)('%s passes its expectations, ends quiet and shows what it teaches', (file) => {
    const r = run(file);
    expect(r.result.stopReason).toBe('quiet');
    const failed = r.trace.expectations.filter((e) => !e.passed);
    expect(failed.map((e) => `${e.line}: ${e.text}: ${e.message}`)).toEqual([]);
    expect(r.trace.expectations.length).toBeGreaterThan(0);
    checks[file]?.(r);
  });
});

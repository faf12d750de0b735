import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Anomaly } from '../../../traces/types';
import { runScenarioText } from '../../run';

const DIR = join(__dirname, '../../../examples/single-leader');
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.scenario.yaml'))
  .sort();

function run(name: string) {
  const text = readFileSync(join(DIR, name), 'utf8');
  const outcome = runScenarioText(text, `examples/single-leader/${name}`);
  const errors = outcome.diagnostics.filter((d) => d.severity === 'error');
  expect(errors).toEqual([]);
  const result = outcome.result!;
  return { result, trace: result.trace, anomalies: result.trace.anomalies };
}

function kinds(anomalies: Anomaly[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of anomalies) out[a.kind] = (out[a.kind] ?? 0) + 1;
  return out;
}

function notes(trace: ReturnType<typeof run>['trace'], actor?: string): string[] {
  return [...trace.events()]
    .filter((e) => e.kind === 'note' && (!actor || e.actor === actor))
    .map((e) => e.text!);
}

describe('single-leader examples', () => {
  it('has at least ten examples, each with a description', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const f of files) expect(readFileSync(join(DIR, f), 'utf8')).toMatch(/^description: \|/m);
  });

  for (const f of files) {
    it(`passes every expectation of ${f}`, () => {
      const { trace } = run(f);
      const failed = trace.expectations.filter((x) => !x.passed);
      expect(failed).toEqual([]);
      expect(trace.expectations.length).toBeGreaterThan(0);
    });
  }

  it('blocks a write while the sync follower is down, and f1 catches up after recovery', () => {
    const { trace, anomalies } = run('sync-vs-async.scenario.yaml');
    expect(kinds(anomalies)).toEqual({});
    for (const n of ['leader', 'f1', 'f2']) expect(trace.final[n]!.data.x!.map((s) => s.value)).toEqual([3]);
  });

  it('explains the semi-sync promotion and acknowledges the write through f2', () => {
    const { trace } = run('semi-sync-promotion.scenario.yaml');
    expect(
      notes(trace, 'leader').some((t) =>
        /^semi-sync: f1 has not answered .*; f2 .* becomes the synchronous follower/.test(t),
      ),
    ).toBe(true);
    expect(trace.final.leader!.fields.sync).toEqual(['f2']);
  });

  it('diverges on now() and rand() under statement logging but not under row logging', () => {
    const statement = run('statement-nondeterminism.scenario.yaml');
    const keys = statement.anomalies.filter((a) => a.kind === 'divergence').map((a) => a.key);
    expect(keys).toEqual(expect.arrayContaining(['created', 'token']));
    expect(statement.trace.final.f1!.data.created![0]!.value).not.toEqual(
      statement.trace.final.leader!.data.created![0]!.value,
    );
    const row = run('row-based-log.scenario.yaml');
    expect(kinds(row.anomalies)).toEqual({});
    const log = row.trace.final.f1!.fields.log as { kind: string }[];
    expect(log.map((e) => e.kind)).toEqual([
      'insert',
      'commit',
      'insert',
      'commit',
      'insert',
      'commit',
      'update',
      'commit',
      'delete',
      'commit',
    ]);
    expect(row.trace.final.f2!.data.token).toEqual([expect.objectContaining({ tombstone: true })]);
  });

  it('stops replicating to a follower with another storage engine version, with a clear error', () => {
    const { trace } = run('wal-engine-mismatch.scenario.yaml');
    expect(
      notes(trace, 'f2').some((t) =>
        t.startsWith('error: WAL written by storage engine v1 cannot be applied by engine v2'),
      ),
    ).toBe(true);
    expect(notes(trace, 'leader').some((t) => t.startsWith('replication to f2 stopped'))).toBe(true);
    expect(trace.final.f2!.data).toEqual({});
    expect(trace.final.f1!.data.y!.map((s) => s.value)).toEqual([2]);
    const replicatesAfterStop = [...trace.events()].filter(
      (e) => e.kind === 'send' && e.type === 'Replicate' && e.to === 'f2',
    );
    expect(replicatesAfterStop.length).toBe(1);
  });

  it('catches a recovered follower up from its last applied position and records its lag', () => {
    const { trace } = run('follower-catch-up.scenario.yaml');
    expect(notes(trace, 'f1').some((t) => t.startsWith('catch-up: recovered with position 2'))).toBe(true);
    const lags = [...trace.events()].filter(
      (e) => e.kind === 'state' && e.actor === 'leader' && e.field === 'lag',
    );
    const worst = Math.max(
      ...lags.map((e) => (e.value as Record<string, { entries: number }>).f1?.entries ?? 0),
    );
    expect(worst).toBe(6);
    expect((trace.final.leader!.fields.lag as Record<string, { entries: number }>).f1!.entries).toBe(0);
  });

  it('starts a new node from a snapshot, catches it up, then lets it serve reads', () => {
    const { trace } = run('add-node.scenario.yaml');
    const f3 = notes(trace, 'f3');
    const snapshot = f3.findIndex((t) => t.startsWith('snapshot installed at position'));
    const ready = f3.findIndex((t) => t.startsWith('caught up at position'));
    expect(snapshot).toBeGreaterThanOrEqual(0);
    expect(ready).toBeGreaterThan(snapshot);
    expect(f3.some((t) => t.startsWith('redirect: f3 is still catching up'))).toBe(true);
    expect(trace.final.f3!.fields.logStart).toBeGreaterThan(0);
  });

  it('loses the acknowledged writes the new leader never had, on every replica', () => {
    const { trace, anomalies } = run('failover-lost-writes.scenario.yaml');
    expect(kinds(anomalies)['lost-write']).toBe(2);
    for (const n of ['leader', 'f1', 'f2']) {
      expect(trace.final[n]!.data.x!.map((s) => s.op)).toEqual(['write-a']);
      expect(trace.final[n]!.data.y ?? []).toEqual([]);
    }
    expect(notes(trace, 'leader').some((t) => /^truncated the entries of write-c, write-b/.test(t))).toBe(
      true,
    );
  });

  it('shows split brain without fencing and none with it', () => {
    const open = run('split-brain-without-fencing.scenario.yaml');
    expect(kinds(open.anomalies)['split-brain']).toBe(1);
    const fenced = run('fencing-prevents-split-brain.scenario.yaml');
    expect(kinds(fenced.anomalies)['split-brain']).toBeUndefined();
    expect(
      notes(fenced.trace, 'leader').some((t) => t.startsWith('fencing: no majority has confirmed epoch 1')),
    ).toBe(true);
  });

  it('deposes a healthy leader when the timeout is too short', () => {
    const { trace } = run('too-short-timeout.scenario.yaml');
    const crashes = [...trace.events()].filter((e) => e.kind === 'crash');
    expect(crashes).toEqual([]);
    expect(notes(trace).some((t) => t.startsWith('stepping down:'))).toBe(true);
    expect(trace.final.f2!.fields.role).toBe('leader');
  });

  it('redirects clients to a manually promoted leader', () => {
    const { trace } = run('manual-failover.scenario.yaml');
    expect(notes(trace, 'alice')).toContain('learned by redirect: f1 leads');
    expect(trace.final.leader!.fields.role).toBe('follower');
    expect(trace.final.f1!.fields.term).toBe(2);
  });

  it('fixes read-your-writes with each of the three strategies', () => {
    expect(kinds(run('read-your-writes-anomaly.scenario.yaml').anomalies)['read-your-writes']).toBe(1);
    for (const f of ['own-keys', 'leader-window', 'position']) {
      const { anomalies, trace } = run(`read-your-writes-${f}.scenario.yaml`);
      expect(kinds(anomalies)['read-your-writes']).toBeUndefined();
      expect(notes(trace, 'alice').some((t) => t.startsWith('read-your-writes:'))).toBe(true);
    }
  });

  it('keeps sticky and position clients monotonic while a plain client goes back in time', () => {
    const { anomalies, trace } = run('monotonic-reads.scenario.yaml');
    const mono = anomalies.filter((a) => a.kind === 'monotonic-reads');
    expect(mono.length).toBe(1);
    expect(mono[0]!.explain).toMatch(/^alice /);
    expect(notes(trace, 'dave').some((t) => t.startsWith('monotonic-reads:'))).toBe(true);
  });

  it('holds the careful observer until the question is there', () => {
    const { anomalies, trace } = run('consistent-prefix-shards.scenario.yaml');
    const cp = anomalies.filter((a) => a.kind === 'consistent-prefix');
    expect(cp.length).toBe(1);
    expect(cp[0]!.explain).toMatch(/^observer /);
    expect(notes(trace, 'n3').some((t) => t.startsWith('hold read:'))).toBe(true);
    expect(trace.final.n3!.fields['s1.role']).toBe('follower');
    expect(trace.final.n2!.fields['s2.role']).toBe('leader');
  });

  it('loses a write under lowest-id that most-up-to-date keeps', () => {
    const lowest = run('election-lowest-id.scenario.yaml');
    expect(lowest.trace.final.f1!.fields.role).toBe('leader');
    expect(kinds(lowest.anomalies)['lost-write']).toBe(1);
    const newest = run('election-most-up-to-date.scenario.yaml');
    expect(newest.trace.final.f2!.fields.role).toBe('leader');
    expect(kinds(newest.anomalies)['lost-write']).toBeUndefined();
    expect(newest.trace.final.f1!.data.x!.map((s) => s.op)).toEqual(['write-2']);
  });
});

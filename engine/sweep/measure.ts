// One run of a sweep: simulate the scenario with one seed and measure the read.
//
// t-visibility: a probe run without the read finds when the write was acknowledged (T); then, for
// each t, the read is moved to T + t and the scenario runs again with the same seed. Every such run
// is the probe run up to T + t (same seed, same inputs until then; randomness is drawn per link and
// per node), so the write is acknowledged at T in it too. A write that fails (quorum not reached,
// timeout) has no T: the run is left out, as is a t whose read fails; CSV column `excluded`
// counts them, and the command says why.
//
// k-staleness: the scenario runs as written. The versions of the read's key are the writes that
// were acknowledged before the read started, in acknowledgement order; the read's staleness is the
// number of them issued after the newest write it returned (0: it read the latest).

import type { Trace } from '../../traces/store';
import type { OpInfo, OpResult, Sibling } from '../../traces/types';
import { startSimulation } from '../run';
import type { ClientItem, Scenario } from '../scenario/model';
import { findReadItem, findWriteAndRead, retimeItem, withoutItem } from './retime';
import type { RunOutcome, SweepPlan } from './types';

interface OpRecord {
  op: OpInfo;
  request: number;
  requestTime: number;
  response?: number;
  responseTime?: number;
  result?: OpResult;
}

/** Every client operation of a run, by op key, with its request and response. */
export function operations(trace: Trace): Map<string, OpRecord> {
  const ops = new Map<string, OpRecord>();
  for (let i = 0; i < trace.length; i++) {
    const kind = trace.kind(i);
    if (kind !== 'request' && kind !== 'response') continue;
    const d = trace.detail(i);
    const op = d?.op;
    if (!op) continue;
    if (kind === 'request') ops.set(op.key, { op, request: i, requestTime: trace.time(i) });
    else {
      const rec = ops.get(op.key);
      if (rec && rec.response === undefined) {
        rec.response = i;
        rec.responseTime = trace.time(i);
        if (d.result) rec.result = d.result;
      }
    }
  }
  return ops;
}

/** The write op keys a sibling carries. */
function siblingOps(s: Sibling): string[] {
  const ops = s.ops ? [...s.ops] : [];
  if (s.op !== undefined) ops.push(s.op);
  return ops;
}

function simulate(scenario: Scenario, seed: number): Trace {
  return startSimulation(scenario, { seed }).run().trace;
}

/** Prepared once per sweep, used for every run: the items found and checked. */
export class RunMeasurer {
  private readonly write?: ClientItem;
  private readonly read: ClientItem;
  private readonly probe?: Scenario;

  constructor(
    private readonly scenario: Scenario,
    private readonly plan: SweepPlan,
  ) {
    if (plan.measure === 't-visibility') {
      const { write, read } = findWriteAndRead(scenario, plan.write, plan.read);
      this.write = write;
      this.read = read;
      this.probe = withoutItem(scenario, read);
    } else this.read = findReadItem(scenario, plan.read);
  }

  measure(run: number): RunOutcome {
    const seed = this.scenario.seed + run;
    return this.plan.measure === 't-visibility'
      ? this.tVisibility(run, seed, this.plan.t)
      : this.kStaleness(run, seed);
  }

  private tVisibility(run: number, seed: number, ts: readonly number[]): RunOutcome {
    const writeKey = this.write!.id!;
    const probe = operations(simulate(this.probe!, seed)).get(writeKey);
    if (!probe || probe.responseTime === undefined || !probe.result?.ok) {
      const why = probe?.result?.error ?? (probe ? 'no answer' : 'never issued');
      return { run, seed, values: ts.map(() => null), reason: `write failed: ${why}` };
    }
    const committed = probe.responseTime;
    const values: (number | null)[] = [];
    let reason: string | undefined;
    for (const t of ts) {
      const ops = operations(simulate(retimeItem(this.scenario, this.read, committed + t), seed));
      const read = ops.get(this.read.id!);
      const write = ops.get(writeKey);
      if (!read?.result?.ok || !write) {
        values.push(null);
        reason ??= read
          ? `read failed: ${read.result?.error ?? 'no answer before the run stopped'}`
          : `the read (moved to ${committed + t}ms) was never issued: the run stopped first (run.until)`;
        continue;
      }
      // The write or anything written to the key after it counts as seeing the write.
      const fresh = new Set<string>();
      for (const rec of ops.values())
        if (
          rec.op.dataKey === write.op.dataKey &&
          (rec.op.kind === 'write' || rec.op.kind === 'delete') &&
          rec.request >= write.request
        )
          fresh.add(rec.op.key);
      const seen = (read.result.values ?? []).some((s) => siblingOps(s).some((k) => fresh.has(k)));
      values.push(seen ? 1 : 0);
    }
    return reason === undefined ? { run, seed, values } : { run, seed, values, reason };
  }

  private kStaleness(run: number, seed: number): RunOutcome {
    const ops = operations(simulate(this.scenario, seed));
    const read = ops.get(this.read.id!);
    if (!read?.result?.ok)
      return { run, seed, values: [null], reason: `read failed: ${read?.result?.error ?? 'no answer'}` };
    const staleness = stalenessOf(read, [...ops.values()]);
    return staleness === null
      ? { run, seed, values: [null], reason: 'no write of the key was acknowledged before the read' }
      : { run, seed, values: [staleness] };
  }
}

/**
 * How many acknowledged versions of the read's key are newer than the newest write the read
 * returned: 0 = the latest, Infinity = none of them; null when no write was acknowledged before
 * the read started.
 */
export function stalenessOf(read: OpRecord, all: OpRecord[]): number | null {
  const key = read.op.dataKey;
  const writes = all.filter(
    (w) => w.op.dataKey === key && (w.op.kind === 'write' || w.op.kind === 'delete') && w !== read,
  );
  const committed = writes
    .filter((w) => w.result?.ok && w.response !== undefined && w.response < read.request)
    .sort((a, b) => a.response! - b.response!);
  if (committed.length === 0) return null;
  const byKey = new Map(writes.map((w) => [w.op.key, w]));
  let newest = -1;
  for (const s of read.result?.values ?? [])
    for (const k of siblingOps(s)) {
      const w = byKey.get(k);
      if (w) newest = Math.max(newest, w.request);
    }
  if (newest < 0) return Number.POSITIVE_INFINITY;
  return committed.filter((w) => w.request > newest).length;
}

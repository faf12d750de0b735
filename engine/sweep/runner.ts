// Runs a sweep's runs, inline or on worker threads, and folds the outcomes in run order, so the
// result is the same for any number of workers. Node-only (worker_threads).

import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../scenario/model';
import { aggregate } from './aggregate';
import { RunMeasurer } from './measure';
import type { RunOutcome, SweepPlan, SweepResult } from './types';

export class SweepAborted extends Error {
  constructor(readonly done: number) {
    super(`stopped after ${done} runs`);
  }
}

export interface SweepOptions {
  runs: number;
  /** Worker threads; 1 runs inline. */
  workers: number;
  /** The bundled worker (`dist/sweepWorker.js`); required when `workers > 1`. */
  workerFile?: string;
  /** After each finished run: how many are done. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** What a worker thread is started with. */
export interface WorkerInit {
  scenario: Scenario;
  plan: SweepPlan;
}

export type WorkerReply = { outcome: RunOutcome } | { error: string };

export interface SweepRun {
  result: SweepResult;
  /** Why runs (or points of a run) were left out, with how many runs gave each reason. */
  reasons: Record<string, number>;
}

export async function runSweep(
  scenario: Scenario,
  plan: SweepPlan,
  options: SweepOptions,
): Promise<SweepRun> {
  // Checks the op ids here, in this thread, so errors surface once and clearly.
  const measurer = new RunMeasurer(scenario, plan);
  const workers = Math.max(1, Math.min(options.workers, options.runs));
  const outcomes =
    workers === 1 ? await runInline(measurer, options) : await runOnWorkers(scenario, plan, workers, options);
  const reasons: Record<string, number> = {};
  for (const o of outcomes) if (o.reason) reasons[o.reason] = (reasons[o.reason] ?? 0) + 1;
  return { result: aggregate(plan, outcomes, scenario.title), reasons };
}

async function runInline(measurer: RunMeasurer, options: SweepOptions): Promise<RunOutcome[]> {
  const outcomes: RunOutcome[] = [];
  for (let run = 0; run < options.runs; run++) {
    if (options.signal?.aborted) throw new SweepAborted(run);
    outcomes.push(measurer.measure(run));
    options.onProgress?.(run + 1, options.runs);
    // Let Ctrl-C and the progress bar's timers in between runs.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (options.signal?.aborted) throw new SweepAborted(options.runs);
  return outcomes;
}

function runOnWorkers(
  scenario: Scenario,
  plan: SweepPlan,
  count: number,
  options: SweepOptions,
): Promise<RunOutcome[]> {
  const file = options.workerFile;
  if (!file || !existsSync(file))
    throw new Error(`the sweep worker bundle is missing (${file ?? 'no path'})`);
  return new Promise((resolve, reject) => {
    const outcomes: RunOutcome[] = [];
    const workers: Worker[] = [];
    let next = 0;
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve(outcomes);
    };
    const onAbort = () => finish(new SweepAborted(outcomes.length));
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort);
    const feed = (w: Worker) => {
      if (next < options.runs) w.postMessage(next++);
    };
    const init: WorkerInit = { scenario, plan };
    for (let i = 0; i < count; i++) {
      const w = new Worker(file, { workerData: init });
      workers.push(w);
      w.on('message', (reply: WorkerReply) => {
        if (settled) return;
        if ('error' in reply) return finish(new Error(`sweep worker: ${reply.error}`));
        outcomes.push(reply.outcome);
        options.onProgress?.(outcomes.length, options.runs);
        if (outcomes.length === options.runs) return finish();
        feed(w);
      });
      w.on('error', (e) => finish(e instanceof Error ? e : new Error(String(e))));
      w.on('exit', (code) => {
        if (!settled && code !== 0) finish(new Error(`a sweep worker stopped with exit code ${code}`));
      });
      // Two runs in flight per worker keep it busy while the main thread handles the reply.
      feed(w);
      feed(w);
    }
  });
}

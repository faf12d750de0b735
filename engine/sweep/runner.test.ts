import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSweep, SweepAborted } from './runner';
import { parsed, pbsScenario } from './testScenarios';
import type { SweepPlan } from './types';

// The worker runs as a real worker thread, from a bundle made the way scripts/build.mjs makes
// dist/sweepWorker.js.
let dir: string;
let workerFile: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sweep-worker-'));
  workerFile = join(dir, 'sweepWorker.js');
  await build({
    entryPoints: [join(__dirname, 'worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: workerFile,
    logLevel: 'silent',
  });
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sweep on worker threads', () => {
  it('gives the same result for 1, 2 and 3 workers', async () => {
    const scenario = parsed(readFileSync('examples/leaderless/pbs-t-visibility.scenario.yaml', 'utf8'));
    const plan: SweepPlan = { measure: 't-visibility', write: 'new-write', read: 'the-read', t: [0, 5, 20] };
    const inline = await runSweep(scenario, plan, { runs: 40, workers: 1 });
    const two = await runSweep(scenario, plan, { runs: 40, workers: 2, workerFile });
    const three = await runSweep(scenario, plan, { runs: 40, workers: 3, workerFile });
    expect(two).toEqual(inline);
    expect(three).toEqual(inline);
  }, 60_000);

  it('reports progress up to the number of runs', async () => {
    const seen: number[] = [];
    await runSweep(
      pbsScenario(3, 1, 1, [[0]]),
      { measure: 'k-staleness', read: 'the-read', k: [1] },
      { runs: 12, workers: 2, workerFile, onProgress: (done) => seen.push(done) },
    );
    expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  }, 60_000);

  it('stops when aborted, inline or on workers', async () => {
    const plan: SweepPlan = { measure: 'k-staleness', read: 'the-read', k: [1] };
    for (const workers of [1, 2]) {
      const controller = new AbortController();
      const run = runSweep(pbsScenario(3, 1, 1, [[0]]), plan, {
        runs: 100_000,
        workers,
        workerFile,
        signal: controller.signal,
        onProgress: (done) => {
          if (done === 5) controller.abort();
        },
      });
      await expect(run).rejects.toBeInstanceOf(SweepAborted);
    }
  }, 60_000);
});

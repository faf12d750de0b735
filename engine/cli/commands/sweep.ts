// `replication-debugger sweep`: Monte Carlo over seeds of a read's staleness, as CSV and an SVG chart.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Scenario } from '../../scenario/model';
import { parseDuration } from '../../scenario/syntax';
import { formatSweepCsv } from '../../sweep/csv';
import { SweepError } from '../../sweep/retime';
import { runSweep, SweepAborted, type SweepRun } from '../../sweep/runner';
import { sweepChartSvg } from '../../sweep/svg';
import type { SweepPlan } from '../../sweep/types';
import { choiceFlag, flag, intFlag, parseArgs, UsageError } from '../args';
import { withOutput } from '../io';
import { InvalidScenario, loadScenario } from './load';

const MEASURES = ['t-visibility', 'k-staleness'] as const;

/** `0ms,1ms,5ms` (bare numbers are ms), each non-negative; errors name the bad entry. */
export function parseTList(raw: string): number[] {
  const parts = raw.split(',').map((p) => p.trim());
  return parts.map((p) => {
    if (p === '') throw new UsageError(`--t: empty entry in "${raw}" (write e.g. --t 0ms,1ms,5ms)`);
    const d = parseDuration(p);
    if (!d.ok) throw new UsageError(`--t: \`${p}\` is not a duration like 5ms`);
    if (d.value < 0)
      throw new UsageError(`--t: \`${p}\` is negative; t is a delay after the write's acknowledgement`);
    return d.value;
  });
}

/** `1,2,3`: whole numbers >= 1. */
export function parseKList(raw: string): number[] {
  return raw.split(',').map((p) => {
    const s = p.trim();
    if (!/^\d+$/.test(s) || Number(s) < 1)
      throw new UsageError(`--k: \`${s}\` is not a whole number of versions >= 1 (write e.g. --k 1,2,3)`);
    return Number(s);
  });
}

function planFrom(args: ReturnType<typeof parseArgs>): SweepPlan {
  const measure = choiceFlag(args, 'measure', MEASURES, 'sweep') ?? 't-visibility';
  const read = flag(args, 'read');
  if (!read) throw new UsageError(`sweep: --read OP is required (the id of the read to measure)`);
  if (measure === 't-visibility') {
    const write = flag(args, 'write');
    if (!write) throw new UsageError('sweep: --measure t-visibility needs --write OP (the id of the write)');
    const t = flag(args, 't');
    if (!t) throw new UsageError('sweep: --measure t-visibility needs --t, e.g. --t 0ms,1ms,5ms,10ms');
    if (flag(args, 'k') !== undefined) throw new UsageError('sweep: --k goes with --measure k-staleness');
    return { measure, write, read, t: parseTList(t) };
  }
  for (const f of ['t', 'write'])
    if (flag(args, f) !== undefined)
      throw new UsageError(
        `sweep: --${f} goes with --measure t-visibility (k-staleness measures every write of the read's key)`,
      );
  return { measure, read, k: parseKList(flag(args, 'k') ?? '1,2,3') };
}

/** A one-line bar on a terminal: `[#######.......]  48%  480/1000 runs  3.1 s, ~3.4 s left`. */
function progressBar(stream: NodeJS.WriteStream, total: number) {
  const started = Date.now();
  let last = 0;
  let shown = false;
  return {
    update(done: number) {
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      const width = 30;
      const filled = Math.round((done / total) * width);
      const elapsed = (now - started) / 1000;
      const left = done > 0 ? (elapsed / done) * (total - done) : Number.NaN;
      const eta = done > 0 && done < total ? `, ~${left.toFixed(1)} s left` : '';
      const pct = `${Math.floor((done / total) * 100)}%`.padStart(4);
      stream.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct}  ${done}/${total} runs  ${elapsed.toFixed(1)} s${eta}\x1b[K`,
      );
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}

export async function sweepCommand(argv: string[]): Promise<number> {
  const args = parseArgs(
    argv,
    {
      runs: { value: true },
      vary: { value: true },
      measure: { value: true },
      write: { value: true },
      read: { value: true },
      t: { value: true },
      k: { value: true },
      out: { value: true },
      svg: { value: true },
      workers: { value: true },
    },
    'sweep',
  );
  if (args.positional.length !== 1)
    throw new UsageError('sweep: give exactly one scenario file (sweep <scenario> --runs N ...)');
  const file = args.positional[0]!;
  const runs = intFlag(args, 'runs', 'sweep', 1);
  if (runs === undefined) throw new UsageError('sweep: --runs N is required (how many seeds to run)');
  choiceFlag(args, 'vary', ['seed'] as const, 'sweep');
  let workers = intFlag(args, 'workers', 'sweep', 1) ?? availableParallelism();
  const workerFile = join(__dirname, 'sweepWorker.js');
  if (workers > 1 && !existsSync(workerFile)) {
    // Running from source (tests, ts runners): the worker bundle only exists in dist/.
    process.stderr.write(`sweep: ${workerFile} is not there (run the build); running in one thread\n`);
    workers = 1;
  }
  const plan = planFrom(args);
  const out = flag(args, 'out');
  const svg = flag(args, 'svg') ?? (out ? `${out.replace(/\.csv$/i, '')}.svg` : undefined);
  if (svg !== undefined && svg === out) throw new UsageError('sweep: --svg and --out name the same file');

  let scenario: Scenario;
  try {
    scenario = loadScenario(file);
  } catch (e) {
    if (e instanceof InvalidScenario) return 2;
    throw e;
  }

  const controller = new AbortController();
  const onSigint = () => {
    // A second Ctrl-C while workers are being stopped ends at once.
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  const bar = process.stderr.isTTY ? progressBar(process.stderr, runs) : undefined;
  const started = Date.now();
  let sweep: SweepRun;
  try {
    sweep = await runSweep(scenario, plan, {
      runs,
      workers,
      workerFile,
      signal: controller.signal,
      ...(bar ? { onProgress: (done: number) => bar.update(done) } : {}),
    });
  } catch (e) {
    bar?.clear();
    if (e instanceof SweepAborted) {
      process.stderr.write(`sweep: interrupted after ${e.done} of ${runs} runs; nothing written\n`);
      return 130;
    }
    if (e instanceof SweepError) throw new UsageError(`sweep: ${e.message}`);
    throw e;
  } finally {
    process.off('SIGINT', onSigint);
  }
  bar?.clear();
  withOutput(out, (write) => write(formatSweepCsv(sweep.result)));
  if (svg !== undefined) withOutput(svg, (write) => write(sweepChartSvg(sweep.result)));
  const reasons = Object.entries(sweep.reasons);
  for (const [reason, count] of reasons)
    process.stderr.write(`sweep: ${count} of ${runs} runs partly or wholly left out: ${reason}\n`);
  if (sweep.result.rows.every((r) => r.runs === 0)) {
    process.stderr.write(`sweep: no run could be measured (see the reasons above); the CSV has runs = 0\n`);
    return 1;
  }
  if (out !== undefined || bar)
    process.stderr.write(
      `sweep: ${runs} runs in ${((Date.now() - started) / 1000).toFixed(1)} s on ${Math.min(workers, runs)} thread${workers === 1 ? '' : 's'}${out ? ` → ${out}` : ''}${svg ? `, ${svg}` : ''}\n`,
    );
  return 0;
}

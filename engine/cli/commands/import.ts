import { importShiviz, listShivizExecutions } from '../../../traces/import/shiviz';
import { writeTraceJson, writeTraceNdjson } from '../../../traces/io';
import { choiceFlag, flag, parseArgs, UsageError } from '../args';
import { readText, withOutput } from '../io';

/** import <log> --from shiviz [--parser REGEX] [--delimiter REGEX] [--execution NAME] --out FILE.trace.json */
export function importCommand(argv: string[]): number {
  const args = parseArgs(
    argv,
    {
      from: { value: true },
      parser: { value: true },
      delimiter: { value: true },
      execution: { value: true },
      out: { value: true },
      list: {},
    },
    'import',
  );
  if (args.positional.length !== 1) throw new UsageError('import: give exactly one log file');
  const from = choiceFlag(args, 'from', ['shiviz'] as const, 'import');
  if (!from) throw new UsageError('import: --from is required (shiviz)');
  const file = args.positional[0]!;
  const text = readText(file);
  const parser = flag(args, 'parser');
  const delimiter = flag(args, 'delimiter');
  const options = {
    fileName: file,
    ...(parser !== undefined ? { parser } : {}),
    ...(delimiter !== undefined ? { delimiter } : {}),
  };
  if (args.flags.has('list')) {
    for (const name of listShivizExecutions(text, options)) process.stdout.write(`${name}\n`);
    return 0;
  }
  const out = flag(args, 'out');
  if (!out)
    throw new UsageError('import: --out FILE.trace.json is required (or --list to see the executions)');
  const execution = flag(args, 'execution');
  let result: ReturnType<typeof importShiviz>;
  try {
    result = importShiviz(text, { ...options, ...(execution !== undefined ? { execution } : {}) });
  } catch (e) {
    throw new UsageError(`${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  withOutput(out, (write) =>
    (/\.ndjson$/i.test(out) ? writeTraceNdjson : writeTraceJson)(result.trace, write),
  );
  process.stderr.write(
    `${file}: imported ${result.trace.length} events on ${result.hosts.length} hosts (execution "${result.execution}" of ${result.executions.length})${result.skippedLines ? `; ${result.skippedLines} unmatched lines skipped` : ''} -> ${out}\n`,
  );
  return 0;
}

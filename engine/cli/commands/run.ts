import { writeTraceJson, writeTraceNdjson } from '../../../traces/io';
import { runScenario } from '../../run';
import { choiceFlag, flag, intFlag, parseArgs, UsageError } from '../args';
import { useColor, withOutput } from '../io';
import { renderTextDiagram } from '../textDiagram';
import { InvalidScenario, loadScenario } from './load';

export function runCommand(argv: string[]): number {
  const args = parseArgs(
    argv,
    {
      seed: { value: true },
      format: { value: true },
      out: { value: true },
      all: {},
      'max-rows': { value: true },
      'max-events': { value: true },
    },
    'run',
  );
  if (args.positional.length !== 1)
    throw new UsageError('run: give exactly one scenario file (run <scenario>)');
  const file = args.positional[0]!;
  const format = choiceFlag(args, 'format', ['text', 'json', 'ndjson'] as const, 'run') ?? 'text';
  const seed = intFlag(args, 'seed', 'run');
  const maxEvents = intFlag(args, 'max-events', 'run', 1);
  const maxRows = intFlag(args, 'max-rows', 'run', 1) ?? 2000;
  const out = flag(args, 'out');
  let scenario: ReturnType<typeof loadScenario>;
  try {
    scenario = loadScenario(file);
  } catch (e) {
    if (e instanceof InvalidScenario) return 2;
    throw e;
  }
  const result = runScenario(scenario, {
    ...(seed !== undefined ? { seed } : {}),
    ...(maxEvents !== undefined ? { maxEvents } : {}),
  });
  withOutput(out, (write) => {
    if (format === 'json') writeTraceJson(result.trace, write);
    else if (format === 'ndjson') writeTraceNdjson(result.trace, write);
    else
      write(
        renderTextDiagram(result.trace, {
          color: out === undefined && useColor(process.stdout),
          all: args.flags.has('all'),
          maxRows,
          periodicMessages: result.periodicMessages,
          periodicTimers: result.periodicTimers,
        }),
      );
  });
  if (result.stopMessage && format !== 'text') process.stderr.write(`${file}: ${result.stopMessage}\n`);
  return 0;
}

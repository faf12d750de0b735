// `replication-debugger`: run, check, sweep, export and import scenarios and traces from a shell.
// Invalid input of any kind ends with a clear message and a non-zero exit, never a stack trace.

import { UsageError } from './args';
import { checkCommand } from './commands/check';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { runCommand } from './commands/run';
import { sweepCommand } from './commands/sweep';

const VERSION = '0.1.0';

export const USAGE = `replication-debugger ${VERSION} — run replication scenarios deterministically and check them

Usage:
  replication-debugger run <scenario> [--seed N] [--format text|json|ndjson] [--out FILE]
                                       [--all] [--max-rows N] [--max-events N]
      runs the scenario; text prints a space-time diagram (a column per actor, a row per
      event, message arrows) and the anomalies
  replication-debugger check <scenario>... [--seed N]
      runs each scenario and evaluates its \`expect\` entries;
      exit 0 all passed, 1 an expectation failed, 2 a scenario is invalid
  replication-debugger sweep <scenario> --runs N [--vary seed] [--measure t-visibility|k-staleness]
                                        [--write OP --read OP --t 0ms,1ms,...] [--k 1,2,3]
                                        [--out FILE.csv] [--svg FILE.svg] [--workers N]
      Monte Carlo over seeds; progress bar on a terminal
  replication-debugger export <scenario|trace> --to shiviz|mermaid|chrome|svg [--out FILE]
  replication-debugger import <log> --from shiviz [--parser REGEX] [--delimiter REGEX]
                                    [--execution NAME] --out FILE.trace.json

Scenario files are YAML (*.scenario.yaml); traces are *.trace.json or *.trace.ndjson.
Errors in a scenario are printed as FILE:LINE:COL: message.
`;

const COMMANDS: Record<string, (argv: string[]) => Promise<number> | number> = {
  run: runCommand,
  check: checkCommand,
  sweep: sweepCommand,
  export: exportCommand,
  import: importCommand,
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const run = COMMANDS[command];
  if (!run)
    throw new UsageError(
      `unknown command "${command}" (commands: ${Object.keys(COMMANDS).join(', ')}; --help)`,
    );
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  return run(rest);
}

/** Runs the CLI with these arguments and sets the exit code; every failure becomes a message. */
export function cli(argv: string[]): Promise<void> {
  return main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      if (e instanceof UsageError) process.stderr.write(`replication-debugger: ${e.message}\n`);
      else {
        const message = e instanceof Error ? e.message : String(e);
        process.stderr.write(
          `replication-debugger: internal error: ${message}\n(please report it with the scenario that caused it${process.env.RD_DEBUG ? '' : '; RD_DEBUG=1 shows details'})\n`,
        );
        if (process.env.RD_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
      }
      process.exitCode = 2;
    },
  );
}

if (typeof require !== 'undefined' && require.main === module) void cli(process.argv.slice(2));

import { exportChromeJson } from '../../../traces/export/chrome';
import { exportMermaid } from '../../../traces/export/mermaid';
import { exportShiviz } from '../../../traces/export/shiviz';
import { exportSvg } from '../../../traces/export/svg';
import { choiceFlag, flag, intFlag, parseArgs, UsageError } from '../args';
import { withOutput } from '../io';
import { InvalidScenario } from './load';
import { loadTraceOrRun } from './loadTraceOrRun';

const TARGETS = ['shiviz', 'mermaid', 'chrome', 'svg'] as const;

/** export <scenario|trace> --to shiviz|mermaid|chrome|svg [--out FILE] */
export function exportCommand(argv: string[]): number {
  const args = parseArgs(
    argv,
    {
      to: { value: true },
      out: { value: true },
      seed: { value: true },
      from: { value: true },
      'max-events': { value: true },
    },
    'export',
  );
  if (args.positional.length !== 1) throw new UsageError('export: give exactly one scenario or trace file');
  const to = choiceFlag(args, 'to', TARGETS, 'export');
  if (!to) throw new UsageError(`export: --to is required (${TARGETS.join(', ')})`);
  const seed = intFlag(args, 'seed', 'export');
  const from = intFlag(args, 'from', 'export');
  const maxEvents = intFlag(args, 'max-events', 'export', 1);
  let trace: ReturnType<typeof loadTraceOrRun>;
  try {
    trace = loadTraceOrRun(args.positional[0]!, seed);
  } catch (e) {
    if (e instanceof InvalidScenario) return 2;
    throw e;
  }
  const window = {
    ...(from !== undefined ? { from } : {}),
    ...(maxEvents !== undefined ? { maxEvents } : {}),
  };
  withOutput(flag(args, 'out'), (write) => {
    switch (to) {
      case 'shiviz': {
        const out = exportShiviz(trace, { upload: true });
        write(out.log.endsWith('\n') ? out.log : `${out.log}\n`);
        break;
      }
      case 'mermaid':
        write(exportMermaid(trace, window));
        break;
      case 'chrome':
        write(exportChromeJson(trace));
        break;
      case 'svg':
        write(exportSvg(trace, window));
        break;
    }
  });
  return 0;
}

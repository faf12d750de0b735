import { runScenario } from '../../run';
import { intFlag, parseArgs, UsageError } from '../args';
import { useColor } from '../io';
import { InvalidScenario, loadScenario } from './load';

/** Runs each scenario and evaluates `expect`: 0 all passed, 1 an expectation failed, 2 a file is invalid. */
export function checkCommand(argv: string[]): number {
  const args = parseArgs(argv, { seed: { value: true } }, 'check');
  if (args.positional.length === 0) throw new UsageError('check: give one or more scenario files');
  const seed = intFlag(args, 'seed', 'check');
  const color = useColor(process.stdout);
  const paint = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  let invalid = 0;
  let failed = 0;
  let passed = 0;
  for (const file of args.positional) {
    let scenario: ReturnType<typeof loadScenario>;
    try {
      scenario = loadScenario(file);
    } catch (e) {
      if (!(e instanceof InvalidScenario)) throw e;
      invalid++;
      process.stdout.write(`${paint('31', '✗')} ${file}: invalid scenario (see the errors above)\n`);
      continue;
    }
    const result = runScenario(scenario, seed !== undefined ? { seed } : {});
    const expectations = result.trace.expectations;
    const failures = expectations.filter((x) => !x.passed);
    if (failures.length === 0) {
      passed++;
      process.stdout.write(
        `${paint('32', '✓')} ${file} — ${scenario.title}: ${expectations.length === 0 ? 'no expectations' : `${expectations.length} expectation${expectations.length === 1 ? '' : 's'} passed`}\n`,
      );
    } else {
      failed++;
      process.stdout.write(
        `${paint('31', '✗')} ${file} — ${scenario.title}: ${failures.length} of ${expectations.length} expectations failed\n`,
      );
      for (const x of failures) process.stdout.write(`  ${file}:${x.line}: ${x.message}\n`);
    }
    if (result.stopReason === 'maxEvents' && result.stopMessage)
      process.stdout.write(`  ${paint('33', `${file}: ${result.stopMessage}`)}\n`);
  }
  const total = args.positional.length;
  if (total > 1)
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${invalid} invalid of ${total} scenarios\n`);
  return invalid > 0 ? 2 : failed > 0 ? 1 : 0;
}

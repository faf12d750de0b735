// Reading a scenario file for a command: diagnostics go to stderr as FILE:LINE:COL: message;
// a file with errors stops the command with exit code 2.

import { formatDiagnostic } from '../../scenario/diagnostics';
import type { Scenario } from '../../scenario/model';
import { parseScenario } from '../../scenario/parse';
import { readText } from '../io';

export class InvalidScenario extends Error {
  constructor(readonly file: string) {
    super(`${file} is not a valid scenario`);
  }
}

/** Parses a scenario file, printing its warnings; throws InvalidScenario after printing errors. */
export function loadScenario(file: string): Scenario {
  const text = readText(file);
  const { scenario, diagnostics } = parseScenario(text, file);
  for (const d of diagnostics) process.stderr.write(`${formatDiagnostic({ ...d, file })}\n`);
  if (!scenario || diagnostics.some((d) => d.severity === 'error')) throw new InvalidScenario(file);
  return scenario;
}

// The real engine behind the debugger's RunEngine interface: parse + simulate + check.

import { runScenarioText } from '../../engine/run';
import type { EngineOutcome, RunEngine } from './runtime';

export const runEngine: RunEngine = (text, file, options): EngineOutcome => {
  const out = runScenarioText(text, file, options);
  const outcome: EngineOutcome = {
    diagnostics: out.diagnostics.map((d) => ({
      ...(d.file ? { file: d.file } : {}),
      line: d.line,
      column: d.col,
      message: d.message,
      severity: d.severity,
    })),
  };
  if (out.result) {
    const r = out.result;
    outcome.run = { trace: r.trace, stopReason: r.stopReason, scenario: r.scenario };
    if (r.stopMessage) outcome.run.stopMessage = r.stopMessage;
  }
  return outcome;
};

// Parse, simulate, check: what the CLI, the debug adapter and the playground call to run a scenario.

import { evaluateExpectations, findAnomalies } from './check';
import { familyFor } from './protocols';
import type { Diagnostic } from './scenario/diagnostics';
import type { Scenario } from './scenario/model';
import { parseScenario } from './scenario/parse';
import { type RunResult, type SimOptions, Simulation } from './sim/simulate';

export type { Diagnostic, RunResult, Scenario, SimOptions };

export interface ScenarioRunOutcome {
  /** Every diagnostic of the file, errors and warnings. */
  diagnostics: Diagnostic[];
  /** Present when the scenario had no errors. */
  result?: RunResult;
  scenario?: Scenario;
}

/** Fills the trace's anomalies and expectation results from a finished simulation. */
export function checkRun(result: RunResult): RunResult {
  const trace = result.trace;
  trace.anomalies = findAnomalies(trace, result.scenario);
  trace.expectations = evaluateExpectations(result.scenario, trace, trace.anomalies);
  return result;
}

/** Runs a validated scenario to its stop condition and checks it. */
export function runScenario(scenario: Scenario, options: SimOptions = {}): RunResult {
  const sim = new Simulation(scenario, familyFor(scenario.cluster.replication), options);
  return checkRun(sim.run());
}

/** Starts a simulation without running it, for callers that run it in slices (the debugger). */
export function startSimulation(scenario: Scenario, options: SimOptions = {}): Simulation {
  return new Simulation(scenario, familyFor(scenario.cluster.replication), options);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Parses and, when the file is valid, runs and checks the scenario. */
export function runScenarioText(text: string, file?: string, options: SimOptions = {}): ScenarioRunOutcome {
  const { scenario, diagnostics } = parseScenario(text, file);
  if (!scenario || hasErrors(diagnostics)) return { diagnostics };
  return { diagnostics, scenario, result: runScenario(scenario, options) };
}

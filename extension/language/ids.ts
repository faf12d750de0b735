// Command ids and names of the authoring features, shared by the manifest, activation and tests.

export { COMMANDS as DEBUG_COMMANDS, SCENARIO_LANGUAGE } from '../debug/ids';

export const LANGUAGE_COMMANDS = {
  newScenario: 'replicationDebugger.newScenario',
  /** Registered by the timeline host (wired by the lead); takes the scenario URI. */
  showTimeline: 'replicationDebugger.showTimeline',
  checkScenario: 'replicationDebugger.checkScenario',
  showCheckResult: 'replicationDebugger.showCheckResult',
} as const;

export const DIAGNOSTIC_SOURCE = 'replication-scenario';
export const SCENARIO_GLOB = '**/*.scenario.{yaml,yml}';
export const SCENARIO_SELECTOR = [{ language: 'replication-scenario' }];

export function isScenarioDocument(doc: { languageId: string; uri: { path: string } }): boolean {
  return doc.languageId === 'replication-scenario' || /\.scenario\.ya?ml$/.test(doc.uri.path);
}

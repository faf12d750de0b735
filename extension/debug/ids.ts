// Names shared by the manifest contributions, the activation code and the tests.

export const DEBUG_TYPE = 'replication';
export const SCENARIO_LANGUAGE = 'replication-scenario';
export const COMMANDS = {
  run: 'replication.runScenario',
  debug: 'replication.debugScenario',
} as const;

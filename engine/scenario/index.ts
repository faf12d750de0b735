// Scenario files: parsing, validation, the schema and editor helpers.

export * from './checked';
export * from './diagnostics';
export * from './jsonSchema';
export * from './locate';
export * from './model';
export { analyzeScenario, parseScenario, type ScenarioAnalysis } from './parse';
export * from './schema';
export * from './schemaQuery';
export * from './schemaTypes';
export { SourceText } from './source';
export { closest, editDistance } from './suggest';
export * from './syntax';

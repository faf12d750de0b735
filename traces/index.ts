// The traces package: the trace contract, its columnar store, reading/writing, replay, causality,
// import and export. Consumers (engine, extension, webview, CLI) import from here.

export * from './causality';
export * from './describe';
export * from './export/chrome';
export * from './export/mermaid';
export * from './export/shiviz';
export * from './export/svg';
export * from './import/shiviz';
export * from './io';
export * from './json-schema';
export * from './replay';
export * from './store';
export * from './transfer';
export * from './types';

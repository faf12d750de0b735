// What other parts of the product (the webview's staleness plot) use of sweeps: the result types,
// CSV and SVG helpers, the PBS closed forms and the WARS model. Browser-safe: no Node module
// behind this file.

export { aggregate, wilson } from './aggregate';
export { formatSweepCsv, parseSweepCsv } from './csv';
export { binomial, pbsWithinK, pMissOne } from './pbs';
export { type ChartOptions, niceTicks, sweepChartSvg } from './svg';
export type {
  KStalenessRow,
  RunOutcome,
  SweepMeasure,
  SweepPlan,
  SweepResult,
  TVisibilityRow,
} from './types';
export { type WarsModel, warsTVisibility } from './wars';

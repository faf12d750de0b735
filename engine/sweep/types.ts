// What a staleness sweep measures and what it produces. Plain data: shared by the CLI, the worker
// threads and the webview (which plots `SweepResult`s).

export type SweepMeasure = 't-visibility' | 'k-staleness';

/** One point of a t-visibility curve: P(a read started t ms after the write's ack returns it). */
export interface TVisibilityRow {
  t_ms: number;
  /** Runs that count: the write was acknowledged and the read answered. */
  runs: number;
  p_consistent: number;
  /** Wilson 95% confidence interval of `p_consistent`. */
  ci_low: number;
  ci_high: number;
  /** Runs left out: the write failed, or the read failed. */
  excluded: number;
}

/** One point of a k-staleness curve: P(the read returns one of the last k committed versions). */
export interface KStalenessRow {
  k: number;
  runs: number;
  p_within_k: number;
  ci_low: number;
  ci_high: number;
  excluded: number;
}

export type SweepResult =
  | { measure: 't-visibility'; rows: TVisibilityRow[]; runs: number; title: string }
  | { measure: 'k-staleness'; rows: KStalenessRow[]; runs: number; title: string };

/** What one sweep asks of every run. */
export type SweepPlan =
  | {
      measure: 't-visibility';
      /** Op ids (the scenario `id`s) of the measured write and read. */
      write: string;
      read: string;
      /** Delays after the write's acknowledgement, ms, in the order asked. */
      t: readonly number[];
    }
  | { measure: 'k-staleness'; read: string; k: readonly number[] };

/**
 * The outcome of one run (one seed). t-visibility: per `t`, 1 consistent, 0 not, null left out
 * (`reason` says why). k-staleness: how many committed versions are newer than the newest one
 * the read returned (0 = it read the latest; Infinity = it read none of them), or null.
 */
export interface RunOutcome {
  run: number;
  seed: number;
  values: (number | null)[];
  reason?: string;
}

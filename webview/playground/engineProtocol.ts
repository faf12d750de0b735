// Messages between the playground page and its engine worker.
import type { Diagnostic } from '../../engine/scenario/diagnostics';
import type { TraceFile } from '../../traces/types';

export interface EngineRequest {
  /** Answers carry the id of their request; the page ignores answers to superseded runs. */
  id: number;
  text: string;
  file: string;
  seed?: number;
}

export type EngineResponse =
  | {
      id: number;
      ok: true;
      diagnostics: Diagnostic[];
      ms: number;
      /** Present when the scenario had no errors and ran. */
      run?: { trace: TraceFile; stopReason: string; stopMessage?: string };
    }
  | { id: number; ok: false; error: string };

// Commands that accept "a scenario or a trace" decide by the file name: *.json / *.ndjson are
// traces, anything else a scenario to run first.

import { readTrace, TraceError } from '../../../traces/io';
import type { Trace } from '../../../traces/store';
import { runScenario } from '../../run';
import { UsageError } from '../args';
import { readText } from '../io';
import { loadScenario } from './load';

export function isTraceFile(file: string): boolean {
  return /\.(json|ndjson|jsonl)$/i.test(file);
}

export function loadTraceOrRun(file: string, seed?: number): Trace {
  if (isTraceFile(file)) {
    const text = readText(file);
    try {
      return readTrace(text);
    } catch (e) {
      if (e instanceof TraceError) throw new UsageError(`${file}: ${e.message}`);
      throw e;
    }
  }
  return runScenario(loadScenario(file), seed !== undefined ? { seed } : {}).trace;
}

// The engine in a web worker (dist/playground/engine.worker.js): a long or runaway scenario never
// freezes the page, and Stop can end it. Each request is parsed, simulated and checked as the CLI and
// the debugger do; the trace goes back in its JSON form (the timeline's `load` message takes it as is).
import { runScenarioText } from '../../engine/run';
import { traceToFile } from '../../traces/io';
import type { EngineRequest, EngineResponse } from './engineProtocol';

const post = (m: EngineResponse): void =>
  (self as unknown as { postMessage(m: EngineResponse): void }).postMessage(m);

self.onmessage = (e: MessageEvent<EngineRequest>) => {
  const { id, text, file, seed } = e.data;
  const started = performance.now();
  try {
    const outcome = runScenarioText(text, file, seed === undefined ? {} : { seed });
    const ms = performance.now() - started;
    if (!outcome.result) {
      post({ id, ok: true, diagnostics: outcome.diagnostics, ms });
      return;
    }
    const { trace, stopReason, stopMessage } = outcome.result;
    post({
      id,
      ok: true,
      diagnostics: outcome.diagnostics,
      ms,
      run: { trace: traceToFile(trace), stopReason, ...(stopMessage ? { stopMessage } : {}) },
    });
  } catch (err) {
    post({ id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
};

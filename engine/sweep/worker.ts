// A sweep worker thread (bundled to dist/sweepWorker.js): measures the runs the main thread sends,
// one reply per run.

import { parentPort, workerData } from 'node:worker_threads';
import { RunMeasurer } from './measure';
import type { WorkerInit, WorkerReply } from './runner';

const port = parentPort;
if (port) {
  const init = workerData as WorkerInit;
  let measurer: RunMeasurer | undefined;
  try {
    measurer = new RunMeasurer(init.scenario, init.plan);
  } catch (e) {
    port.postMessage({ error: e instanceof Error ? e.message : String(e) } satisfies WorkerReply);
  }
  port.on('message', (run: number) => {
    if (!measurer) return;
    let reply: WorkerReply;
    try {
      reply = { outcome: measurer.measure(run) };
    } catch (e) {
      reply = { error: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage(reply);
  });
}

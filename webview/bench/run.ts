// A runner for the timeline benchmark alone (scripts/bench.ts runs it with the others). Bundle it
// inside the repository (so node_modules resolve) and delete the bundle after:
//   node scripts/build.mjs && npx esbuild webview/bench/run.ts --bundle --platform=node \
//     --outfile=webview/bench/.run.js --external:playwright-core && node webview/bench/.run.js \
//     [events [events in view [traces: synthetic,engine,file [whole | none [warm | cold]]]]]; rm webview/bench/.run.js
import { type BenchTrace, runTimelineBench } from './timelineBench';

const events = Number(process.argv[2] ?? 1_000_000);
const inView = Number(process.argv[3] ?? 100_000);
const traces = (process.argv[4] ?? 'synthetic,engine,file')
  .split(',')
  .filter((t): t is BenchTrace => t === 'synthetic' || t === 'engine' || t === 'file');
const compareWhole = (process.argv[5] ?? 'whole') === 'whole';
const warmUp = (process.argv[6] ?? 'warm') === 'warm';
runTimelineBench({ events, inView, traces, compareWhole, warmUp, log: (l) => console.log(l) })
  .then(({ lines }) => {
    for (const l of lines) console.log(l);
  })
  .catch((e: unknown) => {
    console.error(`timeline bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  });

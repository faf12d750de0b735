// A runner for the timeline benchmark alone (scripts/bench.ts runs it with the others):
//   node scripts/build.mjs && npx esbuild webview/bench/run.ts --bundle --platform=node \
//     --outfile=/tmp/timeline-bench.js --external:playwright-core && node /tmp/timeline-bench.js \
//     [events [events in view [JSON forms to compare: text,object | none]]]
import { runTimelineBench } from './timelineBench';

const events = Number(process.argv[2] ?? 1_000_000);
const inView = Number(process.argv[3] ?? 100_000);
const forms = (process.argv[4] ?? 'text').split(',');
const json = forms.filter((f): f is 'text' | 'object' => f === 'text' || f === 'object');
runTimelineBench({ events, inView, json, log: (l) => console.log(l) })
  .then(({ lines }) => {
    for (const l of lines) console.log(l);
  })
  .catch((e: unknown) => {
    console.error(`timeline bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  });

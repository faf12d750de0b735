// Stepping latency on a 1M-event trace: step, stepBack and reverseContinue at the start, middle
// and end, each measured with what a stop costs the user (the cursor move plus the state and the
// in-flight messages the Variables view shows). Goal: p99 <= 20 ms per step. `npm run bench`.

import { TraceScript } from '../../../traces/sample';
import type { OpInfo } from '../../../traces/types';
import { NETWORK_ACTOR } from '../../../traces/types';
import { ReplicationRuntime, type RunEngine } from '../runtime';

const ITEMS = 20;
const FIRST_ITEM_LINE = 12;

/** A scenario text with ITEMS one-line items starting at FIRST_ITEM_LINE. */
function scenarioText(): string {
  const head = [
    'scenario: stepping benchmark',
    'cluster:',
    '  replication: leaderless',
    '  nodes: [n1, n2, n3, n4, n5]',
  ];
  while (head.length < FIRST_ITEM_LINE - 2) head.push('#');
  head.push('events:');
  for (let i = 0; i < ITEMS; i++)
    head.push(`  - { at: ${i}ms, client: c${(i % 2) + 1}, write: { key: k${i % 7}, value: ${i} } }`);
  return `${head.join('\n')}\n`;
}

/** A leaderless-looking run: quorum writes through a coordinator, periodic anti-entropy, a few anomalies. */
export function syntheticTrace(events: number) {
  const nodes = ['n1', 'n2', 'n3', 'n4', 'n5'];
  const s = new TraceScript(
    [
      ...nodes.map((n) => [n, 'node'] as [string, 'node']),
      ['c1', 'client'],
      ['c2', 'client'],
      [NETWORK_ACTOR, 'network'],
    ],
    'stepping benchmark',
    1,
    events + 64,
  );
  let round = 0;
  let t = 0;
  while (s.trace.length < events - 32) {
    const client = round % 2 === 0 ? 'c1' : 'c2';
    const coord = nodes[round % 5]!;
    const key = `k${round % 7}`;
    const line = round < ITEMS ? FIRST_ITEM_LINE + round : undefined;
    const op: OpInfo = { key: `${client}#${round}`, client, kind: 'write', dataKey: key, value: round };
    t += 0.5;
    s.at(t);
    const req = s.request(client, op, line);
    const [sw, mw] = s.send(client, coord, { type: 'ClientPut', key, value: round }, req);
    t += 0.5;
    s.at(t);
    const dw = s.deliver(mw, sw);
    const st = s.data(coord, key, [{ value: round, op: op.key, vv: { [coord]: round + 1 } }], dw);
    const acks: [number, number][] = [];
    for (const r of [nodes[(round + 1) % 5]!, nodes[(round + 2) % 5]!]) {
      const [sr, mr] = s.send(coord, r, { type: 'Replicate', key, value: round }, st);
      t += 0.25;
      s.at(t);
      const dr = s.deliver(mr, sr);
      const sr2 = s.data(r, key, [{ value: round, op: op.key, vv: { [coord]: round + 1 } }], dr);
      acks.push(s.send(r, coord, { type: 'Ack', key }, sr2));
    }
    let last = st;
    for (const [sa, ma] of acks) last = s.deliver(ma, sa);
    const [so, mo] = s.send(coord, client, { type: 'ClientPutOk' }, last);
    t += 0.5;
    s.at(t);
    const resp = s.response(client, op, { ok: true, servedBy: coord }, s.deliver(mo, so));
    if (round % 50 === 0) {
      const [sm, mm] = s.send(
        coord,
        nodes[(round + 3) % 5]!,
        { type: 'MerkleSummary', root: round },
        undefined,
      );
      s.deliver(mm, sm);
      s.field(coord, 'merkle', { root: round, leaves: 16 });
    }
    if (round % 997 === 0)
      s.trace.anomalies.push({ kind: 'stale-read', event: resp, explain: 'synthetic', related: [req] });
    if (round % 5003 === 0) s.event(coord, 'crash', { detail: { disk: 'kept' } });
    if (round % 5003 === 7) s.event(nodes[(round - 7) % 5]!, 'recover');
    round++;
  }
  s.trace.stats = { events: s.trace.length, messages: 0, dropped: 0, virtualTime: t, stopReason: 'quiet' };
  return s.trace;
}

function p99(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))]!;
}

export async function benchStepping(events = 1_000_000, samples = 300): Promise<Record<string, number>> {
  const trace = syntheticTrace(events);
  const engine: RunEngine = () => ({ diagnostics: [], run: { trace, stopReason: 'quiet' } });
  const rt = new ReplicationRuntime(engine, '/bench.scenario.yaml', scenarioText());
  const t0 = performance.now();
  await rt.start();
  // A stop shows the state and the messages in flight: load them like the Variables view does.
  const show = () => {
    const scope = rt.scopeAt(rt.cursor);
    for (const id of scope.actorIds()) scope.actor(id);
    scope.inflight();
  };
  show();
  const results: Record<string, number> = {
    'stepping.events': trace.length,
    'stepping.loadMs': performance.now() - t0,
  };
  rt.setLineBreakpoints([{ line: FIRST_ITEM_LINE + 3 }, { line: FIRST_ITEM_LINE + 11 }]);
  rt.setExceptionFilters([{ filterId: 'stale-read' }, { filterId: 'crash' }]);
  rt.setFunctionBreakpoints([{ name: 'MerkleSummary' }]);
  const n = trace.length;
  const positions: Record<string, number> = { start: 40, middle: Math.floor(n / 2), end: n - 2 };
  for (const [where, at] of Object.entries(positions)) {
    const ops: Record<string, () => void> = {
      step: () => rt.next(),
      stepBack: () => rt.stepBack(),
      reverseContinue: () => rt.reverseContinue(),
    };
    for (const [name, op] of Object.entries(ops)) {
      const times: number[] = [];
      for (let i = 0; i < samples; i++) {
        // Spread the start points so checkpoint distance varies as it would for a user.
        rt.goto(Math.min(n - 2, Math.max(1, at + ((i * 37) % 1024) - 512 * Number(where !== 'start'))));
        const s = performance.now();
        op();
        show();
        times.push(performance.now() - s);
      }
      results[`stepping.${name}.${where}.p99Ms`] = Number(p99(times).toFixed(3));
    }
  }
  return results;
}

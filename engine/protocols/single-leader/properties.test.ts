import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Trace } from '../../../traces/store';
import { runScenarioText } from '../../run';

/** Who acted as leader in which term, reading the `role` and `term` fields after each handler step. */
function leadersPerTerm(trace: Trace): Map<number, Set<string>> {
  const role = new Map<string, string>();
  const term = new Map<string, number>();
  const out = new Map<number, Set<string>>();
  const settle = (actor: string) => {
    if (role.get(actor) !== 'leader') return;
    const t = term.get(actor) ?? 0;
    if (!out.has(t)) out.set(t, new Set());
    out.get(t)!.add(actor);
  };
  let last: { actor: string; time: number } | undefined;
  for (const e of trace.events()) {
    // The fields of one step (role, term, leader) are recorded one after the other: judge the
    // state once the step is over.
    if (last && (last.actor !== e.actor || last.time !== e.time)) settle(last.actor);
    if (e.kind === 'state' && e.field === 'role') role.set(e.actor, e.value as string);
    if (e.kind === 'state' && e.field === 'term') term.set(e.actor, e.value as number);
    if (e.kind === 'crash') role.set(e.actor, 'down');
    last = { actor: e.actor, time: e.time };
  }
  if (last) settle(last.actor);
  return out;
}

const NODES = ['n1', 'n2', 'n3', 'n4', 'n5'];

const fault = fc.oneof(
  fc.record({ kind: fc.constant('crash'), node: fc.constantFrom(...NODES) }),
  fc.record({ kind: fc.constant('recover'), node: fc.constantFrom(...NODES) }),
  fc.record({
    kind: fc.constant('partition'),
    side: fc.subarray(NODES, { minLength: 1, maxLength: 4 }),
  }),
  fc.record({ kind: fc.constant('heal') }),
  fc.record({ kind: fc.constant('failover'), node: fc.constantFrom(...NODES) }),
  fc.record({
    kind: fc.constant('write'),
    key: fc.constantFrom('x', 'y'),
    client: fc.constantFrom('alice', 'bob'),
  }),
);

function faultScenario(
  seed: number,
  elect: string,
  steps: { at: number; f: { kind: string; node?: string; side?: string[]; key?: string; client?: string } }[],
): string {
  const events = steps
    .sort((a, b) => a.at - b.at)
    .map(({ at, f }, i) => {
      switch (f.kind) {
        case 'crash':
          return `  - { at: ${at}ms, crash: ${f.node} }`;
        case 'recover':
          return `  - { at: ${at}ms, recover: ${f.node} }`;
        case 'partition': {
          const other = NODES.filter((n) => !f.side!.includes(n));
          return `  - { at: ${at}ms, partition: [[${f.side!.join(', ')}], [${other.join(', ')}]] }`;
        }
        case 'heal':
          return `  - { at: ${at}ms, heal: all }`;
        case 'failover':
          return `  - { at: ${at}ms, failover: ${f.node} }`;
        default:
          return `  - { at: ${at}ms, client: ${f.client}, write: { key: ${f.key}, value: v${i} } }`;
      }
    });
  return `scenario: random faults
seed: ${seed}
cluster:
  replication: single-leader
  nodes: [${NODES.join(', ')}]
  log: row
  heartbeat: 10ms
  failover: { timeout: 30ms, elect: ${elect}, fencing: true }
network:
  latency: 1ms..6ms
  drop: 0.02
clients:
  alice: { node: n1, timeout: 200ms }
  bob: { node: n5, timeout: 200ms }
events:
${events.join('\n')}
run:
  until: 700ms
`;
}

describe('single-leader properties', () => {
  it('with fencing, never has two leaders in one term nor two leaders acknowledging writes at once', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom('most-up-to-date', 'lowest-id'),
        fc.array(fc.record({ at: fc.integer({ min: 0, max: 500 }), f: fault }), {
          minLength: 1,
          maxLength: 20,
        }),
        (seed, elect, steps) => {
          const text = faultScenario(seed, elect, steps);
          const outcome = runScenarioText(text, 'random.scenario.yaml');
          expect(outcome.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
          const trace = outcome.result!.trace;
          for (const [term, leaders] of leadersPerTerm(trace)) {
            expect({ term, leaders: [...leaders] }).toEqual({ term, leaders: [...leaders].slice(0, 1) });
          }
          expect(trace.anomalies.filter((a) => a.kind === 'split-brain')).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('with sync followers and no failures, a read from the leader is never stale', () => {
    const op = fc.record({
      client: fc.constantFrom('alice', 'bob', 'carol'),
      read: fc.boolean(),
      key: fc.constantFrom('x', 'y'),
      at: fc.integer({ min: 0, max: 200 }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(op, { minLength: 2, maxLength: 30 }),
        (seed, ops) => {
          const events = ops
            .sort((a, b) => a.at - b.at)
            .map((o, i) =>
              o.read
                ? `  - { at: ${o.at}ms, client: ${o.client}, read: ${o.key} }`
                : `  - { at: ${o.at}ms, client: ${o.client}, write: { key: ${o.key}, value: v${i} } }`,
            );
          const text = `scenario: sync reads
seed: ${seed}
cluster:
  replication: single-leader
  nodes: [leader, f1, f2]
  followers: { f1: sync, f2: sync }
  log: row
  heartbeat: 10ms
  reads: leader
network:
  latency: 1ms..15ms
clients:
  alice: { node: leader }
  bob: { node: f1 }
  carol: { node: f2 }
events:
${events.join('\n')}
`;
          const outcome = runScenarioText(text, 'sync.scenario.yaml');
          const trace = outcome.result!.trace;
          const stale = trace.anomalies.filter(
            (a) => a.kind === 'stale-read' || a.kind === 'read-your-writes',
          );
          expect(stale).toEqual([]);
          const reads = [...trace.events()].filter((e) => e.kind === 'response' && e.op?.kind === 'read');
          for (const r of reads) expect(r.result).toMatchObject({ ok: true, servedBy: 'leader' });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('converges once every node is back and the network healed, whatever happened before', () => {
    const step = fc.record({
      at: fc.integer({ min: 0, max: 400 }),
      what: fc.oneof(
        fc.record({
          kind: fc.constant('crash'),
          node: fc.constantFrom('n1', 'n2', 'n3'),
          lost: fc.boolean(),
        }),
        fc.record({ kind: fc.constant('recover'), node: fc.constantFrom('n1', 'n2', 'n3') }),
        fc.record({
          kind: fc.constant('cut'),
          from: fc.constantFrom('n1', 'n2', 'n3'),
          to: fc.constantFrom('n1', 'n2', 'n3'),
        }),
        fc.record({ kind: fc.constant('failover'), node: fc.constantFrom('n1', 'n2', 'n3') }),
        fc.record({ kind: fc.constant('write'), key: fc.constantFrom('x', 'y', 'z'), del: fc.boolean() }),
        fc.record({ kind: fc.constant('read'), key: fc.constantFrom('x', 'y', 'z') }),
        fc.record({ kind: fc.constant('increment'), by: fc.integer({ min: 1, max: 5 }) }),
        fc.record({
          kind: fc.constant('partition'),
          side: fc.subarray(['n1', 'n2', 'n3'], { minLength: 1, maxLength: 2 }),
        }),
      ),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.record({
          log: fc.constantFrom('row', 'wal'),
          n2: fc.constantFrom('sync', 'async'),
          semiSync: fc.boolean(),
          fencing: fc.boolean(),
          elect: fc.constantFrom('most-up-to-date', 'lowest-id'),
          reads: fc.constantFrom('leader', 'followers', 'sticky'),
          join: fc.boolean(),
        }),
        fc.array(step, { minLength: 1, maxLength: 16 }),
        (seed, cfg, steps) => {
          // One lost disk at most: with more, a group can lose the majority that remembers its votes
          // and, rightly, never elect a leader again.
          let disksLost = 0;
          const events = steps
            .sort((a, b) => a.at - b.at)
            .map(({ at, what: w }, i) => {
              switch (w.kind) {
                case 'crash': {
                  const lost = w.lost && disksLost++ === 0;
                  return `  - { at: ${at}ms, crash: { node: ${w.node}, disk: ${lost ? 'lost' : 'kept'} } }`;
                }
                case 'recover':
                  return `  - { at: ${at}ms, recover: ${w.node} }`;
                case 'cut':
                  return w.from === w.to
                    ? `  - { at: ${at}ms, heal: all }`
                    : `  - { at: ${at}ms, cut: "${w.from} -> ${w.to}" }`;
                case 'failover':
                  return `  - { at: ${at}ms, failover: ${w.node} }`;
                case 'write':
                  return w.del
                    ? `  - { at: ${at}ms, client: alice, delete: ${w.key} }`
                    : `  - { at: ${at}ms, client: alice, write: { key: ${w.key}, value: v${i} } }`;
                case 'increment':
                  return `  - { at: ${at}ms, client: bob, increment: { key: n, by: ${w.by} } }`;
                case 'partition': {
                  const rest = ['n1', 'n2', 'n3'].filter((n) => !w.side.includes(n));
                  return `  - { at: ${at}ms, partition: [[${w.side.join(', ')}], [${rest.join(', ')}]] }`;
                }
                default:
                  return `  - { at: ${at}ms, client: bob, read: ${w.key} }`;
              }
            });
          if (cfg.join) events.push('  - { at: 420ms, addNode: { id: n4, as: follower } }');
          events.push('  - { at: 450ms, heal: all }');
          for (const n of ['n1', 'n2', 'n3']) events.push(`  - { at: 450ms, recover: ${n} }`);
          events.push('  - { at: 500ms, client: alice, write: { key: x, value: last } }');
          const text = `scenario: random history
seed: ${seed}
cluster:
  replication: single-leader
  nodes: [n1, n2, n3]
  followers: { n2: ${cfg.n2}, n3: async }
  semiSync: ${cfg.semiSync}
  log: ${cfg.log}
  heartbeat: 10ms
  failover: { timeout: 40ms, elect: ${cfg.elect}, fencing: ${cfg.fencing} }
  reads: ${cfg.reads}
network:
  latency: 1ms..8ms
clients:
  alice: { node: n1, timeout: 300ms }
  bob: { node: n2, timeout: 300ms }
events:
${events.join('\n')}
`;
          const outcome = runScenarioText(text, 'history.scenario.yaml');
          expect(outcome.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
          const { trace, stopReason } = outcome.result!;
          expect(stopReason).toBe('quiet');
          const nodes = Object.entries(trace.final).filter(([, f]) => f.up);
          const canonical = (data: Record<string, unknown>) =>
            JSON.stringify(
              Object.keys(data)
                .sort()
                .map((k) => [k, data[k]]),
            );
          const reference = canonical(nodes[0]![1].data);
          for (const [id, f] of nodes)
            expect({ id, data: canonical(f.data) }).toEqual({ id, data: reference });
          const leaders = nodes.filter(([, f]) => f.fields.role === 'leader');
          expect(leaders.length).toBe(1);
        },
      ),
      { numRuns: 80 },
    );
  });
});

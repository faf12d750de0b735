import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Trace } from '../../traces/store';
import type { TraceEvent } from '../../traces/types';
import type { FaultAction } from '../scenario/model';
import { fixtureScenario } from './scenarioFixture';
import { simulateWith } from './simulate';
import { echoFamily } from './testFamily';

function events(trace: Trace): TraceEvent[] {
  return [...trace.events()];
}

function write(at: number, client: string, key: string, value: string, id?: string) {
  return { at, client, action: { kind: 'write' as const, key, value }, ...(id ? { id } : {}) };
}

function read(at: number, client: string, key: string, id?: string) {
  return { at, client, action: { kind: 'read' as const, key }, ...(id ? { id } : {}) };
}

describe('simulator', () => {
  it('runs a write through network, storage and reply, recording request, send, deliver, state and response', () => {
    const run = simulateWith(fixtureScenario({ items: [write(0, 'alice', 'x', 'milk', 'w1')] }), echoFamily);
    const kinds = events(run.trace)
      .filter((e) => e.kind !== 'timer' && !(e.type === 'Ping'))
      .map((e) => `${e.actor}:${e.kind}`);
    expect(kinds.slice(0, 5)).toEqual(['alice:request', 'alice:send', 'n1:deliver', 'n1:state', 'n1:send']);
    const response = events(run.trace).find((e) => e.kind === 'response')!;
    expect(response.result).toEqual({ ok: true, servedBy: 'n1' });
    expect(response.time).toBe(10);
    expect(response.op?.id).toBe('w1');
    expect(run.stopReason).toBe('quiet');
    expect(run.trace.final.n3!.data.x![0]!.value).toBe('milk');
  });

  it('gives every event the line of the scenario item it descends from', () => {
    const run = simulateWith(fixtureScenario({ items: [write(0, 'alice', 'x', 'a')] }), echoFamily);
    const replicate = events(run.trace).filter((e) => e.type === 'Replicate' || e.kind === 'state');
    expect(replicate.length).toBeGreaterThan(0);
    for (const e of replicate) expect(e.line).toBe(100);
  });

  it('produces a byte-identical trace for the same seed', () => {
    const items = fc.array(
      fc.record({
        at: fc.integer({ min: 0, max: 200 }),
        who: fc.constantFrom('alice', 'bob'),
        key: fc.constantFrom('x', 'y'),
        isRead: fc.boolean(),
      }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(
        items,
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        (ops, seed, drop) => {
          const scenario = fixtureScenario({
            seed,
            drop,
            duplicate: 0.1,
            latency: { kind: 'uniform', min: 1, max: 20 },
            clients: [
              { id: 'alice', node: 'n1' },
              { id: 'bob', node: 'n2' },
            ],
            items: ops.map((o) =>
              o.isRead ? read(o.at, o.who, o.key) : write(o.at, o.who, o.key, `v${o.at}`),
            ),
          });
          const a = JSON.stringify(events(simulateWith(scenario, echoFamily).trace));
          const b = JSON.stringify(events(simulateWith(scenario, echoFamily).trace));
          return a === b;
        },
      ),
      { numRuns: 40 },
    );
  });

  it('keeps vector clocks consistent: a send happens before its deliver and each actor counts up by one', () => {
    const scenario = fixtureScenario({
      latency: { kind: 'exponential', mean: 5 },
      clients: [
        { id: 'alice', node: 'n1' },
        { id: 'bob', node: 'n3' },
      ],
      items: [
        write(0, 'alice', 'x', 'a'),
        write(1, 'bob', 'x', 'b'),
        read(30, 'alice', 'x'),
        read(31, 'bob', 'x'),
      ],
    });
    const trace = simulateWith(scenario, echoFamily).trace;
    const sends = new Map<number, number>();
    const last = new Map<string, number>();
    for (const e of trace.events()) {
      expect(e.vc[e.actor]).toBe((last.get(e.actor) ?? 0) + 1);
      last.set(e.actor, e.vc[e.actor]!);
      if (e.kind === 'send') sends.set(e.msg!, e.id);
      if (e.kind === 'deliver') {
        const s = trace.event(sends.get(e.msg!)!);
        for (const [a, v] of Object.entries(s.vc)) expect(e.vc[a] ?? 0).toBeGreaterThanOrEqual(v);
        expect(e.vc[e.actor]!).toBeGreaterThan(s.vc[e.actor] ?? 0);
      }
    }
  });

  it('draws a link latency from its own stream, so adding a client does not change the other links', () => {
    const base = {
      latency: { kind: 'uniform', min: 1, max: 50 } as const,
      items: [write(0, 'alice', 'x', 'a')],
    };
    const one = simulateWith(fixtureScenario(base), echoFamily).trace;
    const two = simulateWith(
      fixtureScenario({
        ...base,
        clients: [
          { id: 'alice', node: 'n1' },
          { id: 'zed', node: 'n2' },
        ],
        items: [...base.items, write(5, 'zed', 'y', 'z')],
      }),
      echoFamily,
    ).trace;
    const arrivals = (t: Trace) =>
      events(t)
        .filter((e) => e.kind === 'deliver' && e.from === 'n1' && e.to === 'n3')
        .map((e) => e.time);
    expect(arrivals(two)).toEqual(arrivals(one));
  });

  it('a partition blocks exactly the cut links and heal restores them', () => {
    const partition: FaultAction = { kind: 'partition', groups: [['n1', 'alice'], ['n2']] };
    const scenario = fixtureScenario({
      items: [
        { at: 0, fault: partition },
        write(1, 'alice', 'x', 'a'),
        { at: 100, fault: { kind: 'heal' } },
        write(101, 'alice', 'y', 'b'),
      ],
    });
    const trace = simulateWith(scenario, echoFamily).trace;
    const replicates = events(trace).filter((e) => e.type === 'Replicate' && e.kind !== 'send');
    const during = replicates.filter((e) => e.time < 100);
    expect(during.find((e) => e.to === 'n2')!.kind).toBe('drop');
    expect(during.find((e) => e.to === 'n2')!.reason).toBe('partition');
    expect(during.find((e) => e.to === 'n3')!.kind).toBe('deliver');
    const after = replicates.filter((e) => e.time > 100);
    expect(after.every((e) => e.kind === 'deliver')).toBe(true);
    const pings = events(trace).filter((e) => e.type === 'Ping' && e.kind === 'drop' && e.time < 100);
    expect(new Set(pings.map((e) => `${e.from}->${e.to}`))).toEqual(new Set(['n1->n2', 'n2->n1']));
  });

  it('a one-way cut drops only one direction', () => {
    const scenario = fixtureScenario({
      items: [{ at: 0, fault: { kind: 'cut', from: 'n1', to: 'n2' } }],
      until: 120,
    });
    const trace = simulateWith(scenario, echoFamily).trace;
    const pings = events(trace).filter((e) => e.type === 'Ping' && e.kind !== 'send');
    expect(pings.filter((e) => e.from === 'n1' && e.to === 'n2').every((e) => e.kind === 'drop')).toBe(true);
    expect(pings.filter((e) => e.from === 'n2' && e.to === 'n1').every((e) => e.kind === 'deliver')).toBe(
      true,
    );
  });

  it('fails an operation at the client timeout and ignores a late answer', () => {
    const scenario = fixtureScenario({
      clients: [{ id: 'alice', node: 'n1', timeout: 50 }],
      items: [
        { at: 0, fault: { kind: 'crash', node: 'n1', disk: 'kept' } },
        write(1, 'alice', 'x', 'a', 'w'),
      ],
    });
    const trace = simulateWith(scenario, echoFamily).trace;
    const responses = events(trace).filter((e) => e.kind === 'response');
    expect(responses).toHaveLength(1);
    expect(responses[0]!.result).toEqual({ ok: false, error: 'timeout' });
    expect(responses[0]!.time).toBe(51);
    expect(events(trace).find((e) => e.kind === 'drop' && e.type === 'Write')!.reason).toBe('n1 is down');
  });

  it('applies storage write latency as persisted events', () => {
    const scenario = fixtureScenario({
      storage: { kind: 'fixed', ms: 3 },
      items: [write(0, 'alice', 'x', 'a')],
    });
    const trace = simulateWith(scenario, echoFamily).trace;
    const persisted = events(trace).filter((e) => e.kind === 'persisted');
    expect(persisted.map((e) => `${e.actor}@${e.time}`).sort()).toEqual(['n1@8', 'n2@16', 'n3@16']);
    expect(events(trace).find((e) => e.kind === 'response')!.time).toBe(13);
  });

  it('a disk-losing crash clears the node data', () => {
    const scenario = fixtureScenario({
      items: [write(0, 'alice', 'x', 'a'), { at: 50, fault: { kind: 'crash', node: 'n2', disk: 'lost' } }],
    });
    const run = simulateWith(scenario, echoFamily);
    expect(run.trace.final.n2).toEqual({ up: false, data: {}, fields: {} });
    expect(run.trace.final.n3!.data.x).toHaveLength(1);
  });

  it('stops at run.maxEvents with a clear message', () => {
    const run = simulateWith(fixtureScenario({ until: 10_000, maxEvents: 200 }), echoFamily);
    expect(run.stopReason).toBe('maxEvents');
    // The budget is checked between agenda entries, so the last handler's few events may overshoot it.
    expect(run.trace.length).toBeGreaterThanOrEqual(200);
    expect(run.trace.length).toBeLessThan(210);
    expect(run.stopMessage).toMatch(/stopped after \d+ events \(run.maxEvents = 200\) at [\d.]+ms/);
  });

  it('stops a quiet run a second after the last item when only periodic traffic remains', () => {
    const run = simulateWith(fixtureScenario({ items: [write(300, 'alice', 'x', 'a')] }), echoFamily);
    expect(run.stopReason).toBe('quiet');
    expect(run.trace.stats.virtualTime).toBeGreaterThanOrEqual(1300);
    expect(run.trace.stats.virtualTime).toBeLessThan(1360);
  });

  it('stops at run.until', () => {
    const run = simulateWith(fixtureScenario({ until: 75 }), echoFamily);
    expect(run.stopReason).toBe('until');
    expect(Math.max(...events(run.trace).map((e) => e.time))).toBeLessThanOrEqual(75);
  });

  it('keeps a FIFO link in order whatever the latency draws', () => {
    const items = Array.from({ length: 20 }, (_, i) => write(i * 0.1, 'alice', 'x', `v${i}`));
    const scenario = fixtureScenario({ fifo: true, latency: { kind: 'uniform', min: 1, max: 30 }, items });
    const trace = simulateWith(scenario, echoFamily).trace;
    const writes = events(trace)
      .filter((e) => e.kind === 'deliver' && e.type === 'Write')
      .map((e) => e.payload!.op as { value: string });
    expect(writes.map((o) => o.value)).toEqual(items.map((i) => i.action.value));
  });

  it('delivers duplicated messages twice with the same message id', () => {
    const scenario = fixtureScenario({ duplicate: 1, items: [write(0, 'alice', 'x', 'a')], until: 30 });
    const trace = simulateWith(scenario, echoFamily).trace;
    const writes = events(trace).filter((e) => e.kind === 'deliver' && e.type === 'Write');
    expect(writes).toHaveLength(2);
    expect(writes[0]!.msg).toBe(writes[1]!.msg);
  });

  it('forks on a what-if: dropping an in-flight message or injecting a crash', () => {
    const scenario = fixtureScenario({ items: [write(0, 'alice', 'x', 'a')] });
    const plain = simulateWith(scenario, echoFamily).trace;
    const send = events(plain).find((e) => e.kind === 'send' && e.type === 'Write')!;
    const dropped = simulateWith(scenario, echoFamily, {
      interventions: [{ atEvent: send.id + 1, action: { kind: 'drop', msg: send.msg! } }],
    }).trace;
    expect(JSON.stringify(events(dropped).slice(0, send.id + 1))).toBe(
      JSON.stringify(events(plain).slice(0, send.id + 1)),
    );
    expect(dropped.event(send.id + 1).kind).toBe('fork');
    expect(dropped.event(send.id + 2)).toMatchObject({
      kind: 'drop',
      reason: 'dropped by what-if',
      msg: send.msg,
    });
    expect(events(dropped).find((e) => e.kind === 'response')!.result).toEqual({
      ok: false,
      error: 'timeout',
    });

    const crashed = simulateWith(scenario, echoFamily, {
      interventions: [
        {
          atEvent: send.id + 1,
          action: { kind: 'fault', fault: { kind: 'crash', node: 'n1', disk: 'kept' } },
        },
      ],
    }).trace;
    expect(events(crashed).some((e) => e.kind === 'crash' && e.actor === 'n1')).toBe(true);
  });

  it('delivers a chosen in-flight message at once on a what-if', () => {
    const scenario = fixtureScenario({
      latency: { kind: 'fixed', ms: 40 },
      items: [write(0, 'alice', 'x', 'a')],
    });
    const plain = simulateWith(scenario, echoFamily).trace;
    const send = events(plain).find((e) => e.kind === 'send' && e.type === 'Write')!;
    const fast = simulateWith(scenario, echoFamily, {
      interventions: [{ atEvent: send.id + 1, action: { kind: 'deliver', msg: send.msg! } }],
    }).trace;
    const deliver = events(fast).find((e) => e.kind === 'deliver' && e.msg === send.msg)!;
    expect(deliver.time).toBe(0);
    expect(events(fast).filter((e) => e.msg === send.msg && e.kind === 'deliver')).toHaveLength(1);
  });
});

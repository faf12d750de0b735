// Engine throughput and memory against a floor: a bare binary-heap event loop doing the least a
// discrete-event simulator can do per event (pop, schedule the next event, store time and actor),
// with as many events pending as the engine had on average (the heap's depth is part of the cost of
// an event, and a scenario with thousands of concurrent timers and messages pays it in any engine).

import { readFileSync } from 'node:fs';
import type { ProtocolFamily } from '../../engine/protocols/protocol';
import type { Scenario } from '../../engine/scenario/model';
import { EventQueue } from '../../engine/sim/eventQueue';
import { Simulation } from '../../engine/sim/simulate';

export interface LoopFigures {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  bytesPerEvent: number;
  /**
   * Seconds of CPU the loop's own thread used (Linux; undefined elsewhere). On a busy machine the
   * wall time also counts the time the thread waited for a core; this does not.
   */
  threadCpuSeconds?: number;
}

/** CPU seconds this thread has used so far, from /proc (Linux), or undefined. */
function threadCpu(): number | undefined {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, fields 14 and 15 of stat(5), in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

function cpuSince(start: number | undefined): number | undefined {
  const now = threadCpu();
  return start === undefined || now === undefined ? undefined : now - start;
}

function heapBytes(): number {
  const g = globalThis as { gc?: () => void };
  g.gc?.();
  g.gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/**
 * The floor: `events` events through a binary heap holding `pending` events, each storing (time,
 * actor) in typed arrays. Every popped event schedules one successor on a random actor.
 */
export function floorLoop(events: number, actors: number, pending: number): LoopFigures {
  const before = heapBytes();
  const cpu = threadCpu();
  const start = performance.now();
  const queue = new EventQueue<{ actor: number }>();
  const times = new Float64Array(events);
  const owners = new Uint16Array(events);
  let state = 12345;
  const rand = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  for (let p = 0; p < Math.max(1, pending); p++) queue.push(rand() * 5, { actor: p % actors });
  let n = 0;
  while (n < events) {
    const item = queue.pop()!;
    const now = queue.poppedTime;
    times[n] = now;
    owners[n] = item.actor;
    n++;
    queue.push(now + 1 + rand() * 9, {
      actor: (item.actor + 1 + Math.floor(rand() * (actors - 1))) % actors,
    });
  }
  const seconds = (performance.now() - start) / 1000;
  const threadCpuSeconds = cpuSince(cpu);
  const bytes = heapBytes() - before;
  if (times[events - 1]! < 0 || owners[0]! > actors) throw new Error('unreachable: keeps the arrays alive');
  return { events: n, seconds, eventsPerSecond: n / seconds, bytesPerEvent: bytes / n, threadCpuSeconds };
}

/** Runs a scenario with full tracing; bytes per event counts everything the run keeps alive. */
export function engineLoop(
  scenario: Scenario,
  family: ProtocolFamily,
): LoopFigures & { stopReason: string; meanQueueLength: number } {
  const before = heapBytes();
  const cpu = threadCpu();
  const start = performance.now();
  const simulation = new Simulation(scenario, family);
  const run = simulation.run();
  const seconds = (performance.now() - start) / 1000;
  const threadCpuSeconds = cpuSince(cpu);
  const bytes = heapBytes() - before;
  const events = run.trace.length;
  // Keep the trace reachable until after the measurement.
  if (run.trace.length !== events) throw new Error('unreachable');
  return {
    events,
    seconds,
    eventsPerSecond: events / seconds,
    bytesPerEvent: bytes / events,
    threadCpuSeconds,
    stopReason: run.stopReason,
    meanQueueLength: simulation.meanQueueLength,
  };
}

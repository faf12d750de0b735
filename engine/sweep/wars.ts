// The WARS model of Bailis et al., "Probabilistically Bounded Staleness for Practical Partial
// Quorums" (VLDB 2012), sampled directly: an independent reference for t-visibility sweeps.
//
// A write is sent to n replicas (W), each applies it (the node's storage latency) and acks (A); it
// commits at the w-th ack. A read sent t ms later reaches each replica (R), which answers at once
// (S); the read uses the first r answers and is consistent when one of them had applied the write
// before the request arrived. Nothing else propagates the write (no read repair, no anti-entropy).

import type { Distribution } from '../scenario/model';
import { sample } from '../sim/distributions';
import { RandomStream } from '../sim/random';

export interface WarsModel {
  n: number;
  w: number;
  r: number;
  /** Coordinator to replica, write. */
  W: Distribution;
  /** Replica storage: time to apply the write. */
  apply: Distribution;
  /** Replica to coordinator, write ack. */
  A: Distribution;
  /** Coordinator to replica, read request. */
  R: Distribution;
  /** Replica to coordinator, read response. */
  S: Distribution;
}

/** P(consistent read) for each t, from `samples` draws (the same draws for every t). */
export function warsTVisibility(
  model: WarsModel,
  ts: readonly number[],
  samples: number,
  seed = 1,
): number[] {
  const rng = new RandomStream(seed, 'wars');
  const consistent = ts.map(() => 0);
  const applied = new Float64Array(model.n);
  const acked = new Float64Array(model.n);
  const request = new Float64Array(model.n);
  const answer = new Float64Array(model.n);
  const order = Array.from({ length: model.n }, (_, i) => i);
  for (let s = 0; s < samples; s++) {
    for (let i = 0; i < model.n; i++) {
      applied[i] = sample(model.W, rng) + sample(model.apply, rng);
      acked[i] = applied[i]! + sample(model.A, rng);
      request[i] = sample(model.R, rng);
      answer[i] = request[i]! + sample(model.S, rng);
    }
    const commit = [...acked].sort((a, b) => a - b)[model.w - 1]!;
    order.sort((a, b) => answer[a]! - answer[b]!);
    ts.forEach((t, k) => {
      for (let j = 0; j < model.r; j++) {
        const i = order[j]!;
        if (applied[i]! <= commit + t + request[i]!) {
          consistent[k]!++;
          break;
        }
      }
    });
  }
  return consistent.map((c) => c / samples);
}

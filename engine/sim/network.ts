// The network model: per-link latency, loss and duplication (defaults plus directed overrides),
// FIFO links, and cuts made by partitions and one-way `cut` events.

import type { Distribution, NetworkConfig } from '../scenario/model';
import type { RandomStream } from './random';

export interface LinkModel {
  latency: Distribution;
  drop: number;
  duplicate: number;
  /** Name of the link's random stream. */
  stream: string;
  /** FIFO: the latest arrival time scheduled on this link so far. */
  lastArrival: number;
  /** The stream itself, once the simulator has looked it up (every send on the link draws from it). */
  rng?: RandomStream;
}

export class Network {
  private readonly links: LinkModel[];
  /** cut[from * n + to] = 1 when messages from -> to are lost. */
  private readonly cut: Uint8Array;

  constructor(
    private readonly config: NetworkConfig,
    private readonly actors: readonly string[],
  ) {
    const n = actors.length;
    this.cut = new Uint8Array(n * n);
    this.links = new Array(n * n);
    const index = new Map(actors.map((a, i) => [a, i]));
    for (let f = 0; f < n; f++) {
      for (let t = 0; t < n; t++) {
        this.links[f * n + t] = {
          latency: config.latency,
          drop: config.drop,
          duplicate: config.duplicate,
          stream: `net:${actors[f]}->${actors[t]}`,
          lastArrival: Number.NEGATIVE_INFINITY,
        };
      }
    }
    // Later overrides win over earlier ones, as in the file.
    for (const o of config.links) {
      const f = index.get(o.from);
      const t = index.get(o.to);
      if (f === undefined || t === undefined) continue;
      const link = this.links[f * n + t]!;
      if (o.latency) link.latency = o.latency;
      if (o.drop !== undefined) link.drop = o.drop;
      if (o.duplicate !== undefined) link.duplicate = o.duplicate;
    }
  }

  get fifo(): boolean {
    return this.config.fifo;
  }

  link(from: number, to: number): LinkModel {
    return this.links[from * this.actors.length + to]!;
  }

  isCut(from: number, to: number): boolean {
    return this.cut[from * this.actors.length + to] === 1;
  }

  /** Cut every link between actors of different groups; actors in no group stay connected. */
  partition(groups: number[][]): [number, number][] {
    const changed: [number, number][] = [];
    for (let g = 0; g < groups.length; g++) {
      for (let h = 0; h < groups.length; h++) {
        if (g === h) continue;
        for (const a of groups[g]!)
          for (const b of groups[h]!) if (this.setCut(a, b, 1)) changed.push([a, b]);
      }
    }
    return changed;
  }

  cutLink(from: number, to: number): boolean {
    return this.setCut(from, to, 1);
  }

  healLink(from: number, to: number): boolean {
    return this.setCut(from, to, 0);
  }

  healAll(): number {
    let healed = 0;
    for (let i = 0; i < this.cut.length; i++) {
      if (this.cut[i] === 1) {
        this.cut[i] = 0;
        healed++;
      }
    }
    return healed;
  }

  /** The directed links currently cut, as actor-id pairs. */
  cutLinks(): [string, string][] {
    const n = this.actors.length;
    const out: [string, string][] = [];
    for (let i = 0; i < this.cut.length; i++) {
      if (this.cut[i] === 1) out.push([this.actors[Math.floor(i / n)]!, this.actors[i % n]!]);
    }
    return out;
  }

  private setCut(from: number, to: number, value: 0 | 1): boolean {
    const i = from * this.actors.length + to;
    if (this.cut[i] === value) return false;
    this.cut[i] = value;
    return true;
  }
}

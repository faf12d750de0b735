// Placement: which nodes hold a key. `ring` is consistent hashing with virtual nodes: every node
// owns `vnodes` tokens on a 32-bit ring, and a key's preference list is the first n distinct nodes
// clockwise from the key's position. `all` uses the declared node order: the first n nodes are
// every key's home replicas. Walking on past the preference list gives the fallback nodes a
// sloppy quorum uses.

import type { LeaderlessConfig } from '../../scenario/model';
import type { ProtocolContext } from '../protocol';
import { hash32 } from './hash';

interface Token {
  at: number;
  node: string;
}

export class Ring {
  private readonly tokens: Token[];
  /** Walks by key: a ring never changes, and every request for a key walks it. */
  private readonly walks = new Map<string, readonly string[]>();
  private readonly homes = new Map<string, readonly string[]>();

  constructor(
    readonly nodes: readonly string[],
    readonly placement: LeaderlessConfig['placement'],
    readonly n: number,
    vnodes: number,
  ) {
    const tokens: Token[] = [];
    if (placement === 'ring')
      for (const node of nodes)
        for (let v = 0; v < Math.max(1, vnodes); v++) tokens.push({ at: hash32(`${node}#${v}`), node });
    // Ties (astronomically rare) are broken by node id so the order never depends on input order.
    tokens.sort((a, b) => a.at - b.at || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
    this.tokens = tokens;
  }

  /** The key's position on the ring. */
  position(key: string): number {
    return hash32(key);
  }

  /** Every node in the order a request for `key` considers them: homes first, then fallbacks. */
  walk(key: string): readonly string[] {
    let walk = this.walks.get(key);
    if (!walk) {
      walk =
        this.placement === 'all'
          ? this.nodes.slice()
          : this.collect(this.firstTokenAtOrAfter(this.position(key)), this.nodes.length);
      this.walks.set(key, walk);
    }
    return walk;
  }

  /** The key's home replicas (its preference list). */
  preferenceList(key: string): readonly string[] {
    let homes = this.homes.get(key);
    if (!homes) {
      homes = this.walk(key).slice(0, this.n);
      this.homes.set(key, homes);
    }
    return homes;
  }

  /** Whether `node` is one of the key's home replicas. */
  isHome(key: string, node: string): boolean {
    return this.preferenceList(key).includes(node);
  }

  /** Nodes that share at least one key range with `node` (its anti-entropy peers), sorted. */
  peers(node: string): string[] {
    const peers = new Set<string>();
    if (this.placement === 'all') {
      const homes = this.nodes.slice(0, this.n);
      if (homes.includes(node)) for (const h of homes) if (h !== node) peers.add(h);
    } else {
      // Each token starts a range whose preference list is the walk from the next token on.
      for (let i = 0; i < this.tokens.length; i++) {
        const list = this.collect(i, this.n);
        if (list.includes(node)) for (const p of list) if (p !== node) peers.add(p);
      }
    }
    return [...peers].sort();
  }

  /** Distinct nodes clockwise from token `index`, at most `limit`. */
  private collect(index: number, limit: number): string[] {
    const out: string[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < this.tokens.length && out.length < limit; i++) {
      const t = this.tokens[(index + i) % this.tokens.length]!;
      if (!seen.has(t.node)) {
        seen.add(t.node);
        out.push(t.node);
      }
    }
    return out;
  }

  private firstTokenAtOrAfter(position: number): number {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.tokens[mid]!.at < position) lo = mid + 1;
      else hi = mid;
    }
    return lo === this.tokens.length ? 0 : lo;
  }
}

/**
 * Rings by membership list. The simulator hands every actor of a run the same list (and only ever
 * appends to it), so all of a run's nodes and clients share one ring, and its caches, until a node
 * joins.
 */
const rings = new WeakMap<readonly string[], Ring>();

/** The ring for the current membership. */
export function ringFor(ctx: ProtocolContext): Ring {
  const cached = rings.get(ctx.nodes);
  if (cached && cached.nodes.length === ctx.nodes.length) return cached;
  const cfg = ctx.cluster as LeaderlessConfig;
  // A copy: the ring must not follow later changes of the membership list.
  const ring = new Ring(ctx.nodes.slice(), cfg.placement, cfg.n, cfg.vnodes);
  rings.set(ctx.nodes, ring);
  return ring;
}

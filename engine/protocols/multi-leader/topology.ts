// Who sends changes to whom. All-to-all: every origin sends its own changes to every other leader
// and nobody forwards. Circular, star and explicit links: replicas forward what they apply along
// their outgoing links, tagging each change with the ids it passed through.

import type { Topology } from '../../scenario/model';

export function outNeighbors(topology: Topology, nodes: readonly string[], self: string): string[] {
  switch (topology.kind) {
    case 'all-to-all':
      return nodes.filter((n) => n !== self);
    case 'circular': {
      const i = nodes.indexOf(self);
      if (i < 0 || nodes.length < 2) return [];
      return [nodes[(i + 1) % nodes.length]!];
    }
    case 'star':
      if (self === topology.hub) return nodes.filter((n) => n !== self);
      return nodes.includes(topology.hub) ? [topology.hub] : [];
    case 'links':
      return [...new Set(topology.links.filter((l) => l.from === self && l.to !== self).map((l) => l.to))];
  }
}

export function inNeighbors(topology: Topology, nodes: readonly string[], self: string): string[] {
  return nodes.filter((n) => n !== self && outNeighbors(topology, nodes, n).includes(self));
}

/** Whether a replica passes on what it received from `from` (all-to-all origins reach everyone). */
export function forwards(topology: Topology, nodes: readonly string[], from: string): boolean {
  return topology.kind !== 'all-to-all' || !nodes.includes(from);
}

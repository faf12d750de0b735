// The identifiers a document declares, by kind, for completion, hovers and navigation. Node and
// client ids share one namespace.

import type { DeclaredId, DocumentIds } from '../../engine/scenario/locate';
import type { RefKind } from '../../engine/scenario/schemaTypes';

export function idsOfKind(ids: DocumentIds, kind: RefKind): DeclaredId[] {
  const list =
    kind === 'node'
      ? ids.nodes
      : kind === 'client'
        ? ids.clients
        : kind === 'actor'
          ? [...ids.nodes, ...ids.clients]
          : kind === 'key'
            ? ids.keys
            : kind === 'op'
              ? ids.ops
              : ids.shards;
  const seen = new Set<string>();
  return list.filter((d) => !seen.has(d.name) && seen.add(d.name));
}

const ACTORS: readonly RefKind[] = ['node', 'client', 'actor'];

/** Whether two occurrences name the same thing (actors share a namespace). */
export function sameNamespace(a: RefKind, b: RefKind): boolean {
  return a === b || (ACTORS.includes(a) && ACTORS.includes(b));
}

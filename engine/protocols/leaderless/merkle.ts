// Merkle trees over key ranges, as Dynamo's anti-entropy uses them. The ring's key space is cut
// into 2^DEPTH equal ranges (the leaves); a leaf's hash covers every key in its range and the copy
// each replica holds, an inner node's hash covers its two children. Two replicas whose roots agree
// hold the same data; otherwise they descend only into branches whose hashes differ.

import { hash32, hex } from './hash';
import { digest, type StoredObject } from './versioning';

/** Levels below the root: 3 gives 8 leaf ranges. */
export const DEPTH = 3;
export const LEAVES = 1 << DEPTH;
const EMPTY = '00000000';

/** levels[l][i] is the hash of node i at level l (level 0 is the root, level DEPTH the leaves). */
export interface MerkleTree {
  levels: string[][];
  keys: number;
}

/** The leaf range a key falls in: the top DEPTH bits of its ring position. */
export function rangeOf(key: string): number {
  return hash32(key) >>> (32 - DEPTH);
}

export function buildTree(objects: Iterable<[string, StoredObject]>): MerkleTree {
  const perLeaf: string[][] = Array.from({ length: LEAVES }, () => []);
  let keys = 0;
  for (const [key, obj] of objects) {
    perLeaf[rangeOf(key)]!.push(`${key}=${digest(obj)}`);
    keys++;
  }
  const leaves = perLeaf.map((items) => (items.length === 0 ? EMPTY : hex(hash32(items.sort().join('\n')))));
  const levels: string[][] = [leaves];
  while (levels[0]!.length > 1) {
    const below = levels[0]!;
    const above: string[] = [];
    for (let i = 0; i < below.length; i += 2) {
      const l = below[i]!;
      const r = below[i + 1]!;
      above.push(l === EMPTY && r === EMPTY ? EMPTY : hex(hash32(`${l}:${r}`)));
    }
    levels.unshift(above);
  }
  return { levels, keys };
}

export function root(tree: MerkleTree): string {
  return tree.levels[0]![0]!;
}

/** Hashes of the children (at level + 1) of the given nodes at `level`. */
export function childrenOf(tree: MerkleTree, level: number, nodes: number[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of nodes) for (const c of [2 * i, 2 * i + 1]) out[String(c)] = tree.levels[level + 1]![c]!;
  return out;
}

/** Which of the other side's hashes at `level` differ from ours. */
export function differing(tree: MerkleTree, level: number, theirs: Record<string, string>): number[] {
  return Object.keys(theirs)
    .map(Number)
    .filter((i) => tree.levels[level]![i] !== theirs[String(i)])
    .sort((a, b) => a - b);
}

// Anti-entropy: every `antiEntropy` interval a node picks the next peer that replicates some of
// its key ranges (round robin) and the two compare Merkle trees over the keys they both replicate:
//   MerkleRoot (initiator) -> MerkleBranch level 1 -> level 2 -> ... -> leaf hashes
//   -> MerkleLeaves (copies of the keys in the differing leaf ranges)
//   -> KeyTransfer (the copies the other side was missing or had older versions of).
// Only differing branches are exchanged; equal roots end the exchange after one message.

import type { LeaderlessConfig } from '../../scenario/model';
import type { Message, Out, ProtocolContext } from '../protocol';
import { buildTree, childrenOf, DEPTH, differing, LEAVES, type MerkleTree, rangeOf, root } from './merkle';
import type { KeyTransfer, MerkleBranch, MerkleLeaves, MerkleRoot } from './messages';
import type { Ring } from './ring';
import { digest, mergeObjects, type StoredObject } from './versioning';

export interface AntiEntropyState {
  /** Round-robin position among the peers. */
  turn: number;
  sessions: number;
  /** Last `merkle` field value published (to record changes only). */
  published: string;
}

export interface AntiEntropyHost {
  cfg: LeaderlessConfig;
  ring: Ring;
  ctx: ProtocolContext;
  out: Out;
  store: Map<string, StoredObject>;
  send(to: string, msg: Message): void;
  mergeLater(key: string, object: StoredObject, why: string, from: string): void;
}

export function newAntiEntropyState(): AntiEntropyState {
  return { turn: 0, sessions: 0, published: '' };
}

/** Keys this node holds that `peer` replicates too. */
function shared(host: AntiEntropyHost, peer: string): [string, StoredObject][] {
  const self = host.ctx.self;
  const out: [string, StoredObject][] = [];
  for (const [key, obj] of host.store) {
    const homes = host.ring.preferenceList(key);
    if (homes.includes(self) && homes.includes(peer)) out.push([key, obj]);
  }
  return out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function treeWith(host: AntiEntropyHost, peer: string): MerkleTree {
  return buildTree(shared(host, peer));
}

function publish(state: AntiEntropyState, host: AntiEntropyHost): void {
  const all = buildTree(host.store);
  const summary = { root: root(all), keys: all.keys, ranges: LEAVES };
  const text = JSON.stringify(summary);
  if (text === state.published) return;
  state.published = text;
  host.out.field('merkle', summary);
}

export function startExchange(state: AntiEntropyState, host: AntiEntropyHost): void {
  const self = host.ctx.self;
  publish(state, host);
  const peers = host.ring.peers(self).filter((p) => host.ctx.nodes.includes(p));
  if (peers.length === 0) return;
  const peer = peers[state.turn % peers.length]!;
  state.turn++;
  const tree = treeWith(host, peer);
  const msg: MerkleRoot = {
    type: 'MerkleRoot',
    session: `${self}#${++state.sessions}`,
    root: root(tree),
    keys: tree.keys,
  };
  host.send(peer, msg);
}

export function onMerkleRoot(
  state: AntiEntropyState,
  host: AntiEntropyHost,
  from: string,
  msg: MerkleRoot,
): void {
  publish(state, host);
  const tree = treeWith(host, from);
  if (root(tree) === msg.root) return;
  const reply: MerkleBranch = {
    type: 'MerkleBranch',
    session: msg.session,
    level: 1,
    hashes: childrenOf(tree, 0, [0]),
  };
  host.send(from, reply);
}

export function onMerkleBranch(
  state: AntiEntropyState,
  host: AntiEntropyHost,
  from: string,
  msg: MerkleBranch,
): void {
  publish(state, host);
  const tree = treeWith(host, from);
  const diff = differing(tree, msg.level, msg.hashes);
  if (diff.length === 0) return; // the copies converged while the trees were being compared
  if (msg.level < DEPTH) {
    const reply: MerkleBranch = {
      type: 'MerkleBranch',
      session: msg.session,
      level: msg.level + 1,
      hashes: childrenOf(tree, msg.level, diff),
    };
    host.send(from, reply);
    return;
  }
  const ranges = new Set(diff);
  const objects: Record<string, StoredObject> = {};
  for (const [key, obj] of shared(host, from)) if (ranges.has(rangeOf(key))) objects[key] = obj;
  const reply: MerkleLeaves = { type: 'MerkleLeaves', session: msg.session, ranges: diff, objects };
  host.send(from, reply);
}

export function onMerkleLeaves(
  state: AntiEntropyState,
  host: AntiEntropyHost,
  from: string,
  msg: MerkleLeaves,
): void {
  const scheme = host.cfg.versioning;
  const ranges = new Set(msg.ranges);
  const mine = new Map(shared(host, from).filter(([key]) => ranges.has(rangeOf(key))));
  const keys = [...new Set([...Object.keys(msg.objects), ...mine.keys()])].sort();
  const back: Record<string, StoredObject> = {};
  let taken = 0;
  for (const key of keys) {
    const theirs = msg.objects[key];
    const local = mine.get(key);
    const merged = mergeObjects(scheme, local, theirs)!;
    if (theirs && digest(merged) !== digest(local)) {
      host.mergeLater(key, theirs, 'anti-entropy', from);
      taken++;
    }
    if (digest(merged) !== digest(theirs)) back[key] = merged;
  }
  const sent = Object.keys(back).length;
  host.out.note(
    `anti-entropy with ${from}: ${msg.ranges.length} of ${LEAVES} key ranges differ; taking ${taken} key${taken === 1 ? '' : 's'}, sending ${sent} back`,
    { peer: from, ranges: msg.ranges },
  );
  if (sent > 0) {
    const reply: KeyTransfer = { type: 'KeyTransfer', session: msg.session, objects: back };
    host.send(from, reply);
  }
  publish(state, host);
}

export function onKeyTransfer(
  state: AntiEntropyState,
  host: AntiEntropyHost,
  from: string,
  msg: KeyTransfer,
): void {
  for (const key of Object.keys(msg.objects).sort())
    host.mergeLater(key, msg.objects[key]!, 'anti-entropy', from);
  publish(state, host);
}

// The leaderless (Dynamo-style) replication family: quorum reads and writes over a consistent-
// hashing ring, four versioning schemes, read repair, Merkle-tree anti-entropy, sloppy quorums
// with hinted handoff. See README.md in this folder for the model and its choices.

import type { ProtocolFamily } from '../protocol';
import { initClient, type LeaderlessClient, onClient } from './client';
import { PERIODIC_MESSAGES } from './messages';
import { ANTI_ENTROPY_TIMER, crashNode, HANDOFF_TIMER, initNode, type LeaderlessNode, onNode } from './node';

export const leaderless: ProtocolFamily<LeaderlessNode, LeaderlessClient> = {
  replication: 'leaderless',
  periodicMessages: PERIODIC_MESSAGES,
  periodicTimers: [ANTI_ENTROPY_TIMER, HANDOFF_TIMER],
  // Stored objects are never changed: every write or merge builds new sibling arrays.
  immutableData: true,
  initNode: () => initNode(),
  onNode,
  crash: (state, diskLost) => crashNode(state, diskLost),
  initClient: () => initClient(),
  onClient,
};

// Multi-leader replication (DDIA 5, "Multi-Leader Replication"): every leader accepts writes and
// replicates them asynchronously along a topology; conflicts are detected with version vectors
// and resolved by the configured strategy, or avoided by CRDT keys or by routing a key to its home.

import type { ProtocolFamily } from '../protocol';
import { type ClientState, initClient, onClient } from './client';
import { crashNode, initNode, type NodeState, onNode, SYNC_TIMER } from './node';

export const multiLeader: ProtocolFamily<NodeState, ClientState> = {
  replication: 'multi-leader',
  periodicMessages: ['SyncRequest'],
  periodicTimers: [SYNC_TIMER],
  initNode,
  onNode,
  crash: (state, diskLost) => crashNode(state, diskLost),
  initClient,
  onClient,
};

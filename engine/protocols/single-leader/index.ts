// Single-leader replication (DDIA 5, "Leaders and Followers"): the family the simulator runs for
// `replication: single-leader`.

import type { ProtocolFamily } from '../protocol';
import { type ClientState, initClient, onClient } from './client';
import { crash, initNode, onNode } from './node';
import type { NodeState } from './types';

export const singleLeader: ProtocolFamily<NodeState, ClientState> = {
  replication: 'single-leader',
  periodicMessages: ['Heartbeat', 'HeartbeatAck'],
  periodicTimers: ['heartbeat', 'election', 'lease'],
  initNode,
  onNode,
  crash,
  initClient,
  onClient,
};

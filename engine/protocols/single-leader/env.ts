// What every node handler needs at hand: its state, the context, the effect sink and the config,
// plus helpers that keep the recorded fields in step with the state.

import type { SingleLeaderConfig } from '../../scenario/model';
import type { Message, Out, ProtocolContext } from '../protocol';
import { fieldName } from './groups';
import type { GroupState, NodeState, SlMessage } from './types';

export interface Env {
  s: NodeState;
  ctx: ProtocolContext;
  out: Out;
  cfg: SingleLeaderConfig;
}

export function setField(env: Env, g: GroupState, name: string, value: unknown): void {
  env.out.field(fieldName(env.cfg, g.name, name), value);
}

export function send(env: Env, to: string, msg: SlMessage): void {
  env.out.send(to, msg as Message);
}

export function fencing(env: Env): boolean {
  return env.cfg.failover?.fencing ?? false;
}

/** Record role, term and leader together (they change together). */
export function showRole(env: Env, g: GroupState): void {
  setField(env, g, 'role', g.role);
  setField(env, g, 'term', g.term);
  setField(env, g, 'leader', g.leader);
}

// Replication groups from the cluster configuration: one per shard, or one (`main`) without shards.
// Field names carry the group as a prefix only when there are shards, so the ordinary case shows
// the plain `role`, `term`, `leader`, `log` fields every consumer looks for.

import type { FollowerMode, SingleLeaderConfig } from '../../scenario/model';
import { MAIN_GROUP } from './types';

export interface GroupConfig {
  name: string;
  leader: string;
  followers: Record<string, FollowerMode>;
  /** Keys routed to this group; undefined = every key. */
  keys?: string[];
}

export function groupConfigs(cfg: SingleLeaderConfig): GroupConfig[] {
  if (cfg.shards && cfg.shards.length > 0) {
    return cfg.shards.map((s) => ({ name: s.name, leader: s.leader, followers: s.followers, keys: s.keys }));
  }
  return [{ name: MAIN_GROUP, leader: cfg.leader, followers: cfg.followers }];
}

/** The group that owns a key: the shard listing it, else the first group. */
export function groupOfKey(cfg: SingleLeaderConfig, key: string): string {
  if (!cfg.shards || cfg.shards.length === 0) return MAIN_GROUP;
  for (const s of cfg.shards) if (s.keys.includes(key)) return s.name;
  return cfg.shards[0]!.name;
}

export function fieldName(cfg: SingleLeaderConfig, group: string, name: string): string {
  return cfg.shards && cfg.shards.length > 0 ? `${group}.${name}` : name;
}

/** Nodes in a majority of the group. */
export function majority(members: readonly string[]): number {
  return Math.floor(members.length / 2) + 1;
}

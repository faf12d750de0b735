// The replication families, by the `replication` key of a scenario's cluster.

import type { Replication } from '../scenario/model';
import { leaderless } from './leaderless';
import { multiLeader } from './multi-leader';
import type { ProtocolFamily } from './protocol';
import { singleLeader } from './single-leader';

const families: Record<Replication, ProtocolFamily> = {
  'single-leader': singleLeader as ProtocolFamily,
  'multi-leader': multiLeader as ProtocolFamily,
  leaderless: leaderless as ProtocolFamily,
};

export function familyFor(replication: Replication): ProtocolFamily {
  return families[replication];
}

// events: absolute times (`at`, or `after` the previous item in file order), the client of each
// operation, and the checks that follow the timeline (time order, CRDT use, crash/recover order).

import type { Value } from '../../traces/types';
import { asMap, asScalar, asSeq, type CheckedMap, type CheckedSeq, entry, type Offsets } from './checked';
import type {
  ClientAction,
  ClientItem,
  ClientSpec,
  ClusterConfig,
  CrdtType,
  FaultAction,
  FaultItem,
  ScenarioItem,
} from './model';
import { lineOf, type NormalizeContext, read, say } from './normalizeContext';
import { CLIENT_ACTIONS } from './schema';
import { formatMs, type LinkSpec } from './syntax';

const ADD_NODE_ROLE = {
  'single-leader': 'follower',
  'multi-leader': 'leader',
  leaderless: 'replica',
} as const;

export interface EventsInput {
  events: CheckedSeq | undefined;
  cluster: ClusterConfig;
  clients: ClientSpec[];
  /** The root map, to point the "add a client" fix at. */
  root: CheckedMap;
  addClientFix: (name: string) => { title: string; replacement: string; at: Offsets } | undefined;
  /** Whether the file names a valid replication family (family checks need one). */
  familyKnown: boolean;
}

export function normalizeEvents(input: EventsInput, ctx: NormalizeContext): ScenarioItem[] {
  const out: ScenarioItem[] = [];
  let prev: { at: number; line: number; range: Offsets } | undefined;
  const items = input.events?.items ?? [];
  for (let index = 0; index < items.length; index++) {
    const m = asMap(items[index]);
    if (!m) continue;
    const atEntry = m.entries.get('at');
    const after = read<number | undefined>(m, 'after');
    let at: number | undefined;
    if (atEntry) {
      at = asScalar(atEntry.value)?.parsed as number;
      if (prev && at < prev.at) {
        const d = say(
          ctx,
          'error',
          'time-backwards',
          atEntry.value.range,
          `at ${formatMs(at)} is earlier than the previous item (line ${prev.line}, at ${formatMs(prev.at)}): items must be in time order`,
        );
        d.related = [{ message: 'the previous item', range: ctx.src.range(prev.range[0], prev.range[1]) }];
      }
    } else if (after !== undefined) {
      at = (prev?.at ?? 0) + after;
    }
    if (at === undefined) continue; // no valid time: already reported
    prev = { at, line: lineOf(ctx, m), range: m.range };
    const item = itemOf(m, at, index, input, ctx);
    if (item) out.push(item);
  }
  // Stable: ties keep file order.
  return out
    .map((e, i) => [e, i] as const)
    .sort((a, b) => a[0].at - b[0].at || a[1] - b[1])
    .map(([e]) => e);
}

function itemOf(m: CheckedMap, at: number, index: number, input: EventsInput, ctx: NormalizeContext) {
  const line = lineOf(ctx, m);
  const id = read<string | undefined>(m, 'id');
  const base = { at, line, index, ...(id !== undefined ? { id } : {}) };
  const isClientOp = CLIENT_ACTIONS.some((a) => m.allKeys.has(a));
  if (isClientOp) {
    const action = clientActionOf(m);
    const client = clientOf(m, input, ctx);
    if (!action || client === undefined) return undefined;
    const item: ClientItem = { type: 'client', ...base, client, action };
    return item;
  }
  const clientKey = m.entries.get('client');
  if (clientKey) {
    say(
      ctx,
      'error',
      'client-on-fault',
      clientKey.keyRange,
      '`client` only applies to client operations (write, read, delete, increment, add, remove)',
    );
  }
  const action = faultActionOf(m, input, ctx);
  if (!action) return undefined;
  const item: FaultItem = { type: 'fault', ...base, action };
  return item;
}

function clientOf(m: CheckedMap, input: EventsInput, ctx: NormalizeContext): string | undefined {
  const named = read<string | undefined>(m, 'client');
  if (named !== undefined) return named;
  if (m.allKeys.has('client')) return undefined; // invalid name, already reported
  if (input.clients.length === 1) return input.clients[0].id;
  const actionKey = CLIENT_ACTIONS.find((a) => m.allKeys.has(a));
  const at = (actionKey && m.allKeys.get(actionKey)) || m.range;
  if (input.clients.length === 0) {
    const fix = input.addClientFix('client1');
    say(
      ctx,
      'error',
      'no-clients',
      at,
      'this operation needs a client, and no clients are declared: add a `clients:` section',
      fix ? { ...fix, title: 'Add a client `client1`' } : undefined,
    );
  } else {
    say(
      ctx,
      'error',
      'missing-client',
      at,
      `which client? \`client:\` is required when there are several clients (${input.clients.map((c) => c.id).join(', ')})`,
    );
  }
  return undefined;
}

function clientActionOf(m: CheckedMap): ClientAction | undefined {
  const keyed = (name: string) => {
    const a = asMap(entry(m, name));
    return a ? { key: read<string>(a, 'key'), a } : undefined;
  };
  const dataOf = (a: CheckedMap): Value | undefined => {
    const v = entry(a, 'value');
    return v?.kind === 'data' ? v.value : undefined;
  };
  const w = keyed('write');
  if (w) {
    const value = dataOf(w.a);
    return value === undefined ? undefined : { kind: 'write', key: w.key, value };
  }
  const readKey = read<string | undefined>(m, 'read');
  if (readKey !== undefined) return { kind: 'read', key: readKey };
  const del = read<string | undefined>(m, 'delete');
  if (del !== undefined) return { kind: 'delete', key: del };
  const inc = keyed('increment');
  if (inc) return { kind: 'increment', key: inc.key, by: read<number>(inc.a, 'by') };
  for (const kind of ['add', 'remove'] as const) {
    const s = keyed(kind);
    if (!s) continue;
    const value = dataOf(s.a);
    return value === undefined ? undefined : { kind, key: s.key, value };
  }
  return undefined;
}

function faultActionOf(m: CheckedMap, input: EventsInput, ctx: NormalizeContext): FaultAction | undefined {
  const { cluster } = input;
  const crash = entry(m, 'crash');
  if (crash) {
    if (crash.kind === 'scalar') return { kind: 'crash', node: crash.parsed as string, disk: 'kept' };
    const c = asMap(crash);
    const node = read<string | undefined>(c, 'node');
    return node === undefined ? undefined : { kind: 'crash', node, disk: read<'kept' | 'lost'>(c, 'disk') };
  }
  const node = (key: string) => read<string | undefined>(m, key);
  const recover = node('recover');
  if (recover !== undefined) return { kind: 'recover', node: recover };
  const partition = asSeq(entry(m, 'partition'));
  if (partition) return partitionOf(partition, ctx);
  const cut = asScalar(entry(m, 'cut'))?.parsed as LinkSpec | undefined;
  if (cut) return { kind: 'cut', from: cut.from, to: cut.to };
  const heal = entry(m, 'heal');
  if (heal) {
    const links: { from: string; to: string }[] = [];
    const add = (l: LinkSpec) => {
      links.push({ from: l.from, to: l.to });
      if (l.both) links.push({ from: l.to, to: l.from });
    };
    if (heal.kind === 'scalar') {
      if (heal.parsed === 'all') return { kind: 'heal' };
      add(heal.parsed as LinkSpec);
    } else {
      for (const item of asSeq(heal)?.items ?? []) {
        const l = asScalar(item)?.parsed as LinkSpec | undefined;
        if (l) add(l);
      }
    }
    return { kind: 'heal', links };
  }
  const skew = asMap(entry(m, 'skew'));
  if (skew) {
    const n = read<string | undefined>(skew, 'node');
    if (n === undefined) return undefined;
    const action: FaultAction = { kind: 'skew', node: n };
    const offset = read<number | undefined>(skew, 'offset');
    const drift = read<number | undefined>(skew, 'drift');
    if (offset !== undefined) action.offset = offset;
    if (drift !== undefined) action.drift = drift;
    return action;
  }
  const add = asMap(entry(m, 'addNode'));
  if (add) {
    const id = read<string | undefined>(add, 'id');
    if (id === undefined) return undefined;
    const expected = ADD_NODE_ROLE[cluster.replication];
    const as = read<'follower' | 'leader' | 'replica' | undefined>(add, 'as') ?? expected;
    if (as !== expected && input.familyKnown) {
      say(
        ctx,
        'error',
        'wrong-family',
        add.entries.get('as')?.value.range ?? add.range,
        `a ${cluster.replication} cluster adds nodes as ${expected}, not ${as}`,
      );
    }
    return { kind: 'addNode', id, as, engineVersion: read<number>(add, 'engineVersion') };
  }
  const failover = node('failover');
  if (failover !== undefined) return { kind: 'failover', node: failover };
  const offline = node('offline');
  if (offline !== undefined) return { kind: 'offline', client: offline };
  const online = node('online');
  if (online !== undefined) return { kind: 'online', client: online };
  return undefined;
}

function partitionOf(seq: CheckedSeq, ctx: NormalizeContext): FaultAction {
  const groups: string[][] = [];
  const seen = new Map<string, number>();
  for (const g of seq.items) {
    const group: string[] = [];
    for (const item of asSeq(g)?.items ?? []) {
      const s = asScalar(item);
      if (!s) continue;
      const id = s.parsed as string;
      const prevGroup = seen.get(id);
      if (prevGroup !== undefined) {
        const msg =
          prevGroup === groups.length
            ? `\`${id}\` appears twice in this group`
            : `\`${id}\` is already in group ${prevGroup + 1}: an actor belongs to at most one group`;
        say(ctx, 'error', 'partition-overlap', s.range, msg);
        continue;
      }
      seen.set(id, groups.length);
      group.push(id);
    }
    groups.push(group);
  }
  return { kind: 'partition', groups };
}

/** Checks that need the whole timeline in order. */
export function checkTimeline(
  events: ScenarioItem[],
  eventsSeq: CheckedSeq | undefined,
  cluster: ClusterConfig,
  untilMs: number | 'quiet',
  ctx: NormalizeContext,
) {
  const itemMap = (e: ScenarioItem) => asMap(eventsSeq?.items[e.index]);
  const actionRange = (e: ScenarioItem, key: string): Offsets => {
    const m = itemMap(e);
    return m?.entries.get(key)?.value.range ?? m?.range ?? [0, 0];
  };
  checkCrdtUse(events, cluster, actionRange, ctx);
  const added = new Map<string, number>();
  for (const e of events) if (e.type === 'fault' && e.action.kind === 'addNode') added.set(e.action.id, e.at);
  const down = new Set<string>();
  const offline = new Set<string>();
  for (const e of events) {
    if (typeof untilMs === 'number' && e.at > untilMs) {
      const m = itemMap(e);
      const at = m?.entries.get('at')?.value.range ?? m?.range ?? [0, 0];
      say(
        ctx,
        'warning',
        'after-until',
        at,
        `this item at ${formatMs(e.at)} is after run.until (${formatMs(untilMs)}): it never runs`,
      );
    }
    if (e.type !== 'fault') continue;
    const a = e.action;
    const nodeRef = 'node' in a ? a.node : undefined;
    if (nodeRef !== undefined) {
      const addedAt = added.get(nodeRef);
      if (addedAt !== undefined && addedAt > e.at) {
        say(
          ctx,
          'error',
          'before-added',
          actionRange(e, a.kind),
          `\`${nodeRef}\` only joins at ${formatMs(addedAt)} (addNode); this item is at ${formatMs(e.at)}`,
        );
      }
    }
    if (a.kind === 'crash') {
      // Crashing a crashed node again only matters if it now loses its disk too.
      if (down.has(a.node) && a.disk === 'kept') {
        say(ctx, 'warning', 'crash-crashed', actionRange(e, 'crash'), `\`${a.node}\` is already down here`);
      }
      down.add(a.node);
    } else if (a.kind === 'recover') {
      if (!down.has(a.node)) {
        say(
          ctx,
          'warning',
          'recover-running',
          actionRange(e, 'recover'),
          `\`${a.node}\` is not down here: nothing to recover`,
        );
      }
      down.delete(a.node);
    } else if (a.kind === 'offline') {
      offline.add(a.client);
    } else if (a.kind === 'online') {
      if (!offline.has(a.client)) {
        say(
          ctx,
          'warning',
          'online-not-offline',
          actionRange(e, 'online'),
          `\`${a.client}\` is not offline here`,
        );
      }
      offline.delete(a.client);
    }
  }
}

const CRDT_OF: Partial<Record<ClientAction['kind'], CrdtType>> = {
  increment: 'counter',
  add: 'set',
  remove: 'set',
};

function checkCrdtUse(
  events: ScenarioItem[],
  cluster: ClusterConfig,
  actionRange: (e: ScenarioItem, key: string) => Offsets,
  ctx: NormalizeContext,
) {
  const declared = cluster.replication === 'multi-leader' ? cluster.types : undefined;
  const usedAs = new Map<string, { type: CrdtType; line: number; op: string }>();
  for (const e of events) {
    if (e.type !== 'client') continue;
    const { kind, key } = e.action;
    const type = CRDT_OF[kind];
    const at = actionRange(e, kind);
    if (declared) {
      const d = declared[key];
      if (type && d !== type) {
        const msg = d
          ? `\`${key}\` is declared a ${d}; ${kind} needs a ${type}`
          : `${kind} needs a CRDT key: declare it in cluster.types (\`${key}: ${type}\`)`;
        say(ctx, 'error', d ? 'crdt-type-conflict' : 'crdt-untyped', at, msg);
        continue;
      }
      if (kind === 'write' && (d === 'counter' || d === 'set')) {
        const how = d === 'counter' ? 'increment' : 'add and remove';
        say(
          ctx,
          'error',
          'crdt-type-conflict',
          at,
          `\`${key}\` is declared a ${d}: change it with ${how}, not write`,
        );
        continue;
      }
    }
    if (!type) continue;
    const prev = usedAs.get(key);
    if (prev && prev.type !== type) {
      say(
        ctx,
        'error',
        'crdt-type-conflict',
        at,
        `\`${key}\` is used as a ${prev.type} (${prev.op} on line ${prev.line}) and as a ${type} here: a key has one CRDT type`,
      );
      continue;
    }
    if (!prev) usedAs.set(key, { type, line: e.line, op: kind });
  }
}

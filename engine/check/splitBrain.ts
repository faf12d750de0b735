// split-brain: two nodes act as leader at the same time and both acknowledge client writes.
//
// Single-leader only (in the other families every node accepts writes by design). A node acts as
// leader from the state event that sets its `role` field to 'leader' (or a recovery while that is
// its role) until its role changes or it crashes. A write is acknowledged by the node that served
// it (`result.servedBy`), at the first event on that node in the response's cause chain (the moment
// it sent the ack). Split brain: two nodes' leader spans overlap, and each acknowledged a write of
// the same replication group (shard, when the scenario has shards) inside the overlap. Reported
// once per pair of overlapping spans. With shards, roles are per group (`s1.role`) and both
// leaders must lead, and acknowledge writes of, the same group.

import type { History, OpRecord } from './history';
import { eventList, type Finding } from './observation';
import { fieldTimeline, groupOfField, groupOfKey, termSuffix } from './roles';

interface Span {
  node: number;
  /** Replication group ('' without shards). */
  group: string;
  start: number;
  /** Exclusive; Infinity while it still leads at the end. */
  end: number;
}

interface Ack {
  event: number;
  write: OpRecord;
  group: string;
}

const MAX_CAUSE_STEPS = 64;

export function findSplitBrain(h: History): Finding[] {
  if (h.scenario.cluster.replication !== 'single-leader') return [];
  const trace = h.trace;
  const spans = leaderSpans(h);
  if (spans.length < 2) return [];
  const acks = acksByNode(h);
  const terms = fieldTimeline(h, 'term');
  const out: Finding[] = [];
  for (let i = 0; i < spans.length; i++)
    for (let j = i + 1; j < spans.length; j++) {
      const x = spans[i]!;
      const y = spans[j]!;
      if (x.node === y.node || x.group !== y.group) continue;
      const from = Math.max(x.start, y.start);
      const to = Math.min(x.end, y.end);
      if (from >= to) continue;
      const ax = (acks.get(x.node) ?? []).filter((a) => a.event >= from && a.event < to);
      const ay = (acks.get(y.node) ?? []).filter((a) => a.event >= from && a.event < to);
      let pair: [Ack, Ack] | undefined;
      for (const a of ax) {
        if (a.group !== x.group) continue;
        const b = ay.find((c) => c.group === a.group);
        if (b) {
          pair = [a, b];
          break;
        }
      }
      if (!pair) continue;
      const [a, b] = pair[0].event < pair[1].event ? pair : [pair[1], pair[0]];
      const name = (ack: Ack) => {
        const node = trace.actorOf(ack.event);
        return `${h.actorName(node)}${termSuffix(terms, node, ack.group, ack.event)}`;
      };
      const until = to === Number.POSITIVE_INFINITY ? 'the end of the run' : h.time(to);
      out.push({
        kind: 'split-brain',
        event: b.event,
        key: a.write.info.dataKey,
        related: eventList(
          x.start,
          y.start,
          a.write.request,
          a.event,
          a.write.response,
          b.write.request,
          b.event,
          b.write.response,
        ),
        explain:
          `${name(a)} and ${name(b)} both acted as leader${x.group ? ` of ${x.group}` : ''} from ${h.time(from)} until ${until}: ` +
          `${h.actorName(trace.actorOf(a.event))} acknowledged ${h.describeWrite(a.write)} at ${h.time(a.event)} ` +
          `and ${h.actorName(trace.actorOf(b.event))} acknowledged ${h.describeWrite(b.write)} at ${h.time(b.event)}.`,
        ops: [a.write.key, b.write.key],
      });
    }
  return out;
}

function leaderSpans(h: History): Span[] {
  const trace = h.trace;
  const events = [
    ...h.fieldEvents.filter(
      (e) => h.isNode[trace.actorOf(e)] && groupOfField(trace.detail(e)?.field, 'role') !== undefined,
    ),
    ...h.lifeEvents,
  ].sort((a, b) => a - b);
  const role = new Map<string, unknown>();
  const groups = new Set<string>();
  const down = new Set<number>();
  const open = new Map<string, number>();
  const spans: Span[] = [];
  const update = (node: number, group: string, e: number) => {
    const id = `${node}\u0000${group}`;
    const leading = role.get(id) === 'leader' && !down.has(node);
    const start = open.get(id);
    if (leading && start === undefined) open.set(id, e);
    if (!leading && start !== undefined) {
      spans.push({ node, group, start, end: e });
      open.delete(id);
    }
  };
  for (const e of events) {
    const node = trace.actorOf(e);
    const kind = trace.kind(e);
    if (kind === 'state') {
      const group = groupOfField(trace.detail(e)?.field, 'role')!;
      groups.add(group);
      role.set(`${node}\u0000${group}`, trace.detail(e)?.value);
      update(node, group, e);
      continue;
    }
    if (kind === 'crash') down.add(node);
    else down.delete(node);
    for (const group of groups) update(node, group, e);
  }
  for (const [id, start] of open) {
    const [node, group] = id.split('\u0000') as [string, string];
    spans.push({ node: Number(node), group, start, end: Number.POSITIVE_INFINITY });
  }
  return spans.sort((a, b) => a.start - b.start);
}

function acksByNode(h: History): Map<number, Ack[]> {
  const trace = h.trace;
  const out = new Map<number, Ack[]>();
  for (const writes of h.writesByKey.values())
    for (const w of writes) {
      const by = w.result?.servedBy;
      if (!h.acked(w) || by === undefined) continue;
      const node = trace.actorIndex.get(by);
      if (node === undefined) continue;
      let e = trace.cause(w.response);
      for (let step = 0; e !== undefined && step < MAX_CAUSE_STEPS && trace.actorOf(e) !== node; step++)
        e = trace.cause(e);
      if (e === undefined || trace.actorOf(e) !== node) continue;
      const group = groupOfKey(h, w.info.dataKey);
      let l = out.get(node);
      if (!l) {
        l = [];
        out.set(node, l);
      }
      l.push({ event: e, write: w, group });
    }
  for (const l of out.values()) l.sort((a, b) => a.event - b.event);
  return out;
}

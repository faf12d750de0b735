// Evaluates a scenario's `expect` entries against a finished run. Each result says what was
// expected and what happened, and keeps the entry's line so editors and the CLI can point at it.

import type { Trace } from '../../traces/store';
import type { Anomaly, AnomalyKind, ExpectationResult, Value } from '../../traces/types';
import type { Expectation, Scenario } from '../scenario/model';
import { History } from './history';
import { compareReplicas, describeGroups } from './replicaComparison';
import { fieldTimeline, termSuffix, valueAt } from './roles';
import { formatSiblings, formatValueList, listJoin, sameValueSet, visible } from './values';

export function evaluateExpectations(
  scenario: Scenario,
  trace: Trace,
  anomalies: Anomaly[],
): ExpectationResult[] {
  if (scenario.expect.length === 0) return [];
  const h = new History(trace, scenario);
  return scenario.expect.map((x) => {
    const { passed, message } = evaluate(h, x, anomalies);
    return { line: x.line, text: x.text, passed, message };
  });
}

interface Verdict {
  passed: boolean;
  message: string;
}

function evaluate(h: History, x: Expectation, anomalies: Anomaly[]): Verdict {
  switch (x.kind) {
    case 'converged':
      return converged(h);
    case 'op':
      return x.fails !== undefined ? opFails(h, x.op, x.fails) : opReturns(h, x.op, x.returns ?? []);
    case 'anomaly':
      return anomalyFound(anomalies, x.anomaly, x.count);
    case 'no':
      return noAnomaly(anomalies, x.anomaly);
    case 'leader':
      return leaderAtEnd(h, x.node);
    case 'state':
      return stateOf(h, x.node, x.key, x.values);
  }
}

function converged(h: History): Verdict {
  const c = compareReplicas(h);
  const n = c.replicas.length;
  if (c.disagreements.length === 0) {
    return {
      passed: true,
      message: `all ${n} live ${n === 1 ? 'replica holds' : 'replicas hold'} the same data (${c.keys} ${c.keys === 1 ? 'key' : 'keys'})`,
    };
  }
  const shown = c.disagreements.slice(0, 3).map((d) => `${d.key}: ${describeGroups(h, d.groups)}`);
  const more = c.disagreements.length > 3 ? `; and ${c.disagreements.length - 3} more keys` : '';
  return {
    passed: false,
    message: `expected every live replica to hold the same data, but they disagree on ${shown.join('; ')}${more}`,
  };
}

function findOp(h: History, id: string) {
  for (const op of h.opList) if (op.info.id === id) return op;
  return h.ops.get(id);
}

function opFails(h: History, id: string, fails: boolean): Verdict {
  const op = findOp(h, id);
  if (!op)
    return { passed: false, message: `expected ${id} to ${fails ? 'fail' : 'succeed'} but it never ran` };
  if (op.response < 0 || !op.result) {
    return {
      passed: false,
      message: `expected ${id} to ${fails ? 'fail' : 'succeed'} but it had not completed when the run stopped`,
    };
  }
  const outcome = outcomeOf(op.info.kind, op.result.ok, op.result.error, op.result.values);
  const passed = fails ? !op.result.ok : op.result.ok;
  return {
    passed,
    message: passed
      ? `${id} ${outcome}`
      : `expected ${id} to ${fails ? 'fail' : 'succeed'} but it ${outcome}`,
  };
}

function outcomeOf(
  kind: string,
  ok: boolean,
  error: string | undefined,
  values: Parameters<typeof formatSiblings>[0],
): string {
  if (!ok) return `failed: ${error ?? 'no reason given'}`;
  return kind === 'read' ? `succeeded and returned ${formatSiblings(values)}` : 'succeeded';
}

function opReturns(h: History, id: string, expected: Value[]): Verdict {
  const want = formatValueList(expected);
  const op = findOp(h, id);
  if (!op) return { passed: false, message: `expected ${id} to return ${want} but it never ran` };
  if (op.response < 0 || !op.result) {
    return {
      passed: false,
      message: `expected ${id} to return ${want} but it had not completed when the run stopped`,
    };
  }
  if (!op.result.ok) {
    return {
      passed: false,
      message: `expected ${id} to return ${want} but it failed: ${op.result.error ?? 'no reason given'}`,
    };
  }
  const got = visible(op.result.values);
  const passed = sameValueSet(
    got.map((s) => s.value),
    expected,
  );
  return {
    passed,
    message: passed
      ? `${id} returned ${formatSiblings(got)}`
      : `expected ${id} to return ${want} but it returned ${formatSiblings(got)}`,
  };
}

function anomalyFound(anomalies: Anomaly[], kind: AnomalyKind, count: number | undefined): Verdict {
  const found = anomalies.filter((a) => a.kind === kind);
  const summary = summarize(found);
  if (count === undefined) {
    return found.length > 0
      ? { passed: true, message: `found ${found.length} ${kind}: ${summary}` }
      : { passed: false, message: `expected at least one ${kind} but found none` };
  }
  const passed = found.length === count;
  return {
    passed,
    message: passed
      ? `found exactly ${count} ${kind}${count > 0 ? `: ${summary}` : ''}`
      : `expected exactly ${count} ${kind} but found ${found.length}${found.length > 0 ? `: ${summary}` : ''}`,
  };
}

function noAnomaly(anomalies: Anomaly[], kind: AnomalyKind): Verdict {
  const found = anomalies.filter((a) => a.kind === kind);
  return found.length === 0
    ? { passed: true, message: `no ${kind}` }
    : { passed: false, message: `expected no ${kind} but found ${found.length}: ${summarize(found)}` };
}

function summarize(found: Anomaly[]): string {
  const shown = found.slice(0, 3).map((a) => a.explain);
  return shown.join(' ') + (found.length > 3 ? ` (and ${found.length - 3} more)` : '');
}

function leaderAtEnd(h: History, expected: string): Verdict {
  const live = h.nodes.filter((a) => h.up[a]);
  const roles = fieldTimeline(h, 'role');
  const terms = fieldTimeline(h, 'term');
  const groups = [...new Set([...roles.keys()].map((id) => id.split('\u0000')[1]!))].sort();
  const idx = h.trace.actorIndex.get(expected);
  const down = idx !== undefined && h.isNode[idx] && !h.up[idx] ? ` (${expected} is down)` : '';
  const leadersOf = (group: string) => live.filter((a) => valueAt(roles, a, group) === 'leader');
  const named = (a: number, group: string) => h.actorName(a) + termSuffix(terms, a, group);

  if (groups.length === 0) {
    // No node records a role: fall back on who the live nodes believe leads.
    const beliefs = fieldTimeline(h, 'leader');
    const votes = new Map<string, number>();
    for (const a of live) {
      const l = valueAt(beliefs, a, '');
      if (typeof l === 'string') votes.set(l, (votes.get(l) ?? 0) + 1);
    }
    const best = [...votes].sort((x, y) => y[1] - x[1])[0]?.[0];
    if (best === expected)
      return { passed: true, message: `the live nodes take ${expected} to be the leader at the end` };
    return {
      passed: false,
      message: `expected ${expected} to lead at the end but ${best ? `the live nodes take ${best} to be the leader` : 'no node records who leads'}${down}`,
    };
  }

  if (groups.length === 1) {
    const group = groups[0]!;
    const leaders = leadersOf(group);
    if (leaders.length === 1 && h.actorName(leaders[0]!) === expected) {
      return { passed: true, message: `${named(leaders[0]!, group)} leads at the end` };
    }
    if (leaders.length === 0) {
      return {
        passed: false,
        message: `expected ${expected} to lead at the end but no live node leads${down}`,
      };
    }
    const who = listJoin(leaders.map((a) => named(a, group)));
    return {
      passed: false,
      message: `expected ${expected} to lead at the end but ${who} ${leaders.length > 1 ? 'all act as leader' : 'leads'}${down}`,
    };
  }

  // Shards: the node must be the only leader of at least one group.
  const summary = groups.map((g) => `${g}: ${listJoin(leadersOf(g).map((a) => named(a, g))) || 'none'}`);
  const led = groups.filter((g) => {
    const l = leadersOf(g);
    return l.length === 1 && h.actorName(l[0]!) === expected;
  });
  if (led.length > 0) {
    return { passed: true, message: `${expected} leads ${listJoin(led)} at the end (${summary.join('; ')})` };
  }
  return {
    passed: false,
    message: `expected ${expected} to lead at the end but the leaders are ${summary.join('; ')}${down}`,
  };
}

function stateOf(h: History, node: string, key: string, expected: Value[]): Verdict {
  const want = formatValueList(expected);
  const idx = h.trace.actorIndex.get(node);
  if (idx === undefined)
    return {
      passed: false,
      message: `expected ${node} to hold ${key} = ${want} but there is no ${node} in the run`,
    };
  const siblings = visible(h.finalData[idx]!.get(key)?.siblings);
  const down = h.isNode[idx] && !h.up[idx] ? ` (${node} is down at the end)` : '';
  const passed = sameValueSet(
    siblings.map((s) => s.value),
    expected,
  );
  return {
    passed,
    message: passed
      ? `${node} holds ${key} = ${formatSiblings(siblings)}${down}`
      : `expected ${node} to hold ${key} = ${want} but it holds ${formatSiblings(siblings)}${down}`,
  };
}

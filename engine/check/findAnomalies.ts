// Every anomaly of a run: the protocol-independent checkers over the trace, plus what protocols
// reported themselves (trace events of kind `anomaly`), merged and sorted by event.

import type { Trace } from '../../traces/store';
import { ANOMALY_KINDS, type Anomaly, type AnomalyKind } from '../../traces/types';
import type { Scenario } from '../scenario/model';
import { findCausalityViolations } from './causalityViolation';
import { findConflicts } from './conflict';
import { findConsistentPrefixViolations } from './consistentPrefix';
import { findDivergence } from './divergence';
import { History } from './history';
import { findLostWrites } from './lostWrite';
import { findMonotonicReadViolations } from './monotonicReads';
import type { Finding } from './observation';
import { findSplitBrain } from './splitBrain';
import { findStaleReads } from './staleReads';

const KINDS = new Set<string>(ANOMALY_KINDS);

export function findAnomalies(trace: Trace, scenario: Scenario): Anomaly[] {
  const h = new History(trace, scenario);
  const found: Finding[] = [
    ...findStaleReads(h),
    ...findMonotonicReadViolations(h),
    ...findConsistentPrefixViolations(h),
    ...findLostWrites(h),
    ...findDivergence(h),
    ...findConflicts(h),
    ...findSplitBrain(h),
    ...findCausalityViolations(h),
  ];
  return merge(found, reportedByProtocols(h));
}

/** Anomaly events a protocol recorded through `out.anomaly`. */
export function reportedByProtocols(h: History): Anomaly[] {
  const out: Anomaly[] = [];
  for (const e of h.anomalyEvents) {
    const d = h.trace.detail(e);
    const detail = d?.detail ?? {};
    const kind = detail.kind;
    if (typeof kind !== 'string' || !KINDS.has(kind)) continue;
    const explain = typeof detail.explain === 'string' ? detail.explain : (d?.text ?? kind);
    const related = Array.isArray(detail.related)
      ? detail.related.filter((x): x is number => Number.isInteger(x) && x >= 0 && x < h.trace.length)
      : [];
    const a: Anomaly = {
      kind: kind as AnomalyKind,
      event: e,
      explain,
      related: [...new Set(related)].sort((x, y) => x - y),
    };
    if (typeof detail.key === 'string') a.key = detail.key;
    out.push(a);
  }
  return out;
}

/**
 * A protocol's report and a checker's finding describe the same anomaly when they have the same
 * kind and key and either share a related event or the protocol's explanation names one of the
 * finding's ops. The protocol's report is kept (it knows why), with the finding's evidence added.
 */
function merge(found: Finding[], reported: Anomaly[]): Anomaly[] {
  const out: Anomaly[] = reported.map((a) => ({ ...a, related: [...a.related] }));
  for (const f of found) {
    const same = out.find(
      (r, i) =>
        i < reported.length &&
        r.kind === f.kind &&
        (r.key === undefined || f.key === undefined || r.key === f.key) &&
        (r.related.some((x) => f.related.includes(x)) || f.ops.some((o) => mentions(r.explain, o))),
    );
    if (same) {
      same.related = [...new Set([...same.related, ...f.related])].sort((x, y) => x - y);
      same.key ??= f.key;
      continue;
    }
    const a: Anomaly = { kind: f.kind, event: f.event, explain: f.explain, related: f.related };
    if (f.key !== undefined) a.key = f.key;
    out.push(a);
  }
  const unique = new Map<string, Anomaly>();
  for (const a of out) {
    const id = `${a.kind}\u0000${a.event}\u0000${a.explain}`;
    if (!unique.has(id)) unique.set(id, a);
  }
  return [...unique.values()].sort(
    (x, y) => x.event - y.event || ANOMALY_KINDS.indexOf(x.kind) - ANOMALY_KINDS.indexOf(y.kind),
  );
}

/** Whether `text` names op `op` as a whole word (`alice#1` must not match `alice#12`). */
function mentions(text: string, op: string): boolean {
  const idChar = /[A-Za-z0-9_#-]/;
  for (let i = text.indexOf(op); i >= 0; i = text.indexOf(op, i + 1)) {
    const before = text[i - 1] ?? ' ';
    const after = text[i + op.length] ?? ' ';
    const afterNext = text[i + op.length + 1] ?? ' ';
    const endsWord = !idChar.test(after) && !(after === '.' && idChar.test(afterNext));
    if (!idChar.test(before) && before !== '.' && endsWord) return true;
  }
  return false;
}

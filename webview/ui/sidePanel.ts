// The panel beside the diagram: the selected event (clock, versions, details), how two selected
// events relate, every replica's state at the selected time, and the run's anomalies.
import type { ActorState, TraceReplay } from '../../traces/replay';
import type { Anomaly, Sibling } from '../../traces/types';
import { describeRelation, formatVector } from '../model/causality';
import { eventLabel, eventSummary, formatTime, formatValue, roundMs } from '../model/describe';
import { NONE, type TimelineModel } from '../model/timelineModel';
import { h } from './dom';

export interface PanelActions {
  select(event: number): void;
  jumpTo(event: number): void;
  showAnomaly(a: Anomaly): void;
}

function eventLink(model: TimelineModel, id: number, act: PanelActions, text?: string): HTMLElement {
  const a = h('a', { href: '#', class: 'event-link', title: eventLabel(model, id) }, text ?? `#${id}`);
  a.addEventListener('click', (ev) => {
    ev.preventDefault();
    act.select(id);
  });
  return a;
}

export function siblingVersion(s: Sibling): string {
  const parts: string[] = [];
  if (s.version !== undefined) parts.push(`v${s.version}`);
  if (s.vv) parts.push(formatVector(s.vv));
  if (s.dot) parts.push(`dot ${s.dot[0]}:${s.dot[1]}`);
  if (s.ts !== undefined) parts.push(`ts ${roundMs(s.ts)}`);
  return parts.join(' ');
}

function siblingList(list: Sibling[] | undefined): HTMLElement {
  if (!list || list.length === 0) return h('span', { class: 'muted' }, '(none)');
  const live = list.filter((s) => !s.tombstone);
  return h(
    'ul',
    { class: live.length > 1 ? 'siblings conflict' : 'siblings' },
    ...list.map((s) =>
      h(
        'li',
        {},
        h(
          'span',
          { class: s.tombstone ? 'value tombstone' : 'value' },
          s.tombstone ? '(deleted)' : formatValue(s.value),
        ),
        ' ',
        h('span', { class: 'version' }, siblingVersion(s)),
        s.op ? h('span', { class: 'muted' }, ` by ${s.op}`) : null,
      ),
    ),
  );
}

function row(name: string, value: Node | string): HTMLElement {
  return h('div', { class: 'kv' }, h('span', { class: 'k' }, name), h('span', { class: 'v' }, value));
}

export function renderEventDetails(
  model: TimelineModel,
  id: number,
  second: number,
  act: PanelActions,
): HTMLElement {
  const t = model.trace;
  if (id === NONE || id >= t.length)
    return h(
      'p',
      { class: 'muted' },
      'Click an event to see its vector clock, versions and causal past and future. Shift-click a second event to compare.',
    );
  const d = t.detail(id);
  const box = h('section', { class: 'event-details', 'aria-label': `Event ${id}` });
  box.append(h('h3', {}, `#${id} ${t.kind(id)} on ${t.actorId(t.actorOf(id))}`));
  box.append(h('p', { class: 'summary' }, eventSummary(model, id)));
  box.append(row('time', formatTime(t.time(id))));
  if (t.line(id) !== undefined) box.append(row('scenario line', String(t.line(id))));
  const cause = t.cause(id);
  if (cause !== undefined) box.append(row('cause', eventLink(model, cause, act)));
  const partner = model.partner[id]!;
  if (partner !== NONE)
    box.append(row(t.kind(id) === 'send' ? 'arrives' : 'sent at', eventLink(model, partner, act)));
  box.append(row('vector clock', h('code', { class: 'vc' }, formatVector(t.vc(id)))));
  if (d?.key !== undefined && (d.before || d.after)) {
    box.append(row('key', d.key));
    box.append(row('before', siblingList(d.before)));
    box.append(row('after', siblingList(d.after)));
  }
  if (d?.field !== undefined)
    box.append(row('field', `${d.field} = ${JSON.stringify(d.value ?? d.append ?? d.truncate)}`));
  if (d?.op)
    box.append(
      row(
        'operation',
        `${d.op.kind} ${d.op.dataKey}${d.op.value !== undefined ? ` = ${formatValue(d.op.value)}` : ''} (${d.op.key})`,
      ),
    );
  if (d?.result) {
    const r = d.result;
    box.append(
      row(
        'result',
        r.ok ? (r.values ? siblingList(r.values) : 'ok') : h('span', { class: 'error' }, r.error ?? 'failed'),
      ),
    );
    if (r.servedBy) box.append(row('served by', r.servedBy));
  }
  if (d?.payload) {
    const text = JSON.stringify(d.payload);
    box.append(
      row('payload', h('code', { class: 'payload' }, text.length > 400 ? `${text.slice(0, 400)}…` : text)),
    );
  }
  if (d?.reason) box.append(row('reason', d.reason));
  const anomalies = model.anomaliesAt.get(id) ?? [];
  for (const a of anomalies) box.append(anomalyItem(model, a, act));
  const jump = h(
    'vscode-button',
    { secondary: true, 'aria-label': `Move the debugger to event ${id}` },
    'Jump debugger here',
  );
  jump.addEventListener('click', () => act.jumpTo(id));
  box.append(h('div', { class: 'actions' }, jump));
  if (second !== NONE && second < t.length) {
    box.append(
      h(
        'div',
        { class: 'relation', role: 'status' },
        h('strong', {}, 'a = '),
        eventLink(model, id, act),
        ', ',
        h('strong', {}, 'b = '),
        eventLink(model, second, act),
        h('p', {}, describeRelation(t, id, second)),
        h('p', { class: 'muted' }, `a ${formatVector(t.vc(id))}  b ${formatVector(t.vc(second))}`),
      ),
    );
  }
  return box;
}

export function anomalyItem(model: TimelineModel, a: Anomaly, act: PanelActions): HTMLElement {
  const item = h(
    'div',
    { class: 'anomaly', role: 'group', 'aria-label': `Anomaly ${a.kind} at event ${a.event}` },
    h('vscode-badge', { variant: 'counter', class: 'anomaly-kind' }, a.kind),
    ' at ',
    eventLink(model, a.event, act),
    a.key ? h('span', { class: 'muted' }, ` (key ${a.key})`) : null,
    h('p', {}, a.explain),
  );
  if (a.related?.length) {
    const rel = h('p', { class: 'related' }, 'Proof: ');
    a.related.forEach((r, i) => {
      if (i) rel.append(', ');
      rel.append(r < model.length ? eventLink(model, r, act) : `#${r}`);
    });
    item.append(rel);
  }
  const show = h('vscode-button', { secondary: true }, 'Show on timeline');
  show.addEventListener('click', () => act.showAnomaly(a));
  item.append(show);
  return item;
}

/** The anomaly list shows this many at most; a big run has thousands and "next anomaly" walks them all. */
export const ANOMALY_LIST_MAX = 200;

export function renderAnomalies(model: TimelineModel, act: PanelActions): HTMLElement {
  const list = model.trace.anomalies.filter((a) => a.event < model.length);
  if (list.length === 0) return h('p', { class: 'muted' }, 'No anomalies in this run.');
  const box = h(
    'div',
    { class: 'anomaly-list' },
    ...list.slice(0, ANOMALY_LIST_MAX).map((a) => anomalyItem(model, a, act)),
  );
  if (list.length > ANOMALY_LIST_MAX)
    box.append(
      h(
        'p',
        { class: 'muted' },
        `…and ${(list.length - ANOMALY_LIST_MAX).toLocaleString('en')} more: N steps through every anomaly, and the filter "Only events in anomalies" shows them all.`,
      ),
    );
  return box;
}

const sigOf = (list: Sibling[] | undefined): string =>
  JSON.stringify(
    (list ?? []).map((s) => [s.tombstone ? null : s.value, s.version ?? null, s.vv ?? null, s.ts ?? null]),
  );

/**
 * Every replica's data at an event: one row per key, one column per node; cells that differ from
 * the value most replicas hold are marked, and keys holding several siblings are flagged.
 */
export function renderState(model: TimelineModel, replay: TraceReplay, at: number): HTMLElement {
  const t = model.trace;
  if (t.length === 0) return h('p', { class: 'muted' }, 'No events yet.');
  const event = Math.min(Math.max(at, 0), t.length - 1);
  const state = replay.stateAt(event);
  const nodes = t.actors.filter((a) => a.kind === 'node' && state[a.id]).map((a) => a.id);
  const keys = new Set<string>();
  for (const id of nodes) for (const k of Object.keys(state[id]!.data)) keys.add(k);
  const box = h('section', { class: 'state', 'aria-label': `Replica state after event ${event}` });
  box.append(h('h3', {}, `Replicas after #${event} (${formatTime(t.time(event))})`));
  if (keys.size === 0) box.append(h('p', { class: 'muted' }, 'No data written yet.'));
  else {
    const table = h('table', { class: 'data-table state-table' });
    table.append(
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', {}, 'key'),
          ...nodes.map((n) =>
            h('th', { class: state[n]!.up ? '' : 'down' }, state[n]!.up ? n : `${n} (down)`),
          ),
        ),
      ),
    );
    const body = h('tbody');
    for (const key of [...keys].sort()) {
      const sigs = nodes.map((n) => sigOf(state[n]!.data[key]));
      const tally = new Map<string, number>();
      for (const s of sigs) tally.set(s, (tally.get(s) ?? 0) + 1);
      const majority = [...tally.entries()].sort((a, b) => b[1] - a[1])[0]![0];
      const diverged = tally.size > 1;
      const tr = h(
        'tr',
        { class: diverged ? 'diverged' : '' },
        h('th', { scope: 'row' }, diverged ? `${key} ≠` : key),
      );
      nodes.forEach((n, i) => {
        const s: ActorState = state[n]!;
        const cell = h('td', { class: sigs[i] !== majority ? 'differs' : '' }, siblingList(s.data[key]));
        if (sigs[i] !== majority) cell.setAttribute('aria-label', `${n} differs from the other replicas`);
        tr.append(cell);
      });
      body.append(tr);
    }
    table.append(body);
    box.append(table);
  }
  // Protocol fields the debugger shows (role, term, leader, log length, ...).
  const fieldNames = new Set<string>();
  for (const id of nodes) for (const f of Object.keys(state[id]!.fields)) fieldNames.add(f);
  if (fieldNames.size) {
    const table = h('table', { class: 'data-table fields-table' });
    table.append(h('thead', {}, h('tr', {}, h('th', {}, 'field'), ...nodes.map((n) => h('th', {}, n)))));
    const body = h('tbody');
    for (const f of [...fieldNames].sort()) {
      body.append(
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, f),
          ...nodes.map((n) => {
            const v = state[n]!.fields[f];
            const text = Array.isArray(v)
              ? `${v.length} entries`
              : v === undefined
                ? ''
                : typeof v === 'string'
                  ? v
                  : JSON.stringify(v);
            return h('td', {}, text.length > 60 ? `${text.slice(0, 60)}…` : text);
          }),
        ),
      );
    }
    table.append(body);
    box.append(table);
  }
  const inflight = replay.inflightAt(event);
  box.append(h('h4', {}, `In flight: ${inflight.length}`));
  if (inflight.length)
    box.append(
      h(
        'ul',
        { class: 'inflight' },
        ...inflight.slice(0, 50).map((m) => h('li', {}, `${m.type} ${m.from} → ${m.to} (sent #${m.send})`)),
      ),
    );
  return box;
}

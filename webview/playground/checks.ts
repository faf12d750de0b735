// The run's verdicts: every anomaly the checkers found (with links to the event where it shows and
// the events that prove it) and every `expect` entry of the scenario (with a link to its line).
import type { Anomaly, ExpectationResult } from '../../traces/types';
import { h } from '../ui/dom';

export interface CheckActions {
  goToEvent(event: number): void;
  goToLine(line: number): void;
}

function eventButton(event: number, act: CheckActions, label?: string): HTMLElement {
  const b = h(
    'button',
    { type: 'button', class: 'pg-link', 'aria-label': `Go to event ${event}` },
    label ?? `#${event}`,
  );
  b.addEventListener('click', () => act.goToEvent(event));
  return b;
}

export function renderChecks(
  anomalies: readonly Anomaly[],
  expectations: readonly ExpectationResult[],
  act: CheckActions,
): HTMLElement {
  const box = h('div', { class: 'pg-checks' });
  const failed = expectations.filter((e) => !e.passed).length;
  box.append(
    h(
      'h3',
      {},
      expectations.length === 0
        ? 'Expectations: none in this scenario'
        : `Expectations: ${expectations.length - failed} passed, ${failed} failed`,
    ),
  );
  if (expectations.length) {
    const list = h('ul', { class: 'pg-expectations' });
    for (const e of expectations) {
      const line = h(
        'button',
        {
          type: 'button',
          class: 'pg-link',
          'aria-label': `Show expectation at line ${e.line} in the editor`,
        },
        `line ${e.line}`,
      );
      line.addEventListener('click', () => act.goToLine(e.line));
      list.append(
        h(
          'li',
          { class: e.passed ? 'passed' : 'failed' },
          h('span', {
            class: `codicon codicon-${e.passed ? 'pass' : 'error'}`,
            role: 'img',
            'aria-label': e.passed ? 'passed' : 'failed',
          }),
          ' ',
          h('code', {}, e.text),
          ' ',
          line,
          e.message ? h('div', { class: 'pg-muted' }, e.message) : null,
        ),
      );
    }
    box.append(list);
  }
  box.append(
    h('h3', {}, anomalies.length === 0 ? 'Anomalies: none found' : `Anomalies: ${anomalies.length}`),
  );
  if (anomalies.length) {
    const list = h('ul', { class: 'pg-anomalies' });
    for (const a of anomalies) {
      const item = h(
        'li',
        {},
        h('span', { class: 'pg-anomaly-kind' }, a.kind),
        ' at ',
        eventButton(a.event, act),
        a.key ? h('span', { class: 'pg-muted' }, ` (key ${a.key})`) : null,
        h('div', {}, a.explain),
      );
      if (a.related.length) {
        const proof = h('div', { class: 'pg-muted' }, 'Proof: ');
        a.related.forEach((r, i) => {
          if (i) proof.append(', ');
          proof.append(eventButton(r, act));
        });
        item.append(proof);
      }
      list.append(item);
    }
    box.append(list);
  }
  return box;
}

import { describe, expect, it } from 'vitest';
import { sampleTrace, TraceScript } from '../sample';
import { expectGolden } from './golden-file';
import { exportMermaid } from './mermaid';

describe('Mermaid export', () => {
  const trace = sampleTrace();

  it('matches the golden diagram', () => {
    expectGolden('sample.mmd', exportMermaid(trace));
  });

  it('declares participants and draws one arrow per delivery and a cross per drop', () => {
    const text = exportMermaid(trace);
    const lines = text.split('\n');
    expect(lines[0]).toBe('sequenceDiagram');
    expect(lines.filter((l) => /^ {2}(participant|actor) /.test(l))).toEqual([
      '  participant A0 as leader',
      '  participant A1 as f1',
      '  participant A2 as f2',
      '  actor A3 as alice',
      '  actor A4 as bob',
    ]);
    expect(lines.filter((l) => l.includes('->>'))).toHaveLength(6);
    expect(lines.filter((l) => l.includes('-x'))).toEqual(['  A0-xA2: Replicate dropped (crashed)']);
    expect(lines.some((l) => l.startsWith('  Note over A4: ⚠ stale-read: bob read nothing'))).toBe(true);
    expect(lines).toContain('  Note over A2: 💥 crash');
  });

  it('cuts a long trace to a window and says so', () => {
    const s = new TraceScript([
      ['a', 'node'],
      ['b', 'node'],
    ]);
    for (let i = 0; i < 50; i++) {
      const [send, m] = s.send('a', 'b', { type: 'Ping' });
      s.deliver(m, send);
    }
    const text = exportMermaid(s.trace, { from: 10, maxEvents: 20 });
    expect(text).toContain('Note over A0,A1: showing events 10–29 of 100 (window of 20)');
    expect(text).toContain('Note over A0,A1: … 70 more events not shown');
    expect(text.split('\n').filter((l) => l.includes('->>'))).toHaveLength(10);
  });

  it('entity-codes characters that would break the diagram', () => {
    const s = new TraceScript([['a', 'node']]);
    s.event('a', 'note', { text: 'x; y # <b>' });
    expect(exportMermaid(s.trace)).toContain('Note over A0: x#59; y #35; #60;b#62;');
  });
});

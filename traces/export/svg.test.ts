import { describe, expect, it } from 'vitest';
import { sampleTrace, TraceScript } from '../sample';
import { expectGolden } from './golden-file';
import { exportSvg } from './svg';

/** Every element opened is closed in order (a cheap well-formedness check). */
function balanced(svg: string): boolean {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (m[3] === '/') continue;
    if (m[1] === '/') {
      if (stack.pop() !== m[2]) return false;
    } else stack.push(m[2]!);
  }
  return stack.length === 0;
}

describe('SVG export', () => {
  const trace = sampleTrace();

  it('matches the golden picture', () => {
    expectGolden('sample.svg', exportSvg(trace));
  });

  it('draws lanes, events, arrows, a drop cross, crash shading and the anomaly badge', () => {
    const svg = exportSvg(trace);
    expect(balanced(svg)).toBe(true);
    expect(svg.match(/<line class="lane"/g)).toHaveLength(5);
    expect(svg.match(/<circle class="ev /g)).toHaveLength(trace.length - 3); // partition, drop, heal are network events
    expect(svg.match(/<line class="msg"/g)).toHaveLength(6);
    expect(svg.match(/<line class="msg dropped"/g)).toHaveLength(1);
    expect(svg.match(/<path class="cross"/g)).toHaveLength(1);
    expect(svg.match(/<rect class="down"/g)).toHaveLength(1);
    expect(svg.match(/<rect class="cutoff"/g)).toHaveLength(5);
    expect(svg).toContain(
      '<title>stale-read: bob read nothing from f2 after alice’s write of x=1 was acknowledged.</title>',
    );
    expect(svg).toContain('partition [leader, f2, alice, bob] | [f1]');
  });

  it('clips a big trace with a note, and draws undelivered messages dashed', () => {
    const s = new TraceScript([
      ['a', 'node'],
      ['b', 'node'],
    ]);
    for (let i = 0; i < 100; i++) s.send('a', 'b', { type: 'Ping' });
    const svg = exportSvg(s.trace, { maxEvents: 40 });
    expect(balanced(svg)).toBe(true);
    expect(svg.match(/<circle class="ev /g)).toHaveLength(40);
    expect(svg.match(/<line class="msg inflight"/g)).toHaveLength(40);
    expect(svg).toContain('events 0–39 of 100 (clipped: at most 40 events are drawn)');
  });

  it('escapes names and text', () => {
    const s = new TraceScript([['<n&1>', 'node']]);
    s.event('<n&1>', 'note', { text: 'a < b & "c"' });
    const svg = exportSvg(s.trace);
    expect(svg).toContain('&lt;n&amp;1&gt;');
    expect(svg).toContain('a &lt; b &amp; &quot;c&quot;');
    expect(balanced(svg)).toBe(true);
  });
});

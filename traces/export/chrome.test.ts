import { describe, expect, it } from 'vitest';
import { sampleTrace } from '../sample';
import { exportChrome, exportChromeJson } from './chrome';
import { expectGolden } from './golden-file';

describe('Chrome trace export', () => {
  const trace = sampleTrace();

  it('matches the golden file', () => {
    expectGolden('sample.chrome.json', exportChromeJson(trace));
  });

  it('names one track per actor and pairs every flow start with an end', () => {
    const { traceEvents } = JSON.parse(exportChromeJson(trace)) as ReturnType<typeof exportChrome>;
    const names = traceEvents.filter((e) => e.name === 'thread_name').map((e) => [e.tid, e.args?.name]);
    expect(names).toEqual(trace.actors.map((a, i) => [i + 1, a.id]));
    const starts = traceEvents.filter((e) => e.ph === 's').map((e) => e.id);
    const ends = traceEvents.filter((e) => e.ph === 'f').map((e) => e.id);
    expect(starts).toHaveLength(7);
    expect([...ends].sort()).toEqual([...starts].sort());
    // Every flow binds to a 1 µs slice at the same place.
    for (const f of traceEvents.filter((e) => e.ph === 's' || e.ph === 'f')) {
      expect(traceEvents.some((x) => x.ph === 'X' && x.tid === f.tid && x.ts === f.ts)).toBe(true);
    }
  });

  it('shows the crash as a down slice and the anomaly as an instant, in microseconds', () => {
    const { traceEvents } = exportChrome(trace);
    const f2 = trace.actorIndex.get('f2')! + 1;
    expect(traceEvents.find((e) => e.name === 'down')).toMatchObject({ tid: f2, ts: 4000, dur: 8000 });
    expect(traceEvents.find((e) => e.cat === 'anomaly')).toMatchObject({
      name: 'anomaly: stale-read',
      ts: 16000,
    });
  });
});

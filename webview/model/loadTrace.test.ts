import { describe, expect, it } from 'vitest';
import { TraceError, traceToFile } from '../../traces/io';
import { toTransfer } from '../../traces/transfer';
import { syntheticTrace } from '../testing/syntheticTrace';
import { applyAppend, loadTrace, TraceLoadError } from './loadTrace';

const file = traceToFile(syntheticTrace({ events: 300 }));

describe('applyAppend', () => {
  it('appends events that continue the trace', () => {
    const t = loadTrace({ trace: { ...file, events: file.events.slice(0, 200), anomalies: [] } });
    applyAppend(t, 200, file.events.slice(200), file.anomalies);
    expect(t.length).toBe(300);
    expect(t.anomalies).toEqual(file.anomalies);
  });

  it('replaces everything from a fork point', () => {
    const t = loadTrace({ trace: file });
    applyAppend(t, 250, file.events.slice(250, 260), []);
    expect(t.length).toBe(260);
    expect(t.anomalies.every((a) => a.event < 250)).toBe(true);
  });

  it('leaves the trace as it was when any event of the message is bad', () => {
    const t = loadTrace({ trace: file });
    const bad = [file.events[100]!, { ...file.events[101]!, actor: 'nobody' }];
    expect(() => applyAppend(t, 100, bad, [])).toThrow(/event 101: unknown actor "nobody"/);
    expect(t.length).toBe(300);
    expect(t.anomalies).toEqual(file.anomalies);
    expect(t.time(299)).toBe(file.events[299]!.time);
  });

  it('refuses an anomaly beyond the appended events, changing nothing', () => {
    const t = loadTrace({ trace: file });
    const anomaly = { kind: 'stale-read', event: 400, explain: 'x' } as (typeof file.anomalies)[number];
    expect(() => applyAppend(t, 300, [], [anomaly])).toThrow(TraceLoadError);
    expect(t.length).toBe(300);
  });

  it('refuses a gap', () => {
    const t = loadTrace({ trace: file });
    expect(() => applyAppend(t, 301, [], [])).toThrow(/starts at event 301 but the timeline has 300/);
  });
});

describe('loadTrace', () => {
  it('builds from a transfer the same trace as from the JSON object form', () => {
    const fromJson = loadTrace({ trace: file });
    const fromColumns = loadTrace({ transfer: structuredClone(toTransfer(syntheticTrace({ events: 300 }))) });
    expect(fromColumns.length).toBe(300);
    for (let e = 0; e < 300; e++) expect(fromColumns.event(e)).toEqual(fromJson.event(e));
    expect(fromColumns.anomalies).toEqual(fromJson.anomalies);
  });

  it('appends after a transfer load as after a JSON load', () => {
    const t = loadTrace({
      transfer: toTransfer(
        loadTrace({ trace: { ...file, events: file.events.slice(0, 200), anomalies: [] } }),
      ),
    });
    applyAppend(t, 200, file.events.slice(200), file.anomalies);
    const whole = loadTrace({ trace: file });
    expect(t.length).toBe(300);
    for (let e = 190; e < 300; e++) expect(t.event(e)).toEqual(whole.event(e));
  });

  it('refuses a corrupt transfer with the reason', () => {
    const transfer = toTransfer(syntheticTrace({ events: 50 }));
    transfer.kindCol[7] = 99;
    expect(() => loadTrace({ transfer })).toThrow(TraceError);
    expect(() => loadTrace({ transfer })).toThrow(/corrupt: event 7 has kind code 99/);
  });
});

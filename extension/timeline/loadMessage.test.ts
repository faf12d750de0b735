import { describe, expect, it } from 'vitest';
import { TraceError, traceToJson, traceToNdjson } from '../../traces/io';
import { sampleTrace } from '../../traces/sample';
import { loadTrace } from '../../webview/model/loadTrace';
import { validateHostMessage } from '../../webview/protocol';
import { traceFileMessage } from './loadMessage';

describe('traceFileMessage', () => {
  const sample = sampleTrace();

  it.each([
    ['JSON', traceToJson(sample)],
    ['NDJSON', traceToNdjson(sample)],
  ])('sends a readable %s trace file as a transfer the view loads to the same events', (_, text) => {
    const m = traceFileMessage(text, 'run.trace.json');
    expect(m.type === 'load' && 'transfer' in m).toBe(true);
    const checked = validateHostMessage(structuredClone(m));
    expect(checked.ok).toBe(true);
    if (!checked.ok || checked.value.type !== 'load') return;
    const shown = loadTrace(checked.value);
    expect(shown.length).toBe(sample.length);
    for (let e = 0; e < sample.length; e++) expect(shown.event(e)).toEqual(sample.event(e));
    expect(shown.anomalies).toEqual(sample.anomalies);
  });

  it('sends a bad file as text, so the view says where it is wrong', () => {
    const text = traceToJson(sample).replace('"kind":"deliver"', '"kind":"teleport"');
    const m = traceFileMessage(text, 'bad.trace.json');
    expect(m).toEqual({ type: 'load', text, title: 'bad.trace.json' });
    if (m.type !== 'load' || !('text' in m)) return;
    expect(() => loadTrace(m)).toThrow(TraceError);
    expect(() => loadTrace(m)).toThrow(/unknown kind "teleport"/);
  });
});

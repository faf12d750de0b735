import { describe, expect, it } from 'vitest';
import { TraceError, traceToJson, traceToNdjson } from '../../traces/io';
import { sampleTrace } from '../../traces/sample';
import { attachDetails } from '../../traces/transfer';
import { loadShown, loadTrace } from '../../webview/model/loadTrace';
import { validateHostMessage } from '../../webview/protocol';
import { traceFileTrace, traceMessages } from './loadMessage';

describe('the messages that show a trace', () => {
  const sample = sampleTrace();

  it.each([
    ['JSON', traceToJson(sample)],
    ['NDJSON', traceToNdjson(sample)],
  ])('send a readable %s trace file as a head the view draws, then details that complete it', (_, text) => {
    const trace = traceFileTrace(text);
    expect(trace).toBeDefined();
    const { load, details } = traceMessages(trace!, { title: 'run.trace.json' });
    const first = validateHostMessage(structuredClone(load));
    expect(first.ok).toBe(true);
    if (!first.ok || first.value.type !== 'load') return;
    expect(first.value.title).toBe('run.trace.json');
    const { trace: drawn, head } = loadShown(first.value);
    expect(head).toBeDefined();
    expect(drawn.length).toBe(sample.length);
    expect(drawn.anomalies).toEqual(sample.anomalies);
    const parts = Array.from({ length: details.count }, (_, i) => {
      const m = validateHostMessage(structuredClone(details.message(i)));
      if (!m.ok || m.value.type !== 'loadDetails') throw new Error(`part ${i} is not loadDetails`);
      return m.value.details;
    });
    const shown = attachDetails(head!, parts);
    for (let e = 0; e < sample.length; e++) expect(shown.event(e)).toEqual(sample.event(e));
  });

  it('leave a bad file to be sent as text, so the view says where it is wrong', () => {
    const text = traceToJson(sample).replace('"kind":"deliver"', '"kind":"teleport"');
    expect(traceFileTrace(text)).toBeUndefined();
    expect(() => loadTrace({ text })).toThrow(TraceError);
    expect(() => loadTrace({ text })).toThrow(/unknown kind "teleport"/);
  });
});

import { describe, expect, it } from 'vitest';
import { importShiviz } from '../import/shiviz';
import { sampleTrace } from '../sample';
import { expectGolden } from './golden-file';
import { exportShiviz, SHIVIZ_EXPORT_PARSER } from './shiviz';

describe('ShiViz export', () => {
  const trace = sampleTrace();

  it('matches the golden log', () => {
    expectGolden('sample.shiviz.log', exportShiviz(trace, { upload: true }).log);
  });

  it('writes a log that the ShiViz expression reads back with the same clocks and messages', () => {
    const { log, parser } = exportShiviz(trace);
    expect(parser).toBe(SHIVIZ_EXPORT_PARSER);
    const back = importShiviz(log, { parser }).trace;
    expect(back.length).toBe(trace.length);
    // Same events, each with the same clock (order may differ among concurrent events).
    const clocks = (t: typeof trace): string[] =>
      [...Array(t.length).keys()].map((e) => `${t.actorId(t.actorOf(e))} ${JSON.stringify(t.vc(e))}`).sort();
    expect(clocks(back)).toEqual(clocks(trace));
    // Every cross-actor cause (deliveries, and the network's drop) comes back as a reconstructed message.
    const crossCauses = [...Array(trace.length).keys()].filter((e) => {
      const c = trace.cause(e);
      return c !== undefined && trace.actorOf(c) !== trace.actorOf(e);
    }).length;
    expect([...Array(back.length).keys()].filter((e) => back.kind(e) === 'deliver')).toHaveLength(
      crossCauses,
    );
  });

  it('loads in the upload format without being told the expression', () => {
    const { log } = exportShiviz(trace, { upload: true });
    expect(log.split('\n')[0]).toBe(SHIVIZ_EXPORT_PARSER);
    expect(importShiviz(log).trace.length).toBe(trace.length);
  });
});

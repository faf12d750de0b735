import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from './diagnostics';
import { closest, editDistance } from './suggest';
import { formatMs, parseDuration, parseLink, parseRange } from './syntax';

describe('durations', () => {
  it('reads units and bare milliseconds', () => {
    expect(['250us', '5ms', '1.5s', '.5s', 7, '7', '-20ms'].map((d) => parseDuration(d))).toEqual(
      [0.25, 5, 1500, 500, 7, 7, -20].map((value) => ({ ok: true, value })),
    );
  });

  it('explains a bad unit', () => {
    expect(parseDuration('3min')).toEqual({
      ok: false,
      message: 'unknown unit "min": use us, ms or s (e.g. 250us, 5ms, 1.5s)',
    });
    expect(parseDuration('soon').ok).toBe(false);
  });

  it('formats durations back so that they read the same', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (us) => {
        const ms = us / 1000;
        const back = parseDuration(formatMs(ms));
        expect(back.ok && back.value).toBeCloseTo(ms, 9);
      }),
    );
  });
});

describe('ranges and links', () => {
  it('reads a range and rejects a reversed one', () => {
    expect(parseRange('2ms..20ms')).toEqual({ ok: true, value: { min: 2, max: 20 } });
    expect(parseRange('20ms..2ms')?.ok).toBe(false);
    expect(parseRange('5ms')).toBeUndefined();
  });

  it('reads one-way and two-way links with the positions of their ends', () => {
    expect(parseLink('a -> b')).toEqual({
      ok: true,
      value: { from: 'a', to: 'b', both: false, fromAt: 0, toAt: 5 },
    });
    expect(parseLink('dc-1<->dc.2')).toEqual({
      ok: true,
      value: { from: 'dc-1', to: 'dc.2', both: true, fromAt: 0, toAt: 7 },
    });
    expect(parseLink('a => b').ok).toBe(false);
  });
});

describe('suggestions', () => {
  it('measures transpositions as one edit', () => {
    expect(editDistance('raeds', 'reads')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests only close candidates', () => {
    expect(closest('replicaton', ['replication', 'nodes'])).toBe('replication');
    expect(closest('readrepair', ['readRepair', 'reads'])).toBe('readRepair');
    expect(closest('zzzz', ['replication', 'nodes'])).toBeUndefined();
  });
});

describe('formatDiagnostic', () => {
  it('prints FILE:LINE:COL: severity: message', () => {
    const d = {
      line: 3,
      col: 5,
      endLine: 3,
      endCol: 9,
      severity: 'error' as const,
      message: 'bad',
      code: 'x',
    };
    expect(formatDiagnostic({ ...d, file: 'a.scenario.yaml' })).toBe('a.scenario.yaml:3:5: error: bad');
    expect(formatDiagnostic(d)).toBe('3:5: error: bad');
  });
});

import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../engine/scenario';
import { MARKER_SEVERITY, toMarker, toMarkerRange, touches } from './markers';

describe('scenario diagnostics as editor markers', () => {
  it('keeps 1-based positions with an exclusive end', () => {
    expect(toMarkerRange({ line: 3, col: 5, endLine: 3, endCol: 9 })).toEqual({
      startLineNumber: 3,
      startColumn: 5,
      endLineNumber: 3,
      endColumn: 9,
    });
  });

  it('widens an insertion point to one character so it is visible', () => {
    expect(toMarkerRange({ line: 2, col: 1, endLine: 2, endCol: 1 })).toMatchObject({
      endLineNumber: 2,
      endColumn: 2,
    });
  });

  it('marks the misspelt key of a real parse at its place', () => {
    const text = 'scenario: t\ncluster:\n  replication: leaderless\n  nodes: [n1, n2, n3]\n  nodez: 3\n';
    const { diagnostics } = parseScenario(text, 'play.scenario.yaml');
    const d = diagnostics.find((x) => x.severity === 'error' && x.line === 5);
    expect(d, JSON.stringify(diagnostics)).toBeDefined();
    const m = toMarker(d!, 'uri');
    expect(m.severity).toBe(MARKER_SEVERITY.error);
    expect(m.startLineNumber).toBe(5);
    expect(text.split('\n')[4]!.slice(m.startColumn - 1, m.endColumn - 1)).toContain('nodez');
  });

  it('tells whether a fix range touches the cursor', () => {
    const r = { startLineNumber: 2, startColumn: 3, endLineNumber: 2, endColumn: 8 };
    expect(touches(r, { startLineNumber: 2, startColumn: 8, endLineNumber: 2, endColumn: 8 })).toBe(true);
    expect(touches(r, { startLineNumber: 2, startColumn: 9, endLineNumber: 2, endColumn: 9 })).toBe(false);
    expect(touches(r, { startLineNumber: 1, startColumn: 1, endLineNumber: 3, endColumn: 1 })).toBe(true);
  });
});

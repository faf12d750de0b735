import { describe, expect, it } from 'vitest';
import { docAt, hoverAt, keysAt, refAt, schemaAt, valueDocAt, valuesAt } from './schemaQuery';

describe('schema queries', () => {
  it('lists the keys valid in a cluster of a family', () => {
    const keys = keysAt(['cluster'], 'leaderless').keys.map((k) => k.key);
    expect(keys).toContain('w');
    expect(keys).toContain('replication');
    expect(keys).not.toContain('leader');
    expect(keysAt(['cluster'], 'single-leader').keys.map((k) => k.key)).not.toContain('w');
    expect(keysAt(['cluster']).keys.map((k) => k.key)).toEqual(
      expect.arrayContaining(['w', 'leader', 'topology']),
    );
  });

  it('gives the doc of a key and of an enum value', () => {
    expect(docAt(['cluster', 'w'])).toBe('Write quorum: a write succeeds once w replicas acknowledge it.');
    expect(valueDocAt(['cluster', 'replication'], 'leaderless')).toMatch(/^Dynamo-style/);
    expect(valuesAt(['cluster', 'log']).map((v) => v.value)).toEqual(['statement', 'row', 'wal']);
    expect(hoverAt(['cluster', 'heartbeat'])).toContain('Default: `10ms`.');
    expect(hoverAt(['cluster', 'n'])).toContain('Only for leaderless clusters.');
  });

  it('walks lists, unions and user-named keys', () => {
    expect(keysAt(['events', 0]).keys.map((k) => k.key)).toEqual(
      expect.arrayContaining(['at', 'write', 'crash']),
    );
    expect(keysAt(['events', 0, 'crash']).keys.map((k) => k.key)).toEqual(['node', 'disk']);
    expect(keysAt(['clients']).named).toMatchObject({ ref: 'client', what: 'a client name' });
    expect(keysAt(['clients', 'alice']).keys.map((k) => k.key)).toEqual([
      'node',
      'reads',
      'guarantees',
      'timeout',
    ]);
    expect(keysAt(['expect', 2]).keys.map((k) => k.key)).toEqual(
      expect.arrayContaining(['op', 'returns', 'anomaly', 'no', 'leader', 'state']),
    );
    expect(valuesAt(['expect', 0, 'anomaly'])).toHaveLength(9);
    expect(refAt(['clients', 'alice', 'node'])).toBe('node');
    expect(refAt(['events', 0, 'partition', 0, 1])).toBe('actor');
    expect(keysAt(['network', 'latency']).keys.map((k) => k.key)).toEqual([
      'exponential',
      'pareto',
      'lognormal',
      'mixture',
    ]);
    expect(schemaAt(['nope'])).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { ReplicationRuntime } from './runtime';
import { SAMPLE_FILE, SAMPLE_TEXT, sampleEngine } from './testing/fixtures';

async function runtime(): Promise<ReplicationRuntime> {
  const rt = new ReplicationRuntime(sampleEngine(), SAMPLE_FILE, SAMPLE_TEXT);
  expect(await rt.start()).toEqual([]);
  return rt;
}

describe('ReplicationRuntime', () => {
  it('refuses to start an invalid scenario and returns its diagnostics', async () => {
    const diag = [{ line: 3, column: 3, message: 'unknown replication scheme' }];
    const rt = new ReplicationRuntime(sampleEngine(diag), SAMPLE_FILE, SAMPLE_TEXT);
    expect(await rt.start()).toEqual(diag);
  });

  it('continues to the end of the run when nothing stops it, and back to the start', async () => {
    const rt = await runtime();
    expect(rt.continue()).toMatchObject({
      reason: 'pause',
      event: 28,
      description: 'End of the run (quiet)',
    });
    expect(rt.reverseContinue()).toMatchObject({ reason: 'entry', event: -1 });
  });

  it('verifies line breakpoints on items, moving them to the item line', async () => {
    const rt = await runtime();
    const r = rt.setLineBreakpoints([{ line: 13 }, { line: 15 }, { line: 17 }, { line: 11 }]);
    expect(r[0]).toMatchObject({ verified: true, line: 13 });
    expect(r[1]).toMatchObject({ verified: false, line: 14, message: expect.stringMatching(/does not run/) });
    expect(r[2]).toMatchObject({ verified: false, message: 'Breakpoints go on items of `events`' });
    expect(r[3]).toMatchObject({ verified: true, line: 12 });
  });

  it('stops where an item starts, forwards and backwards', async () => {
    const rt = await runtime();
    rt.setLineBreakpoints([{ line: 12 }, { line: 13 }]);
    expect(rt.continue()).toMatchObject({ reason: 'breakpoint', event: 3 });
    expect(rt.continue()).toMatchObject({ reason: 'breakpoint', event: 21 });
    expect(rt.continue()).toMatchObject({ reason: 'pause', event: 28 });
    expect(rt.reverseContinue()).toMatchObject({ reason: 'breakpoint', event: 21 });
    expect(rt.reverseContinue()).toMatchObject({ reason: 'breakpoint', event: 3 });
    expect(rt.reverseContinue()).toMatchObject({ reason: 'entry', event: -1 });
  });

  it('honours conditions over the state at the hit', async () => {
    const rt = await runtime();
    rt.setLineBreakpoints([{ line: 13, condition: '!f2.up' }]);
    expect(rt.continue().event).toBe(28);
    rt.setLineBreakpoints([{ line: 13, condition: 'f2.up && f1.x == 1' }]);
    rt.goto(-1);
    expect(rt.continue()).toMatchObject({ reason: 'breakpoint', event: 21 });
  });

  it('rejects a breakpoint whose condition does not parse, saying why', async () => {
    const rt = await runtime();
    const [r] = rt.setLineBreakpoints([{ line: 13, condition: 'f2.up &&' }]);
    expect(r).toMatchObject({
      verified: false,
      message: expect.stringMatching(/^Condition: the expression ends early/),
    });
    const [h] = rt.setLineBreakpoints([{ line: 13, hitCondition: 'often' }]);
    expect(h!.message).toMatch(/^Hit count:/);
  });

  it('stops on the n-th message of a type with a hit count', async () => {
    const rt = await runtime();
    const [r] = rt.setFunctionBreakpoints([{ name: 'Replicate', hitCondition: '2' }]);
    expect(r!.verified).toBe(true);
    expect(rt.continue()).toMatchObject({
      reason: 'function breakpoint',
      event: 9,
      description: 'Replicate sent',
    });
    expect(rt.continue().event).toBe(28);
    rt.setFunctionBreakpoints([{ name: 'Replicate', hitCondition: '>1' }]);
    rt.goto(-1);
    expect(rt.continue().event).toBe(9);
    expect(rt.continue()).toMatchObject({ event: 12, description: 'Replicate delivered' });
  });

  it('says when a message type never appears', async () => {
    const rt = await runtime();
    const [r] = rt.setFunctionBreakpoints([{ name: 'RequestVote' }]);
    expect(r!.message).toMatch(
      /No RequestVote message in this run yet \(types: Ack, Read, ReadOk, Replicate/,
    );
  });

  it('logs logpoints with interpolated state instead of stopping', async () => {
    const rt = await runtime();
    const out: string[] = [];
    rt.onOutput = (t) => out.push(t);
    rt.setLineBreakpoints([
      { line: 12, logMessage: 'leader x={leader.x} at {now}' },
      { line: 13, logMessage: 'f2 up: {f2.up}' },
    ]);
    expect(rt.continue().event).toBe(28);
    expect(out).toEqual(['leader x=(absent) at 1\n', 'f2 up: true\n']);
  });

  it('stops on anomalies, crashes and partitions, with conditions', async () => {
    const rt = await runtime();
    rt.setExceptionFilters([
      { filterId: 'stale-read' },
      { filterId: 'crash', condition: 'event.actor == "f1"' },
      { filterId: 'partition' },
    ]);
    expect(rt.continue()).toMatchObject({ reason: 'exception', event: 19, description: 'Partition' });
    const s = rt.continue();
    expect(s).toMatchObject({ reason: 'exception', event: 26, description: 'Anomaly: stale-read' });
    expect(s.text).toMatch(/bob read nothing/);
    expect(s.anomalies?.[0]?.kind).toBe('stale-read');
    rt.setExceptionFilters([
      { filterId: 'crash' },
      { filterId: 'stale-read', condition: 'anomaly.key == "y"' },
    ]);
    rt.goto(-1);
    expect(rt.continue()).toMatchObject({ event: 10, description: 'Crash' });
    expect(rt.continue().event).toBe(28);
  });

  it('stops when a key or field of a node changes (data breakpoints)', async () => {
    const rt = await runtime();
    expect(rt.dataIdFor('f1', 'x')).toBe('f1/x');
    expect(rt.dataIdFor('nobody', 'x')).toBeUndefined();
    rt.setDataBreakpoints([{ dataId: 'f1/x' }, { dataId: 'leader/role' }]);
    expect(rt.continue()).toMatchObject({
      reason: 'data breakpoint',
      event: 0,
      description: 'leader.role changed',
    });
    expect(rt.continue()).toMatchObject({ event: 13, description: 'f1.x changed' });
    expect(rt.setDataBreakpoints([{ dataId: 'bogus' }])[0]!.verified).toBe(false);
    rt.setDataBreakpoints([{ dataId: 'f2/up' }]);
    rt.goto(-1);
    expect(rt.continue()).toMatchObject({ event: 10, description: 'f2.up changed' });
    expect(rt.continue()).toMatchObject({ event: 20, description: 'f2.up changed' });
  });

  it('steps next and back one event at a time, and on one thread with stepIn', async () => {
    const rt = await runtime();
    expect(rt.next().event).toBe(0);
    expect(rt.next().event).toBe(1);
    expect(rt.stepBack().event).toBe(0);
    expect(rt.stepBack()).toMatchObject({ event: -1 });
    expect(rt.stepIn('f1')).toMatchObject({ event: 1, description: 'Next event on f1' });
    expect(rt.stepIn('f1').event).toBe(12);
    expect(() => rt.stepIn('zed')).toThrow(/no node or client 'zed'/);
  });

  it('steps out to the response of the operation the current event serves', async () => {
    const rt = await runtime();
    rt.goto(8);
    expect(rt.stepOut('leader')).toMatchObject({ event: 18, description: 'Response to w1' });
    expect(rt.stepOut('alice')).toMatchObject({
      reason: 'pause',
      event: 28,
      description: 'alice has no more events; End of the run (quiet)',
    });
    rt.goto(4);
    expect(rt.stepOut('alice')).toMatchObject({ event: 18, description: 'Response to w1' });
    rt.goto(4);
    // The leader's current event (its role) serves no operation: step out goes to its next event.
    expect(rt.stepOut('leader')).toMatchObject({ event: 5, description: 'Next event on leader' });
  });

  it('stops at a breakpoint met while stepping out', async () => {
    const rt = await runtime();
    rt.setExceptionFilters([{ filterId: 'crash' }]);
    rt.goto(8);
    expect(rt.stepOut('leader')).toMatchObject({ reason: 'exception', event: 10 });
  });

  it('jumps to the first event of an item and rejects events out of range', async () => {
    const rt = await runtime();
    expect(rt.gotoTarget(13)).toMatchObject({ event: 21, item: { line: 13 } });
    expect(rt.gotoTarget(15)).toMatchObject({ item: { line: 14 } });
    expect(rt.gotoTarget(15)!.event).toBeUndefined();
    expect(() => rt.goto(29)).toThrow('no event 29: this run has events 0 to 28');
  });

  it('evaluates over the state right after the current event', async () => {
    const rt = await runtime();
    rt.goto(9);
    expect(rt.evaluate('len(inflight)')).toBe(2);
    expect(rt.evaluate('leader.x == 1 && f1.x == null')).toBe(true);
    expect(rt.evaluate('f2.up', 10)).toBe(false);
    expect(rt.evaluate('hb(3, 13) && !hb(10, 13)')).toBe(true);
    expect(rt.evaluate('len(anomalies)', 27)).toBe(1);
  });

  it('refuses a what-if on a message that is not in flight', async () => {
    const rt = await runtime();
    rt.goto(9);
    await expect(rt.fork({ kind: 'drop', msg: 1 })).rejects.toThrow(
      'message #1 is not in flight here (in flight: #2 Replicate leader→f1, #3 Replicate leader→f2)',
    );
    await expect(
      rt.fork({ kind: 'fault', fault: { kind: 'crash', node: 'n9', disk: 'kept' } }),
    ).rejects.toThrow(/no node or client 'n9'/);
  });
});

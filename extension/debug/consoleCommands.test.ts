import { describe, expect, it } from 'vitest';
import { parseCommand } from './consoleCommands';

describe('debug console commands', () => {
  it('turns what-if commands into interventions', () => {
    expect(parseCommand('.deliver 42')).toEqual({ kind: 'fork', action: { kind: 'deliver', msg: 42 } });
    expect(parseCommand('.drop #7')).toEqual({ kind: 'fork', action: { kind: 'drop', msg: 7 } });
    expect(parseCommand('.crash n2 lost')).toEqual({
      kind: 'fork',
      action: { kind: 'fault', fault: { kind: 'crash', node: 'n2', disk: 'lost' } },
    });
    expect(parseCommand('.partition a, b | c')).toEqual({
      kind: 'fork',
      action: { kind: 'fault', fault: { kind: 'partition', groups: [['a', 'b'], ['c']] } },
    });
    expect(parseCommand('.cut dc1 -> dc2')).toMatchObject({
      action: { fault: { kind: 'cut', from: 'dc1', to: 'dc2' } },
    });
    expect(parseCommand('.heal')).toMatchObject({ action: { fault: { kind: 'heal' } } });
    expect(parseCommand('.heal a->b')).toMatchObject({
      action: { fault: { links: [{ from: 'a', to: 'b' }] } },
    });
    expect(parseCommand('.skew n2 1.5s 0.01')).toMatchObject({
      action: { fault: { kind: 'skew', node: 'n2', offset: 1500, drift: 0.01 } },
    });
    expect(parseCommand('.skew n2 -250us')).toMatchObject({ action: { fault: { offset: -0.25 } } });
  });

  it('reads navigation commands', () => {
    expect(parseCommand('.goto 120')).toEqual({ kind: 'goto', event: 120 });
    expect(parseCommand('.branch 1')).toEqual({ kind: 'branch', id: 1 });
    expect(parseCommand(' .INFLIGHT ')).toEqual({ kind: 'inflight' });
  });

  it('explains what is wrong with a command', () => {
    expect(() => parseCommand('.drop')).toThrow('expected a message id (a number), got nothing');
    expect(() => parseCommand('.crash')).toThrow('usage: .crash <node> [lost]');
    expect(() => parseCommand('.crash n2 gone')).toThrow("'gone' is not 'lost'");
    expect(() => parseCommand('.skew n2 fast')).toThrow("'fast' is not a duration like 50ms, 1.5s or 250us");
    expect(() => parseCommand('.cut a b')).toThrow("expected a link like 'a -> b', got 'a b'");
    expect(() => parseCommand('.fly')).toThrow(/unknown command .fly; commands: .inflight .deliver/);
  });
});

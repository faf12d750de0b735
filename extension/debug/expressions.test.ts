import { describe, expect, it } from 'vitest';
import type { Sibling } from '../../traces/types';
import {
  type ActorSnapshot,
  completionsAt,
  type ExpressionError,
  type ExprScope,
  evaluate,
  formatValue,
  interpolate,
} from './expressions';

function scope(): ExprScope {
  const cart2: Sibling[] = [
    { value: ['eggs'], op: 'c2#1', vv: { n1: 1 } },
    { value: ['milk', 'flour'], op: 'c1#2', vv: { n1: 2, n2: 1 } },
  ];
  const actors: Record<string, ActorSnapshot> = {
    n1: {
      id: 'n1',
      kind: 'node',
      up: true,
      data: { cart: [{ value: 'milk', version: 3 }] },
      fields: { role: 'leader', term: 2, log: [1, 2, 3] },
    },
    n2: { id: 'n2', kind: 'node', up: false, data: { cart: cart2 }, fields: { role: 'follower' } },
    'dc-1': { id: 'dc-1', kind: 'node', up: true, data: {}, fields: {} },
    alice: { id: 'alice', kind: 'client', up: true, data: {}, fields: {} },
  };
  return {
    actorIds: () => Object.keys(actors),
    actor: (id) => actors[id],
    knownKeys: () => new Set(['cart', 'likes']),
    now: () => 12.5,
    event: () => ({ id: 7, time: 12.5, actor: 'n1', kind: 'deliver', vc: { n1: 3 }, type: 'Replicate' }),
    eventById: (id) => (id >= 0 && id < 50 ? { id, time: id, actor: 'n1', kind: 'note', vc: {} } : undefined),
    inflight: () => [{ msg: 4, type: 'Ack', from: 'n2', to: 'n1', sent: 5, sentAt: 3 }],
    anomalies: () => [{ kind: 'stale-read', event: 6, explain: 'x', related: [] }],
    happensBefore: (a, b) => a < b && b - a < 30,
  };
}

describe('expressions', () => {
  it('reads keys, siblings and fields of nodes', () => {
    const s = scope();
    expect(evaluate('n1.cart', s)).toMatchObject({ key: 'cart' });
    expect(evaluate('n1.cart == "milk"', s)).toBe(true);
    expect(evaluate('n2.cart.siblings > 1', s)).toBe(true);
    expect(evaluate('n2.cart.siblings', s)).toBe(2);
    expect(evaluate('n1.role == "leader" && !n2.up', s)).toBe(true);
    expect(evaluate('n1.term + 1', s)).toBe(3);
    expect(evaluate('n1.log.length', s)).toBe(3);
    expect(evaluate('"milk" in n2.cart.values[1]', s)).toBe(true);
    expect(evaluate('`dc-1`.up', s)).toBe(true);
  });

  it('treats a known key that a node lacks as absent, not as a typo', () => {
    const s = scope();
    expect(evaluate('n1.likes.exists', s)).toBe(false);
    expect(evaluate('n1.likes == null', s)).toBe(true);
    expect(() => evaluate('n1.carrt', s)).toThrow(/n1 has no field or key 'carrt'.*keys: cart, likes/);
  });

  it('merges version vectors of siblings with vv()', () => {
    expect(formatValue(evaluate('vv(n2, "cart")', scope()))).toBe('{n1:2, n2:1}');
    expect(formatValue(evaluate('n2.cart.vv', scope()))).toBe('{n1:2, n2:1}');
  });

  it('answers happens-before and concurrency between events', () => {
    const s = scope();
    expect(evaluate('hb(12, 40)', s)).toBe(true);
    expect(evaluate('hb(40, 12)', s)).toBe(false);
    expect(evaluate('concurrent(1, 45)', s)).toBe(true);
    expect(() => evaluate('hb(12, 400)', s)).toThrow(/400 is not an event id/);
  });

  it('exposes now, event, inflight and anomalies', () => {
    const s = scope();
    expect(evaluate('now > 12', s)).toBe(true);
    expect(evaluate('event.type == "Replicate"', s)).toBe(true);
    expect(evaluate('len(inflight)', s)).toBe(1);
    expect(evaluate('inflight[0].type', s)).toBe('Ack');
    expect(evaluate('anomalies[0].kind', s)).toBe('stale-read');
    expect(evaluate('[1, 2] == [1, 2]', s)).toBe(true);
  });

  it('gives a key alone as its state on every node', () => {
    const v = evaluate('cart', scope());
    expect(formatValue(v)).toMatch(
      /^n1: milk v3; n2: 2 siblings: \[eggs\] \{n1:1\} \| \[milk, flour\] \{n1:2, n2:1\}/,
    );
    expect(evaluate('cart.n2.siblings', scope())).toBe(2);
  });

  it('reports errors with their column and a suggestion', () => {
    const s = scope();
    const err = (src: string) => {
      try {
        evaluate(src, s);
      } catch (e) {
        return e as ExpressionError;
      }
      throw new Error('no error');
    };
    expect(err('n1.cart ==').message).toMatch(/ends early at column 11/);
    expect(err('n3.cart').message).toMatch(/unknown name 'n3' at column 1 \(did you mean 'n1'\?\)/);
    expect(err('n1.term < "a"').message).toMatch(/cannot compare a number with a string/);
    expect(err('foo(1)').message).toMatch(/unknown function 'foo'/);
    expect(err('"abc').message).toMatch(/unterminated string/);
    expect(err('n1 @ 2').column).toBe(4);
    expect(err('').message).toMatch(/empty/);
  });

  it('fills logpoint holes and shows errors inline', () => {
    expect(interpolate('cart on n1 is {n1.cart}, {{literal}} at {now}', scope())).toBe(
      'cart on n1 is milk v3, {literal} at 12.5',
    );
    expect(interpolate('{n9}', scope())).toMatch(/^<unknown name 'n9'/);
  });

  it('completes names, then members after a dot', () => {
    const s = scope();
    expect(completionsAt('n', 1, s).map((c) => c.label)).toEqual(
      expect.arrayContaining(['n1', 'n2', 'now', 'null']),
    );
    const members = completionsAt('n1.', 3, s).map((c) => c.label);
    expect(members).toEqual(expect.arrayContaining(['role', 'term', 'cart', 'likes', 'up']));
    expect(completionsAt('n1.cart.si', 10, s)).toEqual([
      { label: 'siblings', type: 'property', start: 8, length: 2 },
    ]);
  });

  it('summarizes values on one line', () => {
    const s = scope();
    expect(formatValue(evaluate('n1', s))).toBe('n1 role="leader" term=2 1 key');
    expect(formatValue(evaluate('n2', s))).toBe('n2 (down) role="follower" 1 key');
    expect(formatValue({ a: 2, b: 1 })).toBe('{a:2, b:1}');
  });
});

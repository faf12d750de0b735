import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare, descends, formatVV, increment, merge } from './versionVector';

const vv = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), fc.integer({ min: 0, max: 5 }));

describe('version vectors', () => {
  it('orders a vector before its increment', () => {
    expect(compare({ a: 1 }, increment({ a: 1 }, 'b'))).toBe('before');
    expect(compare({ a: 2 }, { a: 1, b: 1 })).toBe('concurrent');
    expect(compare({ a: 1, b: 0 }, { a: 1 })).toBe('equal');
  });

  it('merges to a vector that descends from both inputs', () => {
    fc.assert(
      fc.property(vv, vv, (a, b) => {
        const m = merge(a, b);
        return descends(m, a) && descends(m, b);
      }),
    );
  });

  it('compare is antisymmetric', () => {
    const flip = { before: 'after', after: 'before', equal: 'equal', concurrent: 'concurrent' } as const;
    fc.assert(fc.property(vv, vv, (a, b) => compare(a, b) === flip[compare(b, a)]));
  });

  it('formats sorted and without zeros', () => {
    expect(formatVV({ b: 1, a: 2, c: 0 })).toBe('{a:2, b:1}');
  });
});

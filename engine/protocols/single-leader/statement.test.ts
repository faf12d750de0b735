import { describe, expect, it } from 'vitest';
import { evaluate, isNondeterministic, statementText } from './statement';

function env(clock: number, ids: number[] = [1, 2, 3]) {
  let i = 0;
  return { clock, random: () => 0.5, nextId: () => ids[i++]! };
}

describe('statement evaluation', () => {
  it('turns a value that is exactly one call into a number from the node itself', () => {
    expect(evaluate('now()', env(12.3456789))).toBe(12.346);
    expect(evaluate('rand()', env(0))).toBe(500000);
    expect(evaluate('nextId()', env(0, [7]))).toBe(7);
  });

  it('substitutes calls inside longer strings and lists', () => {
    expect(evaluate('order-nextId()', env(0, [4]))).toBe('order-4');
    expect(evaluate(['at now()', 'x', 3], env(5))).toEqual(['at 5', 'x', 3]);
  });

  it('leaves deterministic values alone', () => {
    expect(evaluate('hello', env(0))).toBe('hello');
    expect(isNondeterministic('hello')).toBe(false);
    expect(isNondeterministic(['a', 'b-rand()'])).toBe(true);
  });

  it('gives two nodes different results for the same statement', () => {
    expect(evaluate('now()', env(10))).not.toBe(evaluate('now()', env(50)));
  });

  it('writes the statement as a log would hold it, expression unevaluated', () => {
    expect(statementText('write', 'x', 'now()', undefined)).toBe(
      "UPSERT INTO kv (key, value) VALUES ('x', now())",
    );
    expect(statementText('delete', 'x', undefined, undefined)).toBe("DELETE FROM kv WHERE key = 'x'");
    expect(statementText('increment', 'n', undefined, 2)).toBe(
      "UPDATE kv SET value = value + 2 WHERE key = 'n'",
    );
  });
});

import { describe, expect, it } from 'vitest';
import { EventEmitter } from './events';

describe('browser EventEmitter stand-in', () => {
  it('calls listeners in order, once-listeners once, and stops after removal', () => {
    const e = new EventEmitter();
    const seen: string[] = [];
    const a = (x: unknown) => seen.push(`a${x}`);
    e.on('m', a);
    e.once('m', (x) => seen.push(`b${x}`));
    expect(e.emit('m', 1)).toBe(true);
    e.emit('m', 2);
    e.removeListener('m', a);
    expect(e.emit('m', 3)).toBe(false);
    expect(seen).toEqual(['a1', 'b1', 'a2']);
  });
});

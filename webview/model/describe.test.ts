import { describe, expect, it } from 'vitest';
import { formatTime, roundMs } from './describe';

describe('formatTime', () => {
  it('keeps whole milliseconds as they are', () => {
    expect(formatTime(40)).toBe('40 ms');
  });
  it('rounds floating-point noise to the microsecond', () => {
    expect(formatTime(37.420000000000002)).toBe('37.42 ms');
    expect(formatTime(303.38123456)).toBe('303.381 ms');
    expect(roundMs(-12.5)).toBe(-12.5);
  });
});

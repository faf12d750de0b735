import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeScenario, encodeScenario, exampleFromHash } from './share';

describe('shareable scenario links', () => {
  it('round-trips any text, including non-ASCII and long scenarios', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 400 }), async (text) => {
        const hash = await encodeScenario(text);
        expect(hash).toMatch(/^s=[A-Za-z0-9_-]*$/);
        expect(await decodeScenario(`#${hash}`)).toBe(text);
      }),
      { numRuns: 60 },
    );
  });

  it('compresses a typical scenario well below its size', async () => {
    const text = `scenario: test\ncluster:\n  replication: leaderless\n  nodes: [n1, n2, n3]\n${'events:\n'}${Array.from(
      { length: 40 },
      (_, i) => `  - { at: ${i * 10}ms, client: alice, write: { key: k, value: ${i} } }\n`,
    ).join('')}`;
    const hash = await encodeScenario(text);
    expect(hash.length).toBeLessThan(text.length / 2);
  });

  it('finds the scenario among other hash parameters', async () => {
    const hash = await encodeScenario('seed: 3\n');
    expect(await decodeScenario(`#foo=1&${hash}`)).toBe('seed: 3\n');
  });

  it('returns undefined when the hash holds no scenario', async () => {
    expect(await decodeScenario('')).toBeUndefined();
    expect(await decodeScenario('#example=leaderless/read-repair')).toBeUndefined();
  });

  it('explains a damaged link instead of throwing a decoder error', async () => {
    const hash = await encodeScenario('scenario: a fairly long title to make the stream longer\n'.repeat(5));
    await expect(decodeScenario(hash.slice(0, hash.length - 8))).rejects.toThrow(/damaged/);
    await expect(decodeScenario('s=not*base64')).rejects.toThrow(/base64url/);
  });

  it('reads an example name from the hash', () => {
    expect(exampleFromHash('#example=leaderless%2Fread-repair')).toBe('leaderless/read-repair');
    expect(exampleFromHash('#s=abc')).toBeUndefined();
  });
});

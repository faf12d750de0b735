// A small, deterministic 32-bit string hash (FNV-1a with a murmur3 finalizer so that similar
// strings such as "n1#0" and "n1#1" land far apart on the ring). No randomness: the same scenario
// always places keys on the same nodes.

export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Eight hex digits, the form hashes take in messages and summaries. */
export function hex(h: number): string {
  return (h >>> 0).toString(16).padStart(8, '0');
}

// What w, r and n mean together, for the hover on those keys.

export interface Quorum {
  n: number;
  w: number;
  r: number;
  sloppy?: boolean;
}

export function quorumExplanation(q: Quorum): string {
  const { n, w, r } = q;
  const lines: string[] = [];
  if (w + r > n) {
    lines.push(
      `**w + r > n holds here** (${w} + ${r} > ${n}): every read quorum overlaps every write quorum, so each read reaches at least one replica that acknowledged the latest successful write.`,
    );
    if (q.sloppy)
      lines.push(
        'With `sloppyQuorum: true` a write may be acknowledged by stand-in nodes outside the key’s home replicas, so the overlap is not guaranteed until hints are handed off.',
      );
  } else {
    lines.push(
      `**w + r > n does not hold here** (${w} + ${r} ≤ ${n}): a read quorum can miss every replica that acknowledged the latest write, so stale reads are possible.`,
    );
  }
  if (w <= n)
    lines.push(
      `Writes succeed with up to ${n - w} of the ${n} replicas unavailable; reads with up to ${Math.max(0, n - r)}.`,
    );
  return lines.join('\n\n');
}

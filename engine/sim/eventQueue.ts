// The simulator's agenda: a binary min-heap ordered by (time, sequence). The sequence number is
// the insertion order, so entries at the same virtual time run in the order they were scheduled
// and every run of the same scenario and seed is identical.

export class EventQueue<T> {
  private times = new Float64Array(1024);
  private seqs = new Float64Array(1024);
  private items: (T | undefined)[] = [];
  private size = 0;
  private nextSeq = 0;

  get length(): number {
    return this.size;
  }

  push(time: number, item: T): void {
    if (this.size === this.times.length) this.enlarge();
    let i = this.size++;
    const seq = this.nextSeq++;
    const times = this.times;
    const seqs = this.seqs;
    const items = this.items;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent]!;
      if (pt < time || (pt === time && seqs[parent]! < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[parent]!;
      items[i] = items[parent];
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
    items[i] = item;
  }

  /** Time of the earliest entry (Infinity when empty). */
  peekTime(): number {
    return this.size === 0 ? Number.POSITIVE_INFINITY : this.times[0]!;
  }

  peek(): T | undefined {
    return this.size === 0 ? undefined : this.items[0];
  }

  /** Removes and returns the earliest entry; `poppedTime` holds its time. */
  pop(): T | undefined {
    if (this.size === 0) return undefined;
    const items = this.items;
    const top = items[0];
    this.poppedTime = this.times[0]!;
    const last = --this.size;
    if (last > 0) {
      this.times[0] = this.times[last]!;
      this.seqs[0] = this.seqs[last]!;
      items[0] = items[last];
      this.siftDown(0);
    }
    items[last] = undefined;
    return top;
  }

  poppedTime = 0;

  /**
   * Removes every entry `drop` says to, calling `dropped` with each, and rebuilds the heap in O(n).
   * Entries keep their sequence numbers, so the order of the rest is unchanged.
   */
  removeWhere(drop: (item: T) => boolean, dropped: (item: T) => void): void {
    const times = this.times;
    const seqs = this.seqs;
    const items = this.items;
    let kept = 0;
    for (let i = 0; i < this.size; i++) {
      const item = items[i]!;
      if (drop(item)) {
        dropped(item);
        continue;
      }
      times[kept] = times[i]!;
      seqs[kept] = seqs[i]!;
      items[kept] = item;
      kept++;
    }
    for (let i = kept; i < this.size; i++) items[i] = undefined;
    this.size = kept;
    for (let i = (kept >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  private siftDown(start: number): void {
    const times = this.times;
    const seqs = this.seqs;
    const items = this.items;
    const size = this.size;
    const time = times[start]!;
    const seq = seqs[start]!;
    const item = items[start];
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) break;
      const r = l + 1;
      let c = l;
      if (r < size && (times[r]! < times[l]! || (times[r] === times[l] && seqs[r]! < seqs[l]!))) c = r;
      const ct = times[c]!;
      if (time < ct || (time === ct && seq < seqs[c]!)) break;
      times[i] = ct;
      seqs[i] = seqs[c]!;
      items[i] = items[c];
      i = c;
    }
    times[i] = time;
    seqs[i] = seq;
    items[i] = item;
  }

  /** Every entry, in no particular order (for views of what is pending). */
  *entries(): IterableIterator<{ time: number; item: T }> {
    for (let i = 0; i < this.size; i++) yield { time: this.times[i]!, item: this.items[i]! };
  }

  private enlarge(): void {
    const n = this.times.length * 2;
    const t = new Float64Array(n);
    t.set(this.times);
    this.times = t;
    const s = new Float64Array(n);
    s.set(this.seqs);
    this.seqs = s;
  }
}

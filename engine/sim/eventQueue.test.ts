import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './eventQueue';

interface Item {
  id: number;
  time: number;
}

/** Pops everything, returning the ids in the order they came out. */
function drain(queue: EventQueue<Item>): number[] {
  const out: number[] = [];
  for (let item = queue.pop(); item; item = queue.pop()) out.push(item.id);
  return out;
}

/** The order the queue promises: by time, then by insertion. */
function expectedOrder(items: Item[]): number[] {
  return items
    .map((item, seq) => ({ item, seq }))
    .sort((a, b) => a.item.time - b.item.time || a.seq - b.seq)
    .map(({ item }) => item.id);
}

const timesArb = fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 400 });

describe('the event queue', () => {
  it('pops by time, and entries at the same time in the order they were pushed', () => {
    fc.assert(
      fc.property(timesArb, (times) => {
        const queue = new EventQueue<Item>();
        const items = times.map((time, id) => ({ id, time }));
        for (const item of items) queue.push(item.time, item);
        expect(drain(queue)).toEqual(expectedOrder(items));
      }),
    );
  });

  it('after removing entries, pops the rest in the same order, and hands over exactly the removed', () => {
    fc.assert(
      fc.property(
        timesArb,
        fc.array(fc.boolean(), { maxLength: 400 }),
        fc.nat(400),
        (times, drops, popFirst) => {
          const queue = new EventQueue<Item>();
          const items = times.map((time, id) => ({ id, time }));
          for (const item of items) queue.push(item.time, item);
          // Pop some first, so removal works on a heap that has been reshaped by pops.
          const popped = new Set<number>();
          for (let i = 0; i < Math.min(popFirst, items.length); i++) popped.add(queue.pop()!.id);
          const drop = (item: Item) => drops[item.id] === true;
          const removed: number[] = [];
          queue.removeWhere(drop, (item) => removed.push(item.id));
          const rest = items.filter((item) => !popped.has(item.id));
          expect(removed.sort((a, b) => a - b)).toEqual(rest.filter(drop).map((item) => item.id));
          expect(queue.length).toBe(rest.length - removed.length);
          expect(drain(queue)).toEqual(expectedOrder(rest).filter((id) => !drops[id]));
        },
      ),
    );
  });
});

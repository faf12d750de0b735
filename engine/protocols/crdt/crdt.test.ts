import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CrdtType } from '../../scenario/model';
import { applyCrdtOp, type Crdt, type CrdtOp, crdtSiblings, emptyCrdt, mergeCrdt } from './index';

const REPLICAS = ['r1', 'r2', 'r3'];
const TYPES: CrdtType[] = ['counter', 'set', 'lww-register', 'mv-register'];

/** A random operation valid for the type; `n` makes op keys unique. */
function opArb(type: CrdtType): fc.Arbitrary<(n: number) => CrdtOp> {
  const value = fc.constantFrom('a', 'b', 'c');
  switch (type) {
    case 'counter':
      return fc
        .integer({ min: -3, max: 5 })
        .map((by) => (n: number) => ({ kind: 'increment', by, op: `op${n}` }));
    case 'set':
      return fc
        .tuple(fc.constantFrom('add' as const, 'remove' as const), value)
        .map(([kind, v]) => (n: number) => ({ kind, value: v, op: `op${n}` }));
    default:
      return fc.tuple(fc.boolean(), value, fc.integer({ min: 0, max: 20 })).map(
        ([del, v, ts]) =>
          (n: number): CrdtOp =>
            del ? { kind: 'delete', op: `op${n}`, ts } : { kind: 'write', value: v, op: `op${n}`, ts },
      );
  }
}

type Step<T> = { kind: 'op'; replica: number; make: T } | { kind: 'deliver'; pick: number; keep: boolean };

function stepsArb(type: CrdtType) {
  const step: fc.Arbitrary<Step<(n: number) => CrdtOp>> = fc.oneof(
    fc.record({ kind: fc.constant('op' as const), replica: fc.nat(REPLICAS.length - 1), make: opArb(type) }),
    fc.record({ kind: fc.constant('deliver' as const), pick: fc.nat(1000), keep: fc.boolean() }),
  );
  return fc.array(step, { maxLength: 40 });
}

function apply(state: Crdt, replica: string, op: CrdtOp): Crdt {
  const next = applyCrdtOp(state, replica, op);
  if (typeof next === 'string') throw new Error(next);
  return next;
}

/**
 * Three replica states of one run (operations at random replicas, random merges): the domain of the
 * laws. Op keys are unique within a run, as in a real one.
 */
function statesArb(type: CrdtType): fc.Arbitrary<[Crdt, Crdt, Crdt]> {
  return stepsArb(type).map((steps) => {
    const states = REPLICAS.map(() => emptyCrdt(type));
    steps.forEach((s, n) => {
      if (s.kind === 'op') states[s.replica] = apply(states[s.replica]!, REPLICAS[s.replica]!, s.make(n));
      else states[s.pick % 3] = mergeCrdt(states[s.pick % 3]!, states[(s.pick + 1) % 3]!);
    });
    return [states[0]!, states[1]!, states[2]!];
  });
}

describe.each(TYPES)('%s', (type) => {
  it('converges on every replica whatever the delivery order, with duplicated and late messages', () => {
    fc.assert(
      fc.property(stepsArb(type), fc.array(fc.nat(1000), { maxLength: 60 }), (steps, finalOrder) => {
        const states = REPLICAS.map(() => emptyCrdt(type));
        const inFlight: { to: number; state: Crdt }[] = [];
        steps.forEach((s, n) => {
          if (s.kind === 'op') {
            const next = apply(states[s.replica]!, REPLICAS[s.replica]!, s.make(n));
            states[s.replica] = next;
            for (let to = 0; to < REPLICAS.length; to++)
              if (to !== s.replica) inFlight.push({ to, state: next });
          } else if (inFlight.length > 0) {
            const i = s.pick % inFlight.length;
            const m = inFlight[i]!;
            states[m.to] = mergeCrdt(states[m.to]!, m.state);
            if (!s.keep) inFlight.splice(i, 1); // kept messages are delivered again later: duplicates
          }
        });
        for (const pick of finalOrder) {
          if (inFlight.length === 0) break;
          const m = inFlight.splice(pick % inFlight.length, 1)[0]!;
          states[m.to] = mergeCrdt(states[m.to]!, m.state);
        }
        while (inFlight.length > 0) {
          const m = inFlight.pop()!;
          states[m.to] = mergeCrdt(states[m.to]!, m.state);
        }
        const shown = states.map((s) => crdtSiblings(s));
        expect(shown[1]).toEqual(shown[0]);
        expect(shown[2]).toEqual(shown[0]);
      }),
    );
  });

  it('merges commutatively', () => {
    fc.assert(
      fc.property(statesArb(type), ([a, b]) => {
        expect(crdtSiblings(mergeCrdt(a, b))).toEqual(crdtSiblings(mergeCrdt(b, a)));
      }),
    );
  });

  it('merges associatively', () => {
    fc.assert(
      fc.property(statesArb(type), ([a, b, c]) => {
        expect(crdtSiblings(mergeCrdt(mergeCrdt(a, b), c))).toEqual(
          crdtSiblings(mergeCrdt(a, mergeCrdt(b, c))),
        );
      }),
    );
  });

  it('merges idempotently', () => {
    fc.assert(
      fc.property(statesArb(type), ([a]) => {
        expect(crdtSiblings(mergeCrdt(a, a))).toEqual(crdtSiblings(a));
      }),
    );
  });
});

describe('PN-counter', () => {
  it('counts increments and decrements from every replica once', () => {
    let a = emptyCrdt('counter');
    let b = emptyCrdt('counter');
    a = apply(a, 'r1', { kind: 'increment', by: 2, op: 'x' });
    b = apply(b, 'r2', { kind: 'increment', by: 3, op: 'y' });
    b = apply(b, 'r2', { kind: 'increment', by: -1, op: 'z' });
    const m = mergeCrdt(mergeCrdt(a, b), b);
    expect(crdtSiblings(m)).toMatchObject([{ value: 4, op: 'x', ops: ['y', 'z'] }]);
  });
});

describe('OR-set', () => {
  it('keeps an add that the concurrent remove did not observe', () => {
    let r1 = apply(emptyCrdt('set'), 'r1', { kind: 'add', value: 'milk', op: 'add1' });
    let r2 = mergeCrdt(emptyCrdt('set'), r1);
    r1 = apply(r1, 'r1', { kind: 'remove', value: 'milk', op: 'rm1' });
    r2 = apply(r2, 'r2', { kind: 'add', value: 'milk', op: 'add2' });
    const m = mergeCrdt(r1, r2);
    expect(crdtSiblings(m)[0]?.value).toEqual(['milk']);
    expect(crdtSiblings(m)[0]).toMatchObject({ op: 'add2', ops: ['rm1'] });
  });

  it('removes every add the remove observed', () => {
    let s = apply(emptyCrdt('set'), 'r1', { kind: 'add', value: 'milk', op: 'a1' });
    s = mergeCrdt(s, apply(emptyCrdt('set'), 'r2', { kind: 'add', value: 'milk', op: 'a2' }));
    s = apply(s, 'r1', { kind: 'remove', value: 'milk', op: 'rm' });
    expect(crdtSiblings(s)[0]?.value).toEqual([]);
  });
});

describe('registers', () => {
  it('lww-register keeps the highest timestamp and drops the concurrent write', () => {
    const a = apply(emptyCrdt('lww-register'), 'r1', { kind: 'write', value: 'x', op: 'w1', ts: 98 });
    const b = apply(emptyCrdt('lww-register'), 'r2', { kind: 'write', value: 'y', op: 'w2', ts: 105 });
    expect(crdtSiblings(mergeCrdt(a, b))).toEqual([{ value: 'y', op: 'w2', ts: 105, origin: 'r2' }]);
  });

  it('mv-register keeps concurrent writes until a write that saw both', () => {
    const a = apply(emptyCrdt('mv-register'), 'r1', { kind: 'write', value: 'x', op: 'w1', ts: 0 });
    const b = apply(emptyCrdt('mv-register'), 'r2', { kind: 'write', value: 'y', op: 'w2', ts: 0 });
    const both = mergeCrdt(a, b);
    expect(crdtSiblings(both).map((s) => s.value)).toEqual(['x', 'y']);
    const resolved = apply(both, 'r1', { kind: 'write', value: 'z', op: 'w3', ts: 0 });
    expect(crdtSiblings(mergeCrdt(both, resolved)).map((s) => s.value)).toEqual(['z']);
  });

  it('rejects an operation the type does not have', () => {
    expect(applyCrdtOp(emptyCrdt('counter'), 'r1', { kind: 'add', value: 1, op: 'x' })).toMatch(
      /not an operation/,
    );
  });
});

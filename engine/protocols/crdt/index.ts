// Conflict-free replicated data types for multi-leader keys declared in `types`. Each is a pure
// state with an operation, a merge (commutative, associative, idempotent) and the siblings the
// trace records for it.

import type { Sibling, Value } from '../../../traces/types';
import type { CrdtType } from '../../scenario/model';
import { assignLww, emptyLww, type LWWRegister, mergeLww } from './lwwRegister';
import { assignMv, emptyMv, type MVRegister, mergeMv, mvContext } from './mvRegister';
import { add, emptySet, mergeSet, type ORSet, remove, setOps, setValue } from './orSet';
import { counterValue, emptyCounter, increment, mergeCounter, type PNCounter } from './pnCounter';

export type { LWWRegister, MVRegister, ORSet, PNCounter };
export type Crdt = PNCounter | ORSet | LWWRegister | MVRegister;

/** A client operation on a CRDT key, as a replica applies it. */
export type CrdtOp =
  | { kind: 'increment'; by: number; op: string }
  | { kind: 'add' | 'remove'; value: Value; op: string }
  | { kind: 'write'; value: Value; op: string; ts: number }
  | { kind: 'delete'; op: string; ts: number };

export function emptyCrdt(type: CrdtType): Crdt {
  switch (type) {
    case 'counter':
      return emptyCounter();
    case 'set':
      return emptySet();
    case 'lww-register':
      return emptyLww();
    case 'mv-register':
      return emptyMv();
  }
}

const OPS_FOR: Record<CrdtType, string> = {
  counter: 'increment',
  set: 'add and remove (delete removes every element)',
  'lww-register': 'write and delete',
  'mv-register': 'write and delete',
};

/** Applies a client operation at `replica`; a string is an error message (operation not supported). */
export function applyCrdtOp(state: Crdt, replica: string, op: CrdtOp): Crdt | string {
  switch (state.type) {
    case 'counter':
      if (op.kind === 'increment') return increment(state, replica, op.by, op.op);
      break;
    case 'set':
      if (op.kind === 'add') return add(state, op.value, op.op);
      if (op.kind === 'remove') return remove(state, op.value, op.op);
      if (op.kind === 'delete') {
        let s: ORSet = state;
        for (const v of setValue(state)) s = remove(s, v, op.op);
        return s.removes.includes(op.op) ? s : { ...s, removes: [...s.removes, op.op].sort() };
      }
      break;
    case 'lww-register':
      if (op.kind === 'write' || op.kind === 'delete') {
        const entry =
          op.kind === 'write'
            ? { value: op.value, ts: op.ts, replica, op: op.op }
            : { value: null, tombstone: true, ts: op.ts, replica, op: op.op };
        return assignLww(state, entry);
      }
      break;
    case 'mv-register':
      if (op.kind === 'write') return assignMv(state, replica, op.value, op.op);
      if (op.kind === 'delete') return assignMv(state, replica, null, op.op, true);
      break;
  }
  return `${op.kind} is not an operation of a ${state.type} (it supports ${OPS_FOR[state.type]})`;
}

export function mergeCrdt(a: Crdt, b: Crdt): Crdt {
  if (a.type !== b.type) throw new Error(`cannot merge a ${a.type} with a ${b.type}`);
  switch (a.type) {
    case 'counter':
      return mergeCounter(a, b as PNCounter);
    case 'set':
      return mergeSet(a, b as ORSet);
    case 'lww-register':
      return mergeLww(a, b as LWWRegister);
    case 'mv-register':
      return mergeMv(a, b as MVRegister);
  }
}

/** The same record with its keys in sorted order, so equal states print alike on every replica. */
function sortedKeys<T>(record: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(record).sort()) out[k] = record[k]!;
  return out;
}

function named(ops: readonly string[]): Pick<Sibling, 'op' | 'ops'> {
  if (ops.length === 0) return {};
  return ops.length === 1 ? { op: ops[0]! } : { op: ops[0]!, ops: ops.slice(1) };
}

/** The stored versions the trace shows for the key (`[]` before any operation). */
export function crdtSiblings(state: Crdt): Sibling[] {
  switch (state.type) {
    case 'counter':
      if (state.ops.length === 0) return [];
      return [
        {
          value: counterValue(state),
          ...named(state.ops),
          crdt: { p: sortedKeys(state.p), n: sortedKeys(state.n) },
        },
      ];
    case 'set': {
      const ops = setOps(state);
      if (ops.length === 0) return [];
      return [
        {
          value: setValue(state),
          ...named(ops),
          crdt: { adds: sortedKeys(state.adds), removed: state.removed },
        },
      ];
    }
    case 'lww-register': {
      const e = state.entry;
      if (!e) return [];
      return [
        e.tombstone
          ? { value: null, tombstone: true, op: e.op, ts: e.ts, origin: e.replica }
          : { value: e.value, op: e.op, ts: e.ts, origin: e.replica },
      ];
    }
    case 'mv-register':
      return state.entries.map((e) =>
        e.tombstone
          ? { value: null, tombstone: true, op: e.op, vv: e.vv }
          : { value: e.value, op: e.op, vv: e.vv },
      );
  }
}

/** A version vector summarising what the value has seen, for client contexts (registers only). */
export function crdtContext(state: Crdt): Record<string, number> | undefined {
  return state.type === 'mv-register' ? mvContext(state) : undefined;
}

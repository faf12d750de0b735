// What a client write does to the stored value of its key. Shared by the leader (row and wal logs
// ship the result) and by every node applying a statement (statement logs ship the operation).

import type { Value } from '../protocol';
import type { WriteKind } from './types';

/** A set-like value as a list: absent is empty, a scalar is a list of one. */
function asList(current: Value | undefined): Value[] {
  if (Array.isArray(current)) return current;
  return current === undefined || current === null ? [] : [current];
}

/** The new value, or null with `tombstone` for a delete. */
export function applyWrite(
  current: Value | undefined,
  write: WriteKind,
  value: Value | undefined,
  by: number | undefined,
): { value: Value; tombstone: boolean } {
  switch (write) {
    case 'delete':
      return { value: null, tombstone: true };
    case 'increment':
      return { value: (typeof current === 'number' ? current : 0) + (by ?? 1), tombstone: false };
    case 'add': {
      const list = asList(current);
      const item = value ?? null;
      const has = list.some((v) => JSON.stringify(v) === JSON.stringify(item));
      return { value: has ? list : [...list, item], tombstone: false };
    }
    case 'remove': {
      const list = asList(current);
      const item = JSON.stringify(value ?? null);
      return { value: list.filter((v) => JSON.stringify(v) !== item), tombstone: false };
    }
    default:
      return { value: value ?? null, tombstone: false };
  }
}

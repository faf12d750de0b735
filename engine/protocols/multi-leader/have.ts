// What a replica has applied, per origin: a contiguous count plus any changes applied beyond a gap
// (possible only without causality tracking, or after a loss).

import type { VersionVector } from '../../../traces/types';
import type { Have } from './types';

export function hasApplied(have: Have, origin: string, seq: number): boolean {
  return seq <= (have.applied[origin] ?? 0) || (have.extra[origin]?.includes(seq) ?? false);
}

export function addApplied(have: Have, origin: string, seq: number): void {
  if (hasApplied(have, origin, seq)) return;
  const extra = have.extra[origin] ?? [];
  extra.push(seq);
  let count = have.applied[origin] ?? 0;
  while (extra.includes(count + 1)) {
    count++;
    extra.splice(extra.indexOf(count), 1);
  }
  have.applied[origin] = count;
  if (extra.length > 0) have.extra[origin] = extra.sort((a, b) => a - b);
  else delete have.extra[origin];
}

/** Whether every change counted in `deps` has been applied. */
export function covers(have: Have, deps: VersionVector): boolean {
  for (const o in deps) {
    for (let s = (have.applied[o] ?? 0) + 1; s <= deps[o]!; s++) if (!hasApplied(have, o, s)) return false;
  }
  return true;
}

/** The changes counted in `deps` that have not been applied, per origin. */
export function missingFor(have: Have, deps: VersionVector): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const o of Object.keys(deps).sort()) {
    for (let s = (have.applied[o] ?? 0) + 1; s <= deps[o]!; s++) {
      if (hasApplied(have, o, s)) continue;
      const list = out[o] ?? [];
      list.push(s);
      out[o] = list;
    }
  }
  return out;
}

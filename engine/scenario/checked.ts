// The validator's output: the YAML tree with every node checked against its schema type. Invalid
// subtrees are left out (their problems are already diagnostics), so later stages only see values
// of the right shape. Offsets are [start, end) in the text.

import type { YAMLMap } from 'yaml';
import type { Value } from '../../traces/types';
import type { ArrayType, ObjectType, RefKind, SchemaType } from './schemaTypes';

export type Offsets = readonly [number, number];

export interface CheckedScalar {
  kind: 'scalar';
  /** The YAML value. */
  value: string | number | boolean | null;
  /** Durations in ms, ranges as { min, max }, links as LinkSpec; otherwise the value itself. */
  parsed: unknown;
  range: Offsets;
  schema: SchemaType;
}

export interface CheckedEntry {
  key: string;
  keyRange: Offsets;
  value: Checked;
}

export interface CheckedMap {
  kind: 'map';
  /** Valid entries in file order. */
  entries: Map<string, CheckedEntry>;
  range: Offsets;
  schema: ObjectType;
  node?: YAMLMap;
  /** Offsets of every key written, valid or not (for "where is the item's first key"). */
  allKeys: Map<string, Offsets>;
}

export interface CheckedSeq {
  kind: 'seq';
  /** `undefined` where an item was invalid, so indexes match the file. */
  items: (Checked | undefined)[];
  range: Offsets;
  schema: ArrayType;
}

/** A data value (scalar or nested list). */
export interface CheckedData {
  kind: 'data';
  value: Value;
  range: Offsets;
  schema: SchemaType;
}

export type Checked = CheckedScalar | CheckedMap | CheckedSeq | CheckedData;

/** An identifier written in the file: a declaration or a reference. */
export interface SymbolOccurrence {
  kind: RefKind;
  name: string;
  start: number;
  end: number;
  declares: boolean;
  /** The key whose value this is (`reads`, `crash`, ...), when the identifier is a value. */
  key?: string;
}

export function entry(m: CheckedMap | undefined, key: string): Checked | undefined {
  return m?.entries.get(key)?.value;
}

export function asMap(c: Checked | undefined): CheckedMap | undefined {
  return c?.kind === 'map' ? c : undefined;
}

export function asSeq(c: Checked | undefined): CheckedSeq | undefined {
  return c?.kind === 'seq' ? c : undefined;
}

export function asScalar(c: Checked | undefined): CheckedScalar | undefined {
  return c?.kind === 'scalar' ? c : undefined;
}

/** The parsed value of a scalar entry (ms for durations), or undefined. */
export function scalarOf<T>(m: CheckedMap | undefined, key: string): T | undefined {
  const c = entry(m, key);
  return c?.kind === 'scalar' ? (c.parsed as T) : undefined;
}

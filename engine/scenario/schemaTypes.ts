// The vocabulary the scenario schema is written in. One description (schema.ts) drives the
// validator, the generated JSON Schema, and the editor's completion and hovers.

import type { Replication } from './model';

/**
 * What an identifier-valued string or key names (for checks, completion and rename). `actor` is a
 * node or a client; `key` a data key; `op` an event id.
 */
export type RefKind = 'node' | 'client' | 'actor' | 'key' | 'op' | 'shard';

export interface EnumValue {
  value: string;
  doc: string;
}

interface Common {
  /** One sentence for hovers. */
  doc: string;
  /** The default, as a user would write it. */
  default?: string | number | boolean;
  /** A default that depends on the rest of the file, in words ("the first node"). */
  defaultText?: string;
  /** Only valid in clusters of these families. */
  families?: readonly Replication[];
  /** An example value for completion snippets and messages. */
  example?: string;
}

export interface StringType extends Common {
  kind: 'string';
  /** The string is an identifier of this kind. */
  ref?: RefKind;
  /** It declares that identifier (rather than referring to one declared elsewhere). */
  declares?: boolean;
}

export interface EnumType extends Common {
  kind: 'enum';
  values: readonly EnumValue[];
}

export interface NumberType extends Common {
  kind: 'number';
  integer?: boolean;
  min?: number;
  max?: number;
  /** The value must be strictly greater than this. */
  above?: number;
}

export interface BooleanType extends Common {
  kind: 'boolean';
  /** Only this value is accepted (e.g. `antiEntropy: false`). */
  only?: boolean;
}

export interface DurationType extends Common {
  kind: 'duration';
  /** Negative durations allowed (clock offsets). */
  signed?: boolean;
  /** Zero not allowed. */
  positive?: boolean;
}

/** `2ms..20ms`. */
export interface RangeType extends Common {
  kind: 'range';
}

/** `a -> b` or, when `both` is allowed, `a <-> b`. */
export interface LinkType extends Common {
  kind: 'link';
  both: boolean;
}

/** A data value: a scalar or a list of values. */
export interface ValueType extends Common {
  kind: 'value';
}

export interface ObjectType extends Common {
  kind: 'object';
  properties: Readonly<Record<string, SchemaType>>;
  required?: readonly string[];
  /** Keys other than `properties` are allowed, named by the user, with this value type. */
  additional?: SchemaType;
  /** What the user-named keys are. */
  additionalKeys?: { ref?: RefKind; declares?: boolean; link?: boolean; what: string };
  /** Groups of keys of which exactly one must appear (an event's time, its action). */
  exactlyOne?: readonly { keys: readonly string[]; what: string; example: string }[];
  /** At least one of these keys must appear. */
  atLeastOne?: readonly string[];
}

export interface ArrayType extends Common {
  kind: 'array';
  items: SchemaType;
  minItems?: number;
}

/**
 * One of several shapes. Scalars pick the first variant that accepts them; maps pick the variant
 * whose required key is present (so each map variant needs a distinguishing required key).
 */
export interface UnionType extends Common {
  kind: 'union';
  variants: readonly SchemaType[];
  /** What is allowed, in words, for messages ("a duration (5ms), a range (2ms..20ms) or ..."). */
  what: string;
}

/** A named, possibly recursive, type from the schema's definitions. */
export interface RefType extends Common {
  kind: 'ref';
  name: string;
}

export type SchemaType =
  | StringType
  | EnumType
  | NumberType
  | BooleanType
  | DurationType
  | RangeType
  | LinkType
  | ValueType
  | ObjectType
  | ArrayType
  | UnionType
  | RefType;

// The JSON Schema (draft-07) of scenario files, generated from the schema description. It is
// shipped as schemas/scenario.schema.json for Red Hat YAML's `yamlValidation` and the playground.
// The parser remains the authority (it also checks references, quorums, time order, ...).

import { DEFINITIONS, SCENARIO_SCHEMA } from './schema';
import type { ObjectType, SchemaType } from './schemaTypes';
import { IDENTIFIER_TEXT } from './syntax';

export type JsonSchema = { [key: string]: unknown };

const NUMBER = '(\\d+(\\.\\d*)?|\\.\\d+)';
const DURATION_PATTERN = `^${NUMBER}(us|ms|s)?$`;
const SIGNED_DURATION_PATTERN = `^[+-]?${NUMBER}(us|ms|s)?$`;
const RANGE_PATTERN = `^\\s*${NUMBER}(us|ms|s)?\\s*\\.\\.\\s*${NUMBER}(us|ms|s)?\\s*$`;
const ID_PATTERN = `^${IDENTIFIER_TEXT}$`;
const linkPattern = (both: boolean) =>
  `^\\s*${IDENTIFIER_TEXT}\\s*${both ? '(<->|->)' : '->'}\\s*${IDENTIFIER_TEXT}\\s*$`;

function withDocs(t: SchemaType, body: JsonSchema): JsonSchema {
  const out: JsonSchema = { description: t.doc, ...body };
  if (t.default !== undefined) out.default = t.default;
  else if (t.defaultText) out.description = `${t.doc} Default: ${t.defaultText}.`;
  return out;
}

function convert(t: SchemaType): JsonSchema {
  switch (t.kind) {
    case 'string':
      return withDocs(t, t.ref ? { type: 'string', pattern: ID_PATTERN } : { type: 'string' });
    case 'enum':
      return withDocs(t, {
        type: 'string',
        enum: t.values.map((v) => v.value),
        enumDescriptions: t.values.map((v) => v.doc),
      });
    case 'number': {
      const body: JsonSchema = { type: t.integer ? 'integer' : 'number' };
      if (t.min !== undefined) body.minimum = t.min;
      if (t.max !== undefined) body.maximum = t.max;
      if (t.above !== undefined) body.exclusiveMinimum = t.above;
      return withDocs(t, body);
    }
    case 'boolean':
      return withDocs(t, t.only === undefined ? { type: 'boolean' } : { const: t.only });
    case 'duration': {
      const num: JsonSchema = { type: 'number' };
      if (t.positive) num.exclusiveMinimum = 0;
      else if (!t.signed) num.minimum = 0;
      const str = { type: 'string', pattern: t.signed ? SIGNED_DURATION_PATTERN : DURATION_PATTERN };
      return withDocs(t, { anyOf: [num, str] });
    }
    case 'range':
      return withDocs(t, { type: 'string', pattern: RANGE_PATTERN });
    case 'link':
      return withDocs(t, { type: 'string', pattern: linkPattern(t.both) });
    case 'value':
      return withDocs(t, { $ref: '#/definitions/value' });
    case 'array': {
      const body: JsonSchema = { type: 'array', items: convert(t.items) };
      if (t.minItems !== undefined) body.minItems = t.minItems;
      return withDocs(t, body);
    }
    case 'union':
      return withDocs(t, { anyOf: t.variants.map(convert) });
    case 'ref':
      // draft-07 ignores keywords next to $ref, so the doc goes on a wrapper.
      return withDocs(t, { allOf: [{ $ref: `#/definitions/${t.name}` }] });
    case 'object':
      return convertObject(t);
  }
}

function convertObject(t: ObjectType): JsonSchema {
  const properties: JsonSchema = {};
  for (const [k, p] of Object.entries(t.properties)) properties[k] = convert(p);
  const body: JsonSchema = { type: 'object', properties };
  if (t.required?.length) body.required = [...t.required];
  if (t.additional) {
    body.additionalProperties = convert(t.additional);
    if (t.additionalKeys?.link) body.propertyNames = { pattern: linkPattern(true) };
    else if (t.additionalKeys?.ref) body.propertyNames = { pattern: ID_PATTERN };
  } else {
    body.additionalProperties = false;
  }
  const all: JsonSchema[] = [];
  for (const g of t.exactlyOne ?? []) all.push({ oneOf: g.keys.map((k) => ({ required: [k] })) });
  if (t.atLeastOne) all.push({ anyOf: t.atLeastOne.map((k) => ({ required: [k] })) });
  all.push(...familyRules(t));
  if (all.length) body.allOf = all;
  return withDocs(t, body);
}

/** Keys of one replication family are not allowed under another (`w` only in leaderless). */
function familyRules(t: ObjectType): JsonSchema[] {
  const tagged = Object.entries(t.properties).filter(([, p]) => p.families);
  if (!tagged.length || !t.properties.replication) return [];
  const families = [...new Set(tagged.flatMap(([, p]) => p.families ?? []))];
  return families.map((family) => {
    const forbidden: JsonSchema = {};
    for (const [k, p] of tagged) if (!p.families?.includes(family)) forbidden[k] = false;
    return {
      if: { properties: { replication: { const: family } }, required: ['replication'] },
      // biome-ignore lint/suspicious/noThenProperty: `then` is a JSON Schema keyword.
      then: { properties: forbidden },
    };
  });
}

export function toJsonSchema(): JsonSchema {
  const definitions: JsonSchema = {
    value: {
      description: 'A value: a scalar or a list of values.',
      anyOf: [
        { type: ['string', 'number', 'boolean', 'null'] },
        { type: 'array', items: { $ref: '#/definitions/value' } },
      ],
    },
  };
  for (const [name, def] of Object.entries(DEFINITIONS)) definitions[name] = convert(def);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://replication-debugger.github.io/schemas/scenario.schema.json',
    title: 'Replication Debugger scenario',
    ...convertObject(SCENARIO_SCHEMA),
    definitions,
  };
}

/** The file content of schemas/scenario.schema.json. */
export function jsonSchemaText(): string {
  return `${JSON.stringify(toJsonSchema(), null, 2)}\n`;
}

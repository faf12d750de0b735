import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { jsonSchemaText, toJsonSchema } from './jsonSchema';

const SCHEMA_FILE = join(__dirname, '..', '..', 'schemas', 'scenario.schema.json');
const FIXTURES = join(__dirname, 'fixtures');

describe('generated JSON Schema', () => {
  it('matches the committed schemas/scenario.schema.json (UPDATE_SCHEMA=1 rewrites it)', () => {
    const generated = jsonSchemaText();
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, generated);
    expect(existsSync(SCHEMA_FILE), 'run with UPDATE_SCHEMA=1 to create it').toBe(true);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated);
  });

  const ajv = new Ajv({ strict: false, allErrors: true });
  const validate = ajv.compile(toJsonSchema());

  it('accepts every spec example', () => {
    for (const f of readdirSync(FIXTURES).filter((x) => x.endsWith('.yaml'))) {
      const ok = validate(parse(readFileSync(join(FIXTURES, f), 'utf8')));
      expect(ok, `${f}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('rejects unknown keys, bad enum values and keys of another family', () => {
    const base = { scenario: 't', events: [] };
    const cluster = { replication: 'single-leader', nodes: ['a'] };
    expect(validate({ ...base, cluster })).toBe(true);
    expect(validate({ ...base, cluster: { ...cluster, replicaton: 'x' } })).toBe(false);
    expect(validate({ ...base, cluster: { ...cluster, replication: 'single-leder' } })).toBe(false);
    expect(validate({ ...base, cluster: { ...cluster, w: 2 } })).toBe(false);
    expect(validate({ ...base, cluster: { ...cluster, replication: 'leaderless', w: 2 } })).toBe(true);
  });

  it('requires exactly one action per event and validates durations', () => {
    const base = { scenario: 't', cluster: { replication: 'leaderless', nodes: ['a'] } };
    expect(validate({ ...base, events: [{ at: '5ms', crash: 'a' }] })).toBe(true);
    expect(validate({ ...base, events: [{ at: '5ms', crash: 'a', recover: 'a' }] })).toBe(false);
    expect(validate({ ...base, events: [{ at: '5min', crash: 'a' }] })).toBe(false);
    expect(validate({ ...base, events: [{ crash: 'a' }] })).toBe(false);
  });
});

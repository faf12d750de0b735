// Statement-based replication evaluates the statement on every node. Nondeterministic functions
// then give each replica its own answer: `now()` reads the node's own clock, `rand()` its own
// random stream, `nextId()` its own auto-increment counter. That divergence is the point DDIA makes.

import type { Value } from '../protocol';

export interface EvalEnv {
  clock: number;
  random(): number;
  /** Returns the next auto-increment id of this node. */
  nextId(): number;
}

const CALL = /(now|rand|nextId)\(\)/g;

/** True when the value holds a nondeterministic call anywhere. */
export function isNondeterministic(value: Value | undefined): boolean {
  if (typeof value === 'string') return new RegExp(CALL.source).test(value);
  if (Array.isArray(value)) return value.some(isNondeterministic);
  return false;
}

function call(name: string, env: EvalEnv): number {
  if (name === 'now') return Math.round(env.clock * 1000) / 1000;
  if (name === 'rand') return Math.floor(env.random() * 1_000_000);
  return env.nextId();
}

/**
 * Evaluate the calls inside a value. A string that is exactly one call becomes a number; calls
 * inside a longer string are substituted as text (`order-nextId()` -> `order-7`).
 */
export function evaluate(value: Value, env: EvalEnv): Value {
  if (Array.isArray(value)) return value.map((v) => evaluate(v, env));
  if (typeof value !== 'string') return value;
  const whole = /^\s*(now|rand|nextId)\(\)\s*$/.exec(value);
  if (whole) return call(whole[1]!, env);
  if (!isNondeterministic(value)) return value;
  return value.replace(CALL, (_m, name: string) => String(call(name, env)));
}

function literal(value: Value | undefined): string {
  if (value === undefined) return 'NULL';
  if (typeof value === 'string')
    return isNondeterministic(value) && /^\s*\w+\(\)\s*$/.test(value) ? value.trim() : `'${value}'`;
  return JSON.stringify(value);
}

/** The statement as it appears in the log (what a MySQL binlog in STATEMENT format would hold). */
export function statementText(
  write: string,
  key: string,
  value: Value | undefined,
  by: number | undefined,
): string {
  switch (write) {
    case 'delete':
      return `DELETE FROM kv WHERE key = '${key}'`;
    case 'increment':
      return `UPDATE kv SET value = value + ${by ?? 1} WHERE key = '${key}'`;
    case 'add':
      return `UPDATE kv SET value = array_add(value, ${literal(value)}) WHERE key = '${key}'`;
    case 'remove':
      return `UPDATE kv SET value = array_remove(value, ${literal(value)}) WHERE key = '${key}'`;
    default:
      return `UPSERT INTO kv (key, value) VALUES ('${key}', ${literal(value)})`;
  }
}

// The debugger's one expression language: breakpoint conditions, logpoints, `evaluate`, watch,
// hovers and completions all go through it, so a user learns one syntax. It reads a stopped
// point of a run through `ExprScope` and never sees the engine.

import type { Anomaly, Sibling, TraceEvent, Value, VersionVector } from '../../traces/types';

/** A node's or client's state at one point of the run. */
export interface ActorSnapshot {
  id: string;
  kind: 'node' | 'client' | 'network';
  up: boolean;
  data: Record<string, Sibling[]>;
  fields: Record<string, unknown>;
}

/** A message sent and neither delivered nor dropped yet. */
export interface InflightMessage {
  msg: number;
  type: string;
  from: string;
  to: string;
  /** The send event. */
  sent: number;
  sentAt: number;
  payload?: unknown;
}

/** What an expression can see at a stopped point. */
export interface ExprScope {
  /** Node and client ids, in declaration order. */
  actorIds(): string[];
  actor(id: string): ActorSnapshot | undefined;
  /** Every data key that appears anywhere in the run (so `n1.cart` on a node without it is empty, not a typo). */
  knownKeys(): ReadonlySet<string>;
  now(): number;
  event(): TraceEvent | undefined;
  eventById(id: number): TraceEvent | undefined;
  inflight(): InflightMessage[];
  anomalies(): Anomaly[];
  happensBefore(a: number, b: number): boolean;
  /** Extra names bound at this point (`anomaly` at an anomaly stop). */
  extra?(): Record<string, unknown>;
}

export class ExpressionError extends Error {
  /** 1-based column of the problem in the expression. */
  readonly column: number;
  constructor(message: string, column: number) {
    super(message);
    this.name = 'ExpressionError';
    this.column = column;
  }
}

/** One data key on one actor: its siblings, shown and compared by their values. */
export class KeyState {
  constructor(
    readonly actor: string,
    readonly key: string,
    readonly siblings: Sibling[],
  ) {}

  get live(): Sibling[] {
    return this.siblings.filter((s) => !s.tombstone);
  }

  /** The value a comparison sees: the single value, a list of sibling values, or null. */
  comparable(): unknown {
    const live = this.live;
    if (live.length === 0) return null;
    if (live.length === 1) return live[0]!.value;
    return live.map((s) => s.value);
  }

  member(name: string): unknown {
    switch (name) {
      case 'siblings':
        return this.live.length;
      case 'values':
        return this.live.map((s) => s.value);
      case 'value':
        return this.comparable();
      case 'vv':
        return mergeVectors(this.siblings.map((s) => s.vv));
      case 'versions':
        return this.siblings.map((s) => s.version ?? null);
      case 'version':
        return Math.max(0, ...this.siblings.map((s) => s.version ?? 0));
      case 'ts':
        return Math.max(0, ...this.siblings.map((s) => s.ts ?? 0));
      case 'ops':
        return this.siblings.flatMap((s) => [...(s.op ? [s.op] : []), ...(s.ops ?? [])]);
      case 'deleted':
        return this.siblings.length > 0 && this.live.length === 0;
      case 'exists':
        return this.live.length > 0;
      case 'all':
        return this.siblings;
      default:
        throw new Error(
          `${this.actor}.${this.key} has no '${name}' (try: values, siblings, vv, version, ts, ops, deleted, exists)`,
        );
    }
  }
}

export const KEY_MEMBERS = [
  'values',
  'siblings',
  'value',
  'vv',
  'version',
  'versions',
  'ts',
  'ops',
  'deleted',
  'exists',
];

/** An actor as an expression value. */
export class ActorRef {
  constructor(
    readonly snapshot: ActorSnapshot,
    private readonly keys: ReadonlySet<string>,
  ) {}

  get id(): string {
    return this.snapshot.id;
  }

  memberNames(): string[] {
    const s = this.snapshot;
    return ['up', 'data', 'fields', ...Object.keys(s.fields), ...Object.keys(s.data)];
  }

  member(name: string): unknown {
    const s = this.snapshot;
    if (name === 'up') return s.up;
    if (name === 'id') return s.id;
    if (name === 'data') {
      const out: Record<string, KeyState> = {};
      for (const [k, v] of Object.entries(s.data)) out[k] = new KeyState(s.id, k, v);
      return out;
    }
    if (name === 'fields') return s.fields;
    if (Object.hasOwn(s.fields, name)) return s.fields[name];
    if (Object.hasOwn(s.data, name)) return new KeyState(s.id, name, s.data[name]!);
    if (this.keys.has(name)) return new KeyState(s.id, name, []);
    const fields = Object.keys(s.fields);
    const keys = [...this.keys];
    throw new Error(
      `${s.id} has no field or key '${name}'` +
        ` (fields: ${fields.length ? fields.join(', ') : 'none'}; keys: ${keys.length ? keys.join(', ') : 'none'})`,
    );
  }
}

/** A data key across every node: what `cart` alone means. */
export class KeyAcross {
  constructor(
    readonly key: string,
    readonly perActor: KeyState[],
  ) {}
}

// ---------------------------------------------------------------------------------------------
// Lexer

type TokenKind = 'num' | 'str' | 'ident' | 'op' | 'eof';
interface Token {
  kind: TokenKind;
  text: string;
  value?: number | string;
  col: number;
}

const OPERATORS = [
  '&&',
  '||',
  '==',
  '!=',
  '<=',
  '>=',
  '<',
  '>',
  '!',
  '(',
  ')',
  '[',
  ']',
  ',',
  '.',
  '+',
  '-',
  '*',
  '/',
  '%',
];

function lex(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const col = i + 1;
    if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?(e[+-]?[0-9]+)?/i.exec(src.slice(i))!;
      out.push({ kind: 'num', text: m[0], value: Number(m[0]), col });
      i += m[0].length;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let s = '';
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\' && j + 1 < src.length) {
          const n = src[j + 1]!;
          s += n === 'n' ? '\n' : n === 't' ? '\t' : n;
          j += 2;
        } else s += src[j++];
      }
      if (j >= src.length) throw new ExpressionError(`unterminated string starting at column ${col}`, col);
      out.push({ kind: 'str', text: src.slice(i, j + 1), value: s, col });
      i = j + 1;
      continue;
    }
    if (c === '`') {
      // Backquotes name an id that is not a plain identifier (`dc-1`, `eu.west`).
      const j = src.indexOf('`', i + 1);
      if (j < 0) throw new ExpressionError(`unterminated \` name starting at column ${col}`, col);
      out.push({ kind: 'ident', text: src.slice(i + 1, j), col });
      i = j + 1;
      continue;
    }
    if (/[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(src.slice(i))!;
      out.push({ kind: 'ident', text: m[0], col });
      i += m[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (!op) throw new ExpressionError(`unexpected '${c}' at column ${col}`, col);
    out.push({ kind: 'op', text: op, col });
    i += op.length;
  }
  out.push({ kind: 'eof', text: '', col: src.length + 1 });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Parser (precedence climbing)

export type Expr =
  | { t: 'lit'; value: unknown; col: number }
  | { t: 'name'; name: string; col: number }
  | { t: 'list'; items: Expr[]; col: number }
  | { t: 'member'; object: Expr; name: string; col: number }
  | { t: 'index'; object: Expr; index: Expr; col: number }
  | { t: 'call'; fn: string; args: Expr[]; col: number }
  | { t: 'unary'; op: '!' | '-'; arg: Expr; col: number }
  | { t: 'binary'; op: string; left: Expr; right: Expr; col: number };

const BINARY_PRECEDENCE: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  in: 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
};

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Expr {
    const e = this.expression(0);
    const t = this.peek();
    if (t.kind !== 'eof') throw new ExpressionError(`unexpected '${t.text}' at column ${t.col}`, t.col);
    return e;
  }

  private peek(): Token {
    return this.tokens[this.i]!;
  }

  private next(): Token {
    return this.tokens[this.i++]!;
  }

  private expect(text: string): Token {
    const t = this.next();
    if (t.text !== text || t.kind === 'str') {
      const found = t.kind === 'eof' ? 'the end' : `'${t.text}'`;
      throw new ExpressionError(`expected '${text}' at column ${t.col}, found ${found}`, t.col);
    }
    return t;
  }

  private binaryOp(): string | undefined {
    const t = this.peek();
    if (t.kind === 'op' && t.text in BINARY_PRECEDENCE) return t.text;
    if (t.kind === 'ident' && t.text === 'in') return 'in';
    return undefined;
  }

  private expression(minPrec: number): Expr {
    let left = this.unary();
    for (;;) {
      const op = this.binaryOp();
      if (!op) return left;
      const prec = BINARY_PRECEDENCE[op]!;
      if (prec <= minPrec) return left;
      const t = this.next();
      const right = this.expression(prec);
      left = { t: 'binary', op, left, right, col: t.col };
    }
  }

  private unary(): Expr {
    const t = this.peek();
    if (t.kind === 'op' && (t.text === '!' || t.text === '-')) {
      this.next();
      return { t: 'unary', op: t.text, arg: this.unary(), col: t.col };
    }
    return this.postfix(this.primary());
  }

  private postfix(e: Expr): Expr {
    for (;;) {
      const t = this.peek();
      if (t.kind === 'op' && t.text === '.') {
        this.next();
        const n = this.next();
        if (n.kind !== 'ident' && n.kind !== 'num')
          throw new ExpressionError(`expected a name after '.' at column ${n.col}`, n.col);
        e = { t: 'member', object: e, name: n.text, col: n.col };
      } else if (t.kind === 'op' && t.text === '[') {
        this.next();
        const index = this.expression(0);
        this.expect(']');
        e = { t: 'index', object: e, index, col: t.col };
      } else return e;
    }
  }

  private primary(): Expr {
    const t = this.next();
    switch (t.kind) {
      case 'num':
      case 'str':
        return { t: 'lit', value: t.value, col: t.col };
      case 'ident': {
        if (t.text === 'true' || t.text === 'false')
          return { t: 'lit', value: t.text === 'true', col: t.col };
        if (t.text === 'null') return { t: 'lit', value: null, col: t.col };
        if (this.peek().text === '(' && this.peek().kind === 'op') {
          this.next();
          const args: Expr[] = [];
          if (this.peek().text !== ')') {
            do args.push(this.expression(0));
            while (this.peek().text === ',' && this.next());
          }
          this.expect(')');
          return { t: 'call', fn: t.text, args, col: t.col };
        }
        return { t: 'name', name: t.text, col: t.col };
      }
      case 'op':
        if (t.text === '(') {
          const e = this.expression(0);
          this.expect(')');
          return e;
        }
        if (t.text === '[') {
          const items: Expr[] = [];
          if (this.peek().text !== ']') {
            do items.push(this.expression(0));
            while (this.peek().text === ',' && this.next());
          }
          this.expect(']');
          return { t: 'list', items, col: t.col };
        }
        throw new ExpressionError(`unexpected '${t.text}' at column ${t.col}`, t.col);
      default:
        throw new ExpressionError(
          t.col === 1 ? 'the expression is empty' : `the expression ends early at column ${t.col}`,
          t.col,
        );
    }
  }
}

const parsed = new Map<string, Expr>();

/** Parse an expression (cached: conditions are evaluated at many events). */
export function parseExpression(src: string): Expr {
  let e = parsed.get(src);
  if (!e) {
    e = new Parser(lex(src)).parse();
    if (parsed.size > 500) parsed.clear();
    parsed.set(src, e);
  }
  return e;
}

// ---------------------------------------------------------------------------------------------
// Evaluator

export const FUNCTIONS: Record<string, string> = {
  vv: 'vv(node, "key") — the version vector of a key on a node (siblings merged)',
  hb: 'hb(a, b) — event a happens before event b',
  concurrent: 'concurrent(a, b) — neither event happens before the other',
  len: 'len(x) — length of a list, string, or number of siblings',
  keys: 'keys(node) — the data keys a node holds',
  ev: 'ev(id) — an event of the trace',
  actor: 'actor("id") — a node or client by id',
};

export const GLOBALS: Record<string, string> = {
  now: 'virtual time of the current event, ms',
  event: 'the current event',
  inflight: 'messages sent and not yet delivered or dropped',
  anomalies: 'anomalies detected so far',
};

export function evaluate(src: string, scope: ExprScope): unknown {
  const expr = parseExpression(src);
  return evalExpr(expr, scope);
}

function fail(message: string, col: number): never {
  throw new ExpressionError(message, col);
}

function evalExpr(e: Expr, scope: ExprScope): unknown {
  switch (e.t) {
    case 'lit':
      return e.value;
    case 'list':
      return e.items.map((i) => evalExpr(i, scope));
    case 'name':
      return resolveName(e.name, e.col, scope);
    case 'member': {
      const obj = evalExpr(e.object, scope);
      return member(obj, e.name, e.col);
    }
    case 'index': {
      const obj = evalExpr(e.object, scope);
      const idx = evalExpr(e.index, scope);
      if (typeof idx === 'string') return member(obj, idx, e.col);
      if (typeof idx !== 'number') fail(`an index must be a number or a string (column ${e.col})`, e.col);
      const list = obj instanceof KeyState ? obj.live : obj;
      if (!Array.isArray(list)) fail(`only lists can be indexed (column ${e.col})`, e.col);
      const i = idx < 0 ? list.length + idx : idx;
      return list[i] ?? null;
    }
    case 'call':
      return call(e.fn, e.args, e.col, scope);
    case 'unary': {
      const v = evalExpr(e.arg, scope);
      if (e.op === '!') return !truthy(v);
      if (typeof v !== 'number') fail(`'-' needs a number, got ${typeName(v)} (column ${e.col})`, e.col);
      return -v;
    }
    case 'binary':
      return binary(e, scope);
  }
}

function resolveName(name: string, col: number, scope: ExprScope): unknown {
  const extra = scope.extra?.();
  if (extra && Object.hasOwn(extra, name)) return extra[name];
  const actor = scope.actor(name);
  if (actor) return new ActorRef(actor, scope.knownKeys());
  switch (name) {
    case 'now':
      return scope.now();
    case 'event':
      return scope.event() ?? null;
    case 'inflight':
      return scope.inflight();
    case 'anomalies':
      return scope.anomalies();
  }
  if (scope.knownKeys().has(name)) {
    const per: KeyState[] = [];
    for (const id of scope.actorIds()) {
      const a = scope.actor(id);
      if (a?.kind === 'node' || (a && Object.hasOwn(a.data, name)))
        per.push(new KeyState(id, name, a.data[name] ?? []));
    }
    return new KeyAcross(name, per);
  }
  const suggestion = closest(name, [...scope.actorIds(), ...Object.keys(GLOBALS), ...scope.knownKeys()]);
  fail(
    `unknown name '${name}' at column ${col}${suggestion ? ` (did you mean '${suggestion}'?)` : ''}; ` +
      `names are nodes and clients (${scope.actorIds().join(', ')}), keys, now, event, inflight, anomalies`,
    col,
  );
}

function member(obj: unknown, name: string, col: number): unknown {
  try {
    if (obj instanceof ActorRef) return obj.member(name);
    if (obj instanceof KeyState) return obj.member(name);
    if (obj instanceof KeyAcross) {
      const hit = obj.perActor.find((k) => k.actor === name);
      if (hit) return hit;
      throw new Error(
        `'${obj.key}' is held on ${obj.perActor.map((k) => k.actor).join(', ')}, not '${name}'`,
      );
    }
  } catch (err) {
    fail(`${(err as Error).message} (column ${col})`, col);
  }
  if ((Array.isArray(obj) || typeof obj === 'string') && (name === 'length' || name === 'count'))
    return obj.length;
  if (Array.isArray(obj) && /^[0-9]+$/.test(name)) return obj[Number(name)] ?? null;
  if (obj !== null && typeof obj === 'object' && !Array.isArray(obj)) {
    const rec = obj as Record<string, unknown>;
    if (Object.hasOwn(rec, name)) return rec[name];
    return null;
  }
  fail(`${typeName(obj)} has no '${name}' (column ${col})`, col);
}

function call(fn: string, argExprs: Expr[], col: number, scope: ExprScope): unknown {
  const args = argExprs.map((a) => evalExpr(a, scope));
  const arity = (n: number) => {
    if (args.length !== n)
      fail(`${FUNCTIONS[fn]!.split(' — ')[0]} takes ${n} argument(s) (column ${col})`, col);
  };
  const actorArg = (v: unknown): ActorRef => {
    if (v instanceof ActorRef) return v;
    if (typeof v === 'string') {
      const a = scope.actor(v);
      if (a) return new ActorRef(a, scope.knownKeys());
    }
    fail(`${fn}: ${formatValue(v)} is not a node or client (column ${col})`, col);
  };
  const eventArg = (v: unknown): number => {
    if (typeof v === 'number' && Number.isInteger(v) && scope.eventById(v)) return v;
    if (v && typeof v === 'object' && typeof (v as TraceEvent).id === 'number') return (v as TraceEvent).id;
    fail(`${fn}: ${formatValue(v)} is not an event id (column ${col})`, col);
  };
  switch (fn) {
    case 'vv': {
      arity(2);
      const a = actorArg(args[0]);
      const key = args[1] instanceof KeyState ? args[1].key : args[1];
      if (typeof key !== 'string') fail(`vv: the key must be a string (column ${col})`, col);
      return mergeVectors((a.snapshot.data[key] ?? []).map((s) => s.vv));
    }
    case 'hb':
      arity(2);
      return scope.happensBefore(eventArg(args[0]), eventArg(args[1]));
    case 'concurrent': {
      arity(2);
      const a = eventArg(args[0]);
      const b = eventArg(args[1]);
      return a !== b && !scope.happensBefore(a, b) && !scope.happensBefore(b, a);
    }
    case 'len': {
      arity(1);
      const v = args[0];
      if (v instanceof KeyState) return v.live.length;
      if (Array.isArray(v) || typeof v === 'string') return v.length;
      if (v && typeof v === 'object') return Object.keys(v).length;
      fail(`len: ${typeName(v)} has no length (column ${col})`, col);
      break;
    }
    case 'keys':
      arity(1);
      return Object.keys(actorArg(args[0]).snapshot.data);
    case 'ev': {
      arity(1);
      return scope.eventById(eventArg(args[0])) ?? null;
    }
    case 'actor':
      arity(1);
      return actorArg(args[0]);
  }
  const suggestion = closest(fn, Object.keys(FUNCTIONS));
  fail(
    `unknown function '${fn}' at column ${col}${suggestion ? ` (did you mean '${suggestion}'?)` : ''}; ` +
      `functions: ${Object.keys(FUNCTIONS).join(', ')}`,
    col,
  );
}

function plain(v: unknown): unknown {
  if (v instanceof KeyState) return v.comparable();
  if (v instanceof ActorRef) return v.id;
  return v;
}

function binary(e: Extract<Expr, { t: 'binary' }>, scope: ExprScope): unknown {
  if (e.op === '&&') return truthy(evalExpr(e.left, scope)) && truthy(evalExpr(e.right, scope));
  if (e.op === '||') return truthy(evalExpr(e.left, scope)) || truthy(evalExpr(e.right, scope));
  const l = plain(evalExpr(e.left, scope));
  const rRaw = evalExpr(e.right, scope);
  if (e.op === 'in') {
    if (rRaw instanceof KeyState) return rRaw.live.some((s) => deepEqual(s.value, l));
    if (Array.isArray(rRaw)) return rRaw.some((x) => deepEqual(plain(x), l));
    if (typeof rRaw === 'string' && typeof l === 'string') return rRaw.includes(l);
    if (rRaw && typeof rRaw === 'object' && typeof l === 'string') return Object.hasOwn(rRaw, l);
    fail(`'in' needs a list, string or object on its right, got ${typeName(rRaw)} (column ${e.col})`, e.col);
  }
  const r = plain(rRaw);
  switch (e.op) {
    case '==':
      return deepEqual(l, r);
    case '!=':
      return !deepEqual(l, r);
    case '<':
    case '<=':
    case '>':
    case '>=': {
      if (
        !(
          (typeof l === 'number' && typeof r === 'number') ||
          (typeof l === 'string' && typeof r === 'string')
        )
      )
        fail(`cannot compare ${typeName(l)} with ${typeName(r)} using '${e.op}' (column ${e.col})`, e.col);
      const a = l as number | string;
      const b = r as number | string;
      return e.op === '<' ? a < b : e.op === '<=' ? a <= b : e.op === '>' ? a > b : a >= b;
    }
    case '+':
      if (typeof l === 'string' || typeof r === 'string') return `${display(l)}${display(r)}`;
      if (Array.isArray(l) && Array.isArray(r)) return [...l, ...r];
      break;
  }
  if (typeof l !== 'number' || typeof r !== 'number')
    fail(`'${e.op}' needs numbers, got ${typeName(l)} and ${typeName(r)} (column ${e.col})`, e.col);
  switch (e.op) {
    case '+':
      return l + r;
    case '-':
      return l - r;
    case '*':
      return l * r;
    case '/':
      if (r === 0) fail(`division by zero (column ${e.col})`, e.col);
      return l / r;
    default:
      if (r === 0) fail(`division by zero (column ${e.col})`, e.col);
      return l % r;
  }
}

export function truthy(v: unknown): boolean {
  if (v instanceof KeyState) return v.live.length > 0;
  if (Array.isArray(v)) return v.length > 0;
  return v !== null && v !== undefined && v !== false && v !== 0 && v !== '';
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined) return b === null;
  if (b === undefined) return a === null;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => deepEqual(plain(x), plain(b[i])));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return (
      ka.length === kb.length &&
      ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    );
  }
  return false;
}

function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (v instanceof ActorRef) return `node ${v.id}`;
  if (v instanceof KeyState) return `key ${v.actor}.${v.key}`;
  if (v instanceof KeyAcross) return `key ${v.key}`;
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v}`;
}

function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** Element-wise maximum of version vectors (a replica's view of a key's history). */
export function mergeVectors(vs: (VersionVector | undefined)[]): VersionVector {
  const out: VersionVector = {};
  for (const v of vs) if (v) for (const [k, n] of Object.entries(v)) out[k] = Math.max(out[k] ?? 0, n);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Display

/** `{a:2, b:1}` */
export function formatVector(v: VersionVector): string {
  return `{${Object.entries(v)
    .map(([k, n]) => `${k}:${n}`)
    .join(', ')}}`;
}

function display(v: unknown): string {
  return typeof v === 'string' ? v : formatValue(v);
}

export function formatScenarioValue(v: Value | unknown): string {
  if (typeof v === 'string') return /^[A-Za-z0-9_.:-]+$/.test(v) ? v : JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(formatScenarioValue).join(', ')}]`;
  if (v === undefined) return 'null';
  return JSON.stringify(v) ?? String(v);
}

/** One sibling on one line: `[milk] v3 {a:2, b:1}`, tombstones as `(deleted)`. */
export function formatSibling(s: Sibling): string {
  const parts = [s.tombstone ? '(deleted)' : formatScenarioValue(s.value)];
  if (s.version !== undefined) parts.push(`v${s.version}`);
  if (s.vv && Object.keys(s.vv).length) parts.push(formatVector(s.vv));
  if (s.dot) parts.push(`dot ${s.dot[0]}:${s.dot[1]}`);
  if (s.ts !== undefined) parts.push(`ts ${s.ts}`);
  return parts.join(' ');
}

export function formatSiblings(list: Sibling[]): string {
  if (list.length === 0) return '(absent)';
  if (list.length === 1) return formatSibling(list[0]!);
  return `${list.length} siblings: ${list.map(formatSibling).join(' | ')}`;
}

function isVector(v: unknown): v is VersionVector {
  return (
    !!v &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    Object.keys(v).length > 0 &&
    Object.values(v).every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0)
  );
}

/** A readable one-line summary of any expression value, at most `max` characters. */
export function formatValue(v: unknown, max = 200): string {
  const s = formatInner(v, 0);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function formatInner(v: unknown, depth: number): string {
  if (v === undefined || v === null) return 'null';
  if (v instanceof KeyState) return formatSiblings(v.siblings);
  if (v instanceof ActorRef) {
    const s = v.snapshot;
    const parts = [`${s.id}${s.up ? '' : ' (down)'}`];
    for (const f of ['role', 'term', 'leader'])
      if (f in s.fields) parts.push(`${f}=${formatInner(s.fields[f], 2)}`);
    const keys = Object.keys(s.data);
    parts.push(keys.length ? `${keys.length} key${keys.length > 1 ? 's' : ''}` : 'no data');
    return parts.join(' ');
  }
  if (v instanceof KeyAcross)
    return v.perActor.map((k) => `${k.actor}: ${formatSiblings(k.siblings)}`).join('; ');
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v !== 'object') return String(v);
  if (depth > 2) return Array.isArray(v) ? `[…${v.length}]` : '{…}';
  if (Array.isArray(v)) {
    const shown = v.slice(0, 20).map((x) => formatInner(x, depth + 1));
    return `[${shown.join(', ')}${v.length > 20 ? `, …${v.length - 20} more` : ''}]`;
  }
  if (isVector(v)) return formatVector(v);
  const entries = Object.entries(v as Record<string, unknown>);
  const shown = entries.slice(0, 12).map(([k, x]) => `${k}: ${formatInner(x, depth + 1)}`);
  return `{${shown.join(', ')}${entries.length > 12 ? ', …' : ''}}`;
}

// ---------------------------------------------------------------------------------------------
// Logpoints and completions

/** Fill `{expr}` holes of a logpoint message; `{{` and `}}` are literal braces. Errors show inline. */
export function interpolate(template: string, scope: ExprScope): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const c = template[i]!;
    if (c === '{' && template[i + 1] === '{') {
      out += '{';
      i += 2;
    } else if (c === '}' && template[i + 1] === '}') {
      out += '}';
      i += 2;
    } else if (c === '{') {
      const end = template.indexOf('}', i + 1);
      if (end < 0) {
        out += template.slice(i);
        break;
      }
      const src = template.slice(i + 1, end);
      try {
        const v = evaluate(src, scope);
        out += typeof v === 'string' ? v : formatValue(v);
      } catch (err) {
        out += `<${(err as Error).message}>`;
      }
      i = end + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

export interface Completion {
  label: string;
  type: 'property' | 'function' | 'variable' | 'keyword' | 'field' | 'module';
  detail?: string;
  /** 0-based start in the text of the part being replaced. */
  start: number;
  length: number;
}

/** Completions at a 0-based `column` of `text`: members after `x.`, otherwise top-level names. */
export function completionsAt(text: string, column: number, scope: ExprScope): Completion[] {
  const before = text.slice(0, column);
  const word = /[A-Za-z0-9_$]*$/.exec(before)![0];
  const start = column - word.length;
  const dot = before.slice(0, start);
  const out: Completion[] = [];
  const add = (label: string, type: Completion['type'], detail?: string) => {
    if (label.startsWith(word))
      out.push({ label, type, start, length: word.length, ...(detail ? { detail } : {}) });
  };
  if (dot.endsWith('.')) {
    let target: unknown;
    try {
      target = evaluate(objectBefore(dot.slice(0, -1)), scope);
    } catch {
      return [];
    }
    if (target instanceof ActorRef) {
      for (const f of Object.keys(target.snapshot.fields)) add(f, 'field', 'protocol field');
      for (const k of scope.knownKeys()) add(k, 'property', 'data key');
      for (const m of ['up', 'data', 'fields']) add(m, 'property');
    } else if (target instanceof KeyState) for (const m of KEY_MEMBERS) add(m, 'property');
    else if (target instanceof KeyAcross) for (const k of target.perActor) add(k.actor, 'module');
    else if (Array.isArray(target)) add('length', 'property');
    else if (target && typeof target === 'object') for (const k of Object.keys(target)) add(k, 'property');
    return out;
  }
  for (const id of scope.actorIds()) add(id, 'module', scope.actor(id)?.kind);
  for (const [g, d] of Object.entries(GLOBALS)) add(g, 'variable', d);
  for (const [f, d] of Object.entries(FUNCTIONS)) add(f, 'function', d);
  for (const k of scope.knownKeys()) add(k, 'property', 'data key on every node');
  for (const kw of ['true', 'false', 'null', 'in']) add(kw, 'keyword');
  return out;
}

/** The member-access chain that ends `text` (`foo(n1.cart` → `n1.cart`). */
function objectBefore(text: string): string {
  const m = /([A-Za-z_$`][A-Za-z0-9_$.`\-[\]"']*)$/.exec(text);
  return m ? m[1]! : text;
}

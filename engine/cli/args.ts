// A small, strict argument parser: known flags only, each with a clear error when misused.

export class UsageError extends Error {}

export interface FlagSpec {
  /** Takes a value (`--seed 3` or `--seed=3`); otherwise a boolean switch. */
  value?: boolean;
  /** May be given several times (values collected in order). */
  repeat?: boolean;
}

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string[]>;
}

export function parseArgs(
  argv: readonly string[],
  spec: Record<string, FlagSpec>,
  command: string,
): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const s = spec[name];
    if (!s) {
      const known = Object.keys(spec)
        .map((k) => `--${k}`)
        .join(', ');
      throw new UsageError(`${command}: unknown option --${name} (options: ${known || 'none'})`);
    }
    let value = 'true';
    if (s.value) {
      if (eq >= 0) value = arg.slice(eq + 1);
      else {
        const next = argv[i + 1];
        if (next === undefined || (next.startsWith('--') && next.length > 2))
          throw new UsageError(`${command}: --${name} needs a value`);
        value = next;
        i++;
      }
    } else if (eq >= 0) throw new UsageError(`${command}: --${name} takes no value`);
    const list = flags.get(name) ?? [];
    if (list.length > 0 && !s.repeat) throw new UsageError(`${command}: --${name} given twice`);
    list.push(value);
    flags.set(name, list);
  }
  return { positional, flags };
}

export function flag(args: ParsedArgs, name: string): string | undefined {
  return args.flags.get(name)?.[0];
}

export function intFlag(args: ParsedArgs, name: string, command: string, min = 0): number | undefined {
  const raw = flag(args, name);
  if (raw === undefined) return undefined;
  if (!/^-?\d+$/.test(raw) || Number(raw) < min)
    throw new UsageError(
      `${command}: --${name} must be a whole number${min > 0 ? ` >= ${min}` : ''}, not "${raw}"`,
    );
  return Number(raw);
}

export function choiceFlag<T extends string>(
  args: ParsedArgs,
  name: string,
  choices: readonly T[],
  command: string,
): T | undefined {
  const raw = flag(args, name);
  if (raw === undefined) return undefined;
  if (!(choices as readonly string[]).includes(raw))
    throw new UsageError(`${command}: --${name} must be one of ${choices.join(', ')}, not "${raw}"`);
  return raw as T;
}

import type { parseArgs, ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error.js';

type OptionSpec = { type: 'string' | 'boolean'; short?: string };

/** What a parse collects, and the options it knows. */
interface Parse {
  options: Readonly<Record<string, OptionSpec>>;
  values: Record<string, string | boolean>;
}

/**
 * One option, named `shown` as typed: its value inline (`--a=b`, `-ob`) or `next`. Returns how many of the
 * following arguments it used (0 or 1).
 */
function takeOption(
  parse: Parse,
  shown: string,
  name: string,
  inline: string | undefined,
  next: string | undefined,
): number {
  const spec = Object.hasOwn(parse.options, name) ? parse.options[name] : undefined;
  if (!spec) throw new UsageError(`unknown option ${shown} (see --help)`);
  const long = `--${name}`;
  if (spec.type === 'boolean') {
    if (inline !== undefined) throw new UsageError(`${long} does not take a value`);
    parse.values[name] = true;
    return 0;
  }
  const value = inline ?? next;
  if (value === undefined) throw new UsageError(`${long} needs a value`);
  // As node's: a following argument that looks like an option is not taken as the value (`--a=-b` is).
  if (inline === undefined && value.length > 1 && value.startsWith('-'))
    throw new UsageError(`${shown} needs a value`);
  parse.values[name] = value;
  return inline === undefined ? 1 : 0;
}

/** A group of short options (`-hV`); a short string option takes the rest of the group as its value. */
function takeShortGroup(parse: Parse, arg: string, next: string | undefined): number {
  for (let at = 1; at < arg.length; at += 1) {
    const short = arg.charAt(at);
    const name = Object.keys(parse.options).find((long) => parse.options[long]?.short === short) ?? short;
    const last = at === arg.length - 1;
    if (!last && Object.hasOwn(parse.options, name) && parse.options[name]?.type === 'string') {
      takeOption(parse, `-${short}`, name, arg.slice(at + 1), undefined);
      return 0;
    }
    const used = takeOption(parse, `-${short}`, name, undefined, last ? next : undefined);
    if (last) return used;
  }
  return 0;
}

/**
 * node:util parseArgs in strict mode, for the option shapes the CLI declares (string and boolean options, short
 * aliases, positionals), throwing {@link UsageError} with a one-line message. Not node's own: its first call loads
 * and runs node's parser cold, about 0.7 ms of a cold check (Node 20 and 24) for a handful of arguments. The
 * tests hold it to node's results and errors.
 */
export function parseArguments<const T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  const args = config.args ?? [];
  const parse: Parse = {
    options: (config.options ?? {}) as Record<string, OptionSpec>,
    values: Object.create(null) as Record<string, string | boolean>,
  };
  const positionals: string[] = [];
  const positional = (arg: string): void => {
    if (config.strict !== false && !config.allowPositionals)
      throw new UsageError('too many arguments (see --help)');
    positionals.push(arg);
  };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    const next = args[index + 1];
    if (arg === '--') {
      for (const rest of args.slice(index + 1)) positional(rest);
      break;
    }
    if (arg.startsWith('--')) {
      const equals = arg.indexOf('=');
      const name = equals === -1 ? arg.slice(2) : arg.slice(2, equals);
      index += takeOption(parse, `--${name}`, name, equals === -1 ? undefined : arg.slice(equals + 1), next);
    } else if (arg.length > 1 && arg.startsWith('-')) {
      index += takeShortGroup(parse, arg, next);
    } else {
      positional(arg);
    }
  }
  return { values: parse.values, positionals } as unknown as ReturnType<typeof parseArgs<T>>;
}

/** A value from a fixed set of choices, or a {@link UsageError} naming the flag and the choices. */
export function choice<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${flag}: unknown value "${value}" (expected ${allowed.join(', ')})`);
}

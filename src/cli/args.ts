import { parseArgs, type ParseArgsConfig } from 'node:util';
import { errorMessage } from '../errors.js';
import { UsageError } from './usage-error.js';

/** node:util parseArgs errors as one short line, e.g. `unknown option --foo (see --help)`. */
function describeParseError(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = errorMessage(error);
  // Node quotes options as '-o, --output <value>' or '--schema': name the long form, without the comma.
  const option = /'(?:-\w, )?(--?[\w-]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option ${option} (see --help)`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    if (/does not take/.test(message)) return `${option} does not take a value`;
    // `--threads -1`: parseArgs takes a value that starts with a dash for the next option.
    if (/ambiguous/.test(message))
      return `${option} needs a value; one that starts with "-" is written ${option}=VALUE`;
    return `${option} needs a value`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return 'too many arguments (see --help)';
  return message.split('\n')[0] ?? message;
}

/** node:util parseArgs, throwing {@link UsageError} with a one-line message instead of Node's. */
export function parseArguments<const T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  const simple = parseSimple(config);
  if (simple) return simple as ReturnType<typeof parseArgs<T>>;
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(describeParseError(error), { cause: error });
  }
}

/**
 * What parseArgs returns for the arguments a plain run has, or null for any other: each argument a positional not
 * starting with `-`, a known `--flag`, `--option=value`, or `--option value` with a value not starting with `-`.
 * node:util's parseArgs loads its internal modules on first use (about a millisecond of a cold run); every
 * other argument, and so every error, is left to it, as is any config this would read differently (not strict,
 * tokens, an option with a default or several values).
 */
function parseSimple(config: ParseArgsConfig): {
  values: Record<string, string | boolean>;
  positionals: string[];
} | null {
  const { args, options = {} } = config;
  if (!args || config.strict === false || config.tokens || !config.allowPositionals) return null;
  const values: Record<string, string | boolean> = Object.create(null) as Record<string, string | boolean>;
  const positionals: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    if (!arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    if (!arg.startsWith('--') || arg === '--') return null;
    const equals = arg.indexOf('=');
    const name = equals === -1 ? arg.slice(2) : arg.slice(2, equals);
    const option = Object.hasOwn(options, name) ? options[name] : undefined;
    if (!option || option.multiple || option.default !== undefined) return null;
    if (option.type === 'boolean') {
      if (equals !== -1) return null;
      values[name] = true;
    } else if (equals !== -1) {
      values[name] = arg.slice(equals + 1);
    } else {
      const value = args[index + 1];
      if (value === undefined || value.startsWith('-')) return null;
      values[name] = value;
      index++;
    }
  }
  return { values, positionals };
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

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
    return /does not take/.test(message) ? `${option} does not take a value` : `${option} needs a value`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return 'too many arguments (see --help)';
  return message.split('\n')[0] ?? message;
}

/** node:util parseArgs, throwing {@link UsageError} with a one-line message instead of Node's. */
export function parseArguments<const T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(describeParseError(error), { cause: error });
  }
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

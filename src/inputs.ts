import type { Severity } from './diagnostic.js';
import { RunError } from './errors.js';
import { EDITIONS, type Edition } from './editions.js';

/** The action's inputs, read and checked. */
export interface Settings {
  token: string;
  /** The report's path relative to the repository root. */
  path: string;
  edition: Edition | 'auto';
  /** Path of a custom constraints schema in the repository (read from the base / default branch), or null. */
  schema: string | null;
  /** The least severe finding that fails the step, or `never`. */
  failOn: Severity | 'never';
  /** Unanswered questions are errors instead of notices. */
  strict: boolean;
  /** The pull request to check on `workflow_dispatch`, or null. */
  prNumber: number | null;
  /** The whole run's time limit: past it the run ends as "could not run", having posted what it could. */
  timeoutSeconds: number;
}

/** Reads one input by its action.yml name; empty string when unset (as `@actions/core`'s `getInput`). */
export type GetInput = (name: string) => string;

const FAIL_ON = ['error', 'warning', 'never'] as const;
// YAML 1.2 core-schema booleans, as @actions/core's getBooleanInput accepts them.
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

function invalid(name: string, value: string, allowed: string): RunError {
  return new RunError(`Input "${name}" must be ${allowed}; got "${value}".`);
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw invalid(name, value, `one of ${allowed.join(', ')}`);
}

/** A repository-relative path: no leading `./` or `/`, no `..`, no backslashes. */
function repoPath(name: string, value: string): string {
  const path = value.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
  if (
    path === '' ||
    path.startsWith('/') ||
    path.includes('\\') ||
    path.split('/').some((p) => p === '..' || p === '')
  ) {
    throw invalid(name, value, 'a file path relative to the repository root, such as reports/README.md');
  }
  return path;
}

/** Reads and checks every input; a bad value throws a `RunError` naming the input and the allowed values. */
export function readSettings(getInput: GetInput): Settings {
  const get = (name: string) => getInput(name).trim();
  const token = get('github-token');
  if (!token) {
    throw new RunError(
      'Input "github-token" is empty; leave it at its default (${{ github.token }}) or pass a token.',
    );
  }
  const strict = get('strict') || 'false';
  if (!TRUE.includes(strict) && !FALSE.includes(strict)) throw invalid('strict', strict, 'true or false');
  const pr = get('pr-number').replace(/^#/, '');
  if (pr !== '' && !/^[1-9]\d{0,9}$/.test(pr))
    throw invalid('pr-number', pr, 'empty or a pull request number, such as 42');
  const timeout = get('timeout-seconds') || '120';
  if (!/^[1-9]\d{0,4}$/.test(timeout) || Number(timeout) < 10)
    throw invalid('timeout-seconds', timeout, 'a whole number of seconds from 10 to 99999, such as 120');
  const schema = get('schema');
  return {
    token,
    path: repoPath('path', get('path') || 'reports/README.md'),
    edition: oneOf('edition', get('edition') || 'auto', ['auto', ...EDITIONS]),
    schema: schema === '' ? null : repoPath('schema', schema),
    failOn: oneOf('fail-on', get('fail-on') || 'error', FAIL_ON),
    strict: TRUE.includes(strict),
    prNumber: pr === '' ? null : Number(pr),
    timeoutSeconds: Number(timeout),
  };
}

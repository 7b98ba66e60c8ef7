import type { ErrorObject } from 'ajv';
import type { AnswerName } from './answer-schemas.js';
import { answerValidator } from './answer-validators.js';
import { GitHubError } from './errors.js';

export type { AnswerName } from './answer-schemas.js';

/** The first problem ajv found, as a few words: where and what. */
function describe(data: unknown, errors: ErrorObject[] | null | undefined): string {
  if (data === undefined || data === '' || data === null) return 'an empty answer';
  if (typeof data === 'string') return 'an answer that is not JSON';
  if (data instanceof ArrayBuffer) return 'an answer that is not JSON';
  // Under anyOf, the deepest error is the one about the branch the answer meant to take.
  const first = [...(errors ?? [])].sort((a, b) => b.instancePath.length - a.instancePath.length)[0];
  return first ? `at ${first.instancePath || 'the top'}: ${first.message ?? 'unexpected'}` : 'unexpected';
}

/** Returns `data` when it has the shape of answer `name`, else throws a `malformed` {@link GitHubError}. */
export function checkAnswer<T>(name: AnswerName, operation: string, data: unknown): T {
  const validate = answerValidator(name);
  if (validate(data)) return data as T;
  throw new GitHubError(operation, 'malformed', 200, describe(data, validate.errors));
}

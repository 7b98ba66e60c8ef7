import { RunError } from '../errors.js';

/** Why a GitHub request failed, in the terms the action decides on. */
export type GitHubFailure =
  /** 403 that is not a rate limit: the token may not do this (fork PRs, read-only default tokens). */
  | 'forbidden'
  | 'not-found'
  /** 422: GitHub refused the request's content (e.g. a review line outside the diff). */
  | 'invalid'
  /** Rate limited, still after the throttling plugin's retries. */
  | 'rate-limited'
  /** 401: the token is missing, wrong or expired. */
  | 'unauthorized'
  /** 5xx or network failure, still after the retry plugin's retries. */
  | 'unavailable'
  /** A 2xx answer that is not what the API documents (empty, not JSON, the wrong shape, cut short). */
  | 'malformed';

/** A failed GitHub request: which operation, the HTTP status (0 for a network error), and a kind to decide on. */
export class GitHubError extends RunError {
  static override readonly brand: string = 'GitHubError';
  readonly kind: GitHubFailure;
  readonly status: number;
  readonly operation: string;

  constructor(
    operation: string,
    kind: GitHubFailure,
    status: number,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(
      kind === 'malformed'
        ? `GitHub's answer to "${operation}" is not what its API documents (${detail})`
        : `GitHub refused to ${operation} (${status || 'network error'}: ${detail})`,
      options,
    );
    this.name = 'GitHubError';
    this.kind = kind;
    this.status = status;
    this.operation = operation;
  }
}

/** Whether `error` is GitHub saying the token may not do this (403 that is not a rate limit). */
export function isForbidden(error: unknown): error is GitHubError {
  return error instanceof GitHubError && error.kind === 'forbidden';
}

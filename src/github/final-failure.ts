// Its own module: limits.ts (loaded with the action's entry) tells these failures apart without loading
// http-fetch.ts, whose node:http, node:https and @actions/http-client belong to the GitHub client's chunk.

/**
 * A failure the same request would meet again (an answer over the size limit, one in a coding that cannot be
 * read, a redirect loop, a header node refuses): retrying it would only repeat the download or the error.
 */
export class FinalFailure extends Error {
  override readonly name = 'FinalFailure';
}

/**
 * Whether a request failed with a {@link FinalFailure}: Octokit wraps fetch's TypeError, which wraps the cause.
 * Told by name, not instanceof: each bundle chunk that imports this module has a class of its own.
 */
export function isFinalFailure(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++)
    if (e.name === 'FinalFailure') return true;
  return false;
}

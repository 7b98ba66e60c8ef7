/**
 * A failure that stops report-check from running at all (unreadable file, invalid schema, API down): the CLI
 * exits 2 and the action fails with "could not run". The message is one line that says what and where.
 */
export class RunError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RunError';
  }
}

/**
 * Whether `error` is a {@link RunError}. By name, not class: the CLI loads some modules as separate bundles
 * (html, custom schemas), each with its own copy of the class.
 */
export function isRunError(error: unknown): error is RunError {
  return error instanceof Error && error.name === 'RunError';
}

/** The message of anything thrown, without dropping non-Error throws. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

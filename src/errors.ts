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

/** The message of anything thrown, without dropping non-Error throws. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A problem with how report-check was called or with a file it was given: one line on stderr, exit 2. */
export class UsageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UsageError';
  }
}

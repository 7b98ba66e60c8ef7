import { RunError } from '../errors.js';

/**
 * A problem with how report-check was called or with a file it was given: one line on stderr, exit 2. A RunError
 * for its brand: `cohort` runs in a chunk of its own (dist/cohort.cjs) with its own copy of this class, and the
 * usage error it throws must still be one to runCli in the main bundle, not an "internal error".
 */
export class UsageError extends RunError {
  static override readonly brand: string = 'UsageError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UsageError';
  }
}

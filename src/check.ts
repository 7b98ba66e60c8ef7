import type { Constraints } from './validate/constraints.js';
import type { CheckResult, Edition } from './result.js';

/** What {@link checkReport} needs: the report's bytes and where it lives, nothing read from disk or network. */
export interface CheckInput {
  /** The report's path relative to the repository root, e.g. `reports/README.md`. */
  path: string;
  /** The report's raw bytes (or text already decoded). */
  content: Uint8Array | string;
  /** Every file path in the repository, relative to its root; null skips the image-file checks. */
  files?: readonly string[] | null;
  /** Force an edition instead of detecting it from the prompts. */
  edition?: Edition | 'auto';
  /** A custom constraints schema, from {@link loadConstraints}; replaces the edition's built-in one. */
  constraints?: Constraints | null;
  /** Make unanswered questions errors (for the final hand-in). */
  strict?: boolean;
}

export type { CheckResult };

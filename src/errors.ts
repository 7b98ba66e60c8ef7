/**
 * A failure that stops report-check from running at all (unreadable file, invalid schema, API down): the CLI
 * exits 2 and the action fails with "could not run". The message is one line that says what and where.
 */
/** Where an error records the brands of its classes: one registry symbol, the same in every bundle and chunk. */
const BRANDS = Symbol.for('report-check/error-brands');

export class RunError extends Error {
  /** The class's name for `instanceof` across bundles (esbuild renames classes; each chunk has its own copy). */
  static readonly brand: string = 'RunError';

  /**
   * `instanceof` by brand, not by prototype: the action loads its GitHub client as a separate chunk
   * (dist/octokit.cjs) with its own copies of these classes, and an error it throws must still be a GitHubError
   * or a TimeBudgetError to the code that catches it.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (typeof value !== 'object' || value === null) return false;
    const brands = (value as { [BRANDS]?: unknown })[BRANDS];
    return Array.isArray(brands) && brands.includes(this.brand);
  }

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RunError';
    const brands: string[] = [];
    for (let c = new.target as unknown; typeof c === 'function' && c !== Error; c = Object.getPrototypeOf(c))
      brands.push((c as { brand?: string }).brand ?? '');
    Object.defineProperty(this, BRANDS, { value: brands });
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

/** A report that could not be checked at all (missing, a directory, binary, too large): one line saying why. */
export interface FileFailure {
  /** The path as the user gave it. */
  path: string;
  /** What went wrong, one line, without the path. */
  message: string;
}

/** Largest report read: real reports are under 100 KiB, and a bigger file is almost surely not a report. */
export const MAX_REPORT_BYTES = 1024 * 1024;

/** Why a report cannot be checked at all: each is one named problem with one rule id. */
export type SourceProblem =
  | { kind: 'missing'; /** The commit looked at. */ ref: string }
  | { kind: 'deleted' }
  | { kind: 'renamed'; /** Where the pull request moves the report. */ to: string }
  | { kind: 'too-large'; /** The file's size in bytes. */ size: number }
  | { kind: 'binary'; /** Offset of the first NUL byte. */ offset: number };

/** The rule id that reports each problem. */
export const PROBLEM_RULES: Record<SourceProblem['kind'], string> = {
  missing: 'report-missing',
  deleted: 'report-deleted',
  renamed: 'report-renamed',
  'too-large': 'report-too-large',
  binary: 'report-binary',
};

/** What is wrong with a report's bytes themselves (over the size limit, or binary), or null. */
export function bytesProblem(bytes: Uint8Array): SourceProblem | null {
  if (bytes.length > MAX_REPORT_BYTES) return { kind: 'too-large', size: bytes.length };
  const offset = bytes.indexOf(0);
  return offset === -1 ? null : { kind: 'binary', offset };
}

/** A size as a person reads it against the limit. */
function formatSize(bytes: number): string {
  // Just over the limit, one decimal would read "1.0 MiB; the limit is 1 MiB": show the bytes there.
  return bytes >= 2 * 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB` : `${bytes} bytes`;
}

/** The problem in a few words, without the path: the CLI's "could not run" line after `path: `. */
export function problemReason(problem: SourceProblem): string {
  switch (problem.kind) {
    case 'missing':
      return 'no such file';
    case 'deleted':
      return 'deleted by the pull request';
    case 'renamed':
      return `moved to ${problem.to}`;
    case 'too-large':
      return `too large (${formatSize(problem.size)}; the limit is 1 MiB)`;
    case 'binary':
      return `binary file (NUL byte at offset ${problem.offset}), not a markdown report`;
  }
}

/** The problem as one sentence to the student saying what to change (the finding's message). */
export function problemMessage(path: string, problem: SourceProblem): string {
  switch (problem.kind) {
    case 'missing':
      return `${path} does not exist at ${problem.ref.slice(0, 12)}; the course checker reads the report from there.`;
    case 'deleted':
      return `This pull request deletes ${path}; the course checker reads the report from there, so restore it.`;
    case 'renamed':
      return `This pull request moves ${path} to ${problem.to}; the course checker reads ${path}, so move it back.`;
    case 'too-large':
      return `${path} is ${problemReason(problem)}; a report over 1 MiB is not a report, so shrink it (images belong in files).`;
    case 'binary':
      return `${path} is a binary file (NUL byte at offset ${problem.offset}); commit the report as markdown text.`;
  }
}

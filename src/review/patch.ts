/**
 * One hunk of a pull-request file's diff, as the RIGHT-side (new file) lines it shows. GitHub accepts a review
 * comment on any of these lines (added or context), and a range only when both ends lie in the same hunk.
 */
export interface Hunk {
  /** First new-file line the hunk shows (1-based). */
  start: number;
  /** Last new-file line the hunk shows (inclusive). */
  end: number;
}

const HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

/**
 * Reads the hunks of a file's unified `patch` (as `GET /pulls/{n}/files` returns it). A missing patch (binary
 * files, very large diffs, pure renames) has no hunks, so no line of that file can take a comment.
 */
export function parsePatch(patch: string | null | undefined): Hunk[] {
  if (!patch) return [];
  const hunks: Hunk[] = [];
  for (const line of patch.split('\n')) {
    const match = HUNK_HEADER.exec(line);
    if (!match) continue;
    const start = Number(match[1]);
    // "+c" alone means one line; "+c,0" means the hunk shows no new-file line (a pure deletion).
    const count = match[2] === undefined ? 1 : Number(match[2]);
    if (count > 0) hunks.push({ start, end: start + count - 1 });
  }
  return hunks;
}

/** The hunk that shows new-file line `line`, if any. */
export function findHunk(hunks: readonly Hunk[], line: number): Hunk | undefined {
  return hunks.find((hunk) => hunk.start <= line && line <= hunk.end);
}

/**
 * Where a finding spanning `startLine..endLine` can be commented: the part of it inside the first hunk it
 * touches, as `{startLine, line}` (GitHub's `start_line` / `line`), or null when no line of it is in the diff.
 */
export function anchorRange(
  hunks: readonly Hunk[],
  startLine: number,
  endLine: number,
): { startLine: number | null; line: number } | null {
  const last = Math.max(startLine, endLine);
  const hunk = hunks
    .filter((h) => h.end >= startLine && h.start <= last)
    .sort((a, b) => a.start - b.start)[0];
  if (!hunk) return null;
  const from = Math.max(startLine, hunk.start);
  const to = Math.min(last, hunk.end);
  return { startLine: from < to ? from : null, line: to };
}

import type { Fix } from '../diagnostic.js';
import type { LineIndex } from '../fixes/line-index.js';
import { indexLines } from '../fixes/line-index.js';
import type { ReportSource } from '../source/load-source.js';
import type { Hunk } from './patch.js';
import { neutralise } from './neutralise.js';

/**
 * A GitHub suggested change: the comment covers `startLine..line` (RIGHT side), and `text` replaces exactly those
 * lines when the student clicks "Commit suggestion" (no line end after the last line; '' deletes the lines).
 */
export interface Suggestion {
  startLine: number | null;
  line: number;
  text: string;
}

/** A suggestion longer than this is not offered: the comment body must stay well under GitHub's 65,536 characters. */
const MAX_SUGGESTION_CHARS = 20_000;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The report's text as the fixes' lines and columns count it, or null when a suggestion could not keep its bytes
 * as they are: invalid UTF-8, or `\r` line ends (the engine reads them as `\n`, a suggestion would rewrite them).
 */
export function suggestionText(source: ReportSource): LineIndex | null {
  if (!('bytes' in source)) return null;
  let text: string;
  try {
    text = strictUtf8.decode(source.bytes);
  } catch {
    return null;
  }
  return text.includes('\r') ? null : indexLines(text);
}

/**
 * Whether `text` may stand in a suggestion block: the block shows the student's text as it is, so it must hold
 * nothing that could close the block (a ``` or ~~~ fence), nothing our markers are made of, and nothing
 * neutralise() would change in echoed prose (markup, mentions, links, controls): such a fix is described only.
 */
export function suggestable(text: string): boolean {
  if (text.length > MAX_SUGGESTION_CHARS || text.includes('```') || text.includes('~~~')) return false;
  if (text.includes('report-check:') || text.includes('<!--') || text.includes('-->')) return false;
  // A byte-order mark on line 1 would be written back in the middle of nowhere GitHub shows.
  if (text.includes('\ufeff')) return false;
  return text.split('\n').every((line) => neutralise(line) === line);
}

/** The lines an edit touches: one ending at the start of a later line stops before it (it ends with a `\n`). */
function touched(edit: Fix['edits'][number]): [number, number] {
  const last = edit.endColumn === 1 && edit.endLine > edit.line ? edit.endLine - 1 : edit.endLine;
  return [edit.line, last];
}

/**
 * The suggested change for a finding's fix, commented over the finding's lines in the diff (`anchor`) widened to
 * every line the fix edits; null when that reaches outside `hunk` (GitHub takes a range only within one hunk),
 * when the edits do not leave whole lines, or when the new lines are not {@link suggestable}.
 */
export function suggestFix(
  fix: Fix,
  lines: LineIndex,
  anchor: { startLine: number | null; line: number },
  hunk: Hunk,
): Suggestion | null {
  if (fix.edits.length === 0) return null;
  let from = anchor.startLine ?? anchor.line;
  let to = anchor.line;
  for (const edit of fix.edits) {
    const [first, last] = touched(edit);
    from = Math.min(from, first);
    to = Math.max(to, last);
  }
  if (from < hunk.start || to > hunk.end || to > lines.lineCount) return null;
  const start = lines.start(from);
  // With the `\n` of the last line (when it has one), so that an edit deleting that line end stays inside.
  const end = to < lines.lineCount ? lines.start(to + 1) : lines.text.length;
  let out = '';
  let at = start;
  for (const edit of fix.edits) {
    const s = lines.offsetOf(edit.line, edit.column);
    const e = lines.offsetOf(edit.endLine, edit.endColumn);
    if (s === null || e === null || s < at || e < s || e > end) return null;
    out += lines.text.slice(at, s) + edit.text;
    at = e;
  }
  out += lines.text.slice(at, end);
  const text = whole(out, lines.text.slice(start, end));
  if (text === null || !suggestable(text)) return null;
  return { startLine: from < to ? from : null, line: to, text };
}

/** The new lines without their final line end, or null when the edits left part of a line (joined two lines). */
function whole(replaced: string, original: string): string | null {
  if (!original.endsWith('\n')) return replaced.endsWith('\n') ? null : replaced;
  if (replaced === '') return '';
  return replaced.endsWith('\n') ? replaced.slice(0, -1) : null;
}

/** The suggestion block of a comment body. */
export function suggestionBlock(text: string): string {
  return text === '' ? '```suggestion\n```' : `\`\`\`suggestion\n${text}\n\`\`\``;
}

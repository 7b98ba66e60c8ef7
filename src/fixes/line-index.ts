import { lineStarts, makePointAt } from '../parse/lines.js';

/**
 * Where each line of a text starts, computed once per report: every fix producer and applyFixes convert between
 * line/column and offsets through it in constant time, instead of scanning the text again for each finding.
 */
export interface LineIndex {
  text: string;
  /** Number of lines (a final newline ends the last line, it does not start one). */
  lineCount: number;
  /** Offset where 1-based `line` starts. */
  start(line: number): number;
  /** Offset of the end of 1-based `line`, before its `\n`. */
  end(line: number): number;
  /** The text of 1-based `line`, without its `\n`. */
  lineText(line: number): string;
  /** The offset of a 1-based line and column, or null when it lies outside the text. */
  offsetOf(line: number, column: number): number | null;
  /** The 1-based line holding `offset`. */
  lineOf(offset: number): number;
}

/** Indexes the line starts of `text` in one pass (none when they are already known, as `starts`). */
export function indexLines(text: string, starts: number[] = lineStarts(text)): LineIndex {
  const lineCount = text.endsWith('\n') && starts.length > 1 ? starts.length - 1 : starts.length;
  const start = (line: number): number => starts[line - 1] ?? text.length;
  const pointAt = makePointAt(starts);
  const end = (line: number): number => {
    const next = starts[line];
    return next === undefined ? text.length : next - 1;
  };
  return {
    text,
    lineCount,
    start,
    end,
    lineText: (line) => text.slice(start(line), end(line)),
    offsetOf(line, column) {
      if (!Number.isInteger(line) || !Number.isInteger(column) || line < 1 || column < 1) return null;
      // A text ending in `\n` has an empty line after it: where an edit deleting the last line with its `\n` ends.
      if (line > starts.length) return null;
      const offset = start(line) + column - 1;
      return offset <= end(line) ? offset : null;
    },
    lineOf: (offset) => pointAt(offset).line,
  };
}

import type { TextEdit } from '../diagnostic.js';
import type { LineIndex } from '../fixes/line-index.js';

/** The edit replacing report offsets `start`..`end` by `text`, as lines and columns. */
export function editAt(lines: LineIndex, start: number, end: number, text: string): TextEdit {
  const line = lines.lineOf(start);
  const endLine = lines.lineOf(end);
  return {
    line,
    column: start - lines.start(line) + 1,
    endLine,
    endColumn: end - lines.start(endLine) + 1,
    text,
  };
}

/** The edit deleting 1-based `line` with its line end (the last line: its text only). */
export function deleteLine(lines: LineIndex, line: number): TextEdit {
  const start = lines.start(line);
  const end = lines.end(line);
  return editAt(lines, start, end < lines.text.length ? end + 1 : end, '');
}

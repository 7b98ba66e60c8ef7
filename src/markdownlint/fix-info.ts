import type { Fix, TextEdit } from '../diagnostic.js';
import type { LineIndex } from '../fixes/line-index.js';

/**
 * One markdownlint fixInfo, on a line of the whole file (front matter included): from `editColumn`, delete
 * `deleteCount` characters (-1: the whole line with its line end) and insert `insertText`.
 */
export interface LinePiece {
  lineNumber: number;
  editColumn: number;
  deleteCount: number;
  insertText: string;
}

/**
 * The pieces of one edit, or null when markdownlint cannot take it: a fixInfo edits one line, so an edit across
 * lines is offered only when it deletes whole lines (one `deleteCount: -1` each). Any other edit across lines
 * would need pieces that are wrong on their own (a quick fix applies one piece), so it is not offered.
 */
function editPieces(edit: TextEdit, lines: LineIndex): LinePiece[] | null {
  if (edit.line === edit.endLine) {
    return [
      {
        lineNumber: edit.line,
        editColumn: edit.column,
        deleteCount: edit.endColumn - edit.column,
        insertText: edit.text,
      },
    ];
  }
  if (edit.column !== 1 || edit.endColumn !== 1 || edit.text !== '' || edit.endLine > lines.lineCount + 1)
    return null;
  const pieces: LinePiece[] = [];
  for (let line = edit.line; line < edit.endLine; line++)
    pieces.push({ lineNumber: line, editColumn: 1, deleteCount: -1, insertText: '' });
  return pieces;
}

/**
 * A fix as markdownlint fixInfo pieces, each safe on its own (a quick fix applies one), or null when one of its
 * edits cannot be one or lies in the first `hidden` lines (front matter, which markdownlint does not let a rule
 * edit).
 */
export function fixPieces(fix: Fix, lines: LineIndex, hidden: number): LinePiece[] | null {
  const pieces: LinePiece[] = [];
  for (const edit of fix.edits) {
    const made = editPieces(edit, lines);
    if (made === null || edit.line <= hidden) return null;
    for (const piece of made) pieces.push(piece);
  }
  return pieces.length > 0 ? pieces : null;
}

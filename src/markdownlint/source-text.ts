import { readFileSync } from 'node:fs';
import { clearHtmlCommentText } from 'markdownlint/helpers';

/** What markdownlint hands a rule of the text it lints. */
export interface LintedLines {
  lines: readonly string[];
  frontMatterLines: readonly string[];
}

const LINE_END = /\r\n|\r/g;

function readSaved(path: string): string | null {
  try {
    return readFileSync(path, 'utf8')
      .replace(/^\uFEFF/, '')
      .replace(LINE_END, '\n');
  } catch {
    return null;
  }
}

/**
 * The report's text as the student wrote it, lines joined by `\n`. markdownlint hides the text inside HTML
 * comments from rules (each character a `.`), but the course checker reads it (a figure commented out still
 * counts): when the saved file `path` is what markdownlint lints, once hidden the same way, its text is used;
 * otherwise (an unsaved editor buffer) the text as markdownlint hands it, comments hidden.
 */
export function reportText(linted: LintedLines, path: string | null): string {
  const content = linted.lines.join('\n');
  const head = linted.frontMatterLines.length > 0 ? `${linted.frontMatterLines.join('\n')}\n` : '';
  const text = head + content;
  if (path === null || !content.includes('<!--')) return text;
  const saved = readSaved(path);
  if (saved === null || saved.length !== text.length || !saved.startsWith(head)) return text;
  return clearHtmlCommentText(saved.slice(head.length)) === content ? saved : text;
}

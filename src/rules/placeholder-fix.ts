import type { Fix } from '../diagnostic.js';
import { countWords, wordsAfter, type FixContext } from './fix-context.js';
import { deleteLine, editAt } from './fix-edit.js';
import type { Finding } from './rule.js';

const PLACEHOLDER = /---\s*question\s+\d+\s+fill\s+here\s*---/gi;

interface LinePlaceholders {
  /** Report offsets of each placeholder on the line, in order. */
  matches: { start: number; end: number; words: number }[];
  /** Whether the line holds nothing else (but spaces and quote markers). */
  alone: boolean;
  /** The next finding on this line takes this match (findings come in the order of their matches). */
  next: number;
}

function placeholdersOn(context: FixContext, line: number): LinePlaceholders {
  const text = context.lines.lineText(line);
  const at = context.lines.start(line);
  const matches = [...text.matchAll(PLACEHOLDER)].map((m) => ({
    start: at + m.index,
    end: at + m.index + m[0].length,
    words: countWords(m[0]),
  }));
  return { matches, alone: /^[\s>]*$/.test(text.replace(PLACEHOLDER, '')), next: 0 };
}

/**
 * Removes one `--- question N fill here ---` placeholder: its whole line when nothing else is on it, else the
 * placeholder and the spaces before it. Each finding of a line removes its own placeholder, so that a line of
 * many placeholders costs one scan, not one per finding.
 */
export function placeholderFix(found: Finding, context: FixContext): Fix | null {
  const section = context.sectionAt(found.line);
  if (!section || context.inCode(found.line)) return null;
  const on = context.once(`placeholder:${found.line}`, () => placeholdersOn(context, found.line));
  const match = on.matches[on.next++];
  if (!match) return null;
  const { lines } = context;
  let edit;
  if (on.alone && on.matches.length === 1) {
    // With the empty line after it, so that the answer does not start with two.
    const next = found.line + 1;
    const blank = next <= lines.lineCount && !/\S/.test(lines.lineText(next));
    edit = deleteLine(lines, found.line);
    if (blank) edit = { ...edit, ...deleteLine(lines, next), line: edit.line, column: edit.column };
  } else {
    let start = match.start;
    while (start > lines.start(found.line) && /[ \t]/.test(lines.text[start - 1] ?? '')) start--;
    edit = editAt(lines, start, match.end, '');
  }
  const counted =
    section.answer !== null && match.start >= section.answer.start && match.end <= section.answer.end;
  return {
    description: "Remove the template's placeholder line",
    edits: [edit],
    after: wordsAfter(context, section, counted ? match.words : 0),
  };
}

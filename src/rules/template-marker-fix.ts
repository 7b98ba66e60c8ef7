import type { Fix, TextEdit } from '../diagnostic.js';
import type { QuestionSection } from '../parse/report.js';
import { countWords, wordsAfter, type FixContext } from './fix-context.js';
import { editAt } from './fix-edit.js';
import type { Finding } from './rule.js';

const PLACEHOLDER = /---\s*question\s+\d+\s+fill\s+here\s*---/i;
/** A leading marker: quote markers and spaces kept, then `---` and the spaces after it, before text (not a dash). */
const LEADING = /^([ \t>]*)(-{3,}[ \t]*)(?=[^\s-])/;

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

/**
 * Where a trailing marker starts (its spaces before, its dashes, spaces after, up to the line end) when text that
 * is not a dash comes before it at or after `from`, else -1. A scan, not a regular expression: a regex anchored
 * at the end retries every start, quadratic over a long line of spaces.
 */
function trailingMarker(text: string, from: number): number {
  let e = text.length;
  while (e > from && isBlank(text[e - 1])) e--;
  let d = e;
  while (d > from && text[d - 1] === '-') d--;
  if (e - d < 3) return -1;
  let s = d;
  while (s > from && isBlank(text[s - 1])) s--;
  const before = text[s - 1];
  return s > from && before !== undefined && before !== '-' && /\S/.test(before) ? s : -1;
}

/** The edits that take the markers off one line (none for a line of dashes only: a rule or an underline). */
function lineEdits(context: FixContext, line: number): { edits: TextEdit[]; words: number } {
  const text = context.lines.lineText(line);
  if (context.inCode(line) || PLACEHOLDER.test(text) || /^\s*\|/.test(text)) return { edits: [], words: 0 };
  const at = context.lines.start(line);
  const edits: TextEdit[] = [];
  let kept = text;
  const leading = LEADING.exec(text);
  let from = 0;
  if (leading) {
    const start = (leading[1] ?? '').length;
    const end = start + (leading[2] ?? '').length;
    edits.push(editAt(context.lines, at + start, at + end, ''));
    kept = text.slice(0, start) + text.slice(end);
    from = end;
  }
  const start = trailingMarker(text, from);
  if (start !== -1) {
    edits.push(editAt(context.lines, at + start, at + text.length, ''));
    kept = kept.slice(0, kept.length - (text.length - start));
  }
  return { edits, words: countWords(text) - countWords(kept) };
}

function inAnswer(context: FixContext, section: QuestionSection, line: number): boolean {
  const answer = section.answer;
  return answer !== null && context.lines.start(line) < answer.end && context.lines.end(line) > answer.start;
}

/**
 * Takes the template's `---` markers off every marker line of the question (the one finding per answer stands for
 * them all); the words between them stay as they are.
 */
export function markerFix(found: Finding, context: FixContext): Fix | null {
  const section = context.sectionAt(found.line);
  if (!section) return null;
  const edits: TextEdit[] = [];
  let removed = 0;
  for (const line of section.markerLines) {
    const made = lineEdits(context, line);
    for (const edit of made.edits) edits.push(edit);
    if (inAnswer(context, section, line)) removed += made.words;
  }
  if (edits.length === 0) return null;
  return {
    description: "Remove the template's `---` markers",
    edits,
    after: wordsAfter(context, section, removed),
  };
}

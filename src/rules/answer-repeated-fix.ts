import type { Fix } from '../diagnostic.js';
import type { QuestionSection } from '../parse/report.js';
import { countWords, wordsAfter, type FixContext } from './fix-context.js';
import { editAt } from './fix-edit.js';
import type { Finding } from './rule.js';

const ANSWER = 'Answer:';

/**
 * Whether an `Answer:` on this line can be escaped as `Answer\:`: rendered markdown shows the same text, and the
 * course checker, which splits at the literal `Answer:`, no longer does. Not in code (fenced, indented or a line
 * with a code span), where the backslash would show.
 */
function escapable(context: FixContext, line: number): boolean {
  return context.once(`answer-escapable:${line}`, () => {
    const text = context.lines.lineText(line);
    return !context.inCode(line) && !text.includes('`') && !/^(?: {4}|\t)/.test(text);
  });
}

/** The repeated markers of a line, in order, and which one the next finding on the line takes. */
function repeatedOn(
  context: FixContext,
  section: QuestionSection,
  line: number,
): { at: number[]; next: number } {
  const text = context.lines.lineText(line);
  const start = context.lines.start(line);
  const at: number[] = [];
  for (let i = text.indexOf(ANSWER); i !== -1; i = text.indexOf(ANSWER, i + 1)) {
    if (start + i + ANSWER.length !== section.markers[0]) at.push(start + i);
  }
  return { at, next: 0 };
}

/**
 * The question's word count once every escapable `Answer:` in it is escaped: its answer then runs from the first
 * `Answer:` to the first one that stays, the first `##` or the section's end, as the course checker cuts it.
 * Computed once per question.
 */
function mergedWords(context: FixContext, section: QuestionSection): number {
  return context.once(`answer-merged:${section.start}`, () => {
    const text = context.lines.text;
    const first = section.markers[0] ?? section.end;
    let cut = section.end;
    for (const marker of section.markers.slice(1)) {
      if (!escapable(context, context.lines.lineOf(marker))) {
        cut = marker - ANSWER.length;
        break;
      }
    }
    const hashes = text.indexOf('##', first);
    if (hashes !== -1 && hashes < cut) cut = hashes;
    return countWords(text.slice(first, cut));
  });
}

/**
 * Whether escaping the `Answer:` at `at` leaves the course checker as many answers: it splits the report at every
 * `Answer:` and keeps the pieces that hold a `###`, so escaping joins this piece to the one before, and one fewer
 * is kept when both hold a `###` (a missing heading this `Answer:` makes up for: escaping it would crash the
 * checker). Requiring the piece before to hold none keeps every run of escapes down to one kept piece. Scans only
 * back to the previous `Answer:`, so all findings together read the report once.
 */
function keepsCount(text: string, at: number): boolean {
  const previous = text.lastIndexOf(ANSWER, at - 1);
  return previous === -1 || !text.slice(previous + ANSWER.length, at).includes('###');
}

/** Escapes a repeated `Answer:` as `Answer\:`: the student's words and the rendered page stay the same. */
export function answerRepeatedFix(found: Finding, context: FixContext): Fix | null {
  const section = context.sectionAt(found.line);
  if (!section || !escapable(context, found.line)) return null;
  const on = context.once(`answer-repeated:${found.line}`, () => repeatedOn(context, section, found.line));
  const at = on.at[on.next++];
  if (at === undefined || !keepsCount(context.lines.text, at)) return null;
  const colon = at + ANSWER.length - 1;
  return {
    description:
      'Escape the colon (`Answer\\:`): the page shows the same text, the course checker no longer splits there',
    edits: [editAt(context.lines, colon, colon, '\\')],
    after: wordsAfter(context, section, section.words - mergedWords(context, section)),
  };
}

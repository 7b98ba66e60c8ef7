import { blocksToParse } from './blocks.js';
import { TEMPLATE_LINES } from './edition-table.js';
import type { CheckerReading } from './course-checker.js';
import { collectBlockFacts, MAX_PARSED_CHARS } from './answer-facts.js';
import { lineStarts, makePointAt } from './lines.js';
import type { QuestionSection, ReportModel } from './model.js';
import { scanLines } from './scan-lines.js';
import { buildSection, hasOwnWords, type KnownAnswer } from './section.js';
import { questionNumber, questionStarts } from './skeleton.js';

export type { ImageRef, Point, QuestionSection, ReportModel } from './model.js';

let templateHeadings: Set<string> | undefined;

/** Whether the line at `start` is one of the templates' own `## ` headings (`## Working in the cloud`). */
function isTemplateHeading(text: string, start: number): boolean {
  templateHeadings ??= new Set(TEMPLATE_LINES.filter((line) => line.startsWith('## ')));
  const newline = text.indexOf('\n', start);
  const line = text.slice(start, newline === -1 ? text.length : newline);
  return templateHeadings.has(line.replace(/\s+/g, ' ').trim());
}

/**
 * The checker's answer whose stripped text is exactly `text[start, end)`, if any, for sections asked in report
 * order. The checker's answers start in report order too (its chunks do; only the last chunk comes twice, cut and
 * whole, from the same start), so a cursor moves forward once over them for all the sections.
 */
function knownAnswers(reading: CheckerReading): (start: number, end: number) => KnownAnswer | undefined {
  const { answers } = reading;
  let next = 0;
  return (start, end) => {
    while (next < answers.length) {
      const answer = answers[next] as CheckerReading['answers'][number];
      if (answer.end - answer.text.length >= start) break;
      next++;
    }
    for (let i = next; i < answers.length; i++) {
      const answer = answers[i] as CheckerReading['answers'][number];
      const answerStart = answer.end - answer.text.length;
      if (answerStart !== start) return undefined;
      if (answer.end === end) return answer;
    }
    return undefined;
  };
}

/**
 * An answer written under a `##` heading of its own (`## Our setup` right under `Answer:`) is the student's,
 * though the checker counts none of it: the section, which ends at that heading, is marked as cut there and as
 * answered. Under one of the template's own headings (`## Version control`) such text is its intro with the `>`
 * lost, unless the question has no answer but that. (After the last question, section-after-last-answer says
 * what the checker does with the text.)
 */
function markCutByHeading(text: string, section: QuestionSection, end: number, next: number): void {
  if (end >= next || section.markers.length === 0 || !hasOwnWords(text, end, next)) return;
  if (section.answered && isTemplateHeading(text, end)) return;
  section.cutByHeading = end;
  section.answered = true;
}

/**
 * Builds the report model: question sections with their answers and the facts the rules need. `reading`, when
 * given, must be {@link readAsCourseChecker}'s reading of this same `text` (of any edition): the answers it cut
 * at the same offsets as a section's are not counted again. `starts`, when given, must be lineStarts of `text`.
 */
export function parseReport(text: string, reading?: CheckerReading, starts = lineStarts(text)): ReportModel {
  const pointAt = makePointAt(starts);
  const { headings, code, raw } = scanLines(text, starts);
  // A `-----` in fenced code or a `<pre>` (a coverage table, say) is shown as it is: not a template marker.
  const verbatim = (line: number): boolean => code[line - 1] === 1 || raw[line - 1] === 1;
  const { starts: questionHeadings, ends, inAnswer } = questionStarts(text, headings);
  const questions: QuestionSection[] = [];
  let parseFailure: string | null = null;
  const budget = { left: MAX_PARSED_CHARS };
  const known = reading && knownAnswers(reading);
  // A question's section runs to the next heading that starts or ends one. Both lists are in report order: the
  // next question heading, or the next end found by one cursor (a sort of the two joined called its comparator
  // hundreds of times a report, interpreted on a cold run).
  let nextEnd = 0;
  for (let i = 0; i < questionHeadings.length; i++) {
    const heading = questionHeadings[i] as (typeof questionHeadings)[number];
    while (nextEnd < ends.length && (ends[nextEnd]?.start ?? 0) <= heading.start) nextEnd++;
    const next = questionHeadings[i + 1]?.start;
    const end = Math.min(next ?? text.length, ends[nextEnd]?.start ?? text.length);
    const section = buildSection(text, heading.number, heading, end, pointAt, known, verbatim);
    if (next !== undefined) markCutByHeading(text, section, end, next);
    const from = section.markers[0];
    const blocks = from === undefined ? [] : blocksToParse(text, starts, code, pointAt, from, end);
    const failure = collectBlockFacts(section, blocks, pointAt, budget);
    if (failure) parseFailure ??= `${failure} (Question ${section.number})`;
    questions.push(section);
  }
  const headingsInAnswers = inAnswer.map((h) => ({
    line: pointAt(h.start).line,
    depth: h.depth,
    number: h.number,
    text: text.slice(h.start, h.end),
  }));
  const hiddenQuestionHeadings: ReportModel['hiddenQuestionHeadings'] = [];
  for (const h of headings) {
    const number = h.nested && (h.depth === 2 || h.depth === 3) ? questionNumber(h.text) : null;
    if (number !== null) hiddenQuestionHeadings.push({ start: h.start, number, swallowed: h.swallowed });
  }
  // A final newline ends the last line; it does not start one (editors, git and GitHub count lines so).
  const lineCount = text.endsWith('\n') && starts.length > 1 ? starts.length - 1 : starts.length;
  return {
    text,
    questions,
    headingsInAnswers,
    hiddenQuestionHeadings,
    parseFailure,
    pointAt,
    lineCount,
    lineStarts: starts,
  };
}

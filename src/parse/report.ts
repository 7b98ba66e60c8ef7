import { blocksToParse } from './blocks.js';
import type { CheckerReading } from './course-checker.js';
import { collectBlockFacts, MAX_PARSED_CHARS } from './answer-facts.js';
import { lineStarts, makePointAt } from './lines.js';
import type { QuestionSection, ReportModel } from './model.js';
import { scanLines } from './scan-lines.js';
import { buildSection, type KnownAnswer } from './section.js';
import { questionStarts } from './skeleton.js';

export type { ImageRef, Point, QuestionSection, ReportModel } from './model.js';

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
 * Builds the report model: question sections with their answers and the facts the rules need. `reading`, when
 * given, must be {@link readAsCourseChecker}'s reading of this same `text` (of any edition): the answers it cut
 * at the same offsets as a section's are not counted again. `starts`, when given, must be lineStarts of `text`.
 */
export function parseReport(text: string, reading?: CheckerReading, starts = lineStarts(text)): ReportModel {
  const pointAt = makePointAt(starts);
  const { headings, code } = scanLines(text, starts);
  const skeleton = questionStarts(text, headings);
  const boundaries = [...skeleton.starts, ...skeleton.ends].sort((a, b) => a.start - b.start);
  const questions: QuestionSection[] = [];
  let parseFailure: string | null = null;
  let boundary = 0;
  const budget = { left: MAX_PARSED_CHARS };
  const known = reading && knownAnswers(reading);
  for (const heading of skeleton.starts) {
    while (boundary < boundaries.length && (boundaries[boundary]?.start ?? 0) <= heading.start) boundary++;
    const end = boundaries[boundary]?.start ?? text.length;
    const section = buildSection(text, heading.number, heading, end, pointAt, known);
    const from = section.markers[0];
    const blocks = from === undefined ? [] : blocksToParse(text, starts, code, pointAt, from, end);
    const failure = collectBlockFacts(section, blocks, pointAt, budget);
    if (failure) parseFailure ??= `${failure} (Question ${section.number})`;
    questions.push(section);
  }
  const headingsInAnswers = skeleton.inAnswer.map((h) => ({
    line: pointAt(h.start).line,
    depth: h.depth,
    number: h.number,
    text: text.slice(h.start, h.end),
  }));
  // A final newline ends the last line; it does not start one (editors, git and GitHub count lines so).
  const lineCount = text.endsWith('\n') && starts.length > 1 ? starts.length - 1 : starts.length;
  return { text, questions, headingsInAnswers, parseFailure, pointAt, lineCount, lineStarts: starts };
}

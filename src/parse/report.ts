import { blocksToParse } from './blocks.js';
import { collectBlockFacts, MAX_PARSED_CHARS } from './answer-facts.js';
import { lineStarts, makePointAt } from './lines.js';
import type { QuestionSection, ReportModel } from './model.js';
import { scanLines } from './scan-lines.js';
import { buildSection } from './section.js';
import { questionStarts } from './skeleton.js';

export type { ImageRef, Point, QuestionSection, ReportModel } from './model.js';

/** Builds the report model: question sections with their answers and the facts the rules need. */
export function parseReport(text: string): ReportModel {
  const starts = lineStarts(text);
  const pointAt = makePointAt(starts);
  const { headings, code } = scanLines(text, starts);
  const skeleton = questionStarts(text, headings);
  const boundaries = [...skeleton.starts, ...skeleton.ends].sort((a, b) => a.start - b.start);
  const questions: QuestionSection[] = [];
  let parseFailure: string | null = null;
  let boundary = 0;
  const budget = { left: MAX_PARSED_CHARS };
  for (const heading of skeleton.starts) {
    while (boundary < boundaries.length && (boundaries[boundary]?.start ?? 0) <= heading.start) boundary++;
    const end = boundaries[boundary]?.start ?? text.length;
    const section = buildSection(text, heading.number, heading, end, pointAt);
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

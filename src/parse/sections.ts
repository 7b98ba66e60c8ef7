import type { QuestionSection, ReportModel } from './report.js';

/**
 * The index of the first of `items` for which `past` is false, or their number; `past` must hold for a prefix of
 * them. Sections, `Answer:` offsets and headings come in report order, so their offsets only grow: a binary
 * search, where a scan per `Answer:` or line was quadratic (70,000 question headings with an answer each took
 * seconds).
 */
export function firstNotBefore<T>(items: readonly T[], past: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (past(items[mid] as T)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The question section holding a character offset, if any. {@link firstNotBefore}'s search written out for
 * `end <= offset`: the rules ask it of most findings and images, and each call made a closure.
 */
export function sectionContaining(model: ReportModel, offset: number): QuestionSection | undefined {
  const questions = model.questions;
  let lo = 0;
  let hi = questions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((questions[mid] as QuestionSection).end <= offset) lo = mid + 1;
    else hi = mid;
  }
  const section = questions[lo];
  return section && section.start <= offset ? section : undefined;
}

/** The number of the question whose section spans a 1-based line, or null outside every question. */
export function sectionAtLine(model: ReportModel, line: number): number | null {
  const lastLine = (s: QuestionSection) => model.pointAt(Math.max(s.start, s.end - 1)).line;
  const section = model.questions[firstNotBefore(model.questions, (s) => lastLine(s) < line)];
  return section && model.pointAt(section.start).line <= line ? section.number : null;
}

import type { QuestionSection, ReportModel } from './report.js';

/** The question section holding a character offset, if any. */
export function sectionContaining(model: ReportModel, offset: number): QuestionSection | undefined {
  return model.questions.find((section) => offset >= section.start && offset < section.end);
}

/** The number of the question whose section spans a 1-based line, or null outside every question. */
export function sectionAtLine(model: ReportModel, line: number): number | null {
  const section = model.questions.find(
    (s) => model.pointAt(s.start).line <= line && line <= model.pointAt(Math.max(s.start, s.end - 1)).line,
  );
  return section?.number ?? null;
}

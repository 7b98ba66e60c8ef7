import type { QuestionSection, ReportModel } from '../parse/report.js';
import type { RuleContext } from './rule.js';

/** One question heading as the skeleton rules see it, in document order. */
export interface HeadingVisit {
  section: QuestionSection;
  /** Line of the heading. */
  line: number;
  /** Whether the number is one of the edition's questions (1 … expected). */
  known: boolean;
  /** The first earlier section with the same number, if any. */
  first: QuestionSection | undefined;
  /** The highest question number before this heading (0 at the start). */
  previous: number;
}

/**
 * Walks the question headings in order, with what came before each: the skeleton rules' shared view, walked once
 * per report (three rules walk the same 35,000 headings otherwise).
 */
export function visitHeadings(
  context: Pick<RuleContext, 'model' | 'expected' | 'once'>,
): readonly HeadingVisit[] {
  return context.once('heading-visits', () => walk(context.model, context.expected));
}

function walk(model: ReportModel, expected: number): HeadingVisit[] {
  const seen = new Map<number, QuestionSection>();
  let previous = 0;
  return model.questions.map((section) => {
    const n = section.number;
    const visit = {
      section,
      line: section.heading.start.line,
      known: n >= 1 && n <= expected,
      first: seen.get(n),
      previous,
    };
    if (!seen.has(n)) seen.set(n, section);
    previous = Math.max(previous, n);
    return visit;
  });
}

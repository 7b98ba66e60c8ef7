import type { Diagnostic } from '../diagnostic.js';
import type { QuestionSummary } from '../result.js';
import type { Constraints } from './constraints.js';
import type { ReportDocument } from './document.js';

/** Rules whose finding marks a question as failing its constraints. */
const FAILING_RULES = new Set(['word-count', 'image-count', 'schema']);

/** One summary per question of the edition (and any extra one the report has), in question order. */
export function summariseQuestions(
  expected: number,
  document: ReportDocument,
  constraints: Constraints,
  diagnostics: readonly Diagnostic[],
): QuestionSummary[] {
  const failing = new Set(diagnostics.filter((d) => FAILING_RULES.has(d.ruleId)).map((d) => d.question));
  const numbers = new Set<number>([
    ...Array.from({ length: expected }, (_, i) => i + 1),
    ...document.questions.keys(),
  ]);
  return [...numbers]
    .sort((a, b) => a - b)
    .map((number) => {
      const entry = document.questions.get(number)?.entry;
      const section = document.sections.get(number);
      const ranges = constraints.ranges.get(number);
      return {
        number,
        words: entry?.words ?? 0,
        images: entry?.images ?? 0,
        proseWords: entry?.proseWords ?? 0,
        answered: entry?.answered ?? false,
        wordRange: ranges?.words ?? null,
        imageRange: ranges?.images ?? null,
        status: !entry ? 'missing' : !entry.answered ? 'unanswered' : failing.has(number) ? 'fail' : 'ok',
        line: section?.heading.start.line ?? null,
        answerLine: entry?.line ?? null,
      };
    });
}

import type { Diagnostic } from '../diagnostic.js';
import type { QuestionSummary } from '../result.js';
import type { Constraints } from './constraints.js';
import type { ReportDocument } from './document.js';

/** Rules whose finding marks a question as failing its constraints. */
const FAILING_RULES = new Set(['word-count', 'image-count', 'schema']);

/**
 * Questions listed beyond the edition's (and the schema's) own: a report can have 32,000 `### Question N`
 * headings, and a list of each (9 MB of JSON, a row each in the summary comment and a cohort column each) tells a
 * reader no more than the first ones and a count. Each of them also has its own `question-unknown` finding.
 */
export const MAX_EXTRA_QUESTIONS = 50;

/** The questions a result lists, and how many extra ones were left out of the list. */
export interface QuestionList {
  questions: QuestionSummary[];
  omitted: number;
}

/**
 * One summary per question of the edition and of the schema, and the first {@link MAX_EXTRA_QUESTIONS} extra ones
 * the report has, in question order.
 */
export function summariseQuestions(
  expected: number,
  document: ReportDocument,
  constraints: Constraints,
  diagnostics: readonly Diagnostic[],
): QuestionList {
  const failing = new Set<number | null>();
  for (const d of diagnostics) if (FAILING_RULES.has(d.ruleId)) failing.add(d.question);
  // The edition's questions 1 … expected, in order, and the document's other numbers (most reports have none),
  // sorted: the numbers in order without sorting the edition's own.
  const others: number[] = [];
  for (const number of document.questions.keys())
    if (!(number >= 1 && number <= expected)) others.push(number);
  if (others.length > 1) others.sort((a, b) => a - b);
  const listed: QuestionSummary[] = [];
  let extra = 0;
  let next = 0;
  for (; next < others.length && (others[next] as number) < 1; next++) list(others[next] as number);
  for (let number = 1; number <= expected; number++) listed.push(summary(number));
  for (; next < others.length; next++) list(others[next] as number);
  return { questions: listed, omitted: Math.max(0, extra - MAX_EXTRA_QUESTIONS) };

  /** Lists a number outside the edition's, unless it is one of the extra ones past the first few. */
  function list(number: number): void {
    if (!constraints.ranges.has(number) && ++extra > MAX_EXTRA_QUESTIONS) return;
    listed.push(summary(number));
  }

  function summary(number: number): QuestionSummary {
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
  }
}

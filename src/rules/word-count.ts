import { rangeMessage } from '../validate/ranges.js';
import { constraintErrors } from './constraint-errors.js';
import { finding } from './finding.js';
import type { Finding, Rule, RuleContext } from './rule.js';

/** The findings of one kind of range violation (`words` or `images`) under a rule id. */
export function rangeFindings(context: RuleContext, kind: 'words' | 'images', ruleId: string): Finding[] {
  return constraintErrors(context).flatMap(({ violation, at }): Finding[] =>
    violation?.kind === kind
      ? [
          finding({
            ruleId,
            severity: 'error',
            message: rangeMessage(violation.question, violation.kind, violation.actual, violation.range),
            ...at,
            question: violation.question,
            expected: violation.range,
            actual: violation.actual,
            identity: { key: String(violation.actual) },
          }),
        ]
      : [],
  );
}

/** An answer with fewer or more words than its question allows. */
export const wordCount: Rule = {
  id: 'word-count',
  severity: 'error',
  summary: "words outside the question's range, counted as the course checker counts them",
  description:
    'Each question allows a range of words (e.g. 100–200). The course checker counts whitespace-separated tokens of the whole answer, markdown syntax, image links and code included, and fails the report when a count is outside the range. The message says how many words to add or cut.',
  bad: '### Question 1\n\n> Answer:\n\nGroup 42.   (2 words; the question asks for at least 5)',
  good: '### Question 1\n\n> Answer:\n\nWe are group 42 of the January 2026 course.',
  fixable: false,
  check: (context) => rangeFindings(context, 'words', 'word-count'),
};

import type { Range } from '../result.js';
import { plural } from '../plural.js';
import { describeRange, rangeMessage, type RangeViolation } from '../validate/ranges.js';
import { sectionContaining } from '../parse/sections.js';
import { constraintErrors } from './constraint-errors.js';
import { removableNote, removableWords } from './counted-text.js';
import { finding } from './finding.js';
import type { Finding, Rule, RuleContext } from './rule.js';

/**
 * The word count's message, saying which of the counted words the student is told to remove elsewhere (the
 * template's markers and placeholder), with advice that is still right once they are gone.
 */
function wordMessage(context: RuleContext, question: number, actual: number, range: Range): string {
  const removable = removableWords(context, question);
  const note = removableNote(question, removable);
  if (!note) return rangeMessage(question, 'words', actual, range);
  const left = actual - removable.markers - removable.placeholder;
  const advice =
    left < range.min
      ? `so add at least ${range.min - left}`
      : left > range.max
        ? `so cut at least ${left - range.max}`
        : 'and removing them is enough';
  return `Question ${question} has ${plural(actual, 'word')} (${note}): it needs ${describeRange(range)}, ${advice}.`;
}

function message(context: RuleContext, violation: RangeViolation): string {
  const { question, kind, actual, range } = violation;
  if (kind === 'words') return wordMessage(context, question, actual, range);
  return rangeMessage(question, kind, actual, range);
}

/**
 * "The course checker grades the text at line 310 (under `### Question 12`) as Question 11's: " when the text it
 * counts for a question is not under that question's heading (answers-misaligned says why), else ''.
 */
function gradedElsewhere(context: RuleContext, question: number, line: number): string {
  const answer = context.positional ? context.reading.answers[question - 1] : undefined;
  if (!answer) return '';
  const under = sectionContaining(context.model, answer.start - 1);
  if (under?.number === question) return '';
  const where = under ? ` (under the heading "${under.heading.text.trim()}")` : '';
  return `The course checker grades the text at line ${line}${where} as Question ${question}'s: `;
}

/** The findings of one kind of range violation (`words` or `images`) under a rule id. */
export function rangeFindings(
  context: RuleContext,
  kind: 'words' | 'images',
  ruleId: string,
  describe: (violation: RangeViolation) => string = (violation) => message(context, violation),
): Finding[] {
  return constraintErrors(context).flatMap(({ violation, at }): Finding[] =>
    violation?.kind === kind
      ? [
          finding({
            ruleId,
            severity: 'error',
            message: `${gradedElsewhere(context, violation.question, at.line)}${describe(violation)}`,
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
    "Each question allows a range of words (e.g. 100–200). The course checker counts whitespace-separated tokens of the whole answer, markdown syntax, image links and code included, and fails the report when a count is outside the range. The message says how many words to add or cut; when the template's `---` markers or placeholder line are among the counted words, it says how many, and counts as if they were removed (template-marker and placeholder-left then leave that answer to this finding).",
  bad: '### Question 1\n\n> Answer:\n\nGroup 42.   (2 words; the question asks for at least 5)',
  good: '### Question 1\n\n> Answer:\n\nWe are group 42 of the January 2026 course.',
  fixable: false,
  check: (context) => rangeFindings(context, 'words', 'word-count'),
};

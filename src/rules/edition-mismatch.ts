import type { Edition, EditionLabel } from '../editions.js';
import { EXPECTED_ANSWERS } from '../parse/course-checker.js';
import { sameFamily, type EditionReading } from '../parse/edition.js';
import { crashClause } from './crash-clause.js';
import { finding } from './finding.js';
import type { Rule } from './rule.js';

/** The given edition and what the text says, when the two have different questions. */
export interface EditionContradiction {
  /** The edition the text's template lines match. */
  matches: EditionLabel;
  /** How many questions that edition's template has. */
  questions: number;
}

/**
 * What the text says against a given edition, when it clearly says otherwise: its template lines are of the other
 * family (27 against 31 questions), at least twice as many of them as of the given edition's. Within a family
 * the given edition stands: 2023 and 2024 check the same, and 2025 and 2026 differ only in Question 3's range.
 */
export function editionContradiction(given: Edition, reading: EditionReading): EditionContradiction | null {
  if (reading.matches === null || sameFamily(given, reading.edition)) return null;
  if (reading.score(reading.edition) < 2 * reading.score(given)) return null;
  return { matches: reading.matches, questions: EXPECTED_ANSWERS[reading.edition] };
}

/** How to ask for the text's edition: `2023/2024` is either of two names. */
function asked(label: EditionLabel): string {
  return label === '2023/2024' ? '`2023` (`2024` checks the same)' : `\`${label}\``;
}

/** The edition was given (`--edition`, the `edition` input), and the report's text is another edition's template. */
export const editionMismatch: Rule = {
  id: 'edition-mismatch',
  severity: 'warning',
  severityNote: 'error when the given edition’s course checker crashes on the report, else warning',
  summary: 'the given edition is not the one the report’s template text matches',
  description:
    "The edition was given (`--edition` or the action's `edition` input), but the report still carries another edition's template lines, with another number of questions (27 for 2023/2024, 31 for 2025/2026). The findings that would follow only from the wrong edition (restore Questions 28–31, or Questions 28–31 are not in the template) are left out. Set the edition to `auto`, or to the one this finding names; when the course really grades the report with the given edition's checker, the report has to be moved to that edition's template.",
  bad: 'report-check --edition 2026 reports/README.md   (a report on the 2023 template)',
  good: 'report-check --edition auto reports/README.md',
  fixable: false,
  check: (context) => {
    const { editionContradiction: wrong, edition, expected, structureSeverity } = context;
    if (!wrong) return [];
    const consequence = crashClause(context);
    return [
      finding({
        ruleId: 'edition-mismatch',
        severity: structureSeverity,
        message: `The report is the ${wrong.matches} template (${wrong.questions} questions), but the edition is given as ${edition} (${expected} questions)${consequence ? `, so ${consequence}` : ''}; set the edition to \`auto\` or ${asked(wrong.matches)}.`,
        line: 1,
        question: null,
      }),
    ];
  },
};

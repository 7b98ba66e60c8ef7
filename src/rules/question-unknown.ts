import type { EditionContradiction } from './edition-mismatch.js';
import { capped } from './cap.js';
import { finding } from './finding.js';
import { visitHeadings } from './headings.js';
import type { Rule } from './rule.js';

function inTextEdition(n: number, contradiction: EditionContradiction | null): boolean {
  return contradiction !== null && n >= 1 && n <= contradiction.questions;
}

/** A `### Question N` heading whose number is not one of the edition's questions. */
export const questionUnknown: Rule = {
  id: 'question-unknown',
  severity: 'warning',
  summary: "a question number that is not in the edition's template",
  description:
    'The course template numbers its questions 1 to 27 (2023/2024) or 1 to 31 (2025/2026). A heading with another number is not a question the course checker knows, and it usually means a heading was renumbered by mistake. Renumber it to the question it answers, or remove it.',
  bad: '### Question 32\n\n> Answer:\n\nWe used DVC for data versioning.',
  good: '### Question 31\n\n> Answer:\n\nWe used DVC for data versioning.',
  fixable: false,
  // capped: 32,000 numbered headings are 32,000 unknown questions, all outside the questions; only the listed ones
  // are made (and fingerprinted), the rest are one summary.
  check: (context) =>
    capped(
      visitHeadings(context)
        // A number the text's own edition has is not unknown: edition-mismatch says the edition is wrong.
        .filter(
          (visit) => !visit.known && !inTextEdition(visit.section.number, context.editionContradiction),
        ),
      ({ section, line }) =>
        finding({
          ruleId: 'question-unknown',
          severity: 'warning',
          message: `Question ${section.number} is not in this edition's template (Questions 1–${context.expected}); renumber or remove it.`,
          line,
          question: null,
          identity: { question: section.number, key: String(line) },
        }),
    ),
};

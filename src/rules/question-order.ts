import { finding } from './finding.js';
import { visitHeadings } from './headings.js';
import { firstMisaligned } from './misattribution.js';
import type { Rule } from './rule.js';

/** A question heading that comes after a higher-numbered one. */
export const questionOrder: Rule = {
  id: 'question-order',
  severity: 'warning',
  summary: "questions out of the template's order",
  description:
    "The course checker matches answers to questions by position, not by heading: the first `Answer:` is graded as Question 1's, the second as Question 2's, and so on. Questions moved out of order are graded against the wrong ranges. Keep the template's order.",
  bad: '### Question 3\n\n> Answer:\n\n…\n\n### Question 2\n\n> Answer:\n\n…',
  good: '### Question 2\n\n> Answer:\n\n…\n\n### Question 3\n\n> Answer:\n\n…',
  fixable: false,
  check: (context) => {
    // The first misplaced answer's question is answers-misaligned's, which names the move as its cause.
    const misaligned = firstMisaligned(context)?.question;
    return visitHeadings(context)
      .filter((visit) => visit.known && visit.first === undefined && visit.section.number < visit.previous)
      .filter((visit) => visit.section.number !== misaligned)
      .map(({ section, line, previous }) =>
        finding({
          ruleId: 'question-order',
          severity: 'warning',
          message: `Question ${section.number} comes after Question ${previous}; keep the template's order, as the course checker matches answers by position.`,
          line,
          question: section.number,
        }),
      );
  },
};

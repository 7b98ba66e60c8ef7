import { finding } from './finding.js';
import { placeholderFix } from './placeholder-fix.js';
import type { Rule } from './rule.js';

/** The template's `--- question N fill here ---` line left in an answered question. */
export const placeholderLeft: Rule = {
  id: 'placeholder-left',
  severity: 'warning',
  summary: "the template's `--- question N fill here ---` line left in an answered question",
  description:
    "Once a question is answered, the template's placeholder line should go: it shows in the rendered report, and the course checker counts its six words towards the answer's word count. Remove it.",
  bad: '> Answer:\n\n--- question 4 fill here ---\n\nWe split the data 80/10/10.',
  good: '> Answer:\n\nWe split the data 80/10/10.',
  fixable: true,
  fix: placeholderFix,
  check: ({ model }) =>
    model.questions
      .filter((section) => section.answered)
      .flatMap((section) =>
        section.placeholderLines.map((line) =>
          finding({
            ruleId: 'placeholder-left',
            severity: 'warning',
            message: `Question ${section.number} still has the template's "--- question ${section.number} fill here ---" line; remove it (the course checker counts its 6 words).`,
            line,
            question: section.number,
          }),
        ),
      ),
};

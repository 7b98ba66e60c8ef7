import { finding } from './finding.js';
import type { Rule } from './rule.js';

/** A `---` or `===` line right under text, which turns the text into a heading. */
export const setextHeading: Rule = {
  id: 'setext-heading',
  severity: 'warning',
  summary: 'a `---`/`===` line directly under text, which turns it into a heading',
  description:
    'In markdown, a line of `---` or `===` directly under a paragraph makes that paragraph a heading (a "setext" heading), so an answer renders as a large title. Put an empty line before the `---`, or remove it.',
  bad: 'We deployed the model with Cloud Run.\n---',
  good: 'We deployed the model with Cloud Run.\n\n---',
  fixable: false,
  check: ({ model }) =>
    model.questions.flatMap((section) =>
      section.setextHeadings.map(({ line, underline }) =>
        finding({
          ruleId: 'setext-heading',
          severity: 'warning',
          message: `The "---" or "===" on line ${underline} turns the text above it into a heading; put an empty line before it or remove it.`,
          line,
          endLine: underline,
          question: section.number,
          identity: { key: String(line - section.heading.start.line) },
        }),
      ),
    ),
};

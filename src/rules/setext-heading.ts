import type { Fix } from '../diagnostic.js';
import type { FixContext } from './fix-context.js';
import { capped } from './cap.js';
import { editAt } from './fix-edit.js';
import { finding } from './finding.js';
import type { Finding, Rule } from './rule.js';

/**
 * An empty line before a `---` underline: the text above stays a paragraph and the `---` becomes the rule it was
 * meant to be. None for `===` (an empty line would leave a paragraph of `=`; the student must choose), in code,
 * or for an underline indented four spaces (after an empty line it would be code).
 */
function setextFix(found: Finding, context: FixContext): Fix | null {
  const underline = found.endLine;
  const text = context.lines.lineText(underline);
  if (context.inCode(underline) || !/^[ \t>]*-+[ \t]*$/.test(text) || /^(?: {4}|\t)/.test(text)) return null;
  const at = context.lines.start(underline);
  return {
    description: 'Put an empty line before the `---`',
    edits: [editAt(context.lines, at, at, '\n')],
  };
}

/** A `---` or `===` line right under text, which turns the text into a heading. */
export const setextHeading: Rule = {
  id: 'setext-heading',
  severity: 'warning',
  summary: 'a `---`/`===` line directly under text, which turns it into a heading',
  description:
    'In markdown, a line of `---` or `===` directly under a paragraph makes that paragraph a heading (a "setext" heading), so an answer renders as a large title. Put an empty line before the `---`, or remove it.',
  bad: 'We deployed the model with Cloud Run.\n---',
  good: 'We deployed the model with Cloud Run.\n\n---',
  fixable: true,
  fix: setextFix,
  check: ({ model }) => {
    const found: Finding[] = [];
    // A loop over the sections, skipping those without an underline (nearly all), not a flatMap of empty lists.
    for (const section of model.questions) {
      if (section.setextHeadings.length === 0) continue;
      // capped: 40,000 underlined lines in one answer are made into the findings listed, not 40,000 to drop.
      const listed = capped(section.setextHeadings, ({ line, underline }) =>
        finding({
          ruleId: 'setext-heading',
          severity: 'warning',
          message: `The "---" or "===" on line ${underline} turns the text above it into a heading; put an empty line before it or remove it.`,
          line,
          endLine: underline,
          question: section.number,
          identity: { key: String(line - section.heading.start.line) },
        }),
      );
      for (const one of listed) found.push(one);
    }
    return found;
  },
};

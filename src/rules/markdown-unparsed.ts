import { finding } from './finding.js';
import type { Rule } from './rule.js';

/** Markdown the parser gave up on (nested too deeply), so only headings and counts were checked. */
export const markdownUnparsed: Rule = {
  id: 'markdown-unparsed',
  severity: 'warning',
  summary: 'an answer too deeply nested or too large to parse; only counts were checked',
  description:
    "report-check parses each answer's markdown to find images, template markers and headings. An answer nested more than 64 levels deep (quotes or lists inside each other) or with more than 1,000 `[`, or a report with more than 64 KiB of markdown around its images and underlined headings, is not parsed, as parsing it would take seconds to minutes; the headings, `Answer:` lines and the course checker's counts are still checked, but the images in the unparsed text are not looked up in the repository. Flatten the nesting, or shorten the HTML around figures.",
  bad: '> > > > > > > … (65 levels of nested quotes)',
  good: '> One level of quote is plenty.',
  fixable: false,
  check: ({ model }) =>
    model.parseFailure
      ? [
          finding({
            ruleId: 'markdown-unparsed',
            severity: 'warning',
            message: `The markdown could not be parsed (${model.parseFailure}); only headings and counts were checked.`,
            line: 1,
            question: null,
          }),
        ]
      : [],
};

import { sectionContaining } from '../parse/sections.js';
import { crashClause } from './crash-clause.js';
import { finding } from './finding.js';
import type { Rule } from './rule.js';

/** A `###` heading after the last answer, which the course checker counts as one more answer. */
export const sectionAfterLastAnswer: Rule = {
  id: 'section-after-last-answer',
  severity: 'warning',
  severityNote: 'error when the course checker crashes, else warning',
  summary: 'a heading after the last answer (the checker then counts one answer too many)',
  description:
    'The course checker appends the text after the last `Answer:` once cut at the next `###` and once whole, so any `###` heading after the last answer (an appendix, a references section) adds one answer too many and it crashes. Remove the section or move it above Question 1.',
  bad: '### Question 31\n\n> Answer:\n\n…\n\n### References\n\n- DVC docs',
  good: '### Question 31\n\n> Answer:\n\n… (see the DVC docs)',
  fixable: false,
  check: (context) => {
    const { model, structureSeverity } = context;
    const consequence = crashClause(context);
    const lastMarker = model.text.lastIndexOf('Answer:');
    const trailing = lastMarker === -1 ? -1 : model.text.indexOf('###', lastMarker);
    if (trailing === -1) return [];
    const line = model.pointAt(trailing).line;
    return [
      finding({
        ruleId: 'section-after-last-answer',
        severity: structureSeverity,
        message: `The heading at line ${line} comes after the last question's answer, so the course checker counts one answer too many${consequence ? ` and ${consequence.replace('the course checker ', '')}` : ''}; remove it or move it above Question 1.`,
        line,
        // The extra answer is cut from the last question's text, so that is the question to name.
        question: sectionContaining(model, lastMarker)?.number ?? null,
        identity: { question: null },
      }),
    ];
  },
};

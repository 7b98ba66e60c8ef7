import { finding } from './finding.js';
import { markerFix } from './template-marker-fix.js';
import type { Finding, Rule } from './rule.js';

/** The template's `---` markers left around an answer. */
export const templateMarker: Rule = {
  id: 'template-marker',
  severity: 'warning',
  summary: "the template's `---` markers left around an answer",
  description:
    'The template wraps each placeholder in `---` markers. Kept around an answer they show in the rendered report (and a `---` under text turns it into a heading). Remove them. One finding per answer: a group that kept them usually kept them on every line.',
  bad: '> Answer:\n\n--- We used Hydra for configs. ---',
  good: '> Answer:\n\nWe used Hydra for configs.',
  fixable: true,
  fix: markerFix,
  check: ({ model }) =>
    model.questions.flatMap((section): Finding[] => {
      const line = section.markerLines[0];
      if (!section.answered || line === undefined) return [];
      return [
        finding({
          ruleId: 'template-marker',
          severity: 'warning',
          message: `Line ${line} still has the template's "---" markers around Question ${section.number}'s answer; remove them, they show in the rendered report.`,
          line,
          question: section.number,
        }),
      ];
    }),
};

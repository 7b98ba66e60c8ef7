import { finding } from './finding.js';
import type { Finding, Rule } from './rule.js';

/** A `##` inside an answer: the course checker stops reading the answer there. */
export const answerCut: Rule = {
  id: 'answer-cut',
  severity: 'warning',
  summary: 'a `##` inside an answer: the checker stops counting there',
  description:
    'The course checker cuts each answer at the first `##` after its `Answer:` line, so a `####` subheading (or any other `##`, e.g. in `C##`) inside an answer ends it early: the text after it is not counted towards the word and image ranges. Avoid `##` inside answers; use bold text for subheadings.',
  bad: '> Answer:\n\nWe used three tools.\n\n#### Tools\n\nDVC, Hydra and W&B.',
  good: '> Answer:\n\nWe used three tools.\n\n**Tools**: DVC, Hydra and W&B.',
  fixable: false,
  check: ({ model }, earlier) => {
    const found: Finding[] = [];
    for (const section of model.questions) {
      if (!section.answer || section.markers.length !== 1) continue;
      const rest = model.text.slice(section.answer.end, section.end);
      const cut = rest.indexOf('##');
      if (cut === -1 || !/\S/.test(rest.slice(cut).replace(/^#+/, ''))) continue;
      const line = model.pointAt(section.answer.end + cut).line;
      // A heading after the last answer is section-after-last-answer's: one cause, one finding.
      if (earlier.some((f) => f.ruleId === 'section-after-last-answer' && f.line === line)) continue;
      found.push(
        finding({
          ruleId: 'answer-cut',
          severity: 'warning',
          message: `The course checker stops reading Question ${section.number}'s answer at the "##" on line ${line}, so the text after it is not counted; avoid "##" inside answers.`,
          line,
          question: section.number,
        }),
      );
    }
    return found;
  },
};

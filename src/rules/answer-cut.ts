import { finding } from './finding.js';
import type { Finding, Rule } from './rule.js';

/** A `##` inside an answer: the course checker stops reading the answer there. */
export const answerCut: Rule = {
  id: 'answer-cut',
  severity: 'warning',
  summary: 'a `##` inside an answer: the checker stops counting there',
  description:
    'The course checker cuts each answer at the first `##` after its `Answer:` line, so a `####` subheading (or any other `##`, e.g. in `C##`) inside an answer ends it early, and a `## Our setup` heading over the answer leaves nothing: the text after it is not counted towards the word and image ranges. Avoid `##` inside answers; use bold text for subheadings.',
  bad: '> Answer:\n\nWe used three tools.\n\n#### Tools\n\nDVC, Hydra and W&B.',
  good: '> Answer:\n\nWe used three tools.\n\n**Tools**: DVC, Hydra and W&B.',
  fixable: false,
  check: ({ model }, earlier) => {
    const found: Finding[] = [];
    for (const section of model.questions) {
      if (section.markers.length !== 1) continue;
      // The first `##` after the answer's text, else a heading that ends the section with the student's text
      // under it (`## Our setup` right under `Answer:`): the checker stops at the first of either.
      let cut = section.cutByHeading;
      if (section.answer) {
        const rest = model.text.slice(section.answer.end, section.end);
        const inside = rest.indexOf('##');
        if (inside !== -1 && /\S/.test(rest.slice(inside).replace(/^#+/, '')))
          cut = section.answer.end + inside;
      }
      if (cut === null) continue;
      const line = model.pointAt(cut).line;
      const lineStart = model.lineStarts[line - 1] ?? cut;
      // On a heading line the `##` found first is its own: the advice is about the heading, not the characters.
      const heading = /^ {0,3}#{2,}(?:[ \t\n]|$)/.test(model.text.slice(lineStart, lineStart + 12));
      // A heading after the last answer is section-after-last-answer's: one cause, one finding.
      if (earlier.some((f) => f.ruleId === 'section-after-last-answer' && f.line === line)) continue;
      found.push(
        finding({
          ruleId: 'answer-cut',
          severity: 'warning',
          message: heading
            ? `The course checker stops reading Question ${section.number}'s answer at the heading on line ${line}, so the text under it is not counted; write the heading as bold text (**like this**) instead.`
            : `The course checker stops reading Question ${section.number}'s answer at the "##" on line ${line}, so the text after it is not counted; avoid "##" inside answers.`,
          line,
          question: section.number,
        }),
      );
    }
    return found;
  },
};

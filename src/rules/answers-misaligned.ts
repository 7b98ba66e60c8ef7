import { sectionContaining } from '../parse/sections.js';
import { finding } from './finding.js';
import type { Rule } from './rule.js';

/** The course checker would grade an answer against another question. */
export const answersMisaligned: Rule = {
  id: 'answers-misaligned',
  severity: 'error',
  summary: 'the checker would grade an answer against another question (it matches by position)',
  description:
    "When the report has the right number of answers but not under their own headings (a question heading renamed, or questions moved), the course checker does not crash: it grades the k-th answer against question k's ranges, whatever the headings say. Restore the template's questions and `Answer:` lines so each answer sits under its own question.",
  bad: '### Question 1\n\n> Answer:\n\n…\n\n### Our pipeline\n\n> Answer:\n\n…\n\n### Question 3\n\n> Answer:\n\n…',
  good: '### Question 1\n\n> Answer:\n\n…\n\n### Question 2\n\n> Answer:\n\n…\n\n### Question 3\n\n> Answer:\n\n…',
  fixable: false,
  check: ({ model, reading }) => {
    if (reading.crash) return [];
    // Same count, wrong places: the checker grades answer k against question k whatever the headings say.
    const shifted = reading.answers.findIndex(
      (answer, index) => sectionContaining(model, answer.start - 1)?.number !== index + 1,
    );
    if (shifted === -1 || model.questions.length === 0) return [];
    const answer = reading.answers[shifted];
    const line = answer ? model.pointAt(answer.start).line : 1;
    return [
      finding({
        ruleId: 'answers-misaligned',
        severity: 'error',
        message: `The course checker reads the answer at line ${line} as Question ${shifted + 1}'s, because it matches answers by position; restore the template's questions and "Answer:" lines.`,
        line,
        question: shifted + 1,
      }),
    ];
  },
};

import { finding } from './finding.js';
import { firstMisaligned, shiftCause, underHeading } from './misattribution.js';
import type { Rule, RuleContext } from './rule.js';

/**
 * "Question 20's heading comes after this answer (line 149)": question-order leaves this out for the question
 * whose answer is misplaced, so the move is named here, once. '' when the question's heading comes before.
 */
function movedCause({ model }: RuleContext, question: number, line: number): string {
  const own = model.questions.find((s) => s.number === question);
  if (!own || own.heading.start.line <= line) return '';
  return `\`### Question ${question}\` comes after this answer (line ${own.heading.start.line})`;
}

/** The course checker would grade an answer against another question. */
export const answersMisaligned: Rule = {
  id: 'answers-misaligned',
  severity: 'error',
  summary: 'the checker would grade an answer against another question (it matches by position)',
  description:
    "When the report has the right number of answers but not under their own headings (questions moved or renumbered, an `Answer:` added in one place and deleted in another), the course checker does not crash: it grades the k-th answer against question k's ranges, whatever the headings say. Restore the template's questions and `Answer:` lines so each answer sits under its own question. (A renamed heading with its answer still in place is question-heading's: the checker grades that answer as its own.)",
  bad: '### Question 1\n\n> Answer:\n\n…\n\n### Question 3\n\n> Answer:\n\n…\n\n### Question 2\n\n> Answer:\n\n…',
  good: '### Question 1\n\n> Answer:\n\n…\n\n### Question 2\n\n> Answer:\n\n…\n\n### Question 3\n\n> Answer:\n\n…',
  fixable: false,
  check: (context, earlier) => {
    // Same count, wrong places: the checker grades answer k against question k whatever the headings say.
    const misaligned = firstMisaligned(context);
    if (!misaligned) return [];
    const { question, place } = misaligned;
    const cause = shiftCause(earlier, place.line) || movedCause(context, question, place.line);
    return [
      finding({
        ruleId: 'answers-misaligned',
        severity: 'error',
        message: `The course checker grades this answer (${underHeading(place)}) as Question ${question}'s, because ${cause ? `${cause} and it` : 'it'} matches answers by position, not by heading; restore the template's questions and "Answer:" lines so each answer is under its own question.`,
        line: place.line,
        question,
      }),
    ];
  },
};

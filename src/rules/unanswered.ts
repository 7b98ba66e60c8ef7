import { describeRange } from '../validate/ranges.js';
import { finding } from './finding.js';
import type { Finding, Rule, RuleContext } from './rule.js';

/** "200–300 words and exactly 1 image": what an unanswered question asks for. */
function wanted(context: RuleContext, question: number): string {
  const ranges = context.constraints.ranges.get(question);
  return [
    ranges?.words ? `${describeRange(ranges.words)} words` : '',
    ranges?.images ? `${describeRange(ranges.images)} ${ranges.images.max === 1 ? 'image' : 'images'}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
}

/** An answer that is empty or still the template's placeholder. */
export const unanswered: Rule = {
  id: 'unanswered',
  severity: 'notice',
  severityNote: 'notice, or error with `--strict` / `strict: true`',
  summary: "an answer that is empty or still the template's placeholder",
  description:
    "A question with no answer yet. While the report is in progress this is a notice, and the question's ranges are not checked; for the final hand-in, run with `--strict` (or the action's `strict: true`) to make it an error. Replace the placeholder with your answer.",
  bad: '### Question 4\n\n> Answer:\n\n--- question 4 fill here ---',
  good: '### Question 4\n\n> Answer:\n\nWe split the data 80/10/10 and tracked it with DVC.',
  fixable: false,
  check: (context, earlier) => {
    // Without its `Answer:` line a question has no answer of its own to read: answer-missing says so, unless
    // it is only a warning and strict makes this an error (the checker grades whatever answer it finds there).
    const noMarker = new Set(
      earlier
        .filter((f) => f.ruleId === 'answer-missing' && (f.severity === 'error' || !context.strict))
        .map((f) => f.question),
    );
    const found: Finding[] = [];
    // forEach, not a for-of destructuring each [number, question] pair: until V8 optimises this (a cold run's
    // reports) that made an entry, an iterator and its results per question.
    context.document.questions.forEach(({ entry, at }, number) => {
      if (entry.answered || noMarker.has(number)) return;
      const ranges = wanted(context, number);
      found.push(
        finding({
          ruleId: 'unanswered',
          severity: context.strict ? 'error' : 'notice',
          message: `Question ${number} is not answered yet: ${entry.placeholder ? 'replace the placeholder with your answer' : 'write your answer'}${ranges ? ` (${ranges})` : ''}.`,
          ...at,
          question: number,
        }),
      );
    });
    return found;
  },
};

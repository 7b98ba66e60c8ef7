import { finding } from './finding.js';
import { crashClause } from './crash-clause.js';
import { renamedOf } from './question-renamed.js';
import type { Rule } from './rule.js';

/** A question without its `Answer:` line. */
export const answerMissing: Rule = {
  id: 'answer-missing',
  severity: 'warning',
  severityNote: 'error when the course checker crashes, else warning',
  summary: 'a question without its `Answer:` line',
  description:
    'The course checker finds answers by splitting the report at every `Answer:`. A question whose `> Answer:` line was deleted has no answer of its own, so the checker counts one answer too few and crashes, or gives the next answer to this question. Put back the `> Answer:` line under the question.',
  bad: '### Question 7\n\nWe wrote 12 unit tests.',
  good: '### Question 7\n\n> Answer:\n\nWe wrote 12 unit tests.',
  fixable: false,
  check: (context) => {
    const { model, structureSeverity } = context;
    const consequence = crashClause(context);
    // An `Answer:` cut off from its heading by another heading is question-heading's: it names that heading.
    const split = new Set(renamedOf(context).map((q) => q.number));
    return model.questions
      .filter((section) => section.markers.length === 0 && !split.has(section.number))
      .map((section) =>
        finding({
          ruleId: 'answer-missing',
          severity: structureSeverity,
          message: `Question ${section.number} has no "Answer:" line, so ${consequence || 'the course checker mis-assigns answers'}; put back "> Answer:" under the question.`,
          line: section.heading.start.line,
          question: section.number,
        }),
      );
  },
};

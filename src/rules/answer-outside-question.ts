import { sectionContaining } from '../parse/sections.js';
import { crashClause } from './crash-clause.js';
import { finding } from './finding.js';
import { ownAnswerOfUnshownQuestion } from './misattribution.js';
import { renamedOf } from './question-renamed.js';
import type { Finding, Rule } from './rule.js';

/** `Answer:` outside every question section, e.g. in the introduction. */
export const answerOutsideQuestion: Rule = {
  id: 'answer-outside-question',
  severity: 'warning',
  severityNote: 'error when the course checker crashes, else warning',
  summary: '`Answer:` outside every question',
  description:
    'The course checker counts every `Answer:` in the file as the start of an answer, including one in the introduction or a group-information section, so every answer after it shifts by one. Reword it.',
  bad: '# Exam report\n\nAnswer: all questions below.\n\n### Question 1',
  good: '# Exam report\n\nWe answer all questions below.\n\n### Question 1',
  fixable: false,
  check: (context) => {
    const { model, structureSeverity } = context;
    const consequence = crashClause(context);
    // The `Answer:` under a renamed question heading is that question's: question-heading reports the heading.
    const renamed = new Set(renamedOf(context).map((q) => q.answerLine));
    const found: Finding[] = [];
    for (let at = model.text.indexOf('Answer:'); at !== -1; at = model.text.indexOf('Answer:', at + 1)) {
      if (sectionContaining(model, at)) continue;
      const line = model.pointAt(at).line;
      if (renamed.has(line) || ownAnswerOfUnshownQuestion(context, at + 'Answer:'.length)) continue;
      found.push(
        finding({
          ruleId: 'answer-outside-question',
          severity: structureSeverity,
          message: `Line ${line} contains "Answer:" outside any question; the course checker counts it as an answer${consequence ? `, so ${consequence.replace('the course checker ', 'it ')}; reword it` : ', so reword it'}.`,
          line,
          question: null,
          identity: { key: String(line) },
        }),
      );
    }
    return found;
  },
};

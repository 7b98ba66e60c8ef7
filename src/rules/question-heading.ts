import { crashClause } from './crash-clause.js';
import { finding } from './finding.js';
import { renamedOf, shallowQuestionHeadings, type RenamedQuestion } from './question-renamed.js';
import type { Finding, Rule, RuleContext } from './rule.js';

/** What the checker does with the changed heading, as the second half of the message. */
function consequence(context: RuleContext, q: RenamedQuestion): { crashes: boolean; text: string } {
  const crash = crashClause(context);
  if (crash && q.dropsPrevious) {
    return {
      crashes: true,
      text: `the course checker, which keeps an answer only when a "###" follows it, drops the answer above this line and ${crash.replace('the course checker ', '')}`,
    };
  }
  return {
    crashes: false,
    text: `the course checker grades the "Answer:" under it as Question ${q.number}'s only by its position (it reads no headings), and the page shows ${q.split ? `Question ${q.number} without its answer` : `no Question ${q.number}`}`,
  };
}

function report(context: RuleContext, q: RenamedQuestion, what: string): Finding {
  const { crashes, text } = consequence(context, q);
  return finding({
    ruleId: 'question-heading',
    severity: crashes ? 'error' : 'warning',
    message: `${what}, so ${text}; ${q.split ? 'quote it ("> …") as the template quotes the prompt, or remove it' : `make it "### Question ${q.number}" as in the template`}.`,
    line: q.line,
    question: q.number,
  });
}

/** A question heading changed from the template's `### Question N`: renamed, or given another level. */
export const questionHeading: Rule = {
  id: 'question-heading',
  severity: 'warning',
  severityNote: 'error when the course checker crashes because of it, else warning',
  summary: 'a question heading changed from `### Question N` (renamed, or another level)',
  description:
    "The course checker reads no headings: it splits the report at every `Answer:` and grades the k-th answer as question k's, and it keeps an answer only when a `###` follows it. A question heading renamed (`### Q20`, `### Question20`) is not a question heading to report-check, and the checker grades the answer under it only by its position; one of level 1 or 2 (`## Question 20`), or a plain `Question 20` line, makes the checker drop the answer above it and crash. Write the heading as the template has it: `### Question N`. A heading put between a question and its `Answer:` (the prompt made a `### …` heading) ends the question before its answer in the same way: quote it as the template quotes the prompt. This one finding stands for the missing question and the shifted answers that follow from the heading.",
  bad: '### Question 19\n\n> Answer:\n\n…\n\n## Q20\n\n> Answer:\n\n…',
  good: '### Question 19\n\n> Answer:\n\n…\n\n### Question 20\n\n> Answer:\n\n…',
  fixable: false,
  check: (context) => [
    ...renamedOf(context).map((q) =>
      q.split
        ? report(context, q, `This heading ends Question ${q.number} before its "Answer:"`)
        : report(
            context,
            q,
            `This ${q.depth ? 'heading' : 'line'} stands where "### Question ${q.number}" should be`,
          ),
    ),
    // A level 1–2 question heading is still a question to report-check: only the crash it causes is news.
    ...(context.reading.crash ? shallowQuestionHeadings(context) : []).map((q) =>
      report(context, q, `This heading has ${q.depth} "#" instead of 3`),
    ),
  ],
};

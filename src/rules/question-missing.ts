import { crashClause } from './crash-clause.js';
import { finding } from './finding.js';
import { renamedOf } from './question-renamed.js';
import type { Finding, Rule } from './rule.js';

/** A question of the template with no heading in the report. */
export const questionMissing: Rule = {
  id: 'question-missing',
  severity: 'warning',
  severityNote: 'error when the course checker crashes, else warning',
  summary: 'a question of the template that the report lacks',
  description:
    "Every question of the template must stay in the report, answered or not: the course checker counts the `Answer:` lines and crashes when there are fewer than the edition's questions, and it grades the answers by position. Restore the question's heading and `> Answer:` line from the template.",
  bad: '### Question 1\n\n> Answer:\n\n…\n\n### Question 3\n\n> Answer:\n\n…',
  good: '### Question 1\n\n> Answer:\n\n…\n\n### Question 2\n\n> Answer:\n\n…\n\n### Question 3\n\n> Answer:\n\n…',
  fixable: false,
  check: (context) => {
    const { model, structureSeverity, editionContradiction } = context;
    // Questions the given edition has and the text's edition does not follow from the edition, not the report.
    const expected = Math.min(context.expected, editionContradiction?.questions ?? Infinity);
    const consequence = crashClause(context);
    // A renamed heading is reported once, by question-heading: the question is there under another name.
    const present = new Set([...model.questions, ...renamedOf(context)].map((q) => q.number));
    const found: Finding[] = [];
    for (let n = 1; n <= expected; n++) {
      if (present.has(n)) continue;
      const next = model.questions.find((s) => s.number > n);
      // The heading is there, but the page shows it quoted or as HTML (the line above starts an HTML block
      // that runs on to the next empty line, a `<br>` say): say where, and how to show it, not "restore" it.
      const hidden = model.hiddenQuestionHeadings.find((h) => h.number === n);
      const remedy = hidden
        ? `its heading on line ${model.pointAt(hidden.start).line} does not show as a heading (it is quoted, or inside HTML: put an empty line between it and an HTML line above it)`
        : `restore its "### Question ${n}" heading and "> Answer:" line from the template`;
      found.push(
        finding({
          ruleId: 'question-missing',
          severity: structureSeverity,
          message: `Question ${n} is missing${consequence ? `, so ${consequence}` : ''}; ${remedy}.`,
          line: hidden ? model.pointAt(hidden.start).line : next ? next.heading.start.line : model.lineCount,
          question: n,
        }),
      );
    }
    return found;
  },
};

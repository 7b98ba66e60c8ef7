import { crashClause } from './crash-clause.js';
import { finding } from './finding.js';
import { renamedOf } from './question-renamed.js';
import type { Fix } from '../diagnostic.js';
import type { FixContext } from './fix-context.js';
import { editAt } from './fix-edit.js';
import type { Finding, Rule } from './rule.js';

/**
 * An empty line above a `Question N` heading that an HTML block swallows (the line under a `<br>`, `<img>` or
 * `<div>`: such a block runs to the next empty line), so that the page shows it. None for a quoted heading, one
 * in a comment or `<pre>` (those end only at their `-->` or `</pre>`), or one in code.
 */
function showHeadingFix(found: Finding, context: FixContext): Fix | null {
  const { model } = context.rule;
  const hidden = model.hiddenQuestionHeadings.find(
    (h) => h.number === found.question && h.swallowed && model.pointAt(h.start).line === found.line,
  );
  if (!hidden || context.inCode(found.line)) return null;
  return {
    description: 'Put an empty line above the heading',
    edits: [editAt(context.lines, hidden.start, hidden.start, '\n')],
  };
}

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
  fixable: true,
  fix: showHeadingFix,
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
        ? `its heading on line ${model.pointAt(hidden.start).line} does not show as a heading (${hidden.swallowed ? 'the HTML line above it takes it in: put an empty line between them' : 'it is quoted, or inside an HTML comment or `<pre>`'})`
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

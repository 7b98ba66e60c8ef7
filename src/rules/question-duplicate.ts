import { capped } from './cap.js';
import { crashClause } from './crash-clause.js';
import { finding } from './finding.js';
import { renamedOf } from './question-renamed.js';
import { visitHeadings } from './headings.js';
import type { Rule } from './rule.js';

/** A question heading that appears a second time. */
export const questionDuplicate: Rule = {
  id: 'question-duplicate',
  severity: 'warning',
  severityNote: 'error when the course checker crashes, else warning',
  summary: 'a question that appears twice',
  description:
    'Each question appears once in the template. A second copy adds an `Answer:` line, so the course checker counts one answer too many and crashes, or grades the answers against the wrong questions. Keep one copy and merge the answers.',
  bad: '### Question 5\n\n> Answer:\n\nFirst draft.\n\n### Question 5\n\n> Answer:\n\nSecond draft.',
  good: '### Question 5\n\n> Answer:\n\nThe answer, merged.',
  fixable: false,
  check: (context) => {
    const { structureSeverity } = context;
    const consequence = crashClause(context);
    // A copy that stands where a missing question should be is that question renumbered: question-heading's.
    const renamed = new Set(renamedOf(context).map((q) => q.line));
    const copies = visitHeadings(context)
      .filter((visit) => visit.known && visit.first !== undefined)
      .filter(({ line, first }) => !renamed.has(line) && !renamed.has(first?.heading.start.line ?? 0));
    // capped: 32,000 copies of one question are made into the findings listed, not 32,000 for the cap to drop.
    return capped(
      copies,
      ({ section, line, first }) =>
        finding({
          ruleId: 'question-duplicate',
          severity: structureSeverity,
          message: `Question ${section.number} appears again here (first at line ${first?.heading.start.line})${consequence ? `, so ${consequence}` : ''}; keep one copy.`,
          line,
          question: section.number,
        }),
      ({ section }) => section.number,
    );
  },
};

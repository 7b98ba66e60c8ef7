import { firstNotBefore, sectionContaining } from '../parse/sections.js';
import { crashClause } from './crash-clause.js';
import { answerRepeatedFix } from './answer-repeated-fix.js';
import { capped } from './cap.js';
import { finding } from './finding.js';
import { ownAnswerOfUnshownQuestion } from './misattribution.js';
import { renamedOf } from './question-renamed.js';
import type { Finding, Rule } from './rule.js';

/** `Answer:` a second time inside one question. */
export const answerRepeated: Rule = {
  id: 'answer-repeated',
  severity: 'error',
  severityNote: 'error, or warning when the course checker survives it',
  summary: '`Answer:` a second time inside one answer',
  description:
    'The course checker splits the report at every `Answer:`, wherever it appears, so the word inside an answer starts a new answer and shifts every later one. Reword it, e.g. "Answer -" or "our answer was".',
  bad: '### Question 9\n\n> Answer:\n\nAnswer: we used GitHub Actions.',
  good: '### Question 9\n\n> Answer:\n\nWe used GitHub Actions.',
  fixable: true,
  fix: answerRepeatedFix,
  check: (context) => {
    const { model, positional, structureSeverity } = context;
    const consequence = crashClause(context);
    const severity = positional && structureSeverity === 'warning' ? 'warning' : 'error';
    // The `Answer:` under a renamed question heading is that question's: question-heading reports the heading.
    const renamed = new Set(renamedOf(context).map((q) => q.answerLine));
    const found: Finding[] = [];
    // The first `Answer:` after a `Question N` heading the page hides (under a `<br>`, say) is that question's
    // own to the checker, which cuts there: rewording it would shift the answers (question-missing says why).
    // Not so for a hidden copy of a question the page also shows (an old draft in a comment): the checker counts
    // its `Answer:` as one more answer.
    const shown = new Set(model.questions.map((q) => q.number));
    const ownAnswers = new Set<number>();
    for (const hidden of model.hiddenQuestionHeadings) {
      if (shown.has(hidden.number)) continue;
      const markers = sectionContaining(model, hidden.start)?.markers;
      // Binary search, not find: thousands of quoted headings and `Answer:` lines in one section stay linear.
      const own = markers?.[firstNotBefore(markers, (m) => m <= hidden.start)];
      if (own !== undefined) ownAnswers.add(own);
    }
    for (const section of model.questions) {
      if (section.markers.length < 2) continue;
      // Only the listed ones are made: 150,000 findings took seconds to make and fingerprint.
      const listed = capped(
        section.markers
          .slice(1)
          .filter(
            (m) =>
              !renamed.has(model.pointAt(m).line) &&
              !ownAnswers.has(m) &&
              !ownAnswerOfUnshownQuestion(context, m),
          ),
        (marker) => {
          const line = model.pointAt(marker).line;
          return finding({
            ruleId: 'answer-repeated',
            severity,
            message: `Line ${line} contains "Answer:" again inside Question ${section.number}${consequence ? `, so ${consequence}; reword it` : '; the course checker splits answers at every "Answer:", so reword it'} (e.g. "Answer -").`,
            line,
            question: section.number,
            identity: { key: String(marker - section.start) },
          });
        },
      );
      for (const one of listed) found.push(one);
    }
    return found;
  },
};

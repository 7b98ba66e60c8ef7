import { removableWords } from './counted-text.js';
import { finding } from './finding.js';
import { placeholderFix } from './placeholder-fix.js';
import type { Finding, Rule } from './rule.js';
import { countedQuestions } from './template-marker.js';

/** The template's `--- question N fill here ---` line left in an answered question. */
export const placeholderLeft: Rule = {
  id: 'placeholder-left',
  severity: 'warning',
  summary: "the template's `--- question N fill here ---` line left in an answered question",
  description:
    "Once a question is answered, the template's placeholder line should go: it shows in the rendered report, and the course checker counts its six words towards the answer's word count. Remove it. When the answer's word count is out of range, the word-count finding names the placeholder's words and this one is left out.",
  bad: '> Answer:\n\n--- question 4 fill here ---\n\nWe split the data 80/10/10.',
  good: '> Answer:\n\nWe split the data 80/10/10.',
  fixable: true,
  fix: placeholderFix,
  check: (context, earlier) => {
    const found: Finding[] = [];
    let counted: Set<number | null> | undefined;
    for (const section of context.model.questions) {
      if (!section.answered || section.placeholderLines.length === 0) continue;
      // The word count already names the placeholder's words, and counts as if they were gone.
      counted ??= countedQuestions(earlier);
      if (counted.has(section.number) && removableWords(context, section.number).placeholder > 0) continue;
      for (const line of section.placeholderLines)
        found.push(
          finding({
            ruleId: 'placeholder-left',
            severity: 'warning',
            message: `Question ${section.number} still has the template's "--- question ${section.number} fill here ---" line; remove it (the course checker counts its 6 words).`,
            line,
            question: section.number,
          }),
        );
    }
    return found;
  },
};

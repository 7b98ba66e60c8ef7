import { describeRange } from '../validate/ranges.js';
import { plural } from '../plural.js';
import { removableWords } from './counted-text.js';
import { finding } from './finding.js';
import { markerFix } from './template-marker-fix.js';
import type { Finding, Rule, RuleContext } from './rule.js';

/**
 * What removing the markers does to an answer whose count is in range now: " (then Question 3 has 99 words and
 * needs 100–200: add at least 1)" when it falls below the range, else ''.
 */
function afterRemoval(context: RuleContext, question: number, markers: number): string {
  const words = context.document.questions.get(question)?.entry.words;
  const range = context.constraints.ranges.get(question)?.words;
  if (words === undefined || !range || markers === 0 || words - markers >= range.min) return '';
  const left = words - markers;
  return ` (then Question ${question} has ${plural(left, 'word')} and needs ${describeRange(range)}: add at least ${range.min - left})`;
}

/** The questions with a word-count finding. */
export function countedQuestions(earlier: readonly Finding[]): Set<number | null> {
  const counted = new Set<number | null>();
  for (const f of earlier) if (f.ruleId === 'word-count') counted.add(f.question);
  return counted;
}

/** The template's `---` markers left around an answer. */
export const templateMarker: Rule = {
  id: 'template-marker',
  severity: 'warning',
  summary: "the template's `---` markers left around an answer",
  description:
    "The template wraps each placeholder in `---` markers. Kept around an answer they show in the rendered report (and a `---` under text turns it into a heading), and the course checker counts each as a word. Remove them. One finding per answer: a group that kept them usually kept them on every line. When the answer's word count is out of range, the word-count finding says how many of its words are markers and this one is left out; when removing them takes the count below its range, the message says how many words to add.",
  bad: '> Answer:\n\n--- We used Hydra for configs. ---',
  good: '> Answer:\n\nWe used Hydra for configs.',
  fixable: true,
  fix: markerFix,
  check: (context, earlier) => {
    const found: Finding[] = [];
    let counted: Set<number | null> | undefined;
    for (const section of context.model.questions) {
      const line = section.markerLines[0];
      if (!section.answered || line === undefined) continue;
      const { markers } = removableWords(context, section.number);
      // The word count already names these markers, and counts as if they were gone.
      counted ??= countedQuestions(earlier);
      if (markers > 0 && counted.has(section.number)) continue;
      found.push(
        finding({
          ruleId: 'template-marker',
          severity: 'warning',
          message: `Line ${line} still has the template's "---" markers around Question ${section.number}'s answer; remove them, they show in the rendered report${afterRemoval(context, section.number, markers)}.`,
          line,
          question: section.number,
        }),
      );
    }
    return found;
  },
};

import { rangeMessage, type RangeViolation } from '../validate/ranges.js';
import { hiddenImages } from './counted-text.js';
import type { Rule, RuleContext } from './rule.js';
import { rangeFindings } from './word-count.js';

/** "lines 12 and 15": a list of lines as a student reads it. */
function lineList(lines: readonly number[]): string {
  const unique = [...new Set(lines)];
  const last = unique.pop();
  return unique.length ? `lines ${unique.join(', ')} and ${last}` : `line ${last}`;
}

/**
 * The image count's message; when the checker counts images the page does not show, it says how many and where
 * (the first few), so that the student can find what the count is made of.
 */
function imageMessage(context: RuleContext, violation: RangeViolation): string {
  const message = rangeMessage(violation.question, 'images', violation.actual, violation.range);
  const { count, named } = hiddenImages(context, violation.question);
  if (count === 0) return message;
  const places = [...new Set(named.map((image) => image.where))].join(' or ');
  const more = count > named.length ? `, and ${count - named.length} more` : '';
  const hidden = `${count} of them in ${places}, which the page does not show: ${lineList(named.map((image) => image.line))}${more}`;
  return message.replace(/; /, ` (${hidden}); `);
}

/** An answer with fewer or more images than its question allows. */
export const imageCount: Rule = {
  id: 'image-count',
  severity: 'error',
  summary: "`![..](..)` images outside the question's range",
  description:
    'Some questions ask for screenshots (e.g. exactly 1 or 1–2 images). The course checker counts `![alt](path)` links only, so an `<img>` tag or a reference-style image does not count; and it counts them anywhere in the answer, also in code, inline code and HTML comments, which the page does not show as images: the message names those with their lines. Add or remove images until the count is in range.',
  bad: '### Question 14\n\n> Answer:\n\nOur W&B dashboard shows the runs.',
  good: '### Question 14\n\n> Answer:\n\nOur W&B dashboard shows the runs.\n\n![W&B runs](figures/wandb.png)',
  fixable: false,
  check: (context, earlier) =>
    rangeFindings(context, 'images', 'image-count', (violation) => imageMessage(context, violation), earlier),
};

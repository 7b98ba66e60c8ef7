import { rangeFindings } from './word-count.js';
import type { Rule } from './rule.js';

/** An answer with fewer or more images than its question allows. */
export const imageCount: Rule = {
  id: 'image-count',
  severity: 'error',
  summary: "`![..](..)` images outside the question's range",
  description:
    'Some questions ask for screenshots (e.g. exactly 1 or 1–2 images). The course checker counts `![alt](path)` links only, so an `<img>` tag or a reference-style image does not count. Add or remove images until the count is in range.',
  bad: '### Question 14\n\n> Answer:\n\nOur W&B dashboard shows the runs.',
  good: '### Question 14\n\n> Answer:\n\nOur W&B dashboard shows the runs.\n\n![W&B runs](figures/wandb.png)',
  fixable: false,
  check: (context) => rangeFindings(context, 'images', 'image-count'),
};

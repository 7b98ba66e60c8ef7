import { imageRule } from './image-rule.js';

/** An image whose file is not in the repository, or whose path is empty. */
export const imageMissing = imageRule({
  id: 'image-missing',
  summary: 'an image whose file is not in the repository (or whose path is empty)',
  description:
    'The hand-in is built from the repository, so an image must be committed at the path the report links, relative to the report (or to the repository root for a path starting with `/`). Add the file, or fix the path.',
  bad: '![Training loss](figures/loss.png)   (no reports/figures/loss.png in the repository)',
  good: '![Training loss](figures/loss.png)   (reports/figures/loss.png committed)',
  fixable: false,
  inspect: ({ target, question, src }) => {
    if (target.kind === 'empty') {
      return {
        message: `Question ${question} has an image with an empty path; link the screenshot's file.`,
        key: '',
      };
    }
    if (target.kind !== 'in-repository' || target.presence !== 'absent') return null;
    return {
      message: `Question ${question} links ${src}, but ${target.resolved} is not in the repository; add the file or fix the path.`,
      key: src,
      actual: target.resolved,
    };
  },
});

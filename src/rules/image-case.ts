import { imageCaseFix } from './image-case-fix.js';
import { imageRule } from './image-rule.js';

/** An image link whose path matches a file only ignoring case. */
export const imageCase = imageRule({
  id: 'image-case',
  summary: 'an image link that matches a file only ignoring case',
  description:
    'GitHub and the Linux machines that build the hand-in treat `Figure.PNG` and `figure.png` as different files, although macOS and Windows do not. Fix the link or rename the file so the case matches.',
  bad: '![Bucket](figures/Bucket.PNG)   (the file is reports/figures/bucket.png)',
  good: '![Bucket](figures/bucket.png)',
  fixable: true,
  fix: imageCaseFix,
  inspect: ({ target, question, src }) =>
    target.kind === 'in-repository' && target.presence === 'case'
      ? {
          message: `Question ${question} links ${src}, but the file is ${target.other}: the case differs, so the image breaks on GitHub; fix the link or rename the file.`,
          key: src,
          expected: target.other,
          actual: target.resolved,
        }
      : null,
});

import { imageRule } from './image-rule.js';

/** An image linked by URL instead of from the repository. */
export const imageRemote = imageRule({
  id: 'image-remote',
  summary: 'an image linked by URL instead of from the repository',
  description:
    "The course builds the hand-in from the repository, so an image on another site may be missing or changed when the report is graded. Save the image in the report's figures folder and link it there.",
  bad: '![Dashboard](https://i.imgur.com/abc123.png)',
  good: '![Dashboard](figures/dashboard.png)',
  fixable: false,
  inspect: ({ target, question, src }) =>
    target.kind === 'remote'
      ? {
          message: `Question ${question} links a remote image (${src}); add the file to the repository's figures folder and link it there, as the hand-in is built from the repository.`,
          key: src,
        }
      : null,
});

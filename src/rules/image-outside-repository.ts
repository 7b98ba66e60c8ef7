import { imageRule } from './image-rule.js';

/** An image path that climbs above the repository's root. */
export const imageOutsideRepository = imageRule({
  id: 'image-outside-repository',
  summary: 'an image path that leaves the repository',
  description:
    "A path with more `../` than folders above the report points outside the repository, where no reader of the report can follow it. Move the image into the repository and link it from the report's folder.",
  bad: '![Architecture](../../diagram.png)   (from reports/README.md)',
  good: '![Architecture](figures/diagram.png)',
  fixable: false,
  inspect: ({ target, question, src }) =>
    target.kind === 'outside-repository'
      ? { message: `Question ${question} links ${src}, which points outside the repository.`, key: src }
      : null,
});

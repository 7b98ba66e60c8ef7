import { imageRule } from './image-rule.js';

/** An image that exists, but outside the report's folder, which the hand-in leaves out. */
export const imageOutsideReportFolder = imageRule({
  id: 'image-outside-report-folder',
  summary:
    "an image outside the report's folder, which the course's hand-in (the `reports` folder) leaves out",
  description:
    "The course collects the report's folder (`reports/`) for the hand-in, so an image elsewhere in the repository shows on GitHub but is missing from what is graded. Move the image into the report's `figures/` folder and link it from there.",
  bad: '![Loss](../docs/loss.png)   (from reports/README.md)',
  good: '![Loss](figures/loss.png)   (reports/figures/loss.png)',
  fixable: false,
  inspect: ({ target, question, src, folder }) =>
    target.kind === 'in-repository' && target.presence === 'exact' && target.outsideFolder
      ? {
          message: `Question ${question} links ${src}, outside ${folder}/, the folder the course collects for the hand-in; move the image into ${folder}/figures/ and link it from there.`,
          key: src,
          actual: target.resolved,
        }
      : null,
});

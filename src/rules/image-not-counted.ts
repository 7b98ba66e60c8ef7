import { imageRule } from './image-rule.js';

/** An `<img>` tag or a reference-style image, which the course checker does not count. */
export const imageNotCounted = imageRule({
  id: 'image-not-counted',
  summary: 'an `<img>` tag or reference-style image, which the checker does not count',
  description:
    "The course checker counts images by the `![alt](path)` syntax only. An HTML `<img>` tag or a reference-style image (`![alt][ref]`) shows on GitHub but does not count towards the question's image range. Write it as `![alt](path)`.",
  bad: '<img src="figures/cluster.png" width="400">',
  good: '![Our GKE cluster](figures/cluster.png)',
  fixable: false,
  inspect: ({ image, question }) => {
    if (image.kind === 'reference') {
      return {
        message: `Question ${question} uses a reference-style image, which the course checker does not count; write it as ![alt](path).`,
        key: image.alt,
      };
    }
    if (image.kind !== 'html') return null;
    return {
      message: `Question ${question} uses an <img> tag, which the course checker does not count; write it as ![alt](${image.src}).`,
      key: image.src,
    };
  },
});

import { ALLOWED_EXTENSIONS } from '../validate/images.js';
import { imageRule } from './image-rule.js';

/** An image that is not PNG or JPEG. */
export const imageFormat = imageRule({
  id: 'image-format',
  summary: 'an image that is not PNG or JPEG',
  description:
    'The course template asks for `.png`, `.jpg` or `.jpeg` images. Convert other formats (GIF, SVG, WebP, …) and link the converted file.',
  bad: '![Pipeline](figures/pipeline.svg)',
  good: '![Pipeline](figures/pipeline.png)',
  fixable: false,
  inspect: ({ target, question, src }) =>
    target.kind === 'in-repository' && !ALLOWED_EXTENSIONS.includes(target.extension)
      ? {
          message: `Question ${question} links ${src}; the template asks for .png, .jpg or .jpeg images, so convert it.`,
          key: src,
          expected: [...ALLOWED_EXTENSIONS],
          actual: target.extension || '(none)',
        }
      : null,
});

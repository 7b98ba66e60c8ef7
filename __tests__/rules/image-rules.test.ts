import { parseReport } from '../../src/parse/report.js';
import { checkImages } from '../../src/rules/image-rules.js';
import { indexFiles } from '../../src/validate/images.js';

function imagesOf(answer: string, files: string[] | null, reportPath = 'reports/README.md') {
  const section = parseReport(`### Question 14\n> Answer:\n\n${answer}\n`).questions[0];
  if (!section) throw new Error('no section');
  return checkImages(section, reportPath, files ? indexFiles(files) : null).map((d) => [
    d.ruleId,
    d.line,
    d.message,
  ]);
}

describe('checkImages', () => {
  it('should accept an image that exists next to the report', () => {
    expect(imagesOf('![a](figures/a.png)', ['reports/figures/a.png'])).toEqual([]);
  });

  it('should resolve ./ and %20 and ignore a query or fragment', () => {
    expect(imagesOf('![a](./figures/my%20shot.png?raw=true)', ['reports/figures/my shot.png'])).toEqual([]);
  });

  it('should resolve a path starting with / from the repository root', () => {
    expect(imagesOf('![a](/reports/a.png)', ['reports/a.png'])).toEqual([]);
  });

  it('should warn about an image outside the report folder, which the hand-in leaves out', () => {
    expect(imagesOf('![a](../docs/a.png)', ['docs/a.png'])).toEqual([
      [
        'image-outside-report-folder',
        4,
        'Question 14 links ../docs/a.png, outside reports/, the folder the course collects for the hand-in; move the image into reports/figures/ and link it from there.',
      ],
    ]);
    expect(imagesOf('![a](docs/a.png)', ['docs/a.png'], 'README.md')).toEqual([]);
  });

  it('should name the real file when only the case differs', () => {
    expect(imagesOf('![a](figures/Bucket.PNG)', ['reports/figures/bucket.png'])).toEqual([
      [
        'image-case',
        4,
        'Question 14 links figures/Bucket.PNG, but the file is reports/figures/bucket.png: the case differs, so the image breaks on GitHub; fix the link or rename the file.',
      ],
    ]);
  });

  it('should report a missing file with the path it looked for', () => {
    expect(imagesOf('text\n\n![a](figures/none.png)', ['reports/figures/a.png'])).toEqual([
      [
        'image-missing',
        6,
        'Question 14 links figures/none.png, but reports/figures/none.png is not in the repository; add the file or fix the path.',
      ],
    ]);
  });

  it('should not check existence when the file list is unknown, but still check the format', () => {
    expect(imagesOf('![a](figures/a.png) ![b](figures/b.svg)', null).map(([rule]) => rule)).toEqual([
      'image-format',
    ]);
  });

  it('should flag remote images and paths leaving the repository', () => {
    expect(
      imagesOf('![a](https://i.imgur.com/x.png) ![b](../../../x.png)', []).map(([rule]) => rule),
    ).toEqual(['image-remote', 'image-outside-repository']);
  });

  it('should flag <img> tags as not counted and still check their file', () => {
    expect(imagesOf('<img src="figures/x.png" width="400">', []).map(([rule]) => rule)).toEqual([
      'image-not-counted',
      'image-missing',
    ]);
  });
});

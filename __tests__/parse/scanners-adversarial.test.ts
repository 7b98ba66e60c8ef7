// Every scanner and pattern that reads student text, fed each adversarial shape at 1 MiB (scripts/adversarial.mjs):
// each finishes (a backtracking pattern took minutes on some of these) and gives a result bounded by its input.
// Not timed: `npm run bench` prints the worst time per MiB.
import { ADVERSARIAL_SHAPES } from '../../scripts/adversarial.mjs';
import { countPythonImages, normaliseNewlines } from '../../src/parse/course-checker.js';
import { countPythonWords } from '../../src/parse/words.js';
import { detectEdition } from '../../src/parse/edition.js';
import { withoutFences } from '../../src/parse/fence-code.js';
import { lineStarts } from '../../src/parse/lines.js';
import {
  atxHeading,
  findHtmlImages,
  isMarkerLine,
  withoutImages,
  withoutTags,
} from '../../src/parse/linear-scan.js';
import { parseReport } from '../../src/parse/report.js';
import { scanLines } from '../../src/parse/scan-lines.js';
import { EDITIONS } from '../../src/editions.js';

const MIB = 1024 * 1024;

describe.each(Object.entries(ADVERSARIAL_SHAPES))('on 1 MiB of %s', (_name, shape) => {
  const text = normaliseNewlines(shape(MIB));

  it('should give bounded answers from the line and span scanners', () => {
    // The whole text as one line, the worst case for a line scanner.
    expect(atxHeading(text)?.text.length ?? 0).toBeLessThanOrEqual(text.length);
    expect(typeof isMarkerLine(text)).toBe('boolean');
    for (const strip of [withoutImages, withoutTags, withoutFences])
      expect(strip(text).length).toBeLessThanOrEqual(text.length);
    const tags = text.toLowerCase().split('<img').length - 1;
    expect(findHtmlImages(text).length).toBeLessThanOrEqual(tags);
    expect(countPythonWords(text)).toBeLessThanOrEqual(text.length);
    expect(countPythonImages(text)).toBeLessThanOrEqual(text.split('![').length - 1);
    expect(EDITIONS).toContain(detectEdition(text));
  }, 60_000);

  it('should read the report line by line into a bounded model', () => {
    const starts = lineStarts(text);
    const { headings, code } = scanLines(text, starts);
    expect(headings.length).toBeLessThanOrEqual(starts.length);
    expect(code).toHaveLength(starts.length);
    const model = parseReport(text);
    expect(model.questions.length).toBeLessThanOrEqual(headings.length);
    for (const section of model.questions) {
      expect(section.imageRefs.length).toBeLessThanOrEqual(text.length / 4);
      expect(section.start).toBeLessThanOrEqual(section.end);
    }
  }, 60_000);
});

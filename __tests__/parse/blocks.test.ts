// blocksToParse finds the lines that may hold an image with indexOf: held to the pattern it replaced.
import fc from 'fast-check';
import { imageSearch } from '../../src/parse/blocks.js';

/** The pattern, run on the answer cut out of the text from each offset on. */
function byPattern(text: string, from: number, end: number, offset: number): number {
  const pattern = /!\[|<img/gi;
  pattern.lastIndex = offset - from;
  const match = pattern.exec(text.slice(from, end));
  return match ? from + match.index : end;
}

describe('imageSearch', () => {
  it('should find the image openers and <img> tags the pattern finds, for offsets in increasing order', () => {
    const piece = fc.constantFrom(
      ...[
        '!',
        '[',
        '![',
        '<',
        '<i',
        '<im',
        '<img',
        '<IMG',
        '<iMg',
        '<imG',
        '<\u0131mg',
        '<\u0130mg',
        '<img\n',
      ],
      ...['a', ' ', '\n', '!\n[', '<<img', '!![', '\u212a', 'ing'],
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }).map((parts) => parts.join('')),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.nat(),
        fc.nat(),
        (text, steps, a, b) => {
          const from = a % (text.length + 1);
          const end = from + (b % (text.length - from + 1));
          const next = imageSearch(text, from, end);
          let offset = from;
          for (const step of steps) {
            offset = Math.min(end, offset + (step % 6));
            expect(next(offset)).toBe(byPattern(text, from, end, offset));
          }
        },
      ),
      { numRuns: 5_000, seed: 12 },
    );
  });
});
